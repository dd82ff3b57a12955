import { sql } from 'drizzle-orm'
import { currentPeriod, indicatorCatalog, peerGroupsOf, provinces, publicationMonths, roundPublished, valueText, type Indicator, type IndicatorId, type Period } from '@gongxin/domain'
import { noteFactsChanged } from '../../modules/dispatch/facts.ts'
import { officialStats } from '../../modules/indicators/schema.ts'
import { bulkInsert } from '../bulk.ts'
import type { Rng } from '../rng.ts'
import { need, type DemoStep } from '../types.ts'

/*
 * Official regional statistics (统计局公布数) for the demo: every mainland province (the peers of 对标) and the demo
 * province's cities, for the five years ending with the demo's last complete month, every indicator published
 * monthly or quarterly. Growth rates follow a model with a national cycle shared by all regions, a structural level
 * per region (region groups: the west and the centre grow faster, the northeast slower), a persistent deviation
 * from year to year (AR(1)), and month-to-month noise averaged into year-to-date figures the way cumulative
 * statistics average: so ranks move, but plausibly. For the demo province and its cities, the growth of gross
 * output, revenue and profit are what their enterprises' monthly reports imply (with the statistics bureau's
 * small differences), and value added follows output growth less a price effect; the peers' levels of a year move
 * with the province's, so that its rank reflects its place in the model, not the gap between model and reports.
 */

/** Share of a year's output by calendar month (the monthly reports use the same seasonality). */
const SEASON = [0.062, 0.058, 0.082, 0.083, 0.084, 0.085, 0.083, 0.082, 0.086, 0.087, 0.091, 0.117]

export interface GrowthModel {
  /** the national average growth, % */
  mean: number
  /** sd of the national cycle from year to year (scaled by the shared cycle) */
  cycleSd: number
  /** sd of a province's structural level around the national one */
  regionSd: number
  /** persistence of a region's deviation from one year to the next */
  persistence: number
  /** sd of the yearly innovation of that deviation */
  yearSd: number
  /** sd of a single month's growth around the region's year level */
  monthSd: number
  /** how strongly region groups shift the level (1 for value added) */
  groupWeight: number
  min: number
  max: number
}

export const growthModels: Readonly<Partial<Record<IndicatorId, GrowthModel>>> = {
  valueAddedGrowth: { mean: 5.6, cycleSd: 1.0, regionSd: 1.3, persistence: 0.7, yearSd: 0.9, monthSd: 1.6, groupWeight: 1, min: -5, max: 12 },
  industrialInvestmentGrowth: { mean: 8, cycleSd: 3, regionSd: 3.5, persistence: 0.5, yearSd: 4, monthSd: 6, groupWeight: 1.5, min: -20, max: 30 },
  renovationInvestmentGrowth: { mean: 9, cycleSd: 3.5, regionSd: 4, persistence: 0.5, yearSd: 5, monthSd: 8, groupWeight: 1.5, min: -25, max: 40 },
  manufacturingInvestmentGrowth: { mean: 8.5, cycleSd: 3, regionSd: 3.5, persistence: 0.5, yearSd: 4, monthSd: 6, groupWeight: 1.5, min: -20, max: 30 },
  digitalEconomyGrowth: { mean: 9.5, cycleSd: 1.2, regionSd: 1.8, persistence: 0.7, yearSd: 1, monthSd: 1.5, groupWeight: 0.5, min: 0, max: 20 },
  energyPerValueAddedChange: { mean: -3, cycleSd: 1, regionSd: 1.5, persistence: 0.6, yearSd: 1.2, monthSd: 2, groupWeight: -0.5, min: -12, max: 6 },
  grossOutputGrowth: { mean: 6.5, cycleSd: 2, regionSd: 1.8, persistence: 0.7, yearSd: 1.5, monthSd: 2.5, groupWeight: 1, min: -10, max: 18 },
  revenueGrowth: { mean: 6, cycleSd: 2, regionSd: 1.8, persistence: 0.7, yearSd: 1.5, monthSd: 2.5, groupWeight: 1, min: -10, max: 18 },
  profitGrowth: { mean: 4, cycleSd: 8, regionSd: 5, persistence: 0.4, yearSd: 8, monthSd: 12, groupWeight: 1, min: -40, max: 60 },
}

