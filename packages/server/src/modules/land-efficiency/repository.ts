import { sql, type SQL } from 'drizzle-orm'
import { landDataFields, type LandClass, type LandDataField, type LandEnterpriseData, type Msg, type Scope } from '@gongxin/domain'
import type { Tx } from '../../db/index.ts'
import { likeEscape } from '../../lib/sql-like.ts'

/*
 * Reads of the land-efficiency data and results, always given a Scope: the scope becomes a condition on the
 * enterprise's current county (or its USCC for an enterprise user) against the alias `e`.
 */


export function scopeOn(scope: Scope, region?: string): SQL {
  const parts: SQL[] = [scope.kind === 'enterprise' ? sql`e.uscc = ${scope.uscc}` : sql`e.county_code like ${likeEscape(scope.prefix) + '%'}`]
  if (region) parts.push(sql`e.county_code like ${likeEscape(region.replace(/(00)+$/, '')) + '%'}`)
  return sql.join(parts, sql` and `)
}

const columnOf: Record<LandDataField, string> = {
  landMu: 'land_mu', tax: 'tax', valueAdded: 'value_added', revenue: 'revenue', mainRevenue: 'main_revenue', energyTce: 'energy_tce',
  electricity: 'electricity', emissions: 'emissions', rdExpense: 'rd_expense', employees: 'employees', renovationInvestment: 'renovation_investment',
}
export const landColumnOf = columnOf

export interface YearRow extends LandEnterpriseData {
  enterpriseId: number
  /** the land_annual_data row read (the revision in force) */
  dataId: number
  year: number
}

/**
 * The revisions in force of the given years' figures in the scope, in ONE query, reading only the fields the
 * scheme needs (the others are null): the evaluation of the province reads two years of ~17,000 rows, and every
 * numeric field converted costs time on the embedded database.
 */
export async function loadYearsData(tx: Tx, scope: Scope, years: readonly number[], fields: ReadonlySet<LandDataField>, region?: string): Promise<YearRow[]> {
  const wanted = landDataFields.filter((f) => fields.has(f))
  const cols = sql.raw(wanted.map((f) => `d.${columnOf[f]}::float8 as "${f}"`).join(', ') || 'null as "none"')
  const res = await tx.execute<Record<string, unknown>>(sql`
    select d.id as data_id, d.year, e.id, e.uscc, e.county_code, e.park_id, e.industry_division, e.above_scale,
           case when e.founded_on is null then null else d.year - extract(year from e.founded_on)::int end as years, d.flags, ${cols}
      from land_annual_data d join enterprises e on e.id = d.enterprise_id
     where d.year = any(${sql.param([...years])}::int[]) and d.superseded_at is null and ${scopeOn(scope, region)}
     order by e.id`)
  const out = new Array<YearRow>(res.rows.length)
  for (let k = 0; k < res.rows.length; k++) {
    const r = res.rows[k] as Record<string, unknown>
    const values = { landMu: null, tax: null, valueAdded: null, revenue: null, mainRevenue: null, energyTce: null, electricity: null, emissions: null, rdExpense: null, employees: null, renovationInvestment: null } as Record<LandDataField, number | null>
    for (const f of wanted) { const x = r[f]; values[f] = x === null || x === undefined ? null : Number(x) }
    const flags = r.flags as string[] | null
    out[k] = {
      enterpriseId: Number(r.id), dataId: Number(r.data_id), year: Number(r.year), uscc: String(r.uscc), countyCode: String(r.county_code), parkId: r.park_id === null ? null : Number(r.park_id),
      industry: r.industry_division === null ? null : String(r.industry_division), aboveScale: Boolean(r.above_scale),
      yearsInProduction: r.years === null ? null : Number(r.years), values, ...(flags?.length ? { flags } : {}),
    }
  }
  return out
}

