import { sql } from 'drizzle-orm'
import { monthlyValueFields, type MonthlyFigures, type PreviousReport } from '@gongxin/domain'
import type { Tx } from '../../db/index.ts'
import { enterprises } from '../enterprises/schema.ts'

/*
 * The lookups and bulk writes of the monthly import. Every statement takes its rows as one array parameter
 * per column (unnest): binding one parameter per value is what makes large imports slow on the embedded
 * database (see enterprises/bulk-write.ts).
 */

const CHUNK = 5000

export interface KnownEnterprise {
  id: number
  countyCode: string
  name: string
}

/** Registered enterprises of the given codes, in any area (the caller refuses those outside the actor's). */
export async function loadEnterprises(tx: Tx, usccs: readonly string[]): Promise<Map<string, KnownEnterprise>> {
  const out = new Map<string, KnownEnterprise>()
  for (let i = 0; i < usccs.length; i += CHUNK) {
    const rows = await tx
      .select({ id: enterprises.id, uscc: enterprises.uscc, countyCode: enterprises.countyCode, name: enterprises.name })
      .from(enterprises)
      .where(sql`${enterprises.uscc} = any(${sql.param(usccs.slice(i, i + CHUNK))}::bpchar[])`)
    for (const r of rows) out.set(r.uscc, { id: r.id, countyCode: r.countyCode, name: r.name })
  }
  return out
}

export interface ReportKey {
  enterpriseId: number
  year: number
  month: number
}

export interface CurrentReport {
  id: number
  revision: number
  figures: MonthlyFigures
}

export interface ReportContext {
  /** the revision in force for the same enterprise and period */
  current: CurrentReport | null
  /** the enterprise's latest report of an earlier month of the same year (revision in force) */
  previous: PreviousReport | null
}

const columnsOf = (t: string) =>
  sql.raw(['id', 'revision', 'gross_output_cum', 'gross_output_prior_cum', 'revenue_cum', 'revenue_prior_cum', 'profit_cum', 'profit_prior_cum', 'electricity_cum', 'employees'].map((c) => `${t}.${c}`).join(', '))

interface ContextRow extends Record<string, unknown> {
  i: string | number
  month: number
  id: string | number
  revision: number
  gross_output_cum: string | null
  gross_output_prior_cum: string | null
  revenue_cum: string | null
  revenue_prior_cum: string | null
  profit_cum: string | null
  profit_prior_cum: string | null
  electricity_cum: string | null
  employees: number | null
}

const figuresOf = (r: ContextRow): MonthlyFigures => ({
  grossOutputCum: r.gross_output_cum, grossOutputPriorCum: r.gross_output_prior_cum, revenueCum: r.revenue_cum, revenuePriorCum: r.revenue_prior_cum,
  profitCum: r.profit_cum, profitPriorCum: r.profit_prior_cum, electricityCum: r.electricity_cum, employees: r.employees,
})

/**
 * For each key, the revision in force of the same period and the latest earlier report of the same year, in one
 * statement per chunk: one backward step on the partial unique index (enterprise_id, year, month) where
 * superseded_at is null, from the key down, gives both (at most two rows; those of another enterprise or year
 * are dropped outside).
 *
 * The row comparison is deliberate. With separate conditions (enterprise_id = e and year = y and month < m) the
 * planner, on statistics that do not yet know the table (a bulk load, and PGlite never analyzes on its own),
 * walked monthly_reports_period_idx (year, month) and filtered out every other enterprise of the period: 9 ms a
 * key, 18 s for 2,000 keys on PostgreSQL and minutes on PGlite. Only an index led by (enterprise_id, year, month)
 * can serve a row comparison and this order, so the plan no longer depends on statistics.
 */
