import { eq } from 'drizzle-orm'
import { isWithinScope, roles, validateUserScope, type Role } from '@gongxin/domain'
import type { Db, Tx } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { AppError } from '../../lib/errors.ts'
import { diffFields, recordAudit } from '../audit/service.ts'
import { findEnterpriseByUscc } from '../enterprises/repository.ts'
import { divisionExists } from '../regions/repository.ts'
import { hashPassword } from './passwords.ts'
import { findUserInScope, forgettingSessions, listUsers as listUsersRepo, type UserRow } from './repository.ts'
import { sessions, users } from './schema.ts'
import { assertPasswordPolicy } from './service.ts'

export interface UserInput {
  username?: string
  displayName: string
  role: Role
  scopePrefix?: string | null | undefined
  enterpriseUscc?: string | null | undefined
  active?: boolean
}

async function checkAssignment(tx: Tx, actor: Actor, input: UserInput): Promise<{ scopePrefix: string | null; enterpriseUscc: string | null }> {
  if (!roles.includes(input.role)) throw new AppError('VALIDATION', { summary: `role ${String(input.role)}` })
  if (input.role === 'enterprise') {
    const uscc = (input.enterpriseUscc ?? '').trim().toUpperCase()
    const ent = uscc ? await findEnterpriseByUscc(tx, actor.scope, uscc) : undefined
    if (!ent) {
      throw new AppError('VALIDATION', {
        summary: { zh: `企业用户须关联您辖区内的企业（统一社会信用代码 ${uscc || '空'}）`, en: `an enterprise user needs an enterprise of your area (USCC ${uscc || 'empty'})` },
      })
    }
    return { scopePrefix: null, enterpriseUscc: uscc }
  }
  const prefix = (input.scopePrefix ?? '').trim()
  const problems = validateUserScope({ role: input.role, scopePrefix: prefix, enterpriseUscc: null })
  if (problems.length) {
    throw new AppError('VALIDATION', { summary: { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') } })
  }
  if (prefix !== '' && !(await divisionExists(tx, prefix.padEnd(6, '0')))) {
    throw new AppError('VALIDATION', { summary: { zh: `区划代码 ${prefix.padEnd(6, '0')} 不存在`, en: `division ${prefix.padEnd(6, '0')} does not exist` } })
  }
  if (actor.scope.kind !== 'region' || !isWithinScope(actor.scope.prefix, prefix.padEnd(6, '0')) || prefix.length < actor.scope.prefix.length) {
    throw new AppError('FORBIDDEN')
  }
  return { scopePrefix: prefix, enterpriseUscc: null }
}

export const listUsers = (db: Db, actor: Actor) => listUsersRepo(db, actor.scope)

export async function createUser(db: Db, actor: Actor, input: UserInput & { username: string; password: string }): Promise<UserRow> {
  const username = input.username.trim()
  if (!/^[A-Za-z0-9_.@-]{3,64}$/.test(username)) {
    throw new AppError('VALIDATION', { summary: { zh: '用户名应为 3–64 位字母、数字或 _.@-', en: 'the username must be 3–64 letters, digits or _.@-' } })
  }
  assertPasswordPolicy(input.password, username)
  const passwordHash = await hashPassword(input.password)
  return db.transaction(async (tx) => {
    const assigned = await checkAssignment(tx, actor, input)
    const existing = await tx.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1)
    if (existing.length) throw new AppError('CONFLICT', { summary: { zh: `用户名 ${username} 已存在`, en: `username ${username} exists already` } })
    const [row] = await tx
      .insert(users)
      .values({ username, displayName: input.displayName, role: input.role, passwordHash, ...assigned })
      .returning()
    if (!row) throw new Error('insert returned nothing')
    await recordAudit(tx, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      changes: diffFields(null, { username, displayName: input.displayName, role: input.role, ...assigned }, ['username', 'displayName', 'role', 'scopePrefix', 'enterpriseUscc']),
    })
    return row
  })
}

export async function updateUser(db: Db, actor: Actor, id: number, input: UserInput): Promise<UserRow> {
  return forgettingSessions(() => db.transaction(async (tx) => {
    const before = await findUserInScope(tx, actor.scope, id)
    if (!before) throw new AppError('OUT_OF_SCOPE')
    const assigned = await checkAssignment(tx, actor, input)
    const next = { displayName: input.displayName, role: input.role, active: input.active ?? before.active, ...assigned }
    const [row] = await tx.update(users).set(next).where(eq(users.id, id)).returning()
    if (!row) throw new AppError('OUT_OF_SCOPE')
    if (!next.active) await tx.delete(sessions).where(eq(sessions.userId, id))
    await recordAudit(tx, actor, {
      action: 'user.update',
      entity: 'user',
      entityId: id,
      changes: diffFields(before, { ...before, ...next }, ['displayName', 'role', 'scopePrefix', 'enterpriseUscc', 'active']),
    })
    return row
  }))
}

export async function unlockUser(db: Db, actor: Actor, id: number): Promise<void> {
  await forgettingSessions(() => db.transaction(async (tx) => {
    const before = await findUserInScope(tx, actor.scope, id)
    if (!before) throw new AppError('OUT_OF_SCOPE')
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id))
    await recordAudit(tx, actor, { action: 'user.unlock', entity: 'user', entityId: id, changes: { lockedUntil: { before: before.lockedUntil, after: null } } })
  }))
}

export async function resetPassword(db: Db, actor: Actor, id: number, password: string): Promise<void> {
  const target = await findUserInScope(db, actor.scope, id)
  if (!target) throw new AppError('OUT_OF_SCOPE')
  assertPasswordPolicy(password, target.username)
  const passwordHash = await hashPassword(password)
  await forgettingSessions(() => db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null }).where(eq(users.id, id))
    await tx.delete(sessions).where(eq(sessions.userId, id))
    await recordAudit(tx, actor, { action: 'user.resetPassword', entity: 'user', entityId: id })
  }))
}
