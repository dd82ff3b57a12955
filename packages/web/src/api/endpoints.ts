import { api, download } from './client.ts'
import type {
  AuditEntry, AuditQuery, AuthResponse, Completeness, ImportBatch, MonthlyImportOptions, MonthlyImportResult,
  MonthlyReport, ReportPeriod, ReportQuery, EnterpriseDetail, EnterpriseFilters, EnterpriseInput, EnterpriseListItem,
  EnterpriseQuery, EnterpriseSummary, ImportResult, Industry, Locale, Page, Park, Region, UserCreate, UserRow,
  UserUpdate, UsccCheck,
} from './types.ts'

/** One typed function per endpoint of the contract; components never build URLs themselves. */

export const authApi = {
  login: (username: string, password: string) =>
    api<AuthResponse>('/auth/login', { method: 'POST', json: { username, password }, expectUnauthorized: true }),
  me: () => api<AuthResponse>('/auth/me', { expectUnauthorized: true }),
  logout: () => api<void>('/auth/logout', { method: 'POST', expectUnauthorized: true }),
  setLocale: (locale: Locale) => api<void>('/auth/me/locale', { method: 'PUT', json: { locale } }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api<void>('/auth/me/password', { method: 'PUT', json: { currentPassword, newPassword } }),
}

export const referenceApi = {
  regions: (parent?: string) => api<{ items: Region[] }>('/regions', { query: { parent } }),
  industries: (level: 1 | 2) => api<{ items: Industry[] }>('/industries', { query: { level } }),
  parks: (region?: string) => api<{ items: Park[] }>('/parks', { query: { region } }),
}

const filterQuery = (f: EnterpriseFilters) => ({
  q: f.q?.trim(),
  region: f.region,
  parkId: f.parkId,
  industry: f.industry,
  aboveScale: f.aboveScale,
})

export const enterpriseApi = {
  list: (q: EnterpriseQuery, signal?: AbortSignal) =>
    api<Page<EnterpriseListItem>>('/enterprises', {
      query: { ...filterQuery(q), sort: q.sort, page: q.page, pageSize: q.pageSize },
      ...(signal ? { signal } : {}),
    }),
  summary: (f: EnterpriseFilters) => api<EnterpriseSummary>('/enterprises/summary', { query: filterQuery(f) }),
  get: (id: number) => api<EnterpriseDetail>(`/enterprises/${id}`),
  create: (input: EnterpriseInput) => api<EnterpriseDetail>('/enterprises', { method: 'POST', json: input }),
  update: (id: number, input: EnterpriseInput & { version: number }) =>
    api<EnterpriseDetail>(`/enterprises/${id}`, { method: 'PUT', json: input }),
  validateUscc: (code: string) => api<UsccCheck>('/enterprises/validate-uscc', { query: { code } }),
  exportFile: (format: 'xlsx' | 'csv', f: EnterpriseFilters) =>
    download('/enterprises/export', { format, ...filterQuery(f) }, `enterprises.${format}`),
  import: (file: File, dryRun: boolean) =>
    api<ImportResult>('/enterprises/import', { method: 'POST', query: { dryRun, fileName: file.name }, raw: file }),
}

export const ENTERPRISE_TEMPLATE_PATH = '/imports/templates/enterprises.xlsx'

export const userApi = {
  list: () => api<{ items: UserRow[] }>('/users'),
  create: (input: UserCreate) => api<UserRow>('/users', { method: 'POST', json: input }),
  update: (id: number, input: UserUpdate) => api<UserRow>(`/users/${id}`, { method: 'PUT', json: input }),
  unlock: (id: number) => api<void>(`/users/${id}/unlock`, { method: 'POST' }),
  resetPassword: (id: number, password: string) =>
    api<void>(`/users/${id}/reset-password`, { method: 'POST', json: { password } }),
}

export const auditApi = {
  list: (q: AuditQuery) => api<Page<AuditEntry>>('/audit', { query: { ...q } }),
}

export const reportApi = {
  importMonthly: (file: File, opts: MonthlyImportOptions) =>
    api<MonthlyImportResult>('/reports/monthly/import', {
      method: 'POST',
      query: {
        dryRun: opts.dryRun,
        fileName: file.name,
        allowJanuary: opts.allowJanuary ? true : undefined,
        revisionReason: opts.revisionReason?.trim(),
      },
      raw: file,
    }),
  list: (q: ReportQuery) => api<Page<MonthlyReport>>('/reports/monthly', { query: { ...q } }),
  history: (uscc: string, period?: ReportPeriod) =>
    api<{ items: MonthlyReport[] }>('/reports/monthly/history', { query: { uscc, year: period?.year, month: period?.month } }),
  completeness: (p: ReportPeriod & { region?: string }) => api<Completeness>('/reports/completeness', { query: { ...p } }),
}

export const MONTHLY_TEMPLATE_PATH = '/imports/templates/monthly.xlsx'

/** The kind the server records for an import of 规上工业企业月度主要指标. */
export const MONTHLY_IMPORT_KIND = 'monthly'

export const importApi = {
  batches: (kind?: string, limit = 100) => api<{ items: ImportBatch[] }>('/imports', { query: { kind, limit } }),
}
