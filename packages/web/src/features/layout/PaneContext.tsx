import { createContext, useContext, useEffect } from 'react'

/** What a page inside a workspace tab knows about its tab. */
export interface PaneContextValue {
  tabKey: string
  /** false while another tab is in front: the page stays mounted (state, scroll, form contents kept) */
  active: boolean
  setTitle: (title: string) => void
}

export const PaneContext = createContext<PaneContextValue | null>(null)

export function usePane(): PaneContextValue {
  const ctx = useContext(PaneContext)
  if (!ctx) throw new Error('usePane outside a workspace pane')
  return ctx
}

/** Names the page's tab (an enterprise's name instead of its id) once the page knows it. */
export function useTabTitle(title: string | null | undefined): void {
  const { setTitle } = usePane()
  useEffect(() => {
    if (title) setTitle(title)
  }, [title, setTitle])
}
