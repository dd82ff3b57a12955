import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm'
import type { Tx } from '../../db/index.ts'
import { auditLog } from './schema.ts'

export interface AuditFilter {
  action?: string | undefined
  username?: string | undefined
  entity?: string | undefined
  entityId?: string | undefined
  source?: string | undefined
  from?: string | undefined
  to?: string | undefined
}

/** The audit log is read by province administrators only (policy audit.read): no region scope applies. */
export async function listAudit(tx: Tx, f: AuditFilter, page: number, pageSize: number) {
  const where: SQL[] = []
  if (f.action) where.push(eq(auditLog.action, f.action))
  if (f.username) where.push(eq(auditLog.username, f.username))
  if (f.entity) where.push(eq(auditLog.entity, f.entity))
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId))
  if (f.source) where.push(eq(auditLog.source, f.source))
  if (f.from) where.push(gte(auditLog.at, new Date(f.from)))
  if (f.to) where.push(lte(auditLog.at, new Date(f.to)))
  const cond = where.length ? and(...where) : undefined
  const [items, totalRow] = await Promise.all([
    tx.select().from(auditLog).where(cond).orderBy(desc(auditLog.id)).limit(pageSize).offset((page - 1) * pageSize),
    tx.select({ n: count() }).from(auditLog).where(cond),
  ])
  return { items, total: totalRow[0]?.n ?? 0 }
}
