import { api } from '../../api/client.ts'
import { importQuery, type FactImportOptions, type FactImportResult } from '../indicators/api.ts'

/** The annual targets endpoints (年度目标). */

/** A target in force (or one revision of it); `target` is decimal text in the indicator's unit. */
export interface Target {
  id: number
  regionCode: string
  regionName: string
  regionLevel: number
  year: number
  indicatorId: string
  target: string
  unit: string
  /** the version sent back when editing */
  revision: number
  batchId: number | null
  sourceRow: number | null
  recordedBy: string
  recordedAt: string
  supersededAt: string | null
  revisionReason: string | null
}

export const targetsApi = {
  list: (year: number, within?: string) => api<{ year: number; items: Target[] }>('/targets', { query: { year, within } }),
  create: (input: { regionCode: string; year: number; indicatorId: string; target: number }) => api<Target>('/targets', { method: 'POST', json: input }),
  update: (id: number, input: { target: number; revision: number; reason?: string }) => api<Target>(`/targets/${id}`, { method: 'PUT', json: input }),
  history: (region: string, indicator: string, year: number) => api<{ items: Target[] }>('/targets/history', { query: { region, indicator, year } }),
  import: (file: File, opts: FactImportOptions) => api<FactImportResult>('/targets/import', { method: 'POST', query: importQuery(file, opts), raw: file }),
}

export const TARGETS_TEMPLATE_PATH = '/imports/templates/targets.xlsx'
