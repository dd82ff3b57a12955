import { sql } from 'drizzle-orm'
import { backtestNowcast, fitNowcast, growthPct, predictNowcast, roundHalfUp, toFen, type NowcastModel, type NowcastPoint, type Scope } from '@gongxin/domain'
import type { Db } from '../../db/index.ts'
import { AppError } from '../../lib/errors.ts'
import { regionalElectricity } from '../electricity/repository.ts'
import { countySums } from './repository.ts'
import { periodText, resolveRegion, type Period } from './service.ts'

/*
 * Nowcast (预测): the grid's electricity arrives weeks before the statistics. For a region, the year-to-date
 * growth of its enterprises' electricity (grid readings, months 1..M against the same months a year earlier) is
 * regressed on the year-to-date same-scope growth of gross output (the statistics) over the region's own past
 * periods (domain fitNowcast: ordinary least squares, prediction interval from Student's t); the fitted line turns
 * the electricity growth of a period without statistics into an estimate with an interval. The backtest predicts
 * every past period from the periods before it only. Where the statistics of the period have arrived, the actual
 * growth is shown beside the estimate. See docs/methodology.md.
 */

interface Series {
  /** period → year-to-date electricity growth % */
  x: Map<string, number>
  /** period → year-to-date gross output growth % (same scope) */
  y: Map<string, number>
}

