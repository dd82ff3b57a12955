/**
 * Typed error codes with one map to HTTP status, and a message for the user in Chinese and English.
 * Messages take {placeholders} filled from `details`.
 */
export const errorCatalog = {
  VALIDATION: { status: 400, zh: '输入有误：{summary}', en: 'Invalid input: {summary}' },
  BAD_REQUEST: { status: 400, zh: '请求有误：{summary}', en: 'Bad request: {summary}' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  SESSION_EXPIRED: { status: 401, zh: '会话已超时，请重新登录', en: 'Your session has expired; please log in again' },
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账户已锁定至 {until}',
    en: 'Too many failed logins: the account is locked until {until}',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账户已停用', en: 'This account is disabled' },
  CSRF: { status: 403, zh: '缺少或错误的 CSRF 令牌，请刷新页面后重试', en: 'Missing or wrong CSRF token; reload the page and try again' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  OUT_OF_SCOPE: { status: 404, zh: '未找到，或不在您的管辖范围内', en: 'Not found, or outside your area' },
  NOT_FOUND: { status: 404, zh: '未找到：{what}', en: 'Not found: {what}' },
  CONFLICT: { status: 409, zh: '冲突：{summary}', en: 'Conflict: {summary}' },
  STALE_VERSION: {
    status: 409,
    zh: '该记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload and try again',
  },
  PASSWORD_POLICY: { status: 400, zh: '密码不符合要求：{summary}', en: 'The password does not meet the policy: {summary}' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  IMPORT_INVALID: { status: 422, zh: '文件有 {rejected} 行错误，未写入任何数据', en: 'The file has {rejected} rows with errors; nothing was written' },
  FILE_UNREADABLE: { status: 400, zh: '无法读取文件 {file}：{summary}', en: 'Cannot read file {file}: {summary}' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '文件过大', en: 'The file is too large' },
  DATA_DIR_LOCKED: {
    status: 503,
    zh: '数据目录 {dataDir} 正被另一个进程（pid {pid}，自 {since}）使用；请先停止它，或用 --data-dir 指定其他目录',
    en: 'The data directory {dataDir} is in use by another process (pid {pid}, since {since}); stop it first or choose another with --data-dir',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>

export type ErrorCode = keyof typeof errorCatalog
export type Locale = 'zh-CN' | 'en-US'

export interface FieldError {
  /** row number in the source file (1-based, as the spreadsheet shows it) */
  row?: number
  /** column letter or header in the source file */
  column?: string
  field?: string
  code: string
  message: { zh: string; en: string }
  value?: unknown
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: Record<string, unknown>
  readonly fieldErrors: FieldError[] | undefined
  constructor(code: ErrorCode, details: Record<string, unknown> = {}, fieldErrors?: FieldError[]) {
    super(formatMessage(code, 'en-US', details))
    this.name = 'AppError'
    this.code = code
    this.details = details
    this.fieldErrors = fieldErrors
  }
  get status(): number {
    return errorCatalog[this.code].status
  }
  messageIn(locale: Locale): string {
    return formatMessage(this.code, locale, this.details)
  }
}

export function formatMessage(code: ErrorCode, locale: Locale, details: Record<string, unknown>): string {
  const tpl = locale === 'en-US' ? errorCatalog[code].en : errorCatalog[code].zh
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = details[k]
    if (v && typeof v === 'object' && 'zh' in v && 'en' in v) {
      return String((v as { zh: string; en: string })[locale === 'en-US' ? 'en' : 'zh'])
    }
    return v === undefined ? `{${k}}` : String(v)
  })
}

/** Picks the user's language: explicit choice, then Accept-Language; zh-CN by default. */
export function pickLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale {
  if (explicit === 'en-US' || explicit === 'zh-CN') return explicit
  if (acceptLanguage && /^en\b/i.test(acceptLanguage.trim())) return 'en-US'
  return 'zh-CN'
}
