import { sql } from 'drizzle-orm'
import { currentPeriod, decimalText } from '@gongxin/domain'
import { monthlyReports } from '../../modules/reports/schema.ts'
import { bulkInsert } from '../bulk.ts'
import { noteFactsChanged } from '../../modules/dispatch/facts.ts'
import type { Rng } from '../rng.ts'
import { need, type DemoEnterprise, type DemoStep } from '../types.ts'

/*
 * Monthly statistics of the above-scale enterprises: the full year options.year and the running year
 * (options.year + 1) up to its last complete month. Values are year-to-date as the statistics system reports
 * them; 上年同期 is the enterprise's own cumulative of the same month a year earlier (computed for options.year − 1
 * too, not stored), null when it was not reporting then. Written as revision 1 without a batch.
 * Two full years plus the running year (≈ 500k rows for the default 20,000 enterprises, 16,600 above scale)
 * took 44 s on PGlite, too long for a first start; one full year plus the running year (≈ 330k rows) took 18.6 s.
 */

// Share of a year's output by calendar month: the Spring Festival makes January–February weak, December strong.
const SEASON = [0.062, 0.058, 0.082, 0.083, 0.084, 0.085, 0.083, 0.082, 0.086, 0.087, 0.091, 0.117]

interface Firm {
  e: DemoEnterprise
  /** gross output / revenue */
  outputRatio: number
  /** 万千瓦时 per 万元 of output */
  intensity: number
  /** profit / revenue of a profitable year */
  margin: number
}

interface YearPath {
  /** year-to-date revenue, gross output, electricity, profit by calendar month (index 0 = January) */
  revenue: number[]
  output: number[]
  electricity: number[]
  profit: number[]
}

/** A year's cumulative path from its annual revenue; `stopAfter` months of production, then flat. */
function yearPath(f: Firm, annual: number, rng: Rng, lossMaking: boolean, stopAfter = 12): YearPath {
  const out: YearPath = { revenue: [], output: [], electricity: [], profit: [] }
  let rev = 0
  let outp = 0
  let el = 0
  const rate = lossMaking ? -(0.01 + rng.next() * 0.04) : f.margin * (0.8 + rng.next() * 0.4)
  for (let m = 0; m < 12; m++) {
    const month = m < stopAfter ? annual * (SEASON[m] ?? 0.083) * Math.max(0.5, rng.normal(1, 0.08)) : 0
    const monthOut = month * f.outputRatio * Math.max(0.8, rng.normal(1, 0.03))
    rev += month
    outp += monthOut
    el += monthOut * f.intensity * Math.max(0.7, rng.normal(1, 0.06))
    out.revenue.push(rev)
    out.output.push(outp)
    out.electricity.push(el)
    out.profit.push(rev * rate)
  }
  return out
}

type Column = (string | number | null)[]

