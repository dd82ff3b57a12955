import { api, download } from '../../api/client.ts'

/** 亩均效益评价: one typed function per endpoint (server modules/land-efficiency/routes.ts). */

export type LandClass = 'A' | 'B' | 'C' | 'D' | 'T'
export const LAND_CLASSES: readonly LandClass[] = ['A', 'B', 'C', 'D', 'T']
export interface Text2 { zh: string; en: string }

export interface LandSummary {
  total: number
  evaluated: number
  notEvaluated: number
  byClass: Record<LandClass, number>
  incomplete: number
  migration: Partial<Record<LandClass, Partial<Record<LandClass, number>>>>
  policyTotals: Record<string, number>
  problems: (Text2 & { code: string })[]
}

export interface SchemeRow { id: number; code: string; version: number; region: string; year: number; definition: { id: string; name: Text2 } }
export interface RunRow {
  id: number
  year: number
  regionPrefix: string
  status: 'draft' | 'published'
  summary: LandSummary
  createdAt: string
  createdBy: string
  publishedAt: string | null
  scheme: { code: string; version: number; nameZh: string }
}
export interface IndicatorColumn { id: string; zh: string; en: string; unit: string }
export interface ResultItem {
  uscc: string
  name: string
  countyCode: string
  countyName: string | null
  industry: string | null
  class: LandClass
  previousClass: LandClass | null
  total: number | null
  rank: number | null
  unitSize: number
  list: 'above' | 'below'
  indicators: Record<string, number | null>
  scores: Record<string, number>
  policy: Record<string, number>
  missing: string[]
  reason: (Text2 & { code: string }) | null
}
export interface ResultPage { total: number; page: number; pageSize: number; indicators: IndicatorColumn[]; items: ResultItem[] }
export interface Distribution { by: 'county' | 'industry'; items: { key: string; name: string | null; counts: Record<LandClass, number> }[] }
export interface ScoreCard {
  evaluation: { id: number; year: number; status: string; scheme: { code: string; version: number; name: Text2 } }
  enterprise: { uscc: string; name: string; countyCode: string; countyName: string | null; industry: string | null }
  class: LandClass
  total: number | null
  rank: number | null
  unitSize: number
  reason: Text2 | null
  missing: string[]
  indicators: { id: string; name: string; unit: string; weight: number; value: number | null; score: number }[]
  adjustments: { flag: string; points: number; label: string }[]
  policies: { id: string; label: string; amount: number | null; measure: string | null }[]
  trace: string[]
  figures: { year: number; revision: number; values: Record<string, number | null>; sources: Record<string, unknown> } | null
  lastYear: { year: number; class: LandClass; total: number | null; rank: number | null; unitSize: number } | null
}
export interface ResultFilter { county?: string | undefined; industry?: string | undefined; class?: LandClass | undefined }

export const landApi = {
  schemes: () => api<{ items: SchemeRow[] }>('/land-efficiency/schemes'),
  runs: () => api<{ items: RunRow[] }>('/land-efficiency/evaluations'),
  run: (year: number, scheme: string) =>
    api<{ evaluationId: number; summary: LandSummary; ms: number }>('/land-efficiency/evaluations', { method: 'POST', json: { year, scheme } }),
  results: (id: number, f: ResultFilter, page: number, pageSize: number) =>
    api<ResultPage>(`/land-efficiency/evaluations/${id}/results`, { query: { ...f, page, pageSize } }),
  distribution: (id: number, by: 'county' | 'industry') => api<Distribution>(`/land-efficiency/evaluations/${id}/distribution`, { query: { by } }),
  card: (id: number, uscc: string) => api<ScoreCard>(`/land-efficiency/evaluations/${id}/enterprises/${uscc}`),
  publish: (id: number) => api<{ id: number; status: string }>(`/land-efficiency/evaluations/${id}/publish`, { method: 'POST', json: {} }),
  exportList: (id: number, f: ResultFilter) => download(`/land-efficiency/evaluations/${id}/export`, { ...f }, `land-efficiency-${id}.xlsx`),
}