const key = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`

/** The periods with statistics, newest first (at most `limit`). */
async function statisticsPeriods(db: Db, limit: number): Promise<Period[]> {
  const r = await db.execute<{ year: number; month: number }>(sql`
    select f.year, f.month from fact_versions f
     where exists (select 1 from monthly_reports r where r.year = f.year and r.month = f.month and r.superseded_at is null)
     order by f.year desc, f.month desc limit ${limit}`)
  return r.rows.map((x) => ({ year: Number(x.year), month: Number(x.month) }))
}

export interface NowcastRegion {
  region: string
  name: string
  /** year-to-date electricity growth of the period, % */
  electricityGrowthPct: number | null
  estimate: number | null
  low: number | null
  high: number | null
  /** the statistics' growth of the period, when they have arrived */
  actual: number | null
  model: (Pick<NowcastModel, 'n' | 'slope' | 'intercept' | 'r2' | 'residualSd'>) | null
  backtest: { period: string; actual: number; estimate: number; low: number; high: number; error: number }[]
  /** mean absolute error of the backtest, percentage points */
  backtestMae: number | null
  history: { period: string; electricityGrowthPct: number; outputGrowthPct: number }[]
}

/**
 * Nowcasts of a region and its direct children for a period (default: the month after the latest statistics, when
 * the grid's readings for it have arrived; else the latest period with readings).
 */
export async function nowcast(db: Db, scope: Scope, q: { year?: number; month?: number; region?: string; historyPeriods?: number }) {
  const stats = await statisticsPeriods(db, q.historyPeriods ?? 36)
  const latestStats = stats[0]
  const readings = await db.execute<{ year: number; month: number }>(sql`
    select year, month from electricity_readings where superseded_at is null group by year, month order by year desc, month desc limit 1`)
  const latestReading = readings.rows[0] ? { year: Number(readings.rows[0].year), month: Number(readings.rows[0].month) } : null
  if (!latestReading) throw new AppError('NOT_FOUND', { what: '电网用电数据（尚未导入）/ grid electricity readings (none imported yet)' })
  const target: Period = q.year && q.month ? { year: q.year, month: q.month } : latestReading
  if (target.month === 1) throw new AppError('VALIDATION', { summary: '1—2月合并统计，1月不单独预测 / January is reported with February: nowcast February' })
  const region = await resolveRegion(db, scope, latestStats ?? target, q.region)
  const prefix = region.replace(/(00)+$/, '')

  // the region and its children
  const kids = await db.execute<{ code: string; name: string }>(sql`
    select code, name from divisions where code = ${region} or (parent_code = ${region}) order by code`)
  const units = kids.rows.map((r) => ({ code: r.code, name: r.name, prefix: r.code.replace(/(00)+$/, '') }))

  // electricity by county and month, summed into the units
  const elec = await regionalElectricity(db, { kind: 'region', prefix }, { fromYear: target.year - 4, toYear: target.year })
  const monthly = new Map<string, Map<string, number>>() // unit → "y-m" → 万千瓦时 × 10⁴
  for (const e of elec) {
    // 万千瓦时 with up to 4 decimals, summed as integers of 0.0001
    const v = Math.round(Number(e.value) * 10000)
    for (const u of units) {
      if (!e.countyCode.startsWith(u.prefix)) continue
      let m = monthly.get(u.code)
      if (!m) monthly.set(u.code, (m = new Map()))
      const k = key(e.year, e.month)
      m.set(k, (m.get(k) ?? 0) + v)
    }
  }
  const ytdGrowth = (unit: string, p: Period): number | null => {
    const m = monthly.get(unit)
    if (!m) return null
    let now = 0
    let before = 0
    for (let i = 1; i <= p.month; i++) {
      const a = m.get(key(p.year, i))
      const b = m.get(key(p.year - 1, i))
      if (a === undefined || b === undefined) return null
      now += a
      before += b
    }
    return growthPct(now, before)
  }

  // output growth of each past period with statistics, by unit
  const series = new Map<string, Series>(units.map((u) => [u.code, { x: new Map(), y: new Map() }]))
  for (const p of stats) {
    // only periods whose electricity growth is known can be history points (the grid's readings cover fewer years)
    if (!units.some((u) => ytdGrowth(u.code, p) !== null) && key(p.year, p.month) !== key(target.year, target.month)) continue
    const sums = await countySums(db, p)
    const agg = new Map<string, { cum: number; prior: number }>()
    for (const c of sums) {
      for (const u of units) {
        if (!c.countyCode.startsWith(u.prefix)) continue
        const a = agg.get(u.code) ?? { cum: 0, prior: 0 }
        a.cum += toFen(c.grossOutputCum) ?? 0
        a.prior += toFen(c.grossOutputPriorCum) ?? 0
        agg.set(u.code, a)
      }
    }
    for (const u of units) {
      const a = agg.get(u.code)
      const g = a ? growthPct(a.cum, a.prior) : null
      const x = ytdGrowth(u.code, p)
      const s = series.get(u.code)
      if (!s) continue
      if (g !== null) s.y.set(key(p.year, p.month), g)
      if (x !== null) s.x.set(key(p.year, p.month), x)
    }
  }

  const t = key(target.year, target.month)
  const r2 = (v: number | null) => (v === null ? null : roundHalfUp(v, 1))
  const out: NowcastRegion[] = units.map((u) => {
    const s = series.get(u.code) ?? { x: new Map<string, number>(), y: new Map<string, number>() }
    const history: NowcastPoint[] = [...s.y.entries()]
      .filter(([p]) => p < t && s.x.has(p))
      .map(([p, yv]) => ({ period: p, x: s.x.get(p) as number, y: yv }))
      .sort((a, b) => a.period.localeCompare(b.period))
    const model = fitNowcast(history)
    const x = ytdGrowth(u.code, target)
    const pred = model && x !== null ? predictNowcast(model, x) : null
    const bt = backtestNowcast(history)
    const mae = bt.length ? bt.reduce((n, b) => n + Math.abs(b.error), 0) / bt.length : null
    return {
      region: u.code, name: u.name, electricityGrowthPct: r2(x),
      estimate: pred ? r2(pred.estimate) : null, low: pred ? r2(pred.low) : null, high: pred ? r2(pred.high) : null,
      actual: r2(s.y.get(t) ?? null),
      model: model ? { n: model.n, slope: roundHalfUp(model.slope, 3), intercept: roundHalfUp(model.intercept, 3), r2: roundHalfUp(model.r2, 3), residualSd: roundHalfUp(model.residualSd, 3) } : null,
      backtest: bt.map((b) => ({ period: b.period, actual: r2(b.actual) ?? 0, estimate: r2(b.estimate) ?? 0, low: r2(b.low) ?? 0, high: r2(b.high) ?? 0, error: r2(b.error) ?? 0 })),
      backtestMae: mae === null ? null : roundHalfUp(mae, 2),
      history: history.map((h) => ({ period: h.period, electricityGrowthPct: r2(h.x) ?? 0, outputGrowthPct: r2(h.y) ?? 0 })),
    }
  })
  return { period: periodText(target), region, level: 0.9, statisticsArrived: out.some((o) => o.actual !== null), regions: out }
}