export const monthlyReportsStep: DemoStep = {
  id: 'monthly-reports',
  title: '生成规上工业企业月度报表',
  dependsOn: ['enterprises'],
  async run(ctx) {
    const firms = need(ctx, 'enterprises')
    const y = ctx.options.year
    const now = currentPeriod(new Date())
    // the running year up to its last complete month; a demo of an earlier year gets the whole following year
    const lastMonthOfRunning = y + 1 < now.year ? 12 : y + 1 === now.year ? now.month - 1 : 0
    const years = [y, y + 1]
    const lastMonth = (year: number) => (year === y + 1 ? lastMonthOfRunning : 12)

    // the above-scale set of each year, as the registry records it (the current flag for the running year)
    const status = await ctx.tx.execute<{ enterprise_id: number; year: number; above_scale: boolean }>(
      sql`select enterprise_id, year, above_scale from enterprise_scale_status where year between ${y - 1} and ${y}`,
    )
    const above = new Set(status.rows.filter((s) => s.above_scale).map((s) => `${s.enterprise_id}/${s.year}`))
    const reports = (e: DemoEnterprise, year: number) => (year > y ? e.aboveScale : above.has(`${e.id}/${year}`))

    const cols = { e: [] as Column, y: [] as Column, m: [] as Column, go: [] as Column, gop: [] as Column, rv: [] as Column, rvp: [] as Column, pf: [] as Column, pfp: [] as Column, el: [] as Column, emp: [] as Column }
    const money = (v: number | undefined) => (v === undefined ? null : decimalText(v))
    let stopped = 0
    let late = 0
    const rng = ctx.rng
    for (const e of firms) {
      if (![y, y + 1].some((yr) => reports(e, yr))) continue
      const f: Firm = { e, outputRatio: 1.02 + rng.next() * 0.1, intensity: 0.01 + rng.lognormal(0.04, 0.6), margin: 0.05 + rng.next() * 0.03 }
      const annual = [...e.revenueByYear, e.revenue * Math.max(0.6, rng.normal(1.05, 0.1))]
      const paths = new Map<number, YearPath>()
      for (let i = 1; i < 4; i++) {
        const r = annual[i]
        if (r === null || r === undefined) continue
        const year = y - 2 + i
        const stop = year >= y && rng.chance(0.01) ? rng.int(3, lastMonth(year)) : 12
        if (stop < 12) stopped++
        paths.set(year, yearPath(f, r, rng, rng.chance(0.12), stop))
      }
      for (const year of years) {
        const p = paths.get(year)
        if (!p || !reports(e, year)) continue
        const prior = reports(e, year - 1) ? paths.get(year - 1) : undefined
        for (let month = 2; month <= lastMonth(year); month++) {
          // a few late reporters have not filed the latest month yet
          if (year === years.at(-1) && month === lastMonth(year) && rng.chance(0.01)) {
            late++
            continue
          }
          const i = month - 1
          cols.e.push(e.id)
          cols.y.push(year)
          cols.m.push(month)
          cols.go.push(money(p.output[i]))
          cols.gop.push(money(prior?.output[i]))
          cols.rv.push(money(p.revenue[i]))
          cols.rvp.push(money(prior?.revenue[i]))
          cols.pf.push(money(p.profit[i]))
          cols.pfp.push(money(prior?.profit[i]))
          cols.el.push(money(p.electricity[i]))
          cols.emp.push(Math.max(1, Math.round(e.employees * rng.normal(1, 0.02))))
        }
      }
    }
    const total = cols.e.length
    ctx.progress(0, total)
    await bulkInsert(
      ctx.tx,
      monthlyReports,
      [
        { column: monthlyReports.enterpriseId, values: cols.e },
        { column: monthlyReports.year, values: cols.y },
        { column: monthlyReports.month, values: cols.m },
        { column: monthlyReports.revision, values: cols.e.map(() => 1) },
        { column: monthlyReports.grossOutputCum, values: cols.go },
        { column: monthlyReports.grossOutputPriorCum, values: cols.gop },
        { column: monthlyReports.revenueCum, values: cols.rv },
        { column: monthlyReports.revenuePriorCum, values: cols.rvp },
        { column: monthlyReports.profitCum, values: cols.pf },
        { column: monthlyReports.profitPriorCum, values: cols.pfp },
        { column: monthlyReports.electricityCum, values: cols.el },
        { column: monthlyReports.employees, values: cols.emp },
      ],
      { chunkSize: 20_000, onChunk: (done) => ctx.progress(done) },
    )
    // statistics for the planner now, not whenever autovacuum gets to it (never, on PGlite): the reports'
    // lookups and listings would otherwise be planned as if the table were empty
    await ctx.tx.execute(sql`analyze monthly_reports`)
    const periods = new Map<string, { year: number; month: number }>()
    for (let i = 0; i < total; i++) periods.set(`${String(cols.y[i])}-${String(cols.m[i])}`, { year: Number(cols.y[i]), month: Number(cols.m[i]) })
    await noteFactsChanged(ctx.tx, 'monthly', [...periods.values()])
    return { monthlyReports: total, stoppedProducing: stopped, lateReporters: late }
  },
}
