import { api } from '../../api/client.ts'
import type { FieldError, ReportPeriod } from '../../api/types.ts'

/** The official statistics endpoints (统计公布数) and the import result they share with targets. */

export interface FactImportCounts {
  read: number
  accepted: number
  rejected: number
  unchanged: number
  created: number
  revised: number
}

export interface FactImportResult {
  batchId: number | null
  dryRun: boolean
  counts: FactImportCounts
  errors: FieldError[]
  warnings: FieldError[]
  errorCount: number
  warningCount: number
  errorWorkbookUrl: string | null
}

export interface FactImportOptions {
  dryRun: boolean
  /** required to change the figures of a closed period */
  revisionReason?: string
}

/** One revision of an official figure; `value` is decimal text in the indicator's unit. */
export interface OfficialStat {
  regionCode: string
  regionName: string
  regionLevel: number
  year: number
  month: number
  indicatorId: string
  value: string
  unit: string
  source: string | null
  revision: number
  batchId: number | null
  sourceRow: number | null
  recordedAt: string
  supersededAt: string | null
  revisionReason: string | null
}

export interface OfficialStatsQuery extends ReportPeriod {
  level?: 1 | 2 | 3
  parent?: string
}

export const importQuery = (file: File, opts: FactImportOptions) => ({ dryRun: opts.dryRun, fileName: file.name, revisionReason: opts.revisionReason?.trim() })

export const officialStatsApi = {
  import: (file: File, opts: FactImportOptions) => api<FactImportResult>('/official-stats/import', { method: 'POST', query: importQuery(file, opts), raw: file }),
  list: (q: OfficialStatsQuery) => api<ReportPeriod & { items: OfficialStat[] }>('/official-stats', { query: { year: q.year, month: q.month, level: q.level, parent: q.parent } }),
  periods: () => api<{ items: (ReportPeriod & { figures: number })[] }>('/official-stats/periods'),
  history: (region: string, indicator: string, p: ReportPeriod) =>
    api<{ items: OfficialStat[] }>('/official-stats/history', { query: { region, indicator, year: p.year, month: p.month } }),
}

export const OFFICIAL_STATS_TEMPLATE_PATH = '/imports/templates/official-stats.xlsx'
