import { sql } from 'drizzle-orm'
import type { Tx } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'

export type FieldChanges = Record<string, { before: unknown; after: unknown }>

export interface AuditEvent {
  action: string
  entity?: string
  entityId?: string | number
  changes?: FieldChanges | null
  detail?: Record<string, unknown>
  batchId?: number | null
}

/** Appends one audit entry in the caller's transaction: the change and its record commit or fail together. */
export async function recordAudit(tx: Tx, actor: Pick<Actor, 'userId' | 'username' | 'source' | 'ip'>, ev: AuditEvent): Promise<void> {
  await recordAuditMany(tx, actor, [ev])
}

export async function recordAuditMany(tx: Tx, actor: Pick<Actor, 'userId' | 'username' | 'source' | 'ip'>, evs: AuditEvent[]): Promise<void> {
  if (evs.length === 0) return
  // One statement per 5,000 entries with array parameters: a bulk import writes an entry per enterprise, and
  // multi-row VALUES lists cost four times as much on the embedded database (measured: 20k rows 2.9 s → 0.7 s).
  for (let i = 0; i < evs.length; i += 5000) {
    const chunk = evs.slice(i, i + 5000)
    await tx.execute(sql`
      insert into audit_log (user_id, username, action, entity, entity_id, source, batch_id, changes, detail, ip)
      select ${actor.userId}::int, ${actor.username}::text, a.action, a.entity, a.entity_id, ${actor.source}::text,
             a.batch_id, a.changes::jsonb, a.detail::jsonb, ${actor.ip ?? null}::text
        from unnest(${sqlArray(chunk.map((e) => e.action))}::text[], ${sqlArray(chunk.map((e) => e.entity ?? null))}::text[],
                    ${sqlArray(chunk.map((e) => (e.entityId === undefined ? null : String(e.entityId))))}::text[],
                    ${sqlArray(chunk.map((e) => e.batchId ?? null))}::int[],
                    ${sqlArray(chunk.map((e) => (e.changes ? JSON.stringify(e.changes) : null)))}::text[],
                    ${sqlArray(chunk.map((e) => (e.detail ? JSON.stringify(e.detail) : null)))}::text[])
          as a(action, entity, entity_id, batch_id, changes, detail)`)
  }
}

/** Passes a JS array as one bound parameter (node-postgres serialises arrays to PostgreSQL array literals). */
const sqlArray = (values: unknown[]) => sql.param(values)

/** The fields whose values differ between before and after (values compared as JSON). */
export function diffFields<T extends Record<string, unknown>>(before: T | null, after: T, fields: readonly (keyof T & string)[]): FieldChanges {
  const out: FieldChanges = {}
  for (const f of fields) {
    const b = before ? before[f] : null
    const a = after[f]
    if (JSON.stringify(b ?? null) !== JSON.stringify(a ?? null)) out[f] = { before: b ?? null, after: a ?? null }
  }
  return out
}