/** One row of figures (any revision) with each value's source: what a score card shows and rebuilds its trace from. */
export async function dataRow(tx: Tx, dataId: number): Promise<{ values: Record<LandDataField, number | null>; flags: string[]; sources: Record<string, unknown>; revision: number; year: number } | null> {
  const cols = sql.raw(landDataFields.map((f) => `d.${columnOf[f]}::float8 as "${f}"`).join(', '))
  const res = await tx.execute<Record<string, unknown>>(sql`select d.year, d.revision, d.flags, d.sources, ${cols} from land_annual_data d where d.id = ${dataId}`)
  const r = res.rows[0]
  if (!r) return null
  const values = {} as Record<LandDataField, number | null>
  for (const f of landDataFields) values[f] = r[f] === null || r[f] === undefined ? null : Number(r[f])
  return { values, flags: (r.flags as string[] | null) ?? [], sources: (r.sources as Record<string, unknown> | null) ?? {}, revision: Number(r.revision), year: Number(r.year) }
}

/** Last year's classes from the latest published run of that year (any scheme), in the scope. */
export async function previousClasses(tx: Tx, scope: Scope, year: number): Promise<{ uscc: string; class: LandClass }[]> {
  const res = await tx.execute<{ uscc: string; class: LandClass }>(sql`
    select e.uscc, r.class from land_results r join enterprises e on e.id = r.enterprise_id
     where r.evaluation_id = (select id from land_evaluations where year = ${year} and status = 'published' order by published_at desc, id desc limit 1)
       and ${scopeOn(scope)}`)
  return res.rows.map((r) => ({ uscc: r.uscc, class: r.class }))
}

export interface ResultFilter {
  county?: string
  industry?: string
  class?: string
  page: number
  pageSize: number
}

/** What few results carry besides their numbers (schema.ts detail). */
export interface CompactDetail {
  missing?: LandDataField[]
  /** [policy id, 万元] */
  policy?: [string, number][]
  veto?: string
  reason?: Msg
}

export interface ResultRow {
  enterpriseId: number
  dataId: number | null
  unitSize: number
  previousClass: LandClass | null
  uscc: string
  name: string
  countyCode: string
  countyName: string | null
  industry: string | null
  class: LandClass
  total: number | null
  rank: number | null
  unitKey: string
  list: 'above' | 'below'
  /** in the scheme's order for the list (specsOf); null for class T */
  indicatorValues: (number | null)[] | null
  scores: number[] | null
  detail: CompactDetail
}

const resultSelect = sql`select r.enterprise_id, e.uscc, e.name, r.county_code, dv.name as county_name, r.industry, r.class, r.total::float8 as total, r.rank, r.unit_key, r.detail, r.data_id, r.unit_size, r.previous_class, r.list, r.indicator_values, r.scores
  from land_results r join enterprises e on e.id = r.enterprise_id left join divisions dv on dv.code = r.county_code`

const toRow = (r: Record<string, unknown>): ResultRow => ({
  enterpriseId: Number(r.enterprise_id), uscc: String(r.uscc), name: String(r.name), countyCode: String(r.county_code), countyName: (r.county_name as string | null) ?? null,
  industry: (r.industry as string | null) ?? null, class: r.class as LandClass, total: r.total === null ? null : Number(r.total), rank: r.rank === null ? null : Number(r.rank),
  unitKey: String(r.unit_key), detail: (r.detail as CompactDetail | null) ?? {}, list: r.list === 'below' ? 'below' : 'above',
  indicatorValues: (r.indicator_values as (number | null)[] | null) ?? null, scores: (r.scores as number[] | null) ?? null, dataId: r.data_id === null ? null : Number(r.data_id), unitSize: Number(r.unit_size),
  previousClass: (r.previous_class as LandClass | null) ?? null,
})

function resultWhere(scope: Scope, evaluationId: number, f: Omit<ResultFilter, 'page' | 'pageSize'>): SQL {
  const parts: SQL[] = [sql`r.evaluation_id = ${evaluationId}`, scopeOn(scope, f.county)]
  if (f.industry) parts.push(sql`r.industry = ${f.industry}`)
  if (f.class) parts.push(sql`r.class = ${f.class}`)
  return sql.join(parts, sql` and `)
}

