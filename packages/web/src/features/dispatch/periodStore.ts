import { useCallback, useSyncExternalStore } from 'react'
import { useQuery } from '@tanstack/react-query'
import { dispatchApi } from './api.ts'

/**
 * The period the dispatch pages show, shared by every dispatch tab, the warning centre and the peer
 * comparison: drilling into a city opens a new tab on the same month, and changing the month on one tab
 * changes it on the others. Kept for the browser session.
 */
const KEY = 'gongxin.dispatch.period'
const listeners = new Set<() => void>()

function read(): string | null {
  try {
    return window.sessionStorage.getItem(KEY)
  } catch {
    return null
  }
}

let chosen: string | null = typeof window === 'undefined' ? null : read()

function subscribe(fn: () => void) {
  listeners.add(fn)
  return () => listeners.delete(fn)
}

export function setDispatchPeriod(period: string): void {
  chosen = period
  try {
    window.sessionStorage.setItem(KEY, period)
  } catch {
    // not kept across reloads: fine
  }
  for (const fn of listeners) fn()
}

export const periodsQueryKey = ['dispatch', 'periods'] as const

/** The periods with reports, and the one shown: the user's choice if it has data, else the latest. */
export function useDispatchPeriod() {
  const periods = useQuery({ queryKey: periodsQueryKey, queryFn: dispatchApi.periods, staleTime: 60_000 })
  const current = useSyncExternalStore(subscribe, () => chosen, () => null)
  const list = periods.data?.periods ?? []
  const period = current && list.includes(current) ? current : (periods.data?.latest ?? null)
  const setPeriod = useCallback((p: string) => setDispatchPeriod(p), [])
  return { period, periods: list, setPeriod, loading: periods.isLoading, error: periods.error }
}

/**
 * A request from another page for the warning centre to show a region (and a rule): the dashboard's
 * "all warnings" links set it, the warning centre applies it when it changes.
 */
export interface WarningsFocus {
  region?: string
  rule?: string
  seq: number
}
let focus: WarningsFocus | null = null
const focusListeners = new Set<() => void>()

export function focusWarnings(f: Omit<WarningsFocus, 'seq'>): void {
  focus = { ...f, seq: (focus?.seq ?? 0) + 1 }
  for (const fn of focusListeners) fn()
}

export function useWarningsFocus(): WarningsFocus | null {
  return useSyncExternalStore(
    (fn) => {
      focusListeners.add(fn)
      return () => focusListeners.delete(fn)
    },
    () => focus,
    () => null,
  )
}
