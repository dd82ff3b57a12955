import { sql, type SQL } from 'drizzle-orm'
import type { Scope } from '@gongxin/domain'
import type { Tx } from '../../db/index.ts'
import { likeEscape } from '../../lib/sql-like.ts'

/*
 * Reads of the annual targets, always given a Scope: a user reads the targets of regions inside the own area
 * (domain indicators/access.ts targetVisible); an enterprise user reads none. Targets leave as decimal text in the
 * indicator's unit without trailing zeros ('6.5', '-3', '1000').
 */


/** targetVisible as SQL over `t.region_code`. */
export function targetsScopeSql(scope: Scope): SQL {
  if (scope.kind !== 'region') return sql`false`
  return scope.prefix ? sql`t.region_code like ${likeEscape(scope.prefix) + '%'}` : sql`true`
}

export interface TargetRow {
  id: number
  regionCode: string
  regionName: string
  regionLevel: number
  year: number
  indicatorId: string
  /** decimal text in the indicator's unit */
  target: string
  unit: string
  /** the version the form sends back when it edits the target */
  revision: number
  /** the import batch and the row of its file, or null for a target entered in the UI */
  batchId: number | null
  sourceRow: number | null
  recordedBy: string
  recordedAt: Date
  supersededAt: Date | null
  revisionReason: string | null
}

const SELECT = sql.raw(`
  t.id, t.region_code as "regionCode", d.name as "regionName", d.level as "regionLevel", t.year, t.indicator_id as "indicatorId",
  trim_scale(t.target)::text as target, t.unit, t.revision, t.batch_id as "batchId", t.source_row as "sourceRow",
  t.recorded_by as "recordedBy", t.recorded_at as "recordedAt", t.superseded_at as "supersededAt", t.revision_reason as "revisionReason"`)

function normalise(r: Record<string, unknown>): TargetRow {
  const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)))
  return {
    ...(r as unknown as TargetRow),
    id: Number(r.id),
    regionCode: String(r.regionCode).trim(),
    regionLevel: Number(r.regionLevel),
    year: Number(r.year),
    revision: Number(r.revision),
    recordedAt: date(r.recordedAt) ?? new Date(0),
    supersededAt: date(r.supersededAt),
  }
}

export interface TargetsQuery {
  year: number
  regionCodes?: readonly string[]
  indicatorIds?: readonly string[]
  /** regions inside this one (6-digit code), the region itself included */
  within?: string
  /** the revision in force at this moment (default: now) */
  asOf?: Date
}

/** The targets in force for a year, of the regions in scope; ordered by region, then the catalogue's order. */
export async function targetsOf(tx: Tx, scope: Scope, q: TargetsQuery): Promise<TargetRow[]> {
  const conds: SQL[] = [
    sql`t.year = ${q.year}`,
    q.asOf
      ? sql`t.recorded_at <= ${q.asOf.toISOString()}::timestamptz and (t.superseded_at is null or t.superseded_at > ${q.asOf.toISOString()}::timestamptz)`
      : sql`t.superseded_at is null`,
    targetsScopeSql(scope),
  ]
  if (q.regionCodes) conds.push(sql`t.region_code = any(${sql.param([...q.regionCodes])}::bpchar[])`)
  if (q.indicatorIds) conds.push(sql`t.indicator_id = any(${sql.param([...q.indicatorIds])}::text[])`)
  if (q.within) conds.push(sql`t.region_code like ${likeEscape(q.within.replace(/(00)+$/, '')) + '%'}`)
  const rows = await tx.execute(sql`
    select ${SELECT} from targets t join divisions d on d.code = t.region_code join indicators i on i.id = t.indicator_id
     where ${sql.join(conds, sql` and `)} order by t.region_code, i.sort_order`)
  return rows.rows.map(normalise)
}

/** One revision by id, if in scope (in force or not). */
export async function targetById(tx: Tx, scope: Scope, id: number): Promise<TargetRow | null> {
  const rows = await tx.execute(sql`select ${SELECT} from targets t join divisions d on d.code = t.region_code where t.id = ${id} and ${targetsScopeSql(scope)}`)
  const r = rows.rows[0]
  return r ? normalise(r) : null
}

/** The target in force for a region, indicator and year, if in scope. */
export async function currentTarget(tx: Tx, scope: Scope, k: { regionCode: string; indicatorId: string; year: number }): Promise<TargetRow | null> {
  const rows = await tx.execute(sql`
    select ${SELECT} from targets t join divisions d on d.code = t.region_code
     where t.region_code = ${k.regionCode} and t.indicator_id = ${k.indicatorId} and t.year = ${k.year} and t.superseded_at is null and ${targetsScopeSql(scope)}`)
  const r = rows.rows[0]
  return r ? normalise(r) : null
}

/** Every revision of a target, oldest first: who set which value when, from which batch and row. */
export async function targetHistory(tx: Tx, scope: Scope, q: { regionCode: string; indicatorId: string; year: number }): Promise<TargetRow[]> {
  const rows = await tx.execute(sql`
    select ${SELECT} from targets t join divisions d on d.code = t.region_code
     where t.region_code = ${q.regionCode} and t.indicator_id = ${q.indicatorId} and t.year = ${q.year} and ${targetsScopeSql(scope)}
     order by t.revision`)
  return rows.rows.map(normalise)
}