/** How region groups shift a province's level (points of value-added growth). */
const GROUP_SHIFT: Readonly<Record<string, number>> = { west: 0.8, central: 0.6, east: 0, northeast: -1.5 }

export interface ModelRegion {
  code: string
  /** the province whose level a city's follows; null for a province */
  parent: string | null
}

/** The publication periods of an indicator from `start` to `end` (inclusive), oldest first. */
export function periodsBetween(ind: Indicator, start: Period, end: Period): Period[] {
  const months = publicationMonths(ind)
  const out: Period[] = []
  for (let y = start.year; y <= end.year; y++) {
    for (const m of months) {
      if ((y === start.year && m < start.month) || (y === end.year && m > end.month)) continue
      out.push({ year: y, month: m })
    }
  }
  return out
}

/**
 * Year-to-date growth of every region, year and month of the model: `out.get(code)?.get(year)?.[month - 1]`.
 * A city's level is its province's plus its own smaller structural level and deviation. Pure given the rng.
 */
export function simulateGrowth(model: GrowthModel, regions: readonly ModelRegion[], years: readonly number[], cycle: ReadonlyMap<number, number>, rng: Rng): Map<string, Map<number, number[]>> {
  const out = new Map<string, Map<number, number[]>>()
  const levels = new Map<string, Map<number, number>>()
  for (const r of regions) {
    const parentLevels = r.parent ? levels.get(r.parent) : undefined
    const scale = r.parent ? 0.6 : 1
    const groups = r.parent ? [] : peerGroupsOf(r.code).map((g) => g.id)
    const shift = groups.reduce((s, g) => s + (GROUP_SHIFT[g] ?? 0), 0) * model.groupWeight
    const structural = rng.normal(0, model.regionSd * scale) + (r.parent ? 0 : shift)
    let deviation = rng.normal(0, model.yearSd * scale)
    const byYear = new Map<number, number[]>()
    const levelByYear = new Map<number, number>()
    for (const y of years) {
      deviation = model.persistence * deviation + rng.normal(0, model.yearSd * scale * Math.sqrt(1 - model.persistence ** 2))
      const base = parentLevels?.get(y) ?? model.mean + model.cycleSd * (cycle.get(y) ?? 0)
      const level = base + structural + deviation
      levelByYear.set(y, level)
      // single months wander around the year's level (AR(1) within the year); the year-to-date figure averages them
      let noise = rng.normal(0, model.monthSd)
      let weighted = 0
      let weights = 0
      const ytd: number[] = []
      for (let m = 0; m < 12; m++) {
        noise = 0.5 * noise + rng.normal(0, model.monthSd * Math.sqrt(0.75))
        const w = SEASON[m] ?? 0.083
        weighted += (level + noise) * w
        weights += w
        ytd.push(Math.min(model.max, Math.max(model.min, weighted / weights)))
      }
      byYear.set(y, ytd)
    }
    levels.set(r.code, levelByYear)
    out.set(r.code, byYear)
  }
  return out
}

interface Implied {
  output: number | null
  revenue: number | null
  profit: number | null
}

/** Growth of gross output, revenue and profit implied by the enterprises' reports, by region code and period. */
async function impliedGrowth(ctx: Parameters<DemoStep['run']>[0], prefix: string): Promise<Map<string, Implied>> {
  // by city only, the province summed here: one grouping instead of grouping sets costs a third less (measured:
  // 1.16 s against 1.74 s of CPU over 817k reports on PGlite)
  const rows = await ctx.tx.execute<{ year: number; month: number; city: string; go: string | null; gop: string | null; rv: string | null; rvp: string | null; pf: string | null; pfp: string | null }>(sql`
    select r.year, r.month, substr(e.county_code, 1, 4) as city,
           sum(r.gross_output_cum) filter (where r.gross_output_prior_cum is not null) as go, sum(r.gross_output_prior_cum) as gop,
           sum(r.revenue_cum) filter (where r.revenue_prior_cum is not null) as rv, sum(r.revenue_prior_cum) as rvp,
           sum(r.profit_cum) filter (where r.profit_prior_cum is not null) as pf, sum(r.profit_prior_cum) as pfp
      from monthly_reports r join enterprises e on e.id = r.enterprise_id
     where r.superseded_at is null and e.county_code like ${prefix + '%'}
     group by 1, 2, 3`)
  type Sums = [number, number, number, number, number, number]
  const sums = new Map<string, Sums>()
  const add = (key: string, v: Sums) => {
    const s = sums.get(key) ?? [0, 0, 0, 0, 0, 0]
    sums.set(key, s.map((x, i) => x + (v[i] ?? 0)) as Sums)
  }
  for (const r of rows.rows) {
    const v = [r.go, r.gop, r.rv, r.rvp, r.pf, r.pfp].map((x) => Number(x ?? 0)) as Sums
    const period = `${Number(r.year)}-${Number(r.month)}`
    add(`${r.city}00/${period}`, v)
    add(`${prefix}0000/${period}`, v)
  }
  const growth = (cum: number, prior: number) => (prior > 0 ? (cum / prior - 1) * 100 : null)
  const out = new Map<string, Implied>()
  for (const [key, s] of sums) out.set(key, { output: growth(s[0], s[1]), revenue: growth(s[2], s[3]), profit: growth(s[4], s[5]) })
  return out
}

