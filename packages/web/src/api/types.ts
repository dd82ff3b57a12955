/** The shapes the server's REST API (/api/v1) sends and accepts, as the web app uses them. */

export type Locale = 'zh-CN' | 'en-US'

export const ROLES = [
  'provinceAdmin',
  'cityOfficial',
  'countyOfficial',
  'handler',
  'serviceOfficer',
  'leader',
  'enterprise',
] as const
export type Role = (typeof ROLES)[number]

export type Permission =
  | 'enterprise.read'
  | 'enterprise.write'
  | 'enterprise.import'
  | 'enterprise.export'
  | 'user.read'
  | 'user.write'
  | 'audit.read'
  | 'reference.read'
  | 'statistics.import'
  | 'targets.write'
  | 'dispatch.read'
  | 'warnings.manage'
  | 'enterprise.report'
  | 'province.configure'

export interface Me {
  id: number
  username: string
  displayName: string
  role: Role
  scopePrefix: string | null
  scopeName: string
  enterpriseUscc: string | null
  locale: Locale
  permissions: Permission[]
}

export interface AuthResponse {
  user: Me
  csrfToken: string
}

export interface LocalizedText {
  zh: string
  en: string
}

export interface FieldError {
  row?: number
  column?: string
  field?: string
  code: string
  message: LocalizedText
  value?: unknown
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export interface Region {
  code: string
  name: string
  level: 1 | 2 | 3
  parentCode: string | null
}

export interface Industry {
  code: string
  name: string
  level: number
  section: string
  parentCode: string | null
}

export interface Park {
  id: number
  name: string
  countyCode: string
  level: string
  kind: string
}

export type EnterpriseSort = 'name' | '-name' | 'foundedOn' | '-foundedOn' | 'revenue' | '-revenue'

export interface EnterpriseFilters {
  q?: string
  region?: string
  parkId?: number
  industry?: string
  aboveScale?: boolean
}

export interface EnterpriseQuery extends EnterpriseFilters {
  sort?: EnterpriseSort
  page: number
  pageSize: number
}

export interface EnterpriseListItem {
  id: number
  uscc: string
  name: string
  countyCode: string
  countyName: string
  cityName: string
  parkId: number | null
  parkName: string | null
  industryCode: string
  industryName: string
  foundedOn: string | null
  ownership: string | null
  aboveScale: boolean
  /** 万元, as a decimal string (never a float on the server) */
  revenue: string | null
  tags: string[]
}

export interface CodeName {
  code: string
  name: string
}

export interface UsccParts {
  registeringDepartment: CodeName
  category: CodeName
  divisionCode: string
  organizationCode: string
  checkCharacter: string
}

export interface ScaleHistoryEntry {
  year: number
  aboveScale: boolean
  reason: string | null
}

export interface EnterpriseDetail extends EnterpriseListItem {
  provinceName: string
  usccParts: UsccParts | null
  scaleHistory: ScaleHistoryEntry[]
  employees: number | null
  createdAt: string
  updatedAt: string
  version: number
}

export interface EnterpriseInput {
  uscc: string
  name: string
  countyCode: string
  parkId?: number | null
  industryCode: string
  foundedOn?: string | null
  ownership?: string | null
  tags?: string[]
  aboveScale?: boolean
  aboveScaleYear?: number | null
  aboveScaleReason?: string | null
}

export interface EnterpriseSummary {
  byRegion: { code: string; name: string; count: number; aboveScale: number }[]
  bySection: { section: string; name: string; count: number }[]
}

export interface UsccMessage {
  code: string
  zh: string
  en: string
}

export interface UsccCheck {
  code: string
  valid: boolean
  warnings: UsccMessage[]
  errors: UsccMessage[]
  parts: UsccParts | null
}

export interface ImportCounts {
  read: number
  accepted: number
  rejected: number
  unchanged: number
  created: number
  updated: number
}

export interface ImportResult {
  batchId: number | null
  dryRun: boolean
  counts: ImportCounts
  errors: FieldError[]
  errorWorkbookUrl: string | null
}

/** The counts of a monthly statistics import: a changed period writes a new revision. */
export interface MonthlyImportCounts {
  read: number
  accepted: number
  rejected: number
  unchanged: number
  created: number
  revised: number
}

export interface MonthlyImportResult {
  batchId: number | null
  dryRun: boolean
  counts: MonthlyImportCounts
  errors: FieldError[]
  warnings: FieldError[]
  errorCount: number
  warningCount: number
  errorWorkbookUrl: string | null
}

export interface MonthlyImportOptions {
  dryRun: boolean
  /** the source reports January on its own (by default January is part of 1—2月) */
  allowJanuary?: boolean
  /** required to change the figures of a closed period */
  revisionReason?: string
}

/** One revision of one enterprise's figures for one period; amounts are decimal strings in 万元. */
export interface MonthlyReport {
  uscc: string
  name: string
  countyCode: string
  year: number
  month: number
  revision: number
  grossOutputCum: string | null
  grossOutputPriorCum: string | null
  revenueCum: string | null
  revenuePriorCum: string | null
  profitCum: string | null
  profitPriorCum: string | null
  /** 万千瓦时 */
  electricityCum: string | null
  employees: number | null
  batchId: number | null
  sourceRow: number | null
  recordedAt: string
  supersededAt: string | null
  revisionReason: string | null
}

export interface ReportPeriod {
  year: number
  month: number
}

export interface ReportQuery extends ReportPeriod {
  region?: string
  page: number
  pageSize: number
}

export interface CountyCompleteness {
  countyCode: string
  countyName: string
  expected: number
  reported: number
  share: number
  missing: { uscc: string; name: string }[]
}

export interface Completeness {
  expected: number
  reported: number
  share: number
  counties: CountyCompleteness[]
}

/** A batch of the import history; `counts` differ by kind (updated for enterprises, revised for monthly). */
export interface ImportBatch {
  id: number
  kind: string
  fileName: string
  fileSha256: string
  username: string | null
  source: string
  /** committed | rejected | dryRun */
  status: string
  counts: Record<string, number>
  startedAt: string
  finishedAt: string | null
}

export interface UserRow {
  id: number
  username: string
  displayName: string
  role: Role
  scopePrefix: string | null
  scopeName: string
  enterpriseUscc: string | null
  active: boolean
  lockedUntil: string | null
  lastLoginAt: string | null
  createdAt: string
}

export interface UserCreate {
  username: string
  displayName: string
  role: Role
  scopePrefix?: string | null
  enterpriseUscc?: string | null
  password: string
}

export interface UserUpdate {
  displayName: string
  role: Role
  scopePrefix?: string | null
  enterpriseUscc?: string | null
  active: boolean
}

export type AuditSource = 'web' | 'api' | 'cli' | 'import' | 'system'

export interface FieldChange {
  before: unknown
  after: unknown
}

export interface AuditEntry {
  id: number
  at: string
  userId: number | null
  username: string | null
  action: string
  entity: string | null
  entityId: string | null
  source: string
  batchId: number | null
  changes: Record<string, FieldChange> | null
  detail: unknown
  ip: string | null
}

export interface AuditQuery {
  action?: string
  username?: string
  entity?: string
  entityId?: string
  source?: string
  from?: string
  to?: string
  page: number
  pageSize: number
}
