import { and, asc, eq, inArray } from 'drizzle-orm'
import { isRole, roleLabels, type Role } from '@gongxin/domain'
import type { Tx } from '../db/index.ts'
import { auditLog } from '../modules/audit/schema.ts'
import { users } from '../modules/auth/schema.ts'
import { enterprises } from '../modules/enterprises/schema.ts'
import { divisions } from '../modules/regions/schema.ts'
import type { DemoUser } from './types.ts'

/**
 * The demo accounts' shared password. It passes the password policy (10+ characters, 4 classes, not a
 * common password with digits appended: 'Gongxin@2026' would be refused as 'gongxin' + digits).
 */
export const DEMO_PASSWORD = 'Demo@Gongxin2026'

/** One line of the "you can log in as" table that `npm start` and `gongxin demo` print. */
export interface DemoLogin {
  username: string
  role: Role
  /** the role in Chinese, e.g. 市级工信部门 */
  roleLabel: string
  /** the division or enterprise the account sees */
  scope: string
  password: string
}

export const AUDIT_ACTION = 'demo.generate'

export function loginsOf(list: readonly Pick<DemoUser, 'username' | 'role' | 'scopeName'>[]): DemoLogin[] {
  return list.map((u) => ({ username: u.username, role: u.role, roleLabel: roleLabels[u.role].zh, scope: u.scopeName, password: DEMO_PASSWORD }))
}

/**
 * The accounts a demo of the default province (43 湖南, into an empty database) creates, known without a
 * database: what `npm start` prints and what tests log in with. The demo.db test checks that generation
 * creates exactly these. For another province or an addition to existing data, use the generation's
 * result (DemoResult.logins) or readDemoLogins.
 */
export const demoLogins: readonly DemoLogin[] = loginsOf([
  { username: 'admin', role: 'provinceAdmin', scopeName: '湖南省' },
  { username: 'changsha', role: 'cityOfficial', scopeName: '长沙市' },
  { username: 'liuyang', role: 'countyOfficial', scopeName: '浏阳市' },
  { username: 'handler', role: 'handler', scopeName: '湖南省' },
  { username: 'officer', role: 'serviceOfficer', scopeName: '湖南省' },
  { username: 'leader', role: 'leader', scopeName: '湖南省' },
  { username: 'qiye', role: 'enterprise', scopeName: '浏阳市最大的一家规上企业' },
])

/**
 * The demo accounts of this database that still log in with the demo password: the usernames every
 * demo.generate audit entry recorded, minus accounts deleted, deactivated or whose password was changed
 * since (a changed password moves password_changed_at past created_at). For `npm start` to print on every start.
 */
export async function readDemoLogins(db: Tx): Promise<DemoLogin[]> {
  const entries = await db.select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.action, AUDIT_ACTION)).orderBy(asc(auditLog.id))
  const names: string[] = []
  for (const e of entries) {
    const list = (e.detail as { users?: unknown } | null)?.users
    if (Array.isArray(list)) for (const n of list) if (typeof n === 'string' && !names.includes(n)) names.push(n)
  }
  if (names.length === 0) return []
  const rows = await db
    .select({
      username: users.username,
      role: users.role,
      scopePrefix: users.scopePrefix,
      enterpriseUscc: users.enterpriseUscc,
      createdAt: users.createdAt,
      passwordChangedAt: users.passwordChangedAt,
    })
    .from(users)
    .where(and(inArray(users.username, names), eq(users.active, true)))
  const unchanged = rows.filter((r) => r.passwordChangedAt.getTime() === r.createdAt.getTime())
  const codes = unchanged.flatMap((r) => (r.scopePrefix === null ? [] : [r.scopePrefix.padEnd(6, '0')]))
  const usccs = unchanged.flatMap((r) => (r.enterpriseUscc === null ? [] : [r.enterpriseUscc]))
  const divisionNames = new Map(
    codes.length ? (await db.select({ code: divisions.code, name: divisions.name }).from(divisions).where(inArray(divisions.code, codes))).map((d) => [d.code, d.name]) : [],
  )
  const firmNames = new Map(
    usccs.length ? (await db.select({ uscc: enterprises.uscc, name: enterprises.name }).from(enterprises).where(inArray(enterprises.uscc, usccs))).map((f) => [f.uscc, f.name]) : [],
  )
  const byName = new Map(unchanged.map((r) => [r.username, r]))
  return loginsOf(
    names.flatMap((n) => {
      const r = byName.get(n)
      if (!r || !isRole(r.role)) return []
      const scopeName =
        r.enterpriseUscc !== null
          ? (firmNames.get(r.enterpriseUscc) ?? r.enterpriseUscc)
          : r.scopePrefix === ''
            ? '全国'
            : (divisionNames.get((r.scopePrefix ?? '').padEnd(6, '0')) ?? r.scopePrefix ?? '')
      return [{ username: r.username, role: r.role, scopeName }]
    }),
  )
}
