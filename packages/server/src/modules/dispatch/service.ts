import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { defaultWarningRules, isWithinScope, validateWarningRule, type Scope, type WarningRule } from '@gongxin/domain'
import type { Db, Tx } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { AppError } from '../../lib/errors.ts'
import { likePrefix } from '../../lib/sql-like.ts'
import { recordAudit } from '../audit/service.ts'
import { cachedDispatch, forgetKeptDispatch, keepDispatch } from './cache.ts'
import { computeDispatch, type Hit, type OfficialInput, type TargetInput } from './compute.ts'
import { countySums, divisionsOf, industryNames, missingReporters, parksOf, periodFacts, type FactsPeriod } from './repository.ts'
import { loadOfficial, loadTargets } from './external.ts'

/*
 * The dispatch of a period is computed once and kept (dispatch_results, one row per region), recomputed when the
 * period's fact version or the warning rules changed since. Reads serve the kept JSON text as it is.
 */

export interface Period {
  year: number
  month: number
}

export const periodText = (p: Period) => `${p.year}-${String(p.month).padStart(2, '0')}`

/** The previous period of the year-to-date series: month − 1, and for 1—2月 the previous year's December. */
export function previousPeriod(p: Period): Period {
  return p.month <= 2 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 }
}

/** The warning rules in force (the defaults are written the first time they are read) and their version. */
export async function loadRules(tx: Tx | Db): Promise<{ rules: WarningRule[]; version: number }> {
  await tx.execute(sql`
    insert into warning_rules (id, enabled, threshold, severity)
    select * from unnest(${sql.param(defaultWarningRules.map((r) => r.id))}::text[], ${sql.param(defaultWarningRules.map((r) => r.enabled))}::boolean[],
                         ${sql.param(defaultWarningRules.map((r) => (r.threshold === null ? null : String(r.threshold))))}::numeric[],
                         ${sql.param(defaultWarningRules.map((r) => r.severity))}::text[])
    on conflict (id) do nothing`)
  const rows = await tx.execute<{ id: string; enabled: boolean; threshold: string | null; severity: string; version: string | number }>(
    sql`select id, enabled, threshold, severity, version from warning_rules order by id`,
  )
  const known = new Set<string>(defaultWarningRules.map((r) => r.id))
  const rules = rows.rows
    .filter((r) => known.has(r.id))
    .map((r) => ({ id: r.id, enabled: r.enabled, threshold: r.threshold === null ? null : Number(r.threshold), severity: r.severity }) as WarningRule)
  return { rules, version: rows.rows.reduce((n, r) => n + Number(r.version), 0) }
}

/** New above-scale enterprises of the year by county: above scale this year, not the year before. */
async function newAboveScaleByCounty(tx: Tx, year: number) {
  const res = await tx.execute<{ county_code: string; n: string | number }>(sql`
    select e.county_code, count(*) as n
      from enterprise_scale_status s
      join enterprises e on e.id = s.enterprise_id
      left join enterprise_scale_status b on b.enterprise_id = s.enterprise_id and b.year = ${year - 1}
     where s.year = ${year} and s.above_scale and not coalesce(b.above_scale, false)
     group by e.county_code`)
  return res.rows.map((r) => ({ indicator: 'newAboveScaleEnterprises', countyCode: r.county_code, value: Number(r.n) }))
}

export interface ComputeSummary {
  period: string
  regions: number
  enterprises: number
  warnings: number
  factVersion: number
  asOf: string
}

const inFlight = new Map<string, Promise<ComputeSummary>>()

/**
 * Computes the dispatch of a period (as of now, or as of a past moment) and keeps it. Concurrent calls for the same
 * period share one computation.
 */
