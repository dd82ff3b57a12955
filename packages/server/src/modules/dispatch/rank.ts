import { sql } from 'drizzle-orm'
import { findIndicator, indicatorCatalog, peerGroupById, peerGroups, rank, rankChange, type Scope } from '@gongxin/domain'
import type { Db } from '../../db/index.ts'
import { AppError } from '../../lib/errors.ts'
import { ensureComputed, mainProvince, previousPeriod, type Period } from './service.ts'

/** Periods with monthly reports in force, oldest first, as YYYY-MM. */
export async function availablePeriods(db: Db): Promise<string[]> {
  const res = await db.execute<{ year: number; month: number }>(sql`
    select f.year, f.month from fact_versions f
     where exists (select 1 from monthly_reports r where r.year = f.year and r.month = f.month and r.superseded_at is null)
     order by f.year, f.month`)
  return res.rows.map((r) => `${String(r.year)}-${String(r.month).padStart(2, '0')}`)
}

export interface RankQuery extends Period {
  indicator: string
  level: 'province' | 'city' | 'county'
  /** a peer group's id or Chinese name (provinces only) */
  group?: string
  /** the region whose cities or counties are ranked (default: the root of the caller's area) */
  parent?: string
}

export interface RankItem {
  region: string
  name: string
  value: number | null
  rank: number | null
  rankChange: number | null
  /** official: the statistics bureau's published figure; computed: same-scope from the enterprises' reports */
  source: 'official' | 'computed' | null
}

/** Figures computed by the dispatch, by indicator id: the path into a region's kept payload. */
const COMPUTED: Record<string, 'grossOutput' | 'revenue' | 'profit'> = { grossOutputGrowth: 'grossOutput', revenueGrowth: 'revenue', profitGrowth: 'profit' }
const HIDDEN = new Set(['710000', '810000', '820000'])

/**
 * Ranks regions on an indicator for a period. Provinces are ranked on official figures (all 31, or a peer group);
 * cities and counties on official figures where imported, else on the figures computed from the enterprises'
 * reports. Regions without a figure are listed apart, unranked. Values are compared at the indicator's published
 * precision; ties share a rank (1, 1, 3); the change is against the previous period.
 */