/** A page of a run's results in the scope, by class then rank. */
export async function listResults(tx: Tx, scope: Scope, evaluationId: number, f: ResultFilter): Promise<{ total: number; rows: ResultRow[] }> {
  const where = resultWhere(scope, evaluationId, f)
  const count = await tx.execute<{ n: string }>(sql`select count(*) as n from land_results r join enterprises e on e.id = r.enterprise_id where ${where}`)
  const res = await tx.execute<Record<string, unknown>>(sql`${resultSelect} where ${where}
    order by r.class, r.county_code, r.rank nulls last, e.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`)
  return { total: Number(count.rows[0]?.n ?? 0), rows: res.rows.map(toRow) }
}

/** Every result of a run in the scope (the published list), in the same order. */
export async function allResults(tx: Tx, scope: Scope, evaluationId: number, f: Omit<ResultFilter, 'page' | 'pageSize'> = {}): Promise<ResultRow[]> {
  const res = await tx.execute<Record<string, unknown>>(sql`${resultSelect} where ${resultWhere(scope, evaluationId, f)} order by r.class, r.county_code, r.rank nulls last, e.id`)
  return res.rows.map(toRow)
}

/** One enterprise's results of the given runs (this year's and last year's published), in the scope. */
export async function enterpriseResults(tx: Tx, scope: Scope, uscc: string, evaluationIds: number[]): Promise<(ResultRow & { evaluationId: number })[]> {
  if (!evaluationIds.length) return []
  const res = await tx.execute<Record<string, unknown>>(sql`select r.evaluation_id, x.* from (${resultSelect} where e.uscc = ${uscc} and ${scopeOn(scope)}) x
    join land_results r on r.enterprise_id = x.enterprise_id and r.evaluation_id = any(${sql.param(evaluationIds)}::int[])`)
  return res.rows.map((r) => ({ ...toRow(r), evaluationId: Number(r.evaluation_id) }))
}

/** Class counts of a run per county (or industry division), in the scope. */
export async function classDistribution(tx: Tx, scope: Scope, evaluationId: number, by: 'county' | 'industry'): Promise<{ key: string; name: string | null; counts: Record<LandClass, number> }[]> {
  const key = by === 'county' ? sql`r.county_code` : sql`coalesce(r.industry, '')`
  const nameOf = by === 'county' ? sql`(select name from divisions where code = r.county_code)` : sql`(select name from industries where code = r.industry)`
  const res = await tx.execute<{ key: string; name: string | null; class: LandClass; n: string }>(sql`
    select ${key} as key, ${nameOf} as name, r.class, count(*) as n
      from land_results r join enterprises e on e.id = r.enterprise_id
     where r.evaluation_id = ${evaluationId} and ${scopeOn(scope)}
     group by 1, 2, 3 order by 1`)
  const out = new Map<string, { key: string; name: string | null; counts: Record<LandClass, number> }>()
  for (const r of res.rows) {
    let o = out.get(r.key)
    if (!o) out.set(r.key, (o = { key: r.key, name: r.name, counts: { A: 0, B: 0, C: 0, D: 0, T: 0 } }))
    o.counts[r.class] = Number(r.n)
  }
  return [...out.values()]
}

/** The enterprise's result in the latest published run of a year that holds it (its "last year"), in the scope. */
export async function publishedResultOf(tx: Tx, scope: Scope, uscc: string, year: number): Promise<{ evaluationId: number; class: LandClass; total: number | null; rank: number | null; unitSize: number } | null> {
  const res = await tx.execute<Record<string, unknown>>(sql`
    select r.evaluation_id, r.class, r.total::float8 as total, r.rank, r.unit_size
      from land_results r join land_evaluations v on v.id = r.evaluation_id join enterprises e on e.id = r.enterprise_id
     where v.year = ${year} and v.status = 'published' and e.uscc = ${uscc} and ${scopeOn(scope)}
     order by v.published_at desc, v.id desc limit 1`)
  const r = res.rows[0]
  if (!r) return null
  return { evaluationId: Number(r.evaluation_id), class: r.class as LandClass, total: r.total === null ? null : Number(r.total), rank: r.rank === null ? null : Number(r.rank), unitSize: Number(r.unit_size) }
}
