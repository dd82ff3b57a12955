import type { CompositeScheme } from '@gongxin/domain'
import { api } from '../../api/client.ts'
import type { LocalizedText } from '../../api/types.ts'

/**
 * The nowcast (用电预测) and the composite score (年度考核) as the server sends them
 * (packages/server/src/modules/dispatch/nowcast.ts and composite.ts), one typed function per endpoint.
 */

export interface NowcastModelSummary {
  n: number
  slope: number
  intercept: number
  r2: number
  residualSd: number
}

export interface NowcastBacktestRow {
  period: string
  actual: number
  estimate: number
  low: number
  high: number
  /** estimate − actual, percentage points (positive = over-estimated) */
  error: number
}

export interface NowcastRegion {
  region: string
  name: string
  /** year-to-date electricity growth of the period, % */
  electricityGrowthPct: number | null
  estimate: number | null
  low: number | null
  high: number | null
  /** the statistics' growth of the period, once they arrived */
  actual: number | null
  model: NowcastModelSummary | null
  backtest: NowcastBacktestRow[]
  /** mean absolute error of the backtest, percentage points */
  backtestMae: number | null
  history: { period: string; electricityGrowthPct: number; outputGrowthPct: number }[]
}

export interface Nowcast {
  period: string
  region: string
  /** the interval's level (0.9) */
  level: number
  statisticsArrived: boolean
  /** the region first, then its direct children */
  regions: NowcastRegion[]
}

export interface CompositeResult {
  scheme: CompositeScheme
  period: string
  level: 'province' | 'city' | 'county'
  indicators: Record<string, { unit: string; name: LocalizedText }>
  items: { region: string; name: string; score: number; rank: number; parts: Record<string, number | null> }[]
}

export interface SchemeEntry {
  scheme: CompositeScheme
  version: number
}

export interface CompositeQuery {
  scheme: string
  period: string
  level: 'province' | 'city' | 'county'
  parent?: string | undefined
  group?: string | undefined
}

/** The schemes' query, refreshed after a save. */
export const schemesQueryKey = ['composite-schemes'] as const

export const nowcastApi = {
  /** period null: the server's default, the latest month with grid readings */
  get: (period: string | null, region: string | null) =>
    api<Nowcast>('/dispatch/nowcast', { query: { period: period ?? undefined, region: region ?? undefined } }),
}

export const compositeApi = {
  scores: (q: CompositeQuery) => api<CompositeResult>('/dispatch/composite', { query: { ...q } }),
  schemes: () => api<{ items: SchemeEntry[] }>('/composite-schemes'),
  save: (id: string, scheme: unknown, version: number | undefined) =>
    api<SchemeEntry>(`/composite-schemes/${encodeURIComponent(id)}`, { method: 'PUT', json: version === undefined ? { scheme } : { scheme, version } }),
}
