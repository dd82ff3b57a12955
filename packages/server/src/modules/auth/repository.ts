import { and, eq, like, lt, or, sql } from 'drizzle-orm'
import type { Scope } from '@gongxin/domain'
import type { Tx } from '../../db/index.ts'
import { sessions, users } from './schema.ts'

export type UserRow = typeof users.$inferSelect

export async function findUserByUsername(tx: Tx, username: string): Promise<UserRow | undefined> {
  const rows = await tx.select().from(users).where(eq(users.username, username)).limit(1)
  return rows[0]
}

/** Users visible in a scope: those whose own scope lies inside it (an enterprise user: by the enterprise's county). */
export function userScopeCondition(scope: Scope) {
  if (scope.kind === 'enterprise') return eq(users.enterpriseUscc, scope.uscc)
  if (scope.prefix === '') return undefined
  return or(
    like(users.scopePrefix, `${scope.prefix}%`),
    sql`${users.enterpriseUscc} in (select uscc from enterprises where county_code like ${scope.prefix + '%'})`,
  )
}

export async function listUsers(tx: Tx, scope: Scope): Promise<UserRow[]> {
  return tx.select().from(users).where(userScopeCondition(scope)).orderBy(users.id)
}

export async function findUserInScope(tx: Tx, scope: Scope, id: number): Promise<UserRow | undefined> {
  const cond = userScopeCondition(scope)
  const rows = await tx
    .select()
    .from(users)
    .where(cond ? and(eq(users.id, id), cond) : eq(users.id, id))
    .limit(1)
  return rows[0]
}

async function querySession(tx: Tx, sessionId: string) {
  const rows = await tx
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .limit(1)
  return rows[0]
}

/**
 * Every API request resolves its session, and on the embedded database each lookup waits its turn on the one
 * connection behind whatever else runs there. A lookup is remembered for SESSION_MEMO_MS per database; every
 * write of this module to users or sessions forgets them all (forgetSessions), so within this process a logout, a
 * deactivation or a role change takes effect at once. Another process writing the same PostgreSQL database is seen
 * within SESSION_MEMO_MS.
 */
export const SESSION_MEMO_MS = 2000
type SessionRow = Awaited<ReturnType<typeof querySession>>
const memo = new Map<string, { at: number; owner: object; row: NonNullable<SessionRow> }>()

/** Forgets every remembered session lookup; called before and after each write to users or sessions. */
export function forgetSessions(): void {
  memo.clear()
}

/** Runs a write to users or sessions with the remembered lookups forgotten before and after it (after its commit). */
export async function forgettingSessions<T>(write: () => Promise<T>): Promise<T> {
  forgetSessions()
  try {
    return await write()
  } finally {
    forgetSessions()
  }
}

export async function findSession(tx: Tx, sessionId: string): Promise<SessionRow> {
  const now = Date.now()
  const hit = memo.get(sessionId)
  if (hit && hit.owner === tx && now - hit.at < SESSION_MEMO_MS) return hit.row
  const row = await querySession(tx, sessionId)
  if (memo.size >= 10_000) memo.clear()
  if (row) memo.set(sessionId, { at: now, owner: tx, row })
  else memo.delete(sessionId)
  return row
}

export async function deleteSession(tx: Tx, sessionId: string) {
  forgetSessions()
  await tx.delete(sessions).where(eq(sessions.id, sessionId))
}

export async function touchSession(tx: Tx, sessionId: string) {
  forgetSessions()
  await tx.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, sessionId))
}

export async function deleteIdleSessions(tx: Tx, idleBefore: Date) {
  forgetSessions()
  await tx.delete(sessions).where(lt(sessions.lastSeenAt, idleBefore))
}
