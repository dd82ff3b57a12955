import { and, desc, eq, sql } from 'drizzle-orm'
import {
  evaluateLandEfficiency, landIndicatorDefs, landSchemePresets, specsOf, validateScheme, type LandDataField, type LandResult, type LandScheme, type LandSummary,
} from '@gongxin/domain'
import type { Db, Tx } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { AppError } from '../../lib/errors.ts'
import { arrayLiteral } from '../../demo/bulk.ts'
import { recordAudit } from '../audit/service.ts'
import { loadYearsData, previousClasses, type CompactDetail, type YearRow } from './repository.ts'
import { landEvaluations, landSchemes } from './schema.ts'

export interface StoredScheme {
  id: number
  code: string
  version: number
  region: string
  year: number
  definition: LandScheme
}

/** The presets are stored as version 1 of their code the first time schemes are read (idempotent). */
async function ensurePresets(tx: Tx) {
  await tx.insert(landSchemes)
    .values(landSchemePresets.map((p) => ({ code: p.id, version: 1, region: p.region, year: p.year, nameZh: p.name.zh, definition: p, createdBy: 'system' })))
    .onConflictDoNothing()
}

const toStored = (r: typeof landSchemes.$inferSelect): StoredScheme => ({ id: r.id, code: r.code, version: r.version, region: r.region, year: r.year, definition: r.definition as LandScheme })

/** The latest version of every scheme. */
export async function listSchemes(db: Db): Promise<StoredScheme[]> {
  return db.transaction(async (tx) => {
    await ensurePresets(tx)
    const rows = await tx.execute<{ id: number }>(sql`select distinct on (code) id from land_schemes order by code, version desc`)
    const ids = rows.rows.map((r) => Number(r.id))
    const all = await tx.select().from(landSchemes)
    return all.filter((r) => ids.includes(r.id)).map(toStored)
  })
}

/** A scheme by code (latest version) or by its stored id. */
export async function getScheme(db: Db | Tx, ref: string | number): Promise<StoredScheme> {
  await ensurePresets(db as Tx)
  const rows = typeof ref === 'number'
    ? await db.select().from(landSchemes).where(eq(landSchemes.id, ref))
    : await db.select().from(landSchemes).where(eq(landSchemes.code, ref)).orderBy(desc(landSchemes.version)).limit(1)
  const r = rows[0]
  if (!r) throw new AppError('NOT_FOUND', { what: `评价方案 ${ref} / scheme ${ref}` })
  return toStored(r)
}

function refuseInvalid(def: LandScheme) {
  const issues = validateScheme(def)
  if (issues.length) {
    throw new AppError('VALIDATION', { summary: issues.map((i) => `${i.field}: ${i.message.zh} / ${i.message.en}`).join('；') },
      issues.map((i) => ({ field: i.field, code: i.message.code, message: { zh: i.message.zh, en: i.message.en } })))
  }
}

/** Saves a scheme as the next version of its code (a new code starts at 1), checked first; audited. */
export async function saveScheme(db: Db, actor: Actor, def: LandScheme): Promise<StoredScheme> {
  refuseInvalid(def)
  return db.transaction(async (tx) => {
    await ensurePresets(tx)
    const last = await tx.select({ v: landSchemes.version }).from(landSchemes).where(eq(landSchemes.code, def.id)).orderBy(desc(landSchemes.version)).limit(1)
    const version = (last[0]?.v ?? 0) + 1
    const [row] = await tx.insert(landSchemes).values({ code: def.id, version, region: def.region, year: def.year, nameZh: def.name.zh, definition: def, createdBy: actor.username }).returning()
    if (!row) throw new Error('insert into land_schemes returned nothing')
    await recordAudit(tx, actor, { action: 'landEfficiency.scheme.save', entity: 'landScheme', entityId: row.id, detail: { code: def.id, version } })
    return toStored(row)
  })
}

export interface RunOptions {
  year: number
  scheme: string | number
  /** a division code narrowing the actor's scope */
  region?: string
}

export interface RunOutcome {
  evaluationId: number
  scheme: { id: number; code: string; version: number }
  summary: LandSummary
  ms: number
  /** where the time went: loading the figures, the evaluation itself, storing the run */
  timings: { loadMs: number; evaluateMs: number; storeMs: number }
}

