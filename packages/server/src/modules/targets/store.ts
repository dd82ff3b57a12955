import { sql } from 'drizzle-orm'
import type { Tx } from '../../db/index.ts'

/* Lookups and bulk writes of targets, one array parameter per column (unnest) as the other importers do. */

const CHUNK = 5000

export interface TargetKey {
  regionCode: string
  indicatorId: string
  year: number
}

export const targetKey = (k: TargetKey) => `${k.regionCode}/${k.indicatorId}/${k.year}`

export interface CurrentTarget {
  id: number
  revision: number
  /** decimal text as stored */
  target: string
}

/** The revision in force of each key. */
export async function loadCurrentTargets(tx: Tx, keys: readonly TargetKey[]): Promise<Map<string, CurrentTarget>> {
  const out = new Map<string, CurrentTarget>()
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK)
    const col = (f: (k: TargetKey) => unknown) => sql.param(chunk.map(f))
    const rows = await tx.execute<{ region_code: string; indicator_id: string; year: number; id: number; revision: number; target: string }>(sql`
      select t.region_code, t.indicator_id, t.year, t.id, t.revision, t.target::text as target
        from unnest(${col((k) => k.regionCode)}::bpchar[], ${col((k) => k.indicatorId)}::text[], ${col((k) => k.year)}::smallint[]) as v(rc, ind, y)
        join targets t on t.region_code = v.rc and t.indicator_id = v.ind and t.year = v.y and t.superseded_at is null`)
    for (const r of rows.rows) out.set(targetKey({ regionCode: r.region_code.trim(), indicatorId: r.indicator_id, year: Number(r.year) }), { id: Number(r.id), revision: Number(r.revision), target: r.target })
  }
  return out
}

export interface TargetWrite extends TargetKey {
  /** decimal text */
  target: string
  unit: string
  supersedes: { id: number; revision: number } | null
  sourceRow: number | null
}

/**
 * Supersedes the targets in force and inserts the new revisions, stamped with the same instant. Returns the new
 * rows' ids and how many rows were superseded: fewer than `items` asked for means someone else superseded one
 * meanwhile (as does a 23505 from the partial unique index), which the caller reports as a conflict.
 */
export async function writeTargetRevisions(
  tx: Tx, items: readonly TargetWrite[], q: { batchId: number | null; at: Date; reason: string | null; recordedBy: string },
): Promise<{ ids: number[]; superseded: number }> {
  const atParam = q.at.toISOString()
  const ids: number[] = []
  let superseded = 0
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK)
    const old = chunk.flatMap((c) => (c.supersedes ? [c.supersedes.id] : []))
    if (old.length) {
      const r = await tx.execute(sql`update targets set superseded_at = ${atParam}::timestamptz where id = any(${sql.param(old)}::int[]) and superseded_at is null`)
      superseded += r.rowCount ?? 0
    }
    const col = (f: (c: TargetWrite) => unknown) => sql.param(chunk.map(f))
    const inserted = await tx.execute<{ id: number }>(sql`
      insert into targets (region_code, year, indicator_id, target, unit, revision, batch_id, source_row, recorded_by, recorded_at, revision_reason)
      select v.rc, v.y, v.ind, v.val, v.unit, v.rev, ${q.batchId}::int, v.srow, ${q.recordedBy}::text, ${atParam}::timestamptz, case when v.rev > 1 then ${q.reason}::text end
        from unnest(${col((c) => c.regionCode)}::bpchar[], ${col((c) => c.year)}::smallint[], ${col((c) => c.indicatorId)}::text[], ${col((c) => c.target)}::numeric[],
                    ${col((c) => c.unit)}::text[], ${col((c) => (c.supersedes ? c.supersedes.revision + 1 : 1))}::int[], ${col((c) => c.sourceRow)}::int[]) with ordinality
          as v(rc, y, ind, val, unit, rev, srow, i)
       order by v.i
      returning id`)
    ids.push(...inserted.rows.map((r) => Number(r.id)))
  }
  return { ids, superseded }
}
