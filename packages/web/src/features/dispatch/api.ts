import { api, download, downloadPosted } from '../../api/client.ts'
import type { Page } from '../../api/types.ts'
import type {
  Assignee, Dispatch, DispatchPeriods, RankResult, TableExport, WarningChange, WarningQuery, WarningRow, WarningRuleRow,
} from './types.ts'

/** One typed function per endpoint of the monthly dispatch, the rankings, the warnings and the table export. */

const warningQuery = (q: WarningQuery) => ({
  period: q.period,
  region: q.region,
  rule: q.rule,
  status: q.status,
  severity: q.severity,
  ownerId: q.ownerId,
  active: q.active === undefined ? undefined : String(q.active),
})

export const dispatchApi = {
  periods: () => api<DispatchPeriods>('/dispatch/periods'),
  get: (period: string, region: string | null, warnings: 'all' | 'none' = 'all') =>
    api<Dispatch>('/dispatch', { query: { period, region: region ?? undefined, warnings: warnings === 'none' ? 'none' : undefined } }),
  bulletin: (period: string, region: string, format: 'docx' | 'xlsx') =>
    download('/dispatch/bulletin', { period, region, format }, `bulletin-${period}.${format}`),
}

export interface RankQuery {
  indicator: string
  period: string
  level: 'province' | 'city' | 'county'
  group?: string | undefined
  parent?: string | undefined
}

export const rankApi = {
  rank: (q: RankQuery) => api<RankResult>('/rank', { query: { ...q } }),
}

export const warningsApi = {
  list: (q: WarningQuery & { page: number; pageSize: number }) =>
    api<Page<WarningRow>>('/warnings', { query: { ...warningQuery(q), page: q.page, pageSize: q.pageSize } }),
  exportFile: (q: WarningQuery) => download('/warnings/export', warningQuery(q), `warnings-${q.period}.xlsx`),
  update: (id: number, change: WarningChange) => api<WarningRow>(`/warnings/${id}`, { method: 'PATCH', json: change }),
  assignees: () => api<{ items: Assignee[] }>('/warnings/assignees'),
  rules: () => api<{ items: WarningRuleRow[] }>('/warning-rules'),
  updateRule: (id: string, change: Record<string, unknown>) => api<WarningRuleRow>(`/warning-rules/${id}`, { method: 'PATCH', json: change }),
}

/** A table as shown on screen, back as an .xlsx file (POST /exports/table). */
export const exportTable = (table: TableExport) => downloadPosted('/exports/table', table, `${table.title}.xlsx`)