export async function rankRegions(db: Db, scope: Scope, q: RankQuery) {
  if (scope.kind !== 'region') throw new AppError('FORBIDDEN')
  const ind = findIndicator(q.indicator)
  if (!ind) {
    const ids = indicatorCatalog.map((i) => i.id).join(', ')
    throw new AppError('VALIDATION', { summary: `未知指标“${q.indicator}”，可用：${ids} / unknown indicator "${q.indicator}"; known: ${ids}` }, [
      { field: 'indicator', code: 'unknownIndicator', message: { zh: `未知指标“${q.indicator}”`, en: `unknown indicator "${q.indicator}"` }, value: q.indicator },
    ])
  }
  let candidates: { code: string; name: string }[]
  let group: { id: string; name: { zh: string; en: string }; year: number | null } | null = null
  if (q.level === 'province') {
    const res = await db.execute<{ code: string; name: string }>(sql`select code, name from divisions where level = 1 order by code`)
    candidates = res.rows.map((r) => ({ code: r.code, name: r.name })).filter((r) => !HIDDEN.has(r.code))
    if (q.group) {
      const g = peerGroupById(q.group, q.year)
      if (!g) {
        const known = [...new Set(peerGroups.map((x) => `${x.id}（${x.nameZh}）`))].join('、')
        throw new AppError('VALIDATION', { summary: `未知对标组“${q.group}”，可用：${known} / unknown peer group "${q.group}"` }, [
          { field: 'group', code: 'unknownGroup', message: { zh: `未知对标组“${q.group}”，可用：${known}`, en: `unknown peer group "${q.group}"; known: ${peerGroups.map((x) => x.id).join(', ')}` }, value: q.group },
        ])
      }
      const members = new Set(g.members)
      candidates = candidates.filter((c) => members.has(c.code))
      group = { id: g.id, name: { zh: g.nameZh, en: g.nameEn }, year: g.year ?? null }
    }
  } else {
    if (q.group) throw new AppError('VALIDATION', { summary: '对标组只用于省级排名 / a peer group ranks provinces only' }, [{ field: 'group', code: 'groupNeedsProvince', message: { zh: '对标组只用于省级排名（--level province）', en: 'a peer group ranks provinces only (--level province)' } }])
    // Ranks are published among siblings (14个州市比拼): an official sees the aggregate figures of the regions ranked
    // beside their own (never their enterprises). The parent must contain the caller's area or lie inside it.
    const fallback = q.level === 'city' ? scope.prefix.slice(0, 2) : scope.prefix.slice(0, 4)
    const parent = (q.parent ?? (fallback || (await mainProvince(db)))).replace(/(00)+$/, '')
    if (!parent.startsWith(scope.prefix) && !scope.prefix.startsWith(parent)) throw new AppError('OUT_OF_SCOPE')
    const level = q.level === 'city' ? 2 : 3
    const res = await db.execute<{ code: string; name: string }>(sql`
      select code, name from divisions where level = ${level} and code like ${parent + '%'} order by code`)
    candidates = res.rows.map((r) => ({ code: r.code, name: r.name }))
  }

  const prev = previousPeriod(q)
  const valuesFor = async (p: Period) => {
    const codes = candidates.map((c) => c.code)
    const values = new Map<string, { value: number; source: 'official' | 'computed' }>()
    const off = await db.execute<{ region_code: string; value: string }>(sql`
      select region_code, value from official_stats
       where year = ${p.year} and month = ${p.month} and indicator_id = ${ind.id} and superseded_at is null
         and region_code = any(${sql.param(codes)}::bpchar[])`)
    for (const r of off.rows) values.set(r.region_code.trim(), { value: Number(r.value), source: 'official' })
    const key = COMPUTED[ind.id]
    if (key && q.level !== 'province') {
      await ensureComputed(db, p)
      const kept = await db.execute<{ region_code: string; payload: string }>(sql`
        select region_code, payload from dispatch_results where year = ${p.year} and month = ${p.month} and region_code = any(${sql.param(codes)}::bpchar[])`)
      for (const r of kept.rows) {
        const code = r.region_code.trim()
        if (values.has(code)) continue
        const payload = JSON.parse(r.payload) as { indicators?: Record<string, { growthPct?: number | null }> }
        const v = payload.indicators?.[key]?.growthPct
        if (v !== null && v !== undefined) values.set(code, { value: v, source: 'computed' })
      }
    }
    return values
  }
  const [now, before] = await Promise.all([valuesFor(q), valuesFor(prev)])
  const opts = { precision: ind.precision, direction: ind.direction }
  const current = rank(candidates.map((c) => ({ key: c.code, value: now.get(c.code)?.value ?? null })), opts)
  const previous = rank(candidates.map((c) => ({ key: c.code, value: before.get(c.code)?.value ?? null })), opts)
  const prevRank = new Map(previous.ranked.map((r) => [r.key, r.rank]))
  const nameOf = new Map(candidates.map((c) => [c.code, c.name]))
  const items: RankItem[] = current.ranked.map((r) => ({
    region: r.key, name: nameOf.get(r.key) ?? r.key, value: r.value, rank: r.rank, rankChange: rankChange(r.rank, prevRank.get(r.key) ?? null), source: now.get(r.key)?.source ?? null,
  }))
  const unranked: RankItem[] = current.unranked.map((k) => ({ region: k, name: nameOf.get(k) ?? k, value: null, rank: null, rankChange: null, source: null }))
  return {
    indicator: ind.id, name: { zh: ind.nameZh, en: ind.nameEn }, unit: ind.unit, precision: ind.precision, direction: ind.direction,
    period: `${q.year}-${String(q.month).padStart(2, '0')}`, level: q.level, group, items, unranked,
  }
}