/** The figures a scheme reads: its indicators' numerators and denominators, land (scope), and its policies' bases. */
export function fieldsOf(scheme: LandScheme): { current: Set<LandDataField>; previous: Set<LandDataField> } {
  const current = new Set<LandDataField>(['landMu'])
  const previous = new Set<LandDataField>()
  for (const spec of [...scheme.indicators, ...(scheme.belowScaleIndicators ?? [])]) {
    const def = landIndicatorDefs[spec.id]
    current.add(def.num)
    current.add(def.den)
    if (spec.normalization.kind === 'ratio' && spec.normalization.benchmark.kind === 'previousAverage') { previous.add(def.num); previous.add(def.den) }
  }
  for (const p of scheme.policies) if (p.kind === 'perUnit') current.add(p.basis)
  if (previous.size) previous.add('landMu')
  return { current, previous }
}

/** What few results carry besides their numbers (schema.ts detail), or null. */
function extrasOf(r: LandResult): string | null {
  if (!r.missing.length && !r.policyEffects.length && r.veto === null && !r.reason) return null
  const d: CompactDetail = {}
  if (r.missing.length) d.missing = r.missing
  if (r.policyEffects.length) d.policy = r.policyEffects.map((p) => [p.policyId, p.amount])
  if (r.veto !== null) d.veto = r.veto
  if (r.reason) d.reason = r.reason
  return JSON.stringify(d)
}

/**
 * Stores a run's results: INSERT … SELECT FROM unnest() with one array parameter per column (see demo/bulk.ts), the
 * indicator values and points travelling as one array literal per row ('{1.5,NULL}') cast in SQL. The evaluator
 * keeps the input's order, so results[i] is data[i].
 */
async function insertResults(tx: Tx, evaluationId: number, results: readonly LandResult[], data: readonly YearRow[], scheme: LandScheme) {
  const specs = { above: specsOf(scheme, 'above'), below: specsOf(scheme, 'below') }
  const CHUNK = 20000
  for (let start = 0; start < results.length; start += CHUNK) {
    const end = Math.min(results.length, start + CHUNK)
    const n = end - start
    const c = {
      ent: new Array<number>(n), data: new Array<number>(n), county: new Array<string>(n), industry: new Array<string | null>(n), cls: new Array<string>(n), total: new Array<number | null>(n),
      rank: new Array<number | null>(n), size: new Array<number>(n), prev: new Array<string | null>(n), unit: new Array<string>(n), list: new Array<string>(n),
      values: new Array<string | null>(n), scores: new Array<string | null>(n), extras: new Array<string | null>(n),
    }
    for (let k = 0; k < n; k++) {
      const r = results[start + k] as LandResult
      const d = data[start + k] as YearRow
      c.ent[k] = d.enterpriseId; c.data[k] = d.dataId; c.county[k] = r.countyCode; c.industry[k] = r.industry; c.cls[k] = r.class; c.total[k] = r.total
      c.rank[k] = r.rank; c.size[k] = r.unitSize; c.prev[k] = r.previousClass; c.unit[k] = r.unitKey; c.list[k] = r.list; c.extras[k] = extrasOf(r)
      if (r.class === 'T') { c.values[k] = null; c.scores[k] = null; continue }
      let v = ''
      let p = ''
      for (const spec of specs[r.list]) {
        const x = r.indicators[spec.id]
        v += (v ? ',' : '') + (x === null || x === undefined || !Number.isFinite(x) ? 'NULL' : String(x))
        p += (p ? ',' : '') + String(r.scores[spec.id] ?? 0)
      }
      c.values[k] = `{${v}}`
      c.scores[k] = `{${p}}`
    }
    await tx.execute(sql`
      insert into land_results (evaluation_id, enterprise_id, data_id, county_code, industry, class, total, rank, unit_size, previous_class, unit_key, list, indicator_values, scores, detail)
      select ${evaluationId}, u.e, u.d, u.c, u.i, u.k, u.t, u.r, u.n, u.p, u.u, u.l, u.v::float8[], u.s::float8[], u.x::jsonb
        from unnest(${arrayLiteral(c.ent)}::int[], ${arrayLiteral(c.data)}::bigint[], ${arrayLiteral(c.county)}::text[], ${arrayLiteral(c.industry)}::text[],
                    ${arrayLiteral(c.cls)}::text[], ${arrayLiteral(c.total)}::float8[], ${arrayLiteral(c.rank)}::int[], ${arrayLiteral(c.size)}::int[],
                    ${arrayLiteral(c.prev)}::text[], ${arrayLiteral(c.unit)}::text[], ${arrayLiteral(c.list)}::text[], ${arrayLiteral(c.values)}::text[],
                    ${arrayLiteral(c.scores)}::text[], ${arrayLiteral(c.extras)}::text[]) as u(e, d, c, i, k, t, r, n, p, u, l, v, s, x)`)
  }
}

/**
 * Runs a scheme over a year's figures in the actor's scope (and region): loads this year's and last year's figures
 * (one query, only the fields the scheme reads) and last year's published classes, evaluates (domain), stores the
 * run, its parameters and a compact row per enterprise (bulk insert) in one transaction; audited.
 */
