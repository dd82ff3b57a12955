import { createHmac, randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { checkPasswordPolicy, type Role } from '@gongxin/domain'
import type { Db } from '../../db/index.ts'
import type { Actor, SessionUser } from '../../http/context.ts'
import { AppError, type Locale } from '../../lib/errors.ts'
import { recordAudit } from '../audit/service.ts'
import { burnVerify, hashPassword, verifyPassword } from './passwords.ts'
import { deleteSession, findSession, findUserByUsername, forgettingSessions, touchSession, type UserRow } from './repository.ts'
import { sessions, users } from './schema.ts'

export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MINUTES = 15

export interface AuthSettings {
  sessionSecret: string
  sessionIdleMinutes: number
}

/** The session id stored in the database is an HMAC of the cookie token: a leaked table grants no session. */
export const sessionIdOf = (secret: string, token: string) => createHmac('sha256', secret).update(token).digest('base64url')

export function toSessionUser(u: UserRow): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    scopePrefix: u.scopePrefix,
    enterpriseUscc: u.enterpriseUscc,
    locale: u.locale === 'en-US' ? 'en-US' : 'zh-CN',
  }
}

export interface LoginResult {
  token: string
  csrfToken: string
  user: SessionUser
}

export async function login(
  db: Db,
  settings: AuthSettings,
  opts: { username: string; password: string; ip?: string; userAgent?: string; source: Actor['source'] },
): Promise<LoginResult> {
  const anon = { userId: null, username: opts.username, source: opts.source, ip: opts.ip }
  const user = await findUserByUsername(db, opts.username)
  if (!user) {
    await burnVerify(opts.password)
    await recordAudit(db, anon, { action: 'auth.loginFailed', entity: 'user', detail: { reason: 'unknownUser' } })
    throw new AppError('LOGIN_FAILED')
  }
  const actor = { userId: user.id, username: user.username, source: opts.source, ip: opts.ip }
  const now = new Date()
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, actor, { action: 'auth.loginRefused', entity: 'user', entityId: user.id, detail: { reason: 'locked' } })
    throw new AppError('ACCOUNT_LOCKED', { until: user.lockedUntil.toISOString() })
  }
  if (!user.active) {
    await recordAudit(db, actor, { action: 'auth.loginRefused', entity: 'user', entityId: user.id, detail: { reason: 'inactive' } })
    throw new AppError('ACCOUNT_DISABLED')
  }
  const ok = await verifyPassword(user.passwordHash, opts.password)
  if (!ok) {
    const failed = user.failedLogins + 1
    const lock = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set(lock ? { failedLogins: 0, lockedUntil: lock } : { failedLogins: failed })
        .where(eq(users.id, user.id))
      await recordAudit(tx, actor, {
        action: 'auth.loginFailed',
        entity: 'user',
        entityId: user.id,
        detail: { reason: 'wrongPassword', failedLogins: failed, lockedUntil: lock?.toISOString() ?? null },
      })
    })
    if (lock) throw new AppError('ACCOUNT_LOCKED', { until: lock.toISOString() })
    throw new AppError('LOGIN_FAILED')
  }
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id))
    await tx.insert(sessions).values({
      id: sessionIdOf(settings.sessionSecret, token),
      userId: user.id,
      csrfToken,
      ip: opts.ip ?? null,
      userAgent: opts.userAgent?.slice(0, 300) ?? null,
    })
    await recordAudit(tx, actor, { action: 'auth.login', entity: 'user', entityId: user.id })
  })
  return { token, csrfToken, user: toSessionUser(user) }
}

export type SessionLookup =
  | { kind: 'none' }
  | { kind: 'expired' }
  | { kind: 'ok'; sessionId: string; csrfToken: string; user: SessionUser }

// Writing last_seen on every request would turn reads into writes; a minute's precision is enough for a
// 30-minute idle timeout.
const TOUCH_AFTER_MS = 60_000

export async function resolveSession(db: Db, settings: AuthSettings, token: string | undefined): Promise<SessionLookup> {
  if (!token) return { kind: 'none' }
  const id = sessionIdOf(settings.sessionSecret, token)
  const found = await findSession(db, id)
  if (!found) return { kind: 'expired' }
  const idleMs = Date.now() - found.session.lastSeenAt.getTime()
  if (idleMs > settings.sessionIdleMinutes * 60_000 || !found.user.active) {
    await deleteSession(db, id)
    return { kind: 'expired' }
  }
  if (idleMs > TOUCH_AFTER_MS) await touchSession(db, id)
  return { kind: 'ok', sessionId: id, csrfToken: found.session.csrfToken, user: toSessionUser(found.user) }
}

export async function logout(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await forgettingSessions(() => db.transaction(async (tx) => {
    await deleteSession(tx, sessionId)
    await recordAudit(tx, actor, { action: 'auth.logout', entity: 'user', entityId: actor.userId ?? undefined })
  }))
}

export async function changeOwnPassword(db: Db, actor: Actor, opts: { currentPassword: string; newPassword: string }) {
  if (actor.userId === null) throw new AppError('FORBIDDEN')
  const rows = await db.select().from(users).where(eq(users.id, actor.userId)).limit(1)
  const user = rows[0]
  if (!user || !(await verifyPassword(user.passwordHash, opts.currentPassword))) throw new AppError('LOGIN_FAILED')
  assertPasswordPolicy(opts.newPassword, user.username)
  const hash = await hashPassword(opts.newPassword)
  await forgettingSessions(() => db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash, passwordChangedAt: new Date() }).where(eq(users.id, user.id))
    await recordAudit(tx, actor, { action: 'user.changePassword', entity: 'user', entityId: user.id })
  }))
}

export async function setOwnLocale(db: Db, actor: Actor, locale: Locale) {
  if (actor.userId === null) throw new AppError('FORBIDDEN')
  await forgettingSessions(() => db.transaction(async (tx) => {
    await tx.update(users).set({ locale }).where(eq(users.id, actor.userId as number))
    await recordAudit(tx, actor, { action: 'user.setLocale', entity: 'user', entityId: actor.userId ?? undefined, changes: { locale: { before: actor.locale, after: locale } } })
  }))
}

export function assertPasswordPolicy(password: string, username: string) {
  const problems = checkPasswordPolicy(password, username)
  if (problems.length) {
    throw new AppError('PASSWORD_POLICY', {
      summary: { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') },
    })
  }
}
