import { and, asc, count, desc, eq, getTableColumns, inArray, like, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Scope } from '@gongxin/domain'
import type { Tx } from '../../db/index.ts'
import { industries } from '../industries/schema.ts'
import { parks } from '../parks/schema.ts'
import { divisions } from '../regions/schema.ts'
import { enterpriseScaleStatus, enterprises } from './schema.ts'
import { likeEscape } from '../../lib/sql-like.ts'

export type EnterpriseRow = typeof enterprises.$inferSelect
export type EnterpriseInsert = typeof enterprises.$inferInsert

/** The region scope as a condition on enterprises: every query of this module starts from it. */
export function enterpriseScopeCondition(scope: Scope): SQL | undefined {
  if (scope.kind === 'enterprise') return eq(enterprises.uscc, scope.uscc)
  return scope.prefix ? like(enterprises.countyCode, `${scope.prefix}%`) : undefined
}

export interface EnterpriseFilter {
  q?: string | undefined
  /** a division code of any level: its enterprises */
  region?: string | undefined
  parkId?: number | undefined
  /** a section letter ('C'), a division ('39') or a finer code ('391') */
  industry?: string | undefined
  aboveScale?: boolean | undefined
  tag?: string | undefined
}

export type EnterpriseSort = 'name' | '-name' | 'foundedOn' | '-foundedOn' | 'revenue' | '-revenue' | 'uscc' | '-uscc'


/** The characters (for a one-character query) or character pairs of a search text, as gx_name_grams makes them. */
export function searchGrams(q: string): string[] {
  const c = [...q]
  if (c.length === 1) return c
  const out = new Set<string>()
  for (let i = 0; i + 1 < c.length; i++) out.add((c[i] as string) + (c[i + 1] as string))
  return [...out]
}

export function filterConditions(scope: Scope, f: EnterpriseFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [enterpriseScopeCondition(scope)]
  const q = f.q?.trim()
  if (q) {
    const pat = `%${likeEscape(q)}%`
    // the GIN index on the name's characters and pairs narrows the rows; LIKE then checks the substring
    const byName = and(sql`${enterprises.nameGrams} @> ${sql.param(searchGrams(q))}::text[]`, like(enterprises.name, pat))
    conds.push(/^[0-9A-Za-z]{4,18}$/.test(q) ? or(byName, like(enterprises.uscc, `${likeEscape(q.toUpperCase())}%`)) : byName)
  }
  if (f.region) {
    const prefix = f.region.replace(/(00)+$/, '')
    conds.push(like(enterprises.countyCode, `${prefix}%`))
  }
  if (f.parkId !== undefined) conds.push(eq(enterprises.parkId, f.parkId))
  if (f.industry) {
    if (/^[A-T]$/.test(f.industry)) {
      conds.push(sql`${enterprises.industryDivision} in (select code from industries where level = 2 and section = ${f.industry})`)
    } else conds.push(like(enterprises.industryCode, `${f.industry}%`))
  }
  if (f.aboveScale !== undefined) conds.push(eq(enterprises.aboveScale, f.aboveScale))
  if (f.tag) conds.push(sql`${f.tag} = any(${enterprises.tags})`)
  const present = conds.filter((c): c is SQL => c !== undefined)
  return present.length ? and(...present) : undefined
}

const county = alias(divisions, 'county')
const city = alias(divisions, 'city')
const province = alias(divisions, 'province')

function orderOf(sort: EnterpriseSort | undefined) {
  switch (sort) {
    case '-name':
      return [desc(enterprises.name), desc(enterprises.id)]
    case 'foundedOn':
      return [sql`${enterprises.foundedOn} asc nulls last`, asc(enterprises.id)]
    case '-foundedOn':
      return [sql`${enterprises.foundedOn} desc nulls last`, desc(enterprises.id)]
    case 'revenue':
      return [sql`${enterprises.revenue} asc nulls last`, asc(enterprises.id)]
    case '-revenue':
      return [sql`${enterprises.revenue} desc nulls last`, desc(enterprises.id)]
    case 'uscc':
      return [asc(enterprises.uscc)]
    case '-uscc':
      return [desc(enterprises.uscc)]
    default:
      return [asc(enterprises.name), asc(enterprises.id)]
  }
}

const listColumns = {
  ...getTableColumns(enterprises),
  countyName: county.name,
  cityCode: city.code,
  cityName: city.name,
  provinceName: province.name,
  parkName: parks.name,
  industryName: industries.name,
  industrySection: industries.section,
}

/**
 * The same columns looked up row by row: for a page of 20 rows, five index lookups a row beat the merge and hash
 * joins the planner picks for the whole reference tables (measured ~35 ms → ~2 ms on the 50,000-enterprise demo).
 */