export async function loadContext(tx: Tx, keys: readonly ReportKey[]): Promise<ReportContext[]> {
  const out: ReportContext[] = keys.map(() => ({ current: null, previous: null }))
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK)
    const e = sql.param(chunk.map((k) => k.enterpriseId))
    const y = sql.param(chunk.map((k) => k.year))
    const m = sql.param(chunk.map((k) => k.month))
    const rows = await tx.execute<ContextRow>(sql`
      select v.i, p.month, ${columnsOf('p')}
        from unnest(${e}::int[], ${y}::smallint[], ${m}::smallint[]) with ordinality as v(e, y, m, i)
        cross join lateral (
          select r.* from monthly_reports r
           where (r.enterprise_id, r.year, r.month) <= (v.e, v.y, v.m) and r.superseded_at is null
           order by r.enterprise_id desc, r.year desc, r.month desc
           limit 2) p
       where p.enterprise_id = v.e and p.year = v.y`)
    for (const r of rows.rows) {
      const slot = out[start + Number(r.i) - 1]
      const key = chunk[Number(r.i) - 1]
      if (!slot || !key) continue
      const figures = figuresOf(r)
      const month = Number(r.month)
      if (month === key.month) slot.current = { id: Number(r.id), revision: Number(r.revision), figures }
      else if (!slot.previous || slot.previous.month < month) slot.previous = { month, figures }
    }
  }
  return out
}

/** Closed periods as 'year-month' keys. */
export async function closedPeriods(tx: Tx): Promise<Set<string>> {
  const rows = await tx.execute<{ year: number; month: number }>(sql`select year, month from report_periods where status = 'closed'`)
  return new Set(rows.rows.map((r) => `${r.year}-${r.month}`))
}

export const sameFigures = (a: MonthlyFigures, b: MonthlyFigures) =>
  monthlyValueFields.every((f) => (a[f] === null ? null : Number(a[f])) === (b[f] === null ? null : Number(b[f]))) && a.employees === b.employees

export interface RevisionWrite extends ReportKey {
  figures: MonthlyFigures
  /** the row it supersedes, or null for a first report */
  supersedes: { id: number; revision: number } | null
  sourceRow: number | null
}

/**
 * Supersedes the rows in force and inserts the new revisions, all stamped with the same instant `at`: a query
 * "as of" any moment then sees exactly one revision per enterprise and period.
 */
export async function writeRevisions(
  tx: Tx,
  items: readonly RevisionWrite[],
  batchId: number | null,
  at: Date,
  reason: string | null,
  opts: { onChunk?: (done: number) => void; source?: 'import' | 'selfReport' } = {},
): Promise<void> {
  const atParam = at.toISOString()
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK)
    const old = chunk.flatMap((c) => (c.supersedes ? [c.supersedes.id] : []))
    if (old.length) {
      await tx.execute(sql`update monthly_reports set superseded_at = ${atParam}::timestamptz where id = any(${sql.param(old)}::bigint[]) and superseded_at is null`)
    }
    const col = (f: (c: RevisionWrite) => unknown) => sql.param(chunk.map(f))
    await tx.execute(sql`
      insert into monthly_reports (enterprise_id, year, month, revision, gross_output_cum, gross_output_prior_cum, revenue_cum, revenue_prior_cum,
                                   profit_cum, profit_prior_cum, electricity_cum, employees, batch_id, source_row, recorded_at, revision_reason, source)
      select v.e, v.y, v.m, v.rev, v.go, v.gop, v.rv, v.rvp, v.pf, v.pfp, v.el, v.emp, ${batchId}::int, v.src, ${atParam}::timestamptz,
             case when v.rev > 1 then ${reason}::text end, ${opts.source ?? 'import'}::text
        from unnest(${col((c) => c.enterpriseId)}::int[], ${col((c) => c.year)}::smallint[], ${col((c) => c.month)}::smallint[],
                    ${col((c) => (c.supersedes ? c.supersedes.revision + 1 : 1))}::int[],
                    ${col((c) => c.figures.grossOutputCum)}::numeric[], ${col((c) => c.figures.grossOutputPriorCum)}::numeric[],
                    ${col((c) => c.figures.revenueCum)}::numeric[], ${col((c) => c.figures.revenuePriorCum)}::numeric[],
                    ${col((c) => c.figures.profitCum)}::numeric[], ${col((c) => c.figures.profitPriorCum)}::numeric[],
                    ${col((c) => c.figures.electricityCum)}::numeric[], ${col((c) => c.figures.employees)}::int[], ${col((c) => c.sourceRow)}::int[])
          as v(e, y, m, rev, go, gop, rv, rvp, pf, pfp, el, emp, src)`)
    opts.onChunk?.(start + chunk.length)
  }
}
