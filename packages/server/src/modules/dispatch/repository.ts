import { sql, type SQL } from 'drizzle-orm'
import type { Tx } from '../../db/index.ts'

/*
 * The reads of the dispatch computation. The computation covers a whole period at once (every region, every
 * industry), so these reads take no Scope: scope is applied when a kept result is served (dispatchFor in
 * service.ts only serves regions inside the caller's scope, and the warnings it attaches are read with a
 * scope condition below).
 */

export interface FactsPeriod {
  year: number
  month: number
  /** read the revisions in force at this moment (default: now) */
  asOf?: Date
}

/** The revision in force of table alias `t` at `asOf` (or now). */
function inForce(t: string, asOf?: Date): SQL {
  if (!asOf) return sql.raw(`${t}.superseded_at is null`)
  const at = asOf.toISOString()
  return sql`${sql.raw(t)}.recorded_at <= ${at}::timestamptz and (${sql.raw(t)}.superseded_at is null or ${sql.raw(t)}.superseded_at > ${at}::timestamptz)`
}

/** One enterprise's report of the period, with what the dispatch needs around it. Money as decimal strings (万元). */
export interface EnterpriseFactRow {
  enterpriseId: number
  uscc: string
  name: string
  countyCode: string
  parkId: number | null
  industryCode: string
  division: string
  grossOutputCum: string | null
  /** 上年同期 from the report, or else the enterprise's own report of the same period a year earlier */
  grossOutputPriorCum: string | null
  revenueCum: string | null
  revenuePriorCum: string | null
  profitCum: string | null
  profitPriorCum: string | null
  electricityCum: string | null
  electricityPriorCum: string | null
  /** year-to-date gross output of the previous two months of the same year (current-month values, stoppage) */
  grossOutputCumPrev1: string | null
  grossOutputCumPrev2: string | null
  electricityCumPrev1: string | null
  electricityPriorCumPrev1: string | null
}

/**
 * Every report of the period with its comparable base: the prior-year value of the report, or the enterprise's own
 * report of the same period of the previous year; and the two previous months of the same year. Each join is one
 * probe of the partial unique index (enterprise_id, year, month) where superseded_at is null.
 */
export async function periodFacts(tx: Tx, p: FactsPeriod): Promise<EnterpriseFactRow[]> {
  const { year, month, asOf } = p
  // one pass over the five periods involved (this month and the two before it, this month and the one before it a
  // year earlier), pivoted per enterprise: cheaper than four index joins per enterprise on both engines
  const cur = sql.raw(`year = ${year} and month = ${month}`)
  const prior = sql.raw(`year = ${year - 1} and month = ${month}`)
  const m1 = sql.raw(`year = ${year} and month = ${month - 1}`)
  const m2 = sql.raw(`year = ${year} and month = ${month - 2}`)
  const p1 = sql.raw(`year = ${year - 1} and month = ${month - 1}`)
  const res = await tx.execute<Record<string, unknown>>(sql`
    select e.id as "enterpriseId", e.uscc, e.name, e.county_code as "countyCode", e.park_id as "parkId",
           e.industry_code as "industryCode", e.industry_division as "division",
           c.go as "grossOutputCum", coalesce(c.gop, c.go_py) as "grossOutputPriorCum",
           c.rv as "revenueCum", coalesce(c.rvp, c.rv_py) as "revenuePriorCum",
           c.pf as "profitCum", coalesce(c.pfp, c.pf_py) as "profitPriorCum",
           c.el as "electricityCum", c.el_py as "electricityPriorCum",
           c.go_m1 as "grossOutputCumPrev1", c.go_m2 as "grossOutputCumPrev2",
           c.el_m1 as "electricityCumPrev1", c.el_p1 as "electricityPriorCumPrev1"
      from (
        select r.enterprise_id,
               max(r.gross_output_cum) filter (where ${cur}) as go, max(r.gross_output_prior_cum) filter (where ${cur}) as gop,
               max(r.revenue_cum) filter (where ${cur}) as rv, max(r.revenue_prior_cum) filter (where ${cur}) as rvp,
               max(r.profit_cum) filter (where ${cur}) as pf, max(r.profit_prior_cum) filter (where ${cur}) as pfp,
               max(r.electricity_cum) filter (where ${cur}) as el,
               max(r.gross_output_cum) filter (where ${prior}) as go_py, max(r.revenue_cum) filter (where ${prior}) as rv_py,
               max(r.profit_cum) filter (where ${prior}) as pf_py, max(r.electricity_cum) filter (where ${prior}) as el_py,
               max(r.gross_output_cum) filter (where ${m1}) as go_m1, max(r.gross_output_cum) filter (where ${m2}) as go_m2,
               max(r.electricity_cum) filter (where ${m1}) as el_m1, max(r.electricity_cum) filter (where ${p1}) as el_p1,
               bool_or(${cur}) as reported
          from monthly_reports r
         where ((r.year = ${year} and r.month between ${month - 2} and ${month}) or (r.year = ${year - 1} and r.month between ${month - 1} and ${month}))
           and ${inForce('r', asOf)}
         group by r.enterprise_id) c
      join enterprises e on e.id = c.enterprise_id
     where c.reported`)
  return res.rows.map((r) => ({ ...(r as unknown as EnterpriseFactRow), enterpriseId: Number(r.enterpriseId), uscc: String(r.uscc).trim(), division: String(r.division ?? '').trim() }))
}