export function computeAndKeep(db: Db, p: Period): Promise<ComputeSummary> {
  const key = periodText(p)
  const running = inFlight.get(key)
  if (running) return running
  const job = db
    .transaction(async (tx) => {
      // one computation of a period at a time across processes too
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('gongxin.dispatch'), ${p.year * 100 + p.month})`)
      const version = await tx.execute<{ version: string | number }>(sql`select version from fact_versions where year = ${p.year} and month = ${p.month}`)
      const factVersion = Number(version.rows[0]?.version ?? 0)
      const at = (await tx.execute<{ at: string | Date }>(sql`select clock_timestamp() as at`)).rows[0]?.at ?? new Date()
      const asOf = new Date(at)
      const { regions, hits, rulesVersion, enterprises } = await computePeriod(tx, { ...p })
      await keepResults(tx, p, regions, { factVersion, rulesVersion, asOf })
      await keepWarnings(tx, p, hits)
      forgetKeptDispatch()
      return { period: key, regions: regions.length, enterprises, warnings: hits.length, factVersion, asOf: asOf.toISOString() }
    })
    .finally(() => inFlight.delete(key))
  inFlight.set(key, job)
  return job
}

/** Reads the inputs of a period and computes its dispatch (no writes). `asOf` reads the revisions in force then. */
export async function computePeriod(tx: Tx, p: FactsPeriod) {
  const prev = previousPeriod(p)
  // one after another: a transaction is one connection, and node-postgres would only queue them
  const facts = await periodFacts(tx, p)
  const previousCounties = await countySums(tx, { ...prev, ...(p.asOf ? { asOf: p.asOf } : {}) })
  const missing = await missingReporters(tx, p)
  const parks = await parksOf(tx)
  const names = await industryNames(tx)
  const { rules, version: rulesVersion } = await loadRules(tx)
  const levelCounts = await newAboveScaleByCounty(tx, p.year)
  const provinces = [...new Set([...facts.map((f) => f.countyCode.slice(0, 2)), ...missing.map((m) => m.countyCode.slice(0, 2))])].map((c) => c + '0000')
  const divisions = await divisionsOf(tx, provinces)
  const targets = await loadTargets(tx, p.year)
  const official = await loadOfficial(tx, p, prev)
  const { regions, hits } = await computeDispatch({
    year: p.year, month: p.month, facts, missing, previousCounties, divisions, parks, industryNames: names, rules,
    targets: targets as TargetInput[], official: official as OfficialInput[], levelCounts,
  })
  return { regions, hits, rulesVersion, enterprises: facts.length }
}

/**
 * Keeps the regions' results: only the rows whose figures changed are written (compared by their text's md5, which
 * PostgreSQL computes on its side), and every row of the period gets the fact version, rules version and moment it is
 * current for. The version and the moment live in columns, not in the figures, so an unchanged region is not
 * rewritten; readers add them to the JSON they serve.
 */
async function keepResults(tx: Tx, p: Period, regions: readonly { regionCode: string; level: number; payload: Record<string, unknown> }[], v: { factVersion: number; rulesVersion: number; asOf: Date }) {
  const texts: string[] = []
  for (const [i, r] of regions.entries()) {
    texts.push(JSON.stringify(r.payload))
    // the event loop gets a turn now and then: /health and other requests keep answering during a recompute
    if (i % 8 === 7) await new Promise<void>((resolve) => setImmediate(resolve))
  }
  const kept = await tx.execute<{ region_code: string; h: string }>(sql`select region_code, md5(payload) as h from dispatch_results where year = ${p.year} and month = ${p.month}`)
  const have = new Map(kept.rows.map((r) => [r.region_code.trim(), r.h]))
  const changed = regions.map((r, i) => ({ r, text: texts[i] as string })).filter(({ r, text }) => have.get(r.regionCode) !== createHash('md5').update(text).digest('hex'))
  const gone = [...have.keys()].filter((c) => !regions.some((r) => r.regionCode === c))
  if (gone.length) await tx.execute(sql`delete from dispatch_results where year = ${p.year} and month = ${p.month} and region_code = any(${sql.param(gone)}::bpchar[])`)
  if (changed.length) {
    await tx.execute(sql`
      insert into dispatch_results (year, month, region_code, level, payload, fact_version, rules_version, as_of)
      select ${p.year}, ${p.month}, u.code, u.level, u.payload, ${v.factVersion}, ${v.rulesVersion}, ${v.asOf.toISOString()}::timestamptz
        from unnest(${sql.param(changed.map((c) => c.r.regionCode))}::text[], ${sql.param(changed.map((c) => c.r.level))}::smallint[], ${sql.param(changed.map((c) => c.text))}::text[]) as u(code, level, payload)
      on conflict (year, month, region_code) do update set level = excluded.level, payload = excluded.payload, fact_version = excluded.fact_version,
         rules_version = excluded.rules_version, as_of = excluded.as_of, computed_at = now()`)
  }
  await tx.execute(sql`update dispatch_results set fact_version = ${v.factVersion}, rules_version = ${v.rulesVersion}, as_of = ${v.asOf.toISOString()}::timestamptz, computed_at = now()
                        where year = ${p.year} and month = ${p.month}`)
}

/**
 * Keeps the period's warnings: those that fire are inserted or updated (status, owner and note stay); a new one
 * that no longer fires is removed; a handled one (acknowledged or resolved) is kept and marked inactive. The kept
 * warnings are compared first, and only the new, changed and vanished ones are written.
 */
async function keepWarnings(tx: Tx, p: Period, all: readonly Hit[]) {
  const kept = await tx.execute<{ rule: string; subject: string; severity: string; figures: unknown; threshold: string | null; reason_zh: string; reason_en: string; region_code: string; active: boolean }>(sql`
    select rule, subject, severity, figures, threshold, reason_zh, reason_en, region_code, active from warnings where year = ${p.year} and month = ${p.month}`)
  // figures compared with sorted keys: jsonb keeps its own key order
  const sorted = (o: unknown) => JSON.stringify(Object.entries((typeof o === 'string' ? JSON.parse(o) : o) as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)))
  const sigOf = (severity: string, figures: unknown, threshold: number | null, zh: string, en: string, region: string) =>
    `${severity}|${sorted(figures)}|${threshold === null ? '' : String(threshold)}|${zh}|${en}|${region.trim()}`
  const before = new Map(kept.rows.map((r) => [`${r.rule}\u0000${r.subject}`, { active: r.active, sig: sigOf(r.severity, r.figures, r.threshold === null ? null : Number(r.threshold), r.reason_zh, r.reason_en, r.region_code) }]))
  const firing = new Set(all.map((h) => `${h.rule}\u0000${h.subject}`))
  const hits = all.filter((h) => {
    const b = before.get(`${h.rule}\u0000${h.subject}`)
    return !b || !b.active || b.sig !== sigOf(h.severity, h.figures, h.threshold, h.reason.zh, h.reason.en, h.regionCode)
  })
  const vanished = kept.rows.filter((r) => r.active && !firing.has(`${r.rule}\u0000${r.subject}`))
  if (vanished.length) {
    const rules = sql.param(vanished.map((r) => r.rule))
    const subjects = sql.param(vanished.map((r) => r.subject))
    await tx.execute(sql`delete from warnings w using unnest(${rules}::text[], ${subjects}::text[]) as u(rule, subject)
                          where w.year = ${p.year} and w.month = ${p.month} and w.rule = u.rule and w.subject = u.subject and w.status = 'new'`)
    await tx.execute(sql`update warnings w set active = false, updated_at = now() from unnest(${rules}::text[], ${subjects}::text[]) as u(rule, subject)
                          where w.year = ${p.year} and w.month = ${p.month} and w.rule = u.rule and w.subject = u.subject`)
  }
  if (!hits.length) return
  const col = <T>(f: (h: Hit) => T) => sql.param(hits.map(f))
  await tx.execute(sql`
    insert into warnings (year, month, rule, subject_kind, subject, enterprise_id, region_code, severity, figures, threshold, reason_zh, reason_en, active)
    select ${p.year}, ${p.month}, u.rule, u.kind, u.subject, u.eid, u.region, u.severity, u.figures::jsonb, u.threshold, u.zh, u.en, true
      from unnest(${col((h) => h.rule)}::text[], ${col((h) => h.subjectKind)}::text[], ${col((h) => h.subject)}::text[], ${col((h) => h.enterpriseId)}::int[],
                  ${col((h) => h.regionCode)}::text[], ${col((h) => h.severity)}::text[], ${col((h) => JSON.stringify(h.figures))}::text[],
                  ${col((h) => (h.threshold === null ? null : String(h.threshold)))}::numeric[], ${col((h) => h.reason.zh)}::text[], ${col((h) => h.reason.en)}::text[])
           as u(rule, kind, subject, eid, region, severity, figures, threshold, zh, en)
    on conflict (year, month, rule, subject) do update
       set severity = excluded.severity, figures = excluded.figures, threshold = excluded.threshold, reason_zh = excluded.reason_zh,
           reason_en = excluded.reason_en, region_code = excluded.region_code, active = true, updated_at = now()`)
}

/** Whether the kept dispatch of the period is current (computed from the period's fact version and the rules in force). */
async function isFresh(db: Db, p: Period): Promise<boolean> {
  const r = await db.execute<{ fresh: boolean }>(sql`
    select (select count(*) from dispatch_results d
             where d.year = ${p.year} and d.month = ${p.month}
               and d.fact_version = coalesce((select version from fact_versions f where f.year = ${p.year} and f.month = ${p.month}), 0)
               and d.rules_version = (select coalesce(sum(version), 0) from warning_rules)) > 0 as fresh`)
  return Boolean(r.rows[0]?.fresh)
}

/** Computes the period's dispatch if what is kept is missing or stale. */
export async function ensureComputed(db: Db, p: Period): Promise<void> {
  if (!(await isFresh(db, p))) await computeAndKeep(db, p)
}

/** Computes the latest period's dispatch if it is not kept yet; returns the period (null without any reports). */
export async function warmLatestDispatch(db: Db): Promise<string | null> {
  const r = await db.execute<{ year: number; month: number }>(sql`
    select f.year, f.month from fact_versions f
     where exists (select 1 from monthly_reports r where r.year = f.year and r.month = f.month and r.superseded_at is null)
     order by f.year desc, f.month desc limit 1`)
  const p = r.rows[0]
  if (!p) return null
  const period = { year: Number(p.year), month: Number(p.month) }
  await ensureComputed(db, period)
  return periodText(period)
}

/** The region a request means: the given code, or the root of the caller's scope (the busiest province for the whole country). */
export async function resolveRegion(db: Db, scope: Scope, p: Period, region?: string): Promise<string> {
  if (scope.kind !== 'region') throw new AppError('FORBIDDEN')
  if (region) {
    const code = region.padEnd(6, '0')
    const known = await db.execute(sql`select 1 from divisions where code = ${code}`)
    if (!known.rows.length) throw new AppError('NOT_FOUND', { what: `地区代码 ${region} / region code ${region}` })
    if (!isWithinScope(scope.prefix, code)) throw new AppError('OUT_OF_SCOPE')
    return code
  }
  if (scope.prefix) return scope.prefix.padEnd(6, '0')
  const main = await mainProvince(db)
  if (!main) throw new AppError('NOT_FOUND', { what: `${periodText(p)} 的月度报表 / monthly reports of ${periodText(p)}` })
  return main.padEnd(6, '0')
}

/** The province most enterprises are registered in: the root for a user whose area is the whole country. */
export async function mainProvince(db: Db): Promise<string> {
  const r = await db.execute<{ p: string }>(sql`select substr(county_code, 1, 2) as p from enterprises group by 1 order by count(*) desc limit 1`)
  return r.rows[0]?.p ?? ''
}

export interface DispatchQuery extends Period {
  region?: string | undefined
  /** all: every warning of the period in the region; none: leave them out */
  warnings?: 'all' | 'none'
}

/** The region's dispatch as the JSON text the API and the CLI return. */
export async function dispatchJson(db: Db, actor: Actor, q: DispatchQuery): Promise<string> {
  const p = { year: q.year, month: q.month }
  const scope = actor.scope
  // the region's kept JSON, from memory when it was read a moment ago (see cache.ts)
  const direct = scope.kind === 'region' ? (q.region ? q.region.padEnd(6, '0') : scope.prefix ? scope.prefix.padEnd(6, '0') : null) : null
  const key = direct && scope.kind === 'region' && isWithinScope(scope.prefix, direct) ? `${periodText(p)}/${direct}` : null
  let payload = key ? cachedDispatch(key) : null
  let region = direct ?? ''
  if (payload === null) {
    await ensureComputed(db, p)
    region = await resolveRegion(db, scope, p, q.region)
    const r = await db.execute<{ payload: string; fact_version: string | number; as_of: string | Date }>(
      sql`select payload, fact_version, as_of from dispatch_results where year = ${p.year} and month = ${p.month} and region_code = ${region}`,
    )
    const row = r.rows[0]
    if (!row) throw new AppError('NOT_FOUND', { what: `${periodText(p)} 地区 ${region} 的月度报表 / monthly reports of ${periodText(p)} in region ${region}` })
    payload = row.payload.slice(0, -1) + `,"factVersion":${Number(row.fact_version)},"asOf":${JSON.stringify(new Date(String(row.as_of)).toISOString())}}`
    keepDispatch(`${periodText(p)}/${region}`, payload)
  }
  if (q.warnings === 'none') return payload
  const list = await listWarnings(db, scope, { ...p, region, activeOnly: true })
  return payload.slice(0, -1) + ',"warnings":' + JSON.stringify(list.items) + '}'
}

export interface WarningRow {
  id: number
  period: string
  rule: string
  severity: string
  subjectKind: 'enterprise' | 'region'
  uscc: string | null
  region: string
  enterpriseName: string | null
  regionName: string | null
  figures: Record<string, number | null>
  threshold: number | null
  reason: { zh: string; en: string }
  status: 'new' | 'acknowledged' | 'resolved'
  active: boolean
  owner: { id: number; username: string; displayName: string } | null
  note: string | null
  updatedAt: string
  version: number
}


export interface WarningFilter extends Period {
  region?: string
  rule?: string
  status?: string
  severity?: string
  ownerId?: number
  activeOnly?: boolean
  page?: number
  pageSize?: number
}

/** The period's warnings in scope (and in a region), most severe first. Without page: all of them. */
export async function listWarnings(db: Db | Tx, scope: Scope, f: WarningFilter): Promise<{ total: number; items: WarningRow[] }> {
  if (scope.kind !== 'region') return { total: 0, items: [] }
  const conds = [sql`w.year = ${f.year}`, sql`w.month = ${f.month}`, sql`w.region_code like ${likePrefix(scope.prefix)}`]
  if (f.region) conds.push(sql`w.region_code like ${likePrefix(f.region.replace(/(00)+$/, ''))}`)
  if (f.rule) conds.push(sql`w.rule = ${f.rule}`)
  if (f.status) conds.push(sql`w.status = ${f.status}`)
  if (f.severity) conds.push(sql`w.severity = ${f.severity}`)
  if (f.ownerId !== undefined) conds.push(sql`w.owner_user_id = ${f.ownerId}`)
  if (f.activeOnly) conds.push(sql`w.active`)
  const where = sql.join(conds, sql` and `)
  const paging = f.page && f.pageSize ? sql`limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}` : sql``
  const [count, rows] = await Promise.all([
    f.page ? db.execute<{ n: string | number }>(sql`select count(*) as n from warnings w where ${where}`) : Promise.resolve(null),
    db.execute<Record<string, unknown>>(sql`
      select w.id, w.year, w.month, w.rule, w.severity, w.subject_kind, w.subject, w.region_code, w.figures, w.threshold,
             w.reason_zh, w.reason_en, w.status, w.active, w.note, w.updated_at, w.version,
             e.name as enterprise_name, d.name as region_name, u.id as owner_id, u.username as owner_username, u.display_name as owner_display
        from warnings w
        left join enterprises e on e.id = w.enterprise_id
        left join divisions d on d.code = w.region_code
        left join users u on u.id = w.owner_user_id
       where ${where}
       order by case w.severity when 'high' then 0 when 'medium' then 1 else 2 end, w.rule, w.region_code, w.subject
       ${paging}`),
  ])
  const items = rows.rows.map((r): WarningRow => ({
    id: Number(r.id),
    period: `${String(r.year)}-${String(r.month).padStart(2, '0')}`,
    rule: String(r.rule),
    severity: String(r.severity),
    subjectKind: r.subject_kind as WarningRow['subjectKind'],
    uscc: r.subject_kind === 'enterprise' ? String(r.subject) : null,
    region: String(r.region_code),
    enterpriseName: (r.enterprise_name as string | null) ?? null,
    regionName: (r.region_name as string | null) ?? null,
    figures: (typeof r.figures === 'string' ? JSON.parse(r.figures) : r.figures) as Record<string, number | null>,
    threshold: r.threshold === null ? null : Number(r.threshold),
    reason: { zh: String(r.reason_zh), en: String(r.reason_en) },
    status: r.status as WarningRow['status'],
    active: Boolean(r.active),
    owner: r.owner_id === null ? null : { id: Number(r.owner_id), username: String(r.owner_username), displayName: String(r.owner_display) },
    note: (r.note as string | null) ?? null,
    updatedAt: new Date(String(r.updated_at)).toISOString(),
    version: Number(r.version),
  }))
  return { total: count ? Number(count.rows[0]?.n ?? 0) : items.length, items }
}

/** Staff who can own warnings in the caller's area: active users of a staff role whose area lies inside it or contains it. */
export async function assignees(db: Db, scope: Scope) {
  if (scope.kind !== 'region') return []
  const res = await db.execute<{ id: number; username: string; display_name: string; role: string; scope_prefix: string | null }>(sql`
    select id, username, display_name, role, scope_prefix from users
     where active and role in ('provinceAdmin', 'cityOfficial', 'countyOfficial', 'handler', 'serviceOfficer')
       and (coalesce(scope_prefix, '') like ${likePrefix(scope.prefix)} or ${scope.prefix} like coalesce(scope_prefix, '') || '%')
     order by role, username`)
  return res.rows.map((r) => ({ id: Number(r.id), username: r.username, displayName: r.display_name, role: r.role, scopePrefix: r.scope_prefix }))
}

/** Acknowledges or resolves a warning, assigns it, or notes on it; audited; optimistic version. */
export async function updateWarning(
  db: Db,
  actor: Actor,
  id: number,
  change: { status?: 'new' | 'acknowledged' | 'resolved'; ownerUserId?: number | null; note?: string | null; version: number },
): Promise<WarningRow> {
  if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN')
  const scope = actor.scope
  return db.transaction(async (tx) => {
    const cur = await tx.execute<{ id: number; year: number; month: number; region_code: string; status: string; owner_user_id: number | null; note: string | null; version: number }>(
      sql`select id, year, month, region_code, status, owner_user_id, note, version from warnings where id = ${id} for update`,
    )
    const w = cur.rows[0]
    if (!w || !w.region_code.startsWith(scope.prefix)) throw new AppError('OUT_OF_SCOPE')
    if (Number(w.version) !== change.version) throw new AppError('STALE_VERSION')
    if (change.status === 'resolved' && !(change.note ?? w.note)?.trim()) {
      throw new AppError('VALIDATION', { summary: '办结预警须填写处置说明 / resolving a warning needs a note' }, [
        { field: 'note', code: 'required', message: { zh: '办结预警须填写处置说明', en: 'resolving a warning needs a note on what was done' } },
      ])
    }
    if (change.ownerUserId !== undefined && change.ownerUserId !== null) {
      const owner = await tx.execute<{ scope_prefix: string | null; role: string; disabled: boolean }>(sql`select scope_prefix, role, not active as disabled from users where id = ${change.ownerUserId}`)
      const o = owner.rows[0]
      if (!o || o.disabled) throw new AppError('VALIDATION', { summary: '指派对象不存在或已停用 / the assignee does not exist or is disabled' }, [{ field: 'ownerUserId', code: 'unknownUser', message: { zh: '指派对象不存在或已停用', en: 'the assignee does not exist or is disabled' } }])
      if (o.role === 'enterprise' || o.role === 'leader') {
        throw new AppError('VALIDATION', { summary: '预警只能指派给工作人员 / warnings are assigned to staff' }, [{ field: 'ownerUserId', code: 'notStaff', message: { zh: '预警只能指派给工作人员（服务专员、经办人或各级工信部门）', en: 'warnings are assigned to staff (service officers, handlers, officials)' } }])
      }
      if (!w.region_code.startsWith(o.scope_prefix ?? '')) {
        throw new AppError('VALIDATION', { summary: '指派对象的管辖范围不含该预警所在地区 / the assignee’s area does not cover the warning' }, [{ field: 'ownerUserId', code: 'outOfAssigneeScope', message: { zh: '指派对象的管辖范围不含该预警所在地区', en: "the assignee's area does not cover the warning's region" } }])
      }
    }
    const next = {
      status: change.status ?? w.status,
      owner: change.ownerUserId === undefined ? w.owner_user_id : change.ownerUserId,
      note: change.note === undefined ? w.note : change.note,
    }
    await tx.execute(sql`update warnings set status = ${next.status}, owner_user_id = ${next.owner}, note = ${next.note}, version = version + 1, updated_at = now() where id = ${id}`)
    const changes: Record<string, { before: unknown; after: unknown }> = {}
    if (next.status !== w.status) changes.status = { before: w.status, after: next.status }
    if (next.owner !== w.owner_user_id) changes.owner = { before: w.owner_user_id, after: next.owner }
    if (next.note !== w.note) changes.note = { before: w.note, after: next.note }
    await recordAudit(tx, actor, { action: 'warnings.update', entity: 'warning', entityId: id, changes })
    const out = await listWarnings(tx, scope, { year: w.year, month: w.month })
    const row = out.items.find((x) => x.id === id)
    if (!row) throw new AppError('OUT_OF_SCOPE')
    return row
  })
}

/** Changes a warning rule (threshold, enabled, severity): validated by the domain; audited; kept results become stale. */
export async function updateRule(db: Db, actor: Actor, id: string, input: unknown): Promise<WarningRule> {
  const checked = validateWarningRule({ ...(input as object), id })
  if (!checked.ok) {
    throw new AppError('VALIDATION', { summary: checked.errors.map((e) => e.message.zh).join('；') + ' / ' + checked.errors.map((e) => e.message.en).join('; ') },
      checked.errors.map((e) => ({ field: e.field, code: 'invalid', message: e.message })))
  }
  const rule = checked.rule
  return db.transaction(async (tx) => {
    const { rules } = await loadRules(tx)
    const before = rules.find((r) => r.id === id)
    if (!before) throw new AppError('NOT_FOUND', { what: `预警规则 ${id} / warning rule ${id}` })
    await tx.execute(sql`update warning_rules set enabled = ${rule.enabled}, threshold = ${rule.threshold === null ? null : String(rule.threshold)}, severity = ${rule.severity},
                         version = version + 1, updated_by = ${actor.username}, updated_at = now() where id = ${id}`)
    forgetKeptDispatch()
    await recordAudit(tx, actor, { action: 'warnings.rule', entity: 'warningRule', entityId: id, changes: { rule: { before, after: rule } } })
    return rule
  })
}

export type { OfficialInput, TargetInput }
