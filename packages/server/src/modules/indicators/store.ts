import { sql } from 'drizzle-orm'
import type { Tx } from '../../db/index.ts'

/*
 * The lookups and bulk writes of the official statistics import. Every statement takes its rows as one array
 * parameter per column (unnest), as the monthly import does: one parameter per value is what makes large
 * imports slow on the embedded database.
 */

const CHUNK = 5000

export interface OfficialKey {
  regionCode: string
  indicatorId: string
  year: number
  month: number
}

export const officialKey = (k: OfficialKey) => `${k.regionCode}/${k.indicatorId}/${k.year}-${k.month}`

export interface CurrentOfficial {
  id: number
  revision: number
  /** decimal text as stored */
  value: string
}

/** The revision in force of each key (an index lookup on official_stats_current_uq each). */
export async function loadCurrentOfficial(tx: Tx, keys: readonly OfficialKey[]): Promise<Map<string, CurrentOfficial>> {
  const out = new Map<string, CurrentOfficial>()
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK)
    const col = (f: (k: OfficialKey) => unknown) => sql.param(chunk.map(f))
    const rows = await tx.execute<{ region_code: string; indicator_id: string; year: number; month: number; id: string | number; revision: number; value: string }>(sql`
      select s.region_code, s.indicator_id, s.year, s.month, s.id, s.revision, s.value::text as value
        from unnest(${col((k) => k.regionCode)}::bpchar[], ${col((k) => k.indicatorId)}::text[], ${col((k) => k.year)}::smallint[], ${col((k) => k.month)}::smallint[]) as v(rc, ind, y, m)
        join official_stats s on s.region_code = v.rc and s.indicator_id = v.ind and s.year = v.y and s.month = v.m and s.superseded_at is null`)
    for (const r of rows.rows) {
      out.set(officialKey({ regionCode: r.region_code.trim(), indicatorId: r.indicator_id, year: Number(r.year), month: Number(r.month) }), { id: Number(r.id), revision: Number(r.revision), value: r.value })
    }
  }
  return out
}

export interface OfficialWrite extends OfficialKey {
  /** decimal text */
  value: string
  unit: string
  source: string | null
  supersedes: { id: number; revision: number } | null
  sourceRow: number | null
}

/**
 * Supersedes the rows in force and inserts the new revisions, all stamped with the same instant `at`: a query
 * "as of" any moment then sees exactly one revision per region, indicator and period.
 */
export async function writeOfficialRevisions(tx: Tx, items: readonly OfficialWrite[], batchId: number | null, at: Date, reason: string | null): Promise<void> {
  const atParam = at.toISOString()
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK)
    const old = chunk.flatMap((c) => (c.supersedes ? [c.supersedes.id] : []))
    if (old.length) await tx.execute(sql`update official_stats set superseded_at = ${atParam}::timestamptz where id = any(${sql.param(old)}::bigint[]) and superseded_at is null`)
    const col = (f: (c: OfficialWrite) => unknown) => sql.param(chunk.map(f))
    await tx.execute(sql`
      insert into official_stats (region_code, year, month, indicator_id, value, unit, source, revision, batch_id, source_row, recorded_at, revision_reason)
      select v.rc, v.y, v.m, v.ind, v.val, v.unit, v.src, v.rev, ${batchId}::int, v.srow, ${atParam}::timestamptz, case when v.rev > 1 then ${reason}::text end
        from unnest(${col((c) => c.regionCode)}::bpchar[], ${col((c) => c.year)}::smallint[], ${col((c) => c.month)}::smallint[], ${col((c) => c.indicatorId)}::text[],
                    ${col((c) => c.value)}::numeric[], ${col((c) => c.unit)}::text[], ${col((c) => c.source)}::text[],
                    ${col((c) => (c.supersedes ? c.supersedes.revision + 1 : 1))}::int[], ${col((c) => c.sourceRow)}::int[])
          as v(rc, y, m, ind, val, unit, src, rev, srow)`)
  }
}