/** The last month with reports (the demo's last complete month), else the month before the current one. */
async function lastCompletePeriod(ctx: Parameters<DemoStep['run']>[0]): Promise<Period> {
  // one step down monthly_reports_period_idx (year, month where superseded_at is null), not a scan of the table
  const r = await ctx.tx.execute<{ year: number; month: number }>(sql`select year, month from monthly_reports where superseded_at is null order by year desc, month desc limit 1`)
  const p = r.rows[0]
  if (p) return { year: Number(p.year), month: Number(p.month) }
  const now = currentPeriod(new Date())
  return now.month === 1 ? { year: now.year - 1, month: 12 } : { year: now.year, month: now.month - 1 }
}

export const OFFICIAL_STATS_YEARS = 5

export const officialStatsStep: DemoStep = {
  id: 'official-stats',
  title: '生成统计公布数（全国各省及本省市州）',
  dependsOn: ['reference', 'monthly-reports'],
  async run(ctx) {
    const geo = need(ctx, 'geography')
    const end = await lastCompletePeriod(ctx)
    // five years of months ending with `end`
    const start: Period = end.month === 12 ? { year: end.year - OFFICIAL_STATS_YEARS + 1, month: 1 } : { year: end.year - OFFICIAL_STATS_YEARS, month: end.month + 1 }
    const years = Array.from({ length: end.year - start.year + 1 }, (_, i) => start.year + i)
    const mainland = provinces.filter((p) => p.kind !== 'sar' && p.code !== '710000')
    const regions: ModelRegion[] = [...mainland.map((p) => ({ code: p.code, parent: null })), ...geo.cities.map((c) => ({ code: c.code, parent: geo.province.code }))]
    // the national cycle: one draw per year, shared by every indicator
    const cycle = new Map(years.map((y) => [y, ctx.rng.normal(0, 1)]))
    const implied = await impliedGrowth(ctx, geo.province.prefix)
    const own = new Set([geo.province.code, ...geo.cities.map((c) => c.code)])
    // value added at comparable prices grows slower than output at current prices by the year's price rise
    const priceEffect = new Map(years.map((y) => [y, 0.6 + ctx.rng.normal(0, 0.5)]))

    const cols = { region: [] as string[], year: [] as number[], month: [] as number[], indicator: [] as string[], value: [] as string[], unit: [] as string[], source: [] as string[] }
    const indicators = indicatorCatalog.filter((i) => i.frequency !== 'annual' && growthModels[i.id])
    let fromReports = 0
    for (const ind of indicators) {
      const model = growthModels[ind.id] as GrowthModel
      const rng = ctx.rng.fork(ind.id)
      const sim = simulateGrowth(model, regions, years, cycle, rng)
      // the own province's and cities' figures where their reports imply one
      const fromOwnReports = new Map<string, number>()
      for (const code of own) {
        for (const p of periodsBetween(ind, start, end)) {
          const imp = implied.get(`${code}/${p.year}-${p.month}`)
          const reported =
            ind.id === 'grossOutputGrowth' ? imp?.output
            : ind.id === 'revenueGrowth' ? imp?.revenue
            : ind.id === 'profitGrowth' ? imp?.profit
            : ind.id === 'valueAddedGrowth' && imp?.output !== null && imp?.output !== undefined ? imp.output - (priceEffect.get(p.year) ?? 0.6)
            : null
          if (reported === null || reported === undefined) continue
          const sd = ind.id === 'profitGrowth' ? 1 : code === geo.province.code ? 0.3 : 0.5
          fromOwnReports.set(`${code}/${p.year}-${p.month}`, Math.min(model.max, Math.max(model.min, reported + rng.normal(0, sd))))
        }
      }
      // The national cycle follows the own province: where its reports move its figures away from the model, the
      // peers' levels of that year move along (by the mean gap over the year), so that the province keeps the
      // rank its structural level gives it and ranks still move from year to year.
      const shift = new Map<number, number>()
      for (const y of years) {
        const gaps = periodsBetween(ind, start, end)
          .filter((p) => p.year === y)
          .flatMap((p) => {
            const r = fromOwnReports.get(`${geo.province.code}/${p.year}-${p.month}`)
            const m = sim.get(geo.province.code)?.get(p.year)?.[p.month - 1]
            return r === undefined || m === undefined ? [] : [r - m]
          })
        if (gaps.length) shift.set(y, gaps.reduce((a, b) => a + b, 0) / gaps.length)
      }
      for (const r of regions) {
        const city = r.parent !== null
        for (const p of periodsBetween(ind, start, end)) {
          const reported = fromOwnReports.get(`${r.code}/${p.year}-${p.month}`)
          const simulated = sim.get(r.code)?.get(p.year)?.[p.month - 1]
          let v: number
          if (reported !== undefined) {
            v = reported
            fromReports++
          } else if (simulated !== undefined) v = Math.min(model.max, Math.max(model.min, simulated + (own.has(r.code) ? 0 : (shift.get(p.year) ?? 0))))
          else continue
          cols.region.push(r.code)
          cols.year.push(p.year)
          cols.month.push(p.month)
          cols.indicator.push(ind.id)
          cols.value.push(valueText(roundPublished(v, ind.precision)))
          cols.unit.push(ind.unit)
          cols.source.push(city ? `${geo.province.name}统计局（演示数据）` : '国家统计局分省数据（演示数据）')
        }
      }
    }
    if (ctx.addingToExistingData) {
      // a second demo province: the national figures are already there from the first; keep those
      const have = await ctx.tx.execute<{ region_code: string; indicator_id: string; year: number; month: number }>(
        sql`select region_code, indicator_id, year, month from official_stats where superseded_at is null`,
      )
      const taken = new Set(have.rows.map((r) => `${r.region_code.trim()}/${r.indicator_id}/${r.year}/${r.month}`))
      const keep = cols.region.map((code, i) => !taken.has(`${code}/${cols.indicator[i]}/${cols.year[i]}/${cols.month[i]}`))
      for (const k of Object.keys(cols) as (keyof typeof cols)[]) {
        const list = cols[k] as unknown[]
        cols[k] = list.filter((_, i) => keep[i]) as never
      }
    }
    const total = cols.region.length
    ctx.progress(0, total)
    await bulkInsert(
      ctx.tx,
      officialStats,
      [
        { column: officialStats.regionCode, values: cols.region },
        { column: officialStats.year, values: cols.year },
        { column: officialStats.month, values: cols.month },
        { column: officialStats.indicatorId, values: cols.indicator },
        { column: officialStats.value, values: cols.value },
        { column: officialStats.unit, values: cols.unit },
        { column: officialStats.source, values: cols.source },
        { column: officialStats.revision, values: cols.region.map(() => 1) },
      ],
      { chunkSize: 20_000, onChunk: (done) => ctx.progress(done) },
    )
    await ctx.tx.execute(sql`analyze official_stats`)
    const periods = new Map<string, Period>()
    for (let i = 0; i < total; i++) periods.set(`${cols.year[i]}-${cols.month[i]}`, { year: cols.year[i] ?? 0, month: cols.month[i] ?? 0 })
    await noteFactsChanged(ctx.tx, 'officialStats', [...periods.values()])
    return { officialStats: total, officialStatRegions: regions.length, officialStatsFromReports: fromReports }
  },
}
