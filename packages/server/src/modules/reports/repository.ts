import { sql, type SQL } from 'drizzle-orm'
import type { Scope } from '@gongxin/domain'
import type { Tx } from '../../db/index.ts'
import { likeEscape } from '../../lib/sql-like.ts'

/*
 * Reads of the monthly statistics, always given a Scope. The scope becomes a condition on the enterprise's
 * current county (or its USCC for an enterprise user), like enterpriseScopeCondition, written against the
 * alias `e` because these queries are raw SQL joins.
 */


function scopeOn(scope: Scope, region?: string): SQL {
  const parts: SQL[] = [scope.kind === 'enterprise' ? sql`e.uscc = ${scope.uscc}` : sql`e.county_code like ${likeEscape(scope.prefix) + '%'}`]
  if (region) parts.push(sql`e.county_code like ${likeEscape(region.replace(/(00)+$/, '')) + '%'}`)
  return sql.join(parts, sql` and `)
}

export interface ReportRow {
  id: number
  uscc: string
  name: string
  countyCode: string
  year: number
  month: number
  revision: number
  grossOutputCum: string | null
  grossOutputPriorCum: string | null
  revenueCum: string | null
  revenuePriorCum: string | null
  profitCum: string | null
  profitPriorCum: string | null
  electricityCum: string | null
  employees: number | null
  /** where the figures came from: the import batch and the row of its file */
  batchId: number | null
  sourceRow: number | null
  recordedAt: Date
  supersededAt: Date | null
  revisionReason: string | null
  /** 'import' (a file) or 'selfReport' (the enterprise's own form) */
  source: string
}

const SELECT = sql.raw(`
  r.id, e.uscc, e.name, e.county_code as "countyCode", r.year, r.month, r.revision,
  r.gross_output_cum as "grossOutputCum", r.gross_output_prior_cum as "grossOutputPriorCum",
  r.revenue_cum as "revenueCum", r.revenue_prior_cum as "revenuePriorCum",
  r.profit_cum as "profitCum", r.profit_prior_cum as "profitPriorCum",
  r.electricity_cum as "electricityCum", r.employees, r.batch_id as "batchId", r.source_row as "sourceRow",
  r.recorded_at as "recordedAt", r.superseded_at as "supersededAt", r.revision_reason as "revisionReason", r.source`)

function normalise(r: Record<string, unknown>): ReportRow {
  const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)))
  return {
    ...(r as unknown as ReportRow),
    id: Number(r.id),
    uscc: String(r.uscc).trim(),
    recordedAt: date(r.recordedAt) ?? new Date(0),
    supersededAt: date(r.supersededAt),
  }
}

/**
 * For each enterprise in scope, the revision of a period in force at `asOf` (default: now): recorded at or
 * before it and not superseded by then. A publication that records its moment reads the same figures again.
 */
export async function reportsAsOf(tx: Tx, scope: Scope, q: { year: number; month: number; asOf?: Date; region?: string }): Promise<ReportRow[]> {
  const inForce = q.asOf
    ? sql`r.recorded_at <= ${q.asOf.toISOString()}::timestamptz and (r.superseded_at is null or r.superseded_at > ${q.asOf.toISOString()}::timestamptz)`
    : sql`r.superseded_at is null`
  const rows = await tx.execute(sql`
    select ${SELECT} from monthly_reports r join enterprises e on e.id = r.enterprise_id
     where r.year = ${q.year} and r.month = ${q.month} and ${inForce} and ${scopeOn(scope, q.region)}
     order by e.county_code, e.uscc`)
  return rows.rows.map(normalise)
}

/** One page of the latest revisions of a period, with the total in scope. */
export async function listReports(tx: Tx, scope: Scope, q: { year: number; month: number; region?: string; page: number; pageSize: number }) {
  const where = sql`r.year = ${q.year} and r.month = ${q.month} and r.superseded_at is null and ${scopeOn(scope, q.region)}`
  const [total, rows] = await Promise.all([
    tx.execute<{ n: string | number }>(sql`select count(*) as n from monthly_reports r join enterprises e on e.id = r.enterprise_id where ${where}`),
    tx.execute(sql`select ${SELECT} from monthly_reports r join enterprises e on e.id = r.enterprise_id where ${where}
                   order by e.county_code, e.uscc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
  ])
  return { total: Number(total.rows[0]?.n ?? 0), items: rows.rows.map(normalise) }
}

/** Every revision of an enterprise's reports (of one period, or all), oldest first: the trace of each figure. */
export async function reportHistory(tx: Tx, scope: Scope, q: { uscc: string; year?: number; month?: number }): Promise<ReportRow[]> {
  const conds = [sql`e.uscc = ${q.uscc}`, scopeOn(scope)]
  if (q.year !== undefined) conds.push(sql`r.year = ${q.year}`)
  if (q.month !== undefined) conds.push(sql`r.month = ${q.month}`)
  const rows = await tx.execute(sql`
    select ${SELECT} from monthly_reports r join enterprises e on e.id = r.enterprise_id
     where ${sql.join(conds, sql` and `)} order by r.year, r.month, r.revision`)
  return rows.rows.map(normalise)
}

export interface CountyCompleteness {
  countyCode: string
  countyName: string
  expected: number
  reported: number
  /** reported / expected, 0..1 (1 when nothing was expected) */
  share: number
  missing: { uscc: string; name: string }[]
}

/**
 * Which above-scale enterprises of the period's year have not reported it, by county. The set is the year's
 * enterprise_scale_status; an enterprise without a status row for the year counts by its current above_scale flag.
 */
export async function reportingCompleteness(tx: Tx, scope: Scope, q: { year: number; month: number; region?: string }): Promise<CountyCompleteness[]> {
  const rows = await tx.execute<{ county_code: string; county_name: string | null; uscc: string; name: string; reported: boolean }>(sql`
    select e.county_code, d.name as county_name, e.uscc, e.name,
           exists (select 1 from monthly_reports r where r.enterprise_id = e.id and r.year = ${q.year} and r.month = ${q.month} and r.superseded_at is null) as reported
      from enterprises e
      left join enterprise_scale_status s on s.enterprise_id = e.id and s.year = ${q.year}
      left join divisions d on d.code = e.county_code
     where coalesce(s.above_scale, e.above_scale) and ${scopeOn(scope, q.region)}
     order by e.county_code, e.uscc`)
  const by = new Map<string, CountyCompleteness>()
  for (const r of rows.rows) {
    let c = by.get(r.county_code)
    if (!c) by.set(r.county_code, (c = { countyCode: r.county_code, countyName: r.county_name ?? r.county_code, expected: 0, reported: 0, share: 1, missing: [] }))
    c.expected++
    if (r.reported) c.reported++
    else c.missing.push({ uscc: r.uscc.trim(), name: r.name })
  }
  for (const c of by.values()) c.share = c.expected ? c.reported / c.expected : 1
  return [...by.values()]
}

/** Closes (or reopens) a period for publication. */
export async function setPeriodStatus(tx: Tx, q: { year: number; month: number; status: 'open' | 'closed'; by: string }) {
  await tx.execute(sql`
    insert into report_periods (year, month, status, closed_at, closed_by)
    values (${q.year}, ${q.month}, ${q.status}, ${q.status === 'closed' ? sql`now()` : sql`null`}, ${q.status === 'closed' ? q.by : null})
    on conflict (year, month) do update set status = excluded.status, closed_at = excluded.closed_at, closed_by = excluded.closed_by`)
}
