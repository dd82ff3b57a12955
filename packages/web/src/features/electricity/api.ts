import { api } from '../../api/client.ts'
import type { FieldError, Page, ReportPeriod } from '../../api/types.ts'

/** The electricity endpoints (企业用电量 and 户号对照); components never build these URLs themselves. */

export interface ElectricityImportCounts {
  read: number
  accepted: number
  rejected: number
  unchanged: number
  created: number
  revised: number
  /** electricity files only: accounts mapped from the rows' USCCs */
  mappedAccounts?: number
}

export interface ElectricityImportResult {
  batchId: number | null
  dryRun: boolean
  counts: ElectricityImportCounts
  errors: FieldError[]
  warnings: FieldError[]
  errorCount: number
  warningCount: number
  errorWorkbookUrl: string | null
}

export interface ElectricityImportOptions {
  dryRun: boolean
  /** map an account number not mapped yet to the enterprise of its row's USCC */
  mapNewAccounts?: boolean
  /** required to change a month closed for publication */
  revisionReason?: string
}

/** One revision of an enterprise's electricity of a calendar month; values are decimal text in 万千瓦时. */
export interface ElectricityReading {
  uscc: string
  name: string
  countyCode: string
  year: number
  month: number
  revision: number
  value: string
  /** the same month a year before (list only) */
  priorValue: string | null
  accountNumber: string | null
  parts: { row: number | null; accountNumber: string; value: string }[] | null
  batchId: number | null
  sourceRow: number | null
  recordedAt: string
  supersededAt: string | null
  revisionReason: string | null
}

export interface ReadingMonth extends ReportPeriod {
  enterprises: number
  value: string
}

/** One revision of an account's mapping. */
export interface GridAccount {
  accountNumber: string
  accountName: string | null
  uscc: string
  name: string
  countyCode: string
  revision: number
  batchId: number | null
  recordedAt: string
  recordedBy: string | null
  supersededAt: string | null
  note: string | null
}

export interface GridAccountInput {
  uscc: string
  accountName?: string | null
  note?: string | null
}

const importQuery = (file: File, o: ElectricityImportOptions) => ({
  dryRun: o.dryRun,
  fileName: file.name,
  mapNewAccounts: o.mapNewAccounts ? true : undefined,
  revisionReason: o.revisionReason?.trim(),
})

export const electricityApi = {
  importReadings: (file: File, o: ElectricityImportOptions) =>
    api<ElectricityImportResult>('/electricity/import', { method: 'POST', query: importQuery(file, o), raw: file }),
  importAccounts: (file: File, o: ElectricityImportOptions) =>
    api<ElectricityImportResult>('/electricity/accounts/import', { method: 'POST', query: { dryRun: o.dryRun, fileName: file.name }, raw: file }),
  readings: (q: ReportPeriod & { region?: string; page: number; pageSize: number }) => api<Page<ElectricityReading>>('/electricity/readings', { query: { ...q } }),
  history: (uscc: string, p?: ReportPeriod) => api<{ items: ElectricityReading[] }>('/electricity/readings/history', { query: { uscc, year: p?.year, month: p?.month } }),
  months: () => api<{ items: ReadingMonth[] }>('/electricity/months'),
  accounts: (q: { q?: string; region?: string; page: number; pageSize: number }) => api<Page<GridAccount>>('/electricity/accounts', { query: { ...q } }),
  accountHistory: (accountNumber: string) => api<{ items: GridAccount[] }>(`/electricity/accounts/${encodeURIComponent(accountNumber)}/history`),
  createAccount: (input: GridAccountInput & { accountNumber: string }) => api<{ items: GridAccount[] }>('/electricity/accounts', { method: 'POST', json: input }),
  updateAccount: (accountNumber: string, input: GridAccountInput & { revision: number }) =>
    api<{ items: GridAccount[] }>(`/electricity/accounts/${encodeURIComponent(accountNumber)}`, { method: 'PUT', json: input }),
}

export const ELECTRICITY_TEMPLATE_PATH = '/imports/templates/electricity.xlsx'
export const GRID_ACCOUNTS_TEMPLATE_PATH = '/imports/templates/grid-accounts.xlsx'

/** Year-on-year change in per cent with one decimal, or null without a positive base. */
export function yoyPercent(value: string, prior: string | null): number | null {
  if (prior === null) return null
  const base = Number(prior)
  const now = Number(value)
  if (!Number.isFinite(base) || !Number.isFinite(now) || base <= 0) return null
  return Math.round(((now - base) / base) * 1000) / 10
}