/**
 * Per county (and park), the sums of the period's year-to-date values over the enterprises with a comparable base:
 * enough to rank the regions of the previous period (the rank change) without reading each enterprise.
 */
export interface CountySums {
  countyCode: string
  grossOutputCum: string | null
  grossOutputPriorCum: string | null
  revenueCum: string | null
  revenuePriorCum: string | null
  profitCum: string | null
  profitPriorCum: string | null
}

export async function countySums(tx: Tx, p: FactsPeriod): Promise<CountySums[]> {
  const { year, month, asOf } = p
  const sumWithBase = (cum: string, prior: string) =>
    sql.raw(`sum(case when coalesce(r.${prior}, p.${cum}) is not null then r.${cum} end) as "${camel(cum)}",
             sum(case when r.${cum} is not null then coalesce(r.${prior}, p.${cum}) end) as "${camel(prior)}"`)
  const res = await tx.execute<Record<string, unknown>>(sql`
    select e.county_code as "countyCode",
           ${sumWithBase('gross_output_cum', 'gross_output_prior_cum')},
           ${sumWithBase('revenue_cum', 'revenue_prior_cum')},
           ${sumWithBase('profit_cum', 'profit_prior_cum')}
      from monthly_reports r
      join enterprises e on e.id = r.enterprise_id
      left join monthly_reports p on p.enterprise_id = r.enterprise_id and p.year = ${year - 1} and p.month = ${month} and ${inForce('p', asOf)}
     where r.year = ${year} and r.month = ${month} and ${inForce('r', asOf)}
     group by e.county_code`)
  return res.rows.map((r) => ({ ...(r as unknown as CountySums), countyCode: String(r.countyCode) }))
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/** The above-scale enterprises expected to report the period (the year's scale status, else the current flag) that have not. */
export async function missingReporters(tx: Tx, p: FactsPeriod): Promise<{ enterpriseId: number; uscc: string; name: string; countyCode: string }[]> {
  const res = await tx.execute<{ id: number; uscc: string; name: string; county_code: string }>(sql`
    select e.id, e.uscc, e.name, e.county_code
      from enterprises e
      left join enterprise_scale_status s on s.enterprise_id = e.id and s.year = ${p.year}
     where coalesce(s.above_scale, e.above_scale)
       and not exists (select 1 from monthly_reports r where r.enterprise_id = e.id and r.year = ${p.year} and r.month = ${p.month} and ${inForce('r', p.asOf)})`)
  return res.rows.map((r) => ({ enterpriseId: Number(r.id), uscc: r.uscc.trim(), name: r.name, countyCode: r.county_code }))
}

export interface DivisionInfo {
  code: string
  name: string
  level: number
  parentCode: string | null
}

/** The divisions (province, prefectures, counties) of the given provinces. */
export async function divisionsOf(tx: Tx, provinceCodes: readonly string[]): Promise<DivisionInfo[]> {
  if (!provinceCodes.length) return []
  const res = await tx.execute<{ code: string; name: string; level: number; parent_code: string | null }>(sql`
    select code, name, level, parent_code from divisions where province_code = any(${sql.param([...provinceCodes])}::bpchar[]) order by code`)
  return res.rows.map((r) => ({ code: r.code, name: r.name, level: Number(r.level), parentCode: r.parent_code }))
}

export async function parksOf(tx: Tx): Promise<{ id: number; name: string; countyCode: string }[]> {
  const res = await tx.execute<{ id: number; name: string; county_code: string }>(sql`select id, name, county_code from parks order by id`)
  return res.rows.map((r) => ({ id: Number(r.id), name: r.name, countyCode: r.county_code }))
}

export async function industryNames(tx: Tx): Promise<Map<string, { name: string; level: number; section: string }>> {
  const res = await tx.execute<{ code: string; name: string; level: number; section: string }>(sql`select code, name, level, section from industries`)
  return new Map(res.rows.map((r) => [r.code.trim(), { name: r.name, level: Number(r.level), section: r.section }]))
}