const e = enterprises
const lookedUpColumns = {
  ...getTableColumns(enterprises),
  countyName: sql<string>`(select d.name from divisions d where d.code = ${e.countyCode})`,
  cityCode: sql<string | null>`(select d.parent_code from divisions d where d.code = ${e.countyCode})`,
  cityName: sql<string | null>`(select c.name from divisions d join divisions c on c.code = d.parent_code where d.code = ${e.countyCode})`,
  provinceName: sql<string | null>`(select p.name from divisions d join divisions p on p.code = d.province_code where d.code = ${e.countyCode})`,
  parkName: sql<string | null>`(select k.name from parks k where k.id = ${e.parkId})`,
  industryName: sql<string | null>`(select i.name from industries i where i.code = ${e.industryDivision})`,
  industrySection: sql<string | null>`(select i.section from industries i where i.code = ${e.industryDivision})`,
}

/** A few enterprises by id, with their names of place, park and industry. */
function byIds(tx: Tx, ids: number[]) {
  return tx.select(lookedUpColumns).from(enterprises).where(inArray(enterprises.id, ids))
}

function joined(tx: Tx) {
  return tx
    .select(listColumns)
    .from(enterprises)
    .innerJoin(county, eq(county.code, enterprises.countyCode))
    .leftJoin(city, eq(city.code, county.parentCode))
    .leftJoin(province, eq(province.code, county.provinceCode))
    .leftJoin(parks, eq(parks.id, enterprises.parkId))
    .leftJoin(industries, eq(industries.code, enterprises.industryDivision))
}

export type EnterpriseListRow = Awaited<ReturnType<typeof listEnterprises>>['items'][number]

export async function listEnterprises(tx: Tx, scope: Scope, f: EnterpriseFilter, sort: EnterpriseSort | undefined, page: number, pageSize: number) {
  const where = filterConditions(scope, f)
  // the page's ids first, from the enterprises table alone (an index gives the order); the joins then run for
  // those rows only, not for every match
  const page_ = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(where)
    .orderBy(...orderOf(sort))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  const ids = page_.map((r) => r.id)
  const rows = ids.length ? await byIds(tx, ids) : []
  const byId = new Map(rows.map((r) => [r.id, r]))
  const items = ids.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] => r !== undefined)
  const totalRows = await tx.select({ n: count() }).from(enterprises).where(where)
  return { items, total: totalRows[0]?.n ?? 0 }
}

/** Streams the filtered registry in pages (keyset on id) so an export of 100,000 rows never sits in memory. */
export async function* iterateEnterprises(tx: Tx, scope: Scope, f: EnterpriseFilter, batch = 2000) {
  let lastId = 0
  const base = filterConditions(scope, f)
  for (;;) {
    const rows = await joined(tx)
      .where(base ? and(base, sql`${enterprises.id} > ${lastId}`) : sql`${enterprises.id} > ${lastId}`)
      .orderBy(asc(enterprises.id))
      .limit(batch)
    if (rows.length === 0) return
    yield rows
    lastId = rows[rows.length - 1]?.id ?? lastId
    if (rows.length < batch) return
  }
}

export async function getEnterprise(tx: Tx, scope: Scope, id: number) {
  const cond = enterpriseScopeCondition(scope)
  const rows = await joined(tx)
    .where(cond ? and(eq(enterprises.id, id), cond) : eq(enterprises.id, id))
    .limit(1)
  return rows[0]
}

export async function findEnterpriseByUscc(tx: Tx, scope: Scope, uscc: string): Promise<EnterpriseRow | undefined> {
  const cond = enterpriseScopeCondition(scope)
  const rows = await tx
    .select()
    .from(enterprises)
    .where(cond ? and(eq(enterprises.uscc, uscc), cond) : eq(enterprises.uscc, uscc))
    .limit(1)
  return rows[0]
}

/** Existence of a USCC anywhere (not scoped): a second enterprise must not take a code that exists outside one's area. */
export async function usccTaken(tx: Tx, uscc: string): Promise<boolean> {
  const rows = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.uscc, uscc)).limit(1)
  return rows.length > 0
}

export async function scaleHistory(tx: Tx, enterpriseId: number) {
  return tx
    .select({ year: enterpriseScaleStatus.year, aboveScale: enterpriseScaleStatus.aboveScale, reason: enterpriseScaleStatus.reason })
    .from(enterpriseScaleStatus)
    .where(eq(enterpriseScaleStatus.enterpriseId, enterpriseId))
    .orderBy(desc(enterpriseScaleStatus.year))
}

export async function summarize(tx: Tx, scope: Scope, f: EnterpriseFilter, groupLevel: 2 | 3) {
  const where = filterConditions(scope, f)
  const regionCode = groupLevel === 2 ? sql<string>`${county.parentCode}` : sql<string>`${county.code}`
  const byRegion = await tx
    .select({
      code: regionCode.as('code'),
      count: count(),
      aboveScale: sql<number>`count(*) filter (where ${enterprises.aboveScale})`.mapWith(Number),
    })
    .from(enterprises)
    .innerJoin(county, eq(county.code, enterprises.countyCode))
    .where(where)
    .groupBy(regionCode)
    .orderBy(regionCode)
  const bySection = await tx
    .select({ section: industries.section, count: count() })
    .from(enterprises)
    .innerJoin(industries, eq(industries.code, enterprises.industryDivision))
    .where(where)
    .groupBy(industries.section)
    .orderBy(industries.section)
  return { byRegion, bySection }
}
