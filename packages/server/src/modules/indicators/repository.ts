import { sql, type SQL } from 'drizzle-orm'
import type { Scope } from '@gongxin/domain'
import type { Tx } from '../../db/index.ts'
import { likeEscape } from '../../lib/sql-like.ts'

/*
 * Reads of the official regional statistics. Who sees what (domain indicators/access.ts officialStatVisible):
 * every province-level figure and every figure of another province is a public peer figure; inside the user's
 * own province, figures below the province level are read within the user's region only.
 *
 * Values leave as decimal text in the indicator's unit, without trailing zeros ('5.2', '-3.15', '1024'): the
 * exact figure as stored (numeric), never a binary float. Callers that compute turn them into numbers.
 */


/** officialStatVisible as SQL over `s.region_code`. */
export function officialVisibleSql(scope: Scope): SQL {
  if (scope.kind !== 'region') return sql`s.region_code like '__0000'`
  const own = scope.prefix.slice(0, 2)
  if (own === '' || scope.prefix.length <= 2) return sql`true`
  return sql`(s.region_code like '__0000' or s.region_code not like ${own + '%'} or s.region_code like ${likeEscape(scope.prefix) + '%'})`
}

export interface OfficialStatRow {
  id: number
  regionCode: string
  regionName: string
  /** 1 province, 2 prefecture, 3 county */
  regionLevel: number
  year: number
  month: number
  indicatorId: string
  /** decimal text in the indicator's unit */
  value: string
  unit: string
  source: string | null
  revision: number
  /** where the figure came from: the import batch and the row of its file (null: written by the demo generator) */
  batchId: number | null
  sourceRow: number | null
  recordedAt: Date
  supersededAt: Date | null
  revisionReason: string | null
}

const SELECT = sql.raw(`
  s.id, s.region_code as "regionCode", d.name as "regionName", d.level as "regionLevel", s.year, s.month,
  s.indicator_id as "indicatorId", trim_scale(s.value)::text as value, s.unit, s.source, s.revision,
  s.batch_id as "batchId", s.source_row as "sourceRow", s.recorded_at as "recordedAt", s.superseded_at as "supersededAt",
  s.revision_reason as "revisionReason"`)

function normalise(r: Record<string, unknown>): OfficialStatRow {
  const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)))
  return {
    ...(r as unknown as OfficialStatRow),
    id: Number(r.id),
    regionCode: String(r.regionCode).trim(),
    regionLevel: Number(r.regionLevel),
    year: Number(r.year),
    month: Number(r.month),
    revision: Number(r.revision),
    recordedAt: date(r.recordedAt) ?? new Date(0),
    supersededAt: date(r.supersededAt),
  }
}

const inForceAt = (asOf: Date | undefined) =>
  asOf
    ? sql`s.recorded_at <= ${asOf.toISOString()}::timestamptz and (s.superseded_at is null or s.superseded_at > ${asOf.toISOString()}::timestamptz)`
    : sql`s.superseded_at is null`

export interface OfficialStatsQuery {
  year: number
  /** the last month of the cumulation; 12 for an annual figure */
  month: number
  indicatorIds?: readonly string[]
  regionCodes?: readonly string[]
  /** the revision in force at this moment (default: now), so that a publication can be reproduced */
  asOf?: Date
  /**
   * The reader's scope. Without it every region is read: for the dispatch computation, which ranks all cities
   * of a province and applies the reader's scope to what it presents. Routes always pass it.
   */
  scope?: Scope
}

/**
 * The official figures of a period in force at `asOf` (default: now): recorded at or before it and not superseded
 * by then; one per region and indicator. Ordered by region code, then the catalogue's order of indicators.
 */
export async function officialStatsAsOf(tx: Tx, q: OfficialStatsQuery): Promise<OfficialStatRow[]> {
  const conds: SQL[] = [sql`s.year = ${q.year}`, sql`s.month = ${q.month}`, inForceAt(q.asOf)]
  if (q.indicatorIds) conds.push(sql`s.indicator_id = any(${sql.param([...q.indicatorIds])}::text[])`)
  if (q.regionCodes) conds.push(sql`s.region_code = any(${sql.param([...q.regionCodes])}::bpchar[])`)
  if (q.scope) conds.push(officialVisibleSql(q.scope))
  const rows = await tx.execute(sql`
    select ${SELECT} from official_stats s join divisions d on d.code = s.region_code join indicators i on i.id = s.indicator_id
     where ${sql.join(conds, sql` and `)} order by s.region_code, i.sort_order`)
  return rows.rows.map(normalise)
}

export interface OfficialStatsListQuery {
  year: number
  month: number
  indicatorIds?: readonly string[]
  /** 1 provinces, 2 prefectures, 3 counties */
  level?: number
  /** regions inside this one (a 6-digit code), e.g. the cities of 430000 */
  parent?: string
}

/** The figures in force of a period the reader may see, filtered by level and parent region (the UI's table). */
export async function listOfficialStats(tx: Tx, scope: Scope, q: OfficialStatsListQuery): Promise<OfficialStatRow[]> {
  const conds: SQL[] = [sql`s.year = ${q.year}`, sql`s.month = ${q.month}`, sql`s.superseded_at is null`, officialVisibleSql(scope)]
  if (q.indicatorIds?.length) conds.push(sql`s.indicator_id = any(${sql.param([...q.indicatorIds])}::text[])`)
  if (q.level) conds.push(sql`d.level = ${q.level}`)
  if (q.parent) conds.push(sql`s.region_code like ${likeEscape(q.parent.replace(/(00)+$/, '')) + '%'} and s.region_code <> ${q.parent}`)
  const rows = await tx.execute(sql`
    select ${SELECT} from official_stats s join divisions d on d.code = s.region_code join indicators i on i.id = s.indicator_id
     where ${sql.join(conds, sql` and `)} order by s.region_code, i.sort_order`)
  return rows.rows.map(normalise)
}

/** Every revision of a region's figure (of one period, or all), oldest first: the trace of each figure. */
export async function officialStatHistory(tx: Tx, scope: Scope, q: { regionCode: string; indicatorId: string; year?: number; month?: number }): Promise<OfficialStatRow[]> {
  const conds: SQL[] = [sql`s.region_code = ${q.regionCode}`, sql`s.indicator_id = ${q.indicatorId}`, officialVisibleSql(scope)]
  if (q.year !== undefined) conds.push(sql`s.year = ${q.year}`)
  if (q.month !== undefined) conds.push(sql`s.month = ${q.month}`)
  const rows = await tx.execute(sql`
    select ${SELECT} from official_stats s join divisions d on d.code = s.region_code
     where ${sql.join(conds, sql` and `)} order by s.year, s.month, s.revision`)
  return rows.rows.map(normalise)
}

/** The periods that have official figures the reader may see, newest first, with how many figures each. */
export async function officialStatPeriods(tx: Tx, scope: Scope, limit = 120): Promise<{ year: number; month: number; figures: number }[]> {
  const rows = await tx.execute<{ year: number; month: number; n: string | number }>(sql`
    select s.year, s.month, count(*) as n from official_stats s
     where s.superseded_at is null and ${officialVisibleSql(scope)}
     group by s.year, s.month order by s.year desc, s.month desc limit ${limit}`)
  return rows.rows.map((r) => ({ year: Number(r.year), month: Number(r.month), figures: Number(r.n) }))
}
