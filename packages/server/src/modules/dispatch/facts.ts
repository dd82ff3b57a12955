import { sql } from 'drizzle-orm'
import type { Tx } from '../../db/index.ts'
import { forgetKeptDispatch } from './cache.ts'

/** A statistical period: year and the last month of the cumulation (2..12; 1 where a source reports January alone). */
export interface FactPeriod {
  year: number
  month: number
}

/** What changed, which decides which months' dispatch it can change. */
export type FactKind = 'monthly' | 'electricity' | 'officialStats' | 'targets'

/**
 * The dispatch periods a change of facts of `kind` for `p` can affect:
 * - monthly statistics and electricity of (y, m): the dispatch of (y, m); of (y, m+1), whose current-month
 *   values and stoppage warnings difference against m; and of (y+1, m), whose prior-year base falls back to
 *   this report when its own file had none;
 * - official statistics of (y, m): (y, m) and (y, m+1) (rank change against the previous period);
 * - targets of year y (give month 12): every month of y.
 */
export function affectedPeriods(kind: FactKind, p: FactPeriod): FactPeriod[] {
  if (kind === 'targets') return Array.from({ length: 12 }, (_, i) => ({ year: p.year, month: i + 1 }))
  const out: FactPeriod[] = [p]
  if (p.month < 12) out.push({ year: p.year, month: p.month + 1 })
  if (kind !== 'officialStats') out.push({ year: p.year + 1, month: p.month })
  return out
}

/**
 * Bumps the fact version of every period the written facts can affect. Call it inside the writing transaction,
 * once per commit, with the distinct periods written.
 */
export async function noteFactsChanged(tx: Tx, kind: FactKind, periods: readonly FactPeriod[]): Promise<void> {
  const keys = new Map<string, FactPeriod>()
  for (const p of periods) for (const a of affectedPeriods(kind, p)) keys.set(`${a.year}-${a.month}`, a)
  if (!keys.size) return
  forgetKeptDispatch()
  const all = [...keys.values()]
  await tx.execute(sql`
    insert into fact_versions (year, month)
    select * from unnest(${sql.param(all.map((p) => p.year))}::smallint[], ${sql.param(all.map((p) => p.month))}::smallint[])
    on conflict (year, month) do update set version = fact_versions.version + 1, changed_at = now()`)
}

/** The fact version of a period (0 when nothing was ever written for it). */
export async function factVersion(tx: Tx, p: FactPeriod): Promise<number> {
  const r = await tx.execute<{ version: string | number }>(sql`select version from fact_versions where year = ${p.year} and month = ${p.month}`)
  return Number(r.rows[0]?.version ?? 0)
}
