/**
 * The multi-tab workspace as a pure reducer: which pages are open, in what order, and which one is
 * active. A tab's key is its normalized URL path, so opening the same enterprise twice focuses the
 * tab that is already open. Affixed tabs (the home page) survive "close all" and "close others".
 */
export interface Tab {
  key: string
  /** a title the page supplied (an enterprise's name); static pages derive theirs from the route */
  title?: string
  affix?: boolean
}

export interface TabsState {
  tabs: Tab[]
  activeKey: string | null
}

export type TabsAction =
  | { type: 'activate'; key: string; affix?: boolean }
  | { type: 'close'; key: string }
  | { type: 'closeOthers'; key: string }
  | { type: 'closeRight'; key: string }
  | { type: 'closeAll' }
  | { type: 'setTitle'; key: string; title: string }

/** Kept-alive pages cost memory: past this many tabs, the oldest inactive one is closed. */
export const MAX_TABS = 20

export const emptyTabs: TabsState = { tabs: [], activeKey: null }

function activate(state: TabsState, key: string, affix: boolean | undefined): TabsState {
  const existing = state.tabs.find((t) => t.key === key)
  if (existing) {
    if (state.activeKey === key && (!affix || existing.affix)) return state
    const tabs = affix && !existing.affix ? state.tabs.map((t) => (t.key === key ? { ...t, affix: true } : t)) : state.tabs
    return { tabs, activeKey: key }
  }
  let tabs: Tab[] = [...state.tabs, affix ? { key, affix: true } : { key }]
  while (tabs.length > MAX_TABS) {
    const victim = tabs.find((t) => !t.affix && t.key !== key && t.key !== state.activeKey)
    if (!victim) break
    tabs = tabs.filter((t) => t !== victim)
  }
  return { tabs, activeKey: key }
}

function close(state: TabsState, key: string): TabsState {
  const index = state.tabs.findIndex((t) => t.key === key)
  if (index < 0) return state
  const tabs = state.tabs.filter((t) => t.key !== key)
  if (state.activeKey !== key) return { tabs, activeKey: state.activeKey }
  // Like a browser: focus the tab to the right of the closed one, else the one to its left.
  const next = tabs[index] ?? tabs[index - 1] ?? null
  return { tabs, activeKey: next?.key ?? null }
}

function keepOnly(state: TabsState, keep: (t: Tab, index: number) => boolean, fallbackActive: string | null): TabsState {
  const tabs = state.tabs.filter(keep)
  const activeStays = tabs.some((t) => t.key === state.activeKey)
  const fallback = fallbackActive !== null && tabs.some((t) => t.key === fallbackActive) ? fallbackActive : (tabs[0]?.key ?? null)
  return { tabs, activeKey: activeStays ? state.activeKey : fallback }
}

export function tabsReducer(state: TabsState, action: TabsAction): TabsState {
  switch (action.type) {
    case 'activate':
      return activate(state, action.key, action.affix)
    case 'close': {
      const tab = state.tabs.find((t) => t.key === action.key)
      return tab?.affix ? state : close(state, action.key)
    }
    case 'closeOthers':
      return keepOnly(state, (t) => t.affix === true || t.key === action.key, action.key)
    case 'closeRight': {
      const index = state.tabs.findIndex((t) => t.key === action.key)
      if (index < 0) return state
      return keepOnly(state, (t, i) => i <= index || t.affix === true, action.key)
    }
    case 'closeAll':
      return keepOnly(state, (t) => t.affix === true, null)
    case 'setTitle': {
      const tab = state.tabs.find((t) => t.key === action.key)
      if (!tab || tab.title === action.title) return state
      return { ...state, tabs: state.tabs.map((t) => (t.key === action.key ? { ...t, title: action.title } : t)) }
    }
  }
}

/** Tabs saved in sessionStorage, read back defensively (the stored JSON may be old or tampered with). */
export function restoreTabs(raw: string | null, isKnownPath: (key: string) => boolean): Tab[] {
  if (!raw) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  const seen = new Set<string>()
  const tabs: Tab[] = []
  for (const item of parsed) {
    if (typeof item !== 'object' || item === null) continue
    const { key, title } = item as { key?: unknown; title?: unknown }
    if (typeof key !== 'string' || seen.has(key) || !isKnownPath(key)) continue
    seen.add(key)
    tabs.push(typeof title === 'string' ? { key, title } : { key })
  }
  return tabs.slice(0, MAX_TABS)
}

export function serializeTabs(tabs: readonly Tab[]): string {
  return JSON.stringify(tabs.map((t) => (t.title ? { key: t.key, title: t.title } : { key: t.key })))
}
