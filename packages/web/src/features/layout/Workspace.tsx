import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useReducer, useRef, type ReactNode } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { homePath } from '../catalog.ts'
import { TABS_STORAGE_PREFIX, useMe } from '../auth/AuthContext.tsx'
import { matchRoute, normalizePath } from './routes.ts'
import { restoreTabs, serializeTabs, tabsReducer, type Tab, type TabsAction, type TabsState } from './tabsReducer.ts'

export interface WorkspaceValue {
  tabs: Tab[]
  /** the tab in front: always the URL's path */
  activePath: string
  home: string
  /** opens a page in its tab (or focuses the tab it already has) */
  openPage: (path: string) => void
  /** close, close others, close right, close all */
  apply: (action: TabsAction) => void
  /** a page names its tab (an enterprise's name) */
  setTitle: (key: string, title: string) => void
}

const WorkspaceContext = createContext<WorkspaceValue | null>(null)

export function useWorkspace(): WorkspaceValue {
  const ctx = useContext(WorkspaceContext)
  if (!ctx) throw new Error('useWorkspace outside WorkspaceProvider')
  return ctx
}

function readSession(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key)
  } catch {
    return null
  }
}

function initialTabs(storageKey: string, home: string): TabsState {
  const restored = restoreTabs(readSession(storageKey), (p) => matchRoute(p).kind !== 'notFound')
  const tabs: Tab[] = [{ key: home, affix: true }, ...restored.filter((t) => t.key !== home)]
  return { tabs, activeKey: null }
}

const currentUrlPath = () => normalizePath(window.location.pathname)

/**
 * Owns the open tabs. The URL names the active tab: opening a page dispatches and navigates together
 * (router navigations render in transitions, and quick clicks may skip a location), while a URL typed,
 * reloaded or reached with back/forward opens its tab through the location effect. Open tabs are
 * kept in sessionStorage, per user, so a reload brings them back.
 */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const me = useMe()
  const location = useLocation()
  const navigate = useNavigate()
  const home = homePath(me.permissions)
  const storageKey = `${TABS_STORAGE_PREFIX}${me.id}`
  const [state, dispatch] = useReducer(tabsReducer, undefined, () => initialTabs(storageKey, home))
  const stateRef = useRef(state)
  useLayoutEffect(() => {
    stateRef.current = state
  }, [state])
  const path = normalizePath(location.pathname)

  useEffect(() => {
    if (path === '/') navigate(home, { replace: true })
    else dispatch({ type: 'activate', key: path, affix: path === home })
  }, [path, home, navigate])

  useEffect(() => {
    try {
      window.sessionStorage.setItem(storageKey, serializeTabs(state.tabs))
    } catch {
      // storage full or disabled: tabs are simply not restored after a reload
    }
  }, [state.tabs, storageKey])

  const openPage = useCallback(
    (target: string) => {
      const key = normalizePath(target)
      dispatch({ type: 'activate', key, affix: key === home })
      if (key !== currentUrlPath()) navigate(key)
    },
    [home, navigate],
  )

  const apply = useCallback(
    (action: TabsAction) => {
      const current = currentUrlPath()
      const next = tabsReducer({ ...stateRef.current, activeKey: current }, action)
      dispatch(action)
      const target = next.activeKey ?? home
      if (target !== current) navigate(target)
    },
    [home, navigate],
  )

  const setTitle = useCallback((key: string, title: string) => dispatch({ type: 'setTitle', key, title }), [])

  const value = useMemo<WorkspaceValue>(
    () => ({ tabs: state.tabs, activePath: path, home, openPage, apply, setTitle }),
    [state.tabs, path, home, openPage, apply, setTitle],
  )
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>
}
