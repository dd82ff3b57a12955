/**
 * The audit log's codes that the UI has labels for. Codes it does not know yet (new server actions)
 * are shown as they are, so the log never hides an entry.
 */
const ACTION_KEYS = {
  'auth.login': 'authLogin',
  'auth.loginFailed': 'authLoginFailed',
  'auth.loginRefused': 'authLoginRefused',
  'auth.logout': 'authLogout',
  'enterprise.create': 'enterpriseCreate',
  'enterprise.update': 'enterpriseUpdate',
  'enterprise.import': 'enterpriseImport',
  'enterprise.export': 'enterpriseExport',
  'user.create': 'userCreate',
  'user.update': 'userUpdate',
  'user.unlock': 'userUnlock',
  'user.resetPassword': 'userResetPassword',
  'user.changePassword': 'userChangePassword',
  'user.setLocale': 'userSetLocale',
} as const

export type KnownAction = keyof typeof ACTION_KEYS
export type ActionKey = (typeof ACTION_KEYS)[KnownAction]
export const KNOWN_ACTIONS = Object.keys(ACTION_KEYS) as KnownAction[]

export function actionKey(action: string): ActionKey | null {
  return Object.hasOwn(ACTION_KEYS, action) ? ACTION_KEYS[action as KnownAction] : null
}

export const AUDIT_ENTITIES = ['enterprise', 'user', 'import'] as const
export type AuditEntity = (typeof AUDIT_ENTITIES)[number]
export const isAuditEntity = (v: string | null): v is AuditEntity => AUDIT_ENTITIES.some((e) => e === v)

export const AUDIT_SOURCES = ['web', 'api', 'cli', 'import', 'system'] as const
export type AuditSourceKey = (typeof AUDIT_SOURCES)[number]
export const isAuditSource = (v: string): v is AuditSourceKey => AUDIT_SOURCES.some((s) => s === v)

const FIELDS = [
  'uscc', 'name', 'countyCode', 'parkId', 'industryCode', 'foundedOn', 'ownership', 'tags', 'aboveScale', 'revenue',
  'employees', 'displayName', 'role', 'scopePrefix', 'enterpriseUscc', 'active', 'locale', 'lockedUntil',
] as const
export type KnownField = (typeof FIELDS)[number]
export const isKnownField = (f: string): f is KnownField => FIELDS.some((x) => x === f)