export async function runEvaluation(db: Db, actor: Actor, opts: RunOptions): Promise<RunOutcome & { results: LandResult[] }> {
  const started = performance.now()
  const stored = await getScheme(db, opts.scheme)
  refuseInvalid(stored.definition)
  const scheme = stored.definition
  const scope = actor.scope
  const fields = fieldsOf(scheme)
  const years = fields.previous.size ? [opts.year, opts.year - 1] : [opts.year]
  for (const f of fields.previous) fields.current.add(f)
  const regionPrefix = scope.kind === 'region' ? (opts.region ? opts.region.replace(/(00)+$/, '') : scope.prefix) : scope.uscc
  let loadedMs = 0
  let evaluatedMs = 0
  // read and written in one transaction: the results' enterprise and data ids (no foreign keys) are those just read
  const { evaluationId, evaluation } = await db.transaction(async (tx) => {
    const rows = await loadYearsData(tx, scope, years, fields.current, opts.region)
    const previousResults = await previousClasses(tx, scope, opts.year - 1)
    const data = rows.filter((r) => r.year === opts.year)
    const previousData = rows.filter((r) => r.year !== opts.year)
    loadedMs = performance.now() - started
    const evaluation = evaluateLandEfficiency({ scheme, data, previousData, previousResults, trace: false })
    evaluatedMs = performance.now() - started
    const [ev] = await tx.insert(landEvaluations).values({ schemeId: stored.id, year: opts.year, regionPrefix, summary: evaluation.summary, params: evaluation.params, createdBy: actor.username }).returning({ id: landEvaluations.id })
    if (!ev) throw new Error('insert into land_evaluations returned nothing')
    await insertResults(tx, ev.id, evaluation.results, data, scheme)
    await recordAudit(tx, actor, { action: 'landEfficiency.evaluate', entity: 'landEvaluation', entityId: ev.id, detail: { year: opts.year, scheme: stored.code, version: stored.version, regionPrefix, byClass: evaluation.summary.byClass } })
    return { evaluationId: ev.id, evaluation }
  })
  const ms = Math.round(performance.now() - started)
  return {
    evaluationId, scheme: { id: stored.id, code: stored.code, version: stored.version }, summary: evaluation.summary, ms,
    timings: { loadMs: Math.round(loadedMs), evaluateMs: Math.round(evaluatedMs - loadedMs), storeMs: Math.round(ms - evaluatedMs) }, results: evaluation.results,
  }
}

/** Publishes a run: it becomes the official list of its year and the "last year" of the next; audited. */
export async function publishEvaluation(db: Db, actor: Actor, evaluationId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [ev] = await tx.select().from(landEvaluations).where(eq(landEvaluations.id, evaluationId))
    if (!ev) throw new AppError('NOT_FOUND', { what: `评价结果 ${evaluationId} / evaluation ${evaluationId}` })
    if (actor.scope.kind !== 'region' || !ev.regionPrefix.startsWith(actor.scope.prefix)) throw new AppError('OUT_OF_SCOPE')
    await tx.update(landEvaluations).set({ status: 'published', publishedAt: new Date() }).where(and(eq(landEvaluations.id, evaluationId)))
    await recordAudit(tx, actor, { action: 'landEfficiency.publish', entity: 'landEvaluation', entityId: evaluationId, changes: { status: { before: ev.status, after: 'published' } } })
  })
}

/** Runs visible to the actor (covering a part of its area), newest first. */
export async function listEvaluations(db: Db, actor: Actor, year?: number) {
  const prefix = actor.scope.kind === 'region' ? actor.scope.prefix : ''
  const rows = await db.execute<Record<string, unknown>>(sql`
    select v.id, v.year, v.region_prefix, v.status, v.summary, v.created_at, v.created_by, v.published_at, s.code, s.version, s.name_zh
      from land_evaluations v join land_schemes s on s.id = v.scheme_id
     where (v.region_prefix like ${prefix + '%'} or ${prefix} like v.region_prefix || '%') ${year ? sql`and v.year = ${year}` : sql``}
     order by v.id desc limit 100`)
  return rows.rows.map((r) => ({
    id: Number(r.id), year: Number(r.year), regionPrefix: String(r.region_prefix), status: String(r.status), summary: r.summary as LandSummary,
    createdAt: new Date(String(r.created_at)).toISOString(), createdBy: String(r.created_by), publishedAt: r.published_at ? new Date(String(r.published_at)).toISOString() : null,
    scheme: { code: String(r.code), version: Number(r.version), nameZh: String(r.name_zh) },
  }))
}
