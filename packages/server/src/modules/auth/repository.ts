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

export async function findSession(tx: Tx, sessionId: string) {
  const rows = await tx
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .limit(1)
  return rows[0]
}

export async function deleteSession(tx: Tx, sessionId: string) {
  await tx.delete(sessions).where(eq(sessions.id, sessionId))
}

export async function touchSession(tx: Tx, sessionId: string) {
  await tx.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, sessionId))
}

export async function deleteIdleSessions(tx: Tx, idleBefore: Date) {
  await tx.delete(sessions).where(lt(sessions.lastSeenAt, idleBefore))
}
