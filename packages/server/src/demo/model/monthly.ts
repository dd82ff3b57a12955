/**
 * Plans the demo's monthly enterprise statistics in memory (no IO) as compact parameters: one entry per enterprise
 * and year (annual revenue, output, electricity and profit, the months reported, the shape of the year) and a
 * table of shapes (cumulative shares of the year by month). The step expands them into one report per enterprise
 * and period inside the database (`cumulativeCents` is the expansion's arithmetic, shared with the tests), so
 * that ~900k reports cost ~100k parameter rows over the wire instead of ~10M values.
 *
 * Values are year-to-date (1—本月累计) as the statistics system reports them. 上年同期 is the enterprise's own
 * year-to-date value of the same month a year earlier, computed from the same parameters, so the two columns
 * agree wherever the enterprise reported then; for its first reported year (入规, or the first year of the data)
 * it is what its revenue history says it made the year before; an enterprise founded that year or the year before
 * has none for the months before it started producing (no comparable base, never zero).
 */
import type { Period } from '@gongxin/domain'
import type { Rng } from '../rng.ts'
import type { DemoEnterprise } from '../types.ts'

/** Share of a year's output by calendar month: the Spring Festival makes January–February weak, December strong. */
export const SEASON = [0.062, 0.058, 0.082, 0.083, 0.084, 0.085, 0.083, 0.082, 0.086, 0.087, 0.091, 0.117] as const

/** The reports cover the months of this many years, ending with the last complete month. */
export const MONTHLY_YEARS = 5
/** Shapes drawn once and shared (each enterprise-year picks one for revenue and one for output). */
export const BASE_SHAPES = 512
/** A shape's cumulative shares are integers in parts per million: the expansion is exact integer arithmetic. */
export const PPM = 1_000_000
/** Entries per shape: the cumulative share after 0, 1, …, 12 months. */
export const SHAPE_LENGTH = 13

/** Chances (per enterprise and year) of what makes the months look real. */
export const MONTHLY_RATES = {
  /** loss-making (亏损) in a year after a profitable one / after a loss-making one */
  loss: 0.09,
  lossAgain: 0.45,
  /** stops producing for the rest of the year, in its last year in the above-scale set (then 退规) */
  stopBeforeExit: 0.25,
  /** stops producing in the latest year and has not resumed by the last month (停产) */
  stopLatest: 0.01,
  /** stops for one to three months and resumes (停产整顿) */
  pause: 0.005,
  /** has not filed the last month yet (迟报) */
  late: 0.01,
} as const

/** The enterprise fields the plan reads. */
export type MonthlyFirm = Pick<DemoEnterprise, 'id' | 'foundedOn' | 'revenue' | 'employees' | 'aboveScale' | 'revenueHistory' | 'scaleHistory'>

/** One enterprise and a year it reports in: what the database expands into the year's reports. Money in 分 of 万元 (万元 × 100). */
export interface EnterpriseYear {
  enterpriseId: number
  year: number
  /** the months reported: firstMonth..lastMonth */
  firstMonth: number
  lastMonth: number
  revenue: number
  output: number
  electricity: number
  /** negative for a loss-making year */
  profit: number
  /** index into MonthlyPlan.shapes of the revenue (and profit) and of the output (and electricity) shapes */
  revenueShape: number
  outputShape: number
  /** average employees in February's report, and their change by December: month m reports employees + drift × (m − 2) / 10 */
  employees: number
  employeesDrift: number
  /**
   * 上年同期: the same amounts and shapes of the year before (whether it reported then or not), from month
   * priorFrom on; 13 when it did not exist the year before (no comparable base). Before it started producing in
   * its founding year, the months have no base either.
   */
  priorFrom: number
  priorRevenue: number
  priorOutput: number
  priorProfit: number
  priorRevenueShape: number
  priorOutputShape: number
}

/** The fields of EnterpriseYear as columns (one entry per enterprise-year): what the database receives. */
export type EnterpriseYearColumns = { [K in keyof EnterpriseYear]: number[] }

export const ENTERPRISE_YEAR_FIELDS = [
  'enterpriseId', 'year', 'firstMonth', 'lastMonth', 'revenue', 'output', 'electricity', 'profit', 'revenueShape', 'outputShape', 'employees',
  'employeesDrift', 'priorFrom', 'priorRevenue', 'priorOutput', 'priorProfit', 'priorRevenueShape', 'priorOutputShape',
] as const satisfies readonly (keyof EnterpriseYear)[]

export interface MonthlyPlan {
  first: Period
  last: Period
  /** the periods written, in order (month ≥ 2: January–February is one period) */
  periods: Period[]
  /** SHAPE_LENGTH entries per shape, cumulative parts per million (shape k's share after m months is shapes[k × 13 + m]) */
  shapes: Int32Array
  /** by enterprise, years ascending (columns: ~100k objects cost more to build than the database takes to use them) */
  years: EnterpriseYearColumns
  /** entries in `years` */
  length: number
  /** the reports these expand into */
  rows: number
  counts: { enterprises: number; stoppedProducing: number; paused: number; lateReporters: number; lossMakingYears: number }
}

/**
 * The periods the demo writes: the MONTHLY_YEARS × 12 months ending with the last complete month of the year after
 * `year` (the running year; all of it when it is over, none of it when it has not begun). The first year of the
 * window may be partial: the statistics begin there.
 */
export function monthlyWindow(year: number, now: Period): { first: Period; last: Period; periods: Period[] } {
  const running = year + 1
  const lastOfRunning = running < now.year ? 12 : running === now.year ? now.month - 1 : 0
  // January alone is no period (1—2月 is reported together)
  const last: Period = lastOfRunning >= 2 ? { year: running, month: lastOfRunning } : { year, month: 12 }
  const back = last.year * 12 + (last.month - 1) - (MONTHLY_YEARS * 12 - 1)
  const first: Period = { year: Math.floor(back / 12), month: Math.max(2, (back % 12) + 1) }
  const periods: Period[] = []
  for (let y = first.year; y <= last.year; y++) {
    for (let m = y === first.year ? first.month : 2; m <= (y === last.year ? last.month : 12); m++) periods.push({ year: y, month: m })
  }
  return { first, last, periods }
}

/** The year-to-date amount (分 of 万元) after `share` ppm of a year of `annual`: the database computes exactly this. */
export const cumulativeCents = (annual: number, share: number) => Math.trunc((annual * share + PPM / 2) / PPM)

/** Employees of a month's report (see EnterpriseYear.employeesDrift): the database computes exactly this. */
export const monthEmployees = (y: Pick<EnterpriseYear, 'employees' | 'employeesDrift'>, month: number) => y.employees + Math.trunc((y.employeesDrift * (month - 2)) / 10)

class ShapeTable {
  readonly values: number[] = []

  /** A year's seasonal shape with month-to-month noise, normalised to the whole year. */
  draw(rng: Rng): number {
    return this.fromWeights(SEASON.map((s) => s * Math.max(0.5, rng.normal(1, 0.08))), true)
  }

  /**
   * Shape `base` without the months where `producing` is false: `normalise` spreads the year over the months
   * produced (a new enterprise's annual revenue is what it made), otherwise the lost months are lost (a stoppage).
   */
  derive(base: number, producing: (month: number) => boolean, normalise: boolean): number {
    const at = (m: number) => this.values[base * SHAPE_LENGTH + m] ?? 0
    return this.fromWeights(Array.from({ length: 12 }, (_, i) => (producing(i + 1) ? at(i + 1) - at(i) : 0)), normalise)
  }

  private fromWeights(weights: readonly number[], normalise: boolean): number {
    const total = normalise ? weights.reduce((a, b) => a + b, 0) : PPM
    const id = this.values.length / SHAPE_LENGTH
    let cum = 0
    this.values.push(0)
    // rounding the cumulative sums keeps the shape non-decreasing; a normalised year ends at exactly PPM
    for (const [i, w] of weights.entries()) {
      cum += w
      this.values.push(total > 0 && normalise && i === 11 ? PPM : Math.min(PPM, Math.round((cum / (total || 1)) * PPM)))
    }
    return id
  }
}

/**
 * The plan of every enterprise's monthly reports over the window (see monthlyWindow). An enterprise reports in
 * a year when it is above scale that year (scaleHistory; the running year: its current status, the set being fixed
 * in January from the year before). Deterministic: the same firms, year, month and stream give the same plan.
 */
export function planMonthly(firms: readonly MonthlyFirm[], opts: { year: number; now: Period }, rng: Rng): MonthlyPlan {
  const { first, last, periods } = monthlyWindow(opts.year, opts.now)
  const shapes = new ShapeTable()
  const baseShapes = Array.from({ length: BASE_SHAPES }, () => shapes.draw(rng))
  const years = Object.fromEntries(ENTERPRISE_YEAR_FIELDS.map((f) => [f, [] as number[]])) as EnterpriseYearColumns
  const counts = { enterprises: 0, stoppedProducing: 0, paused: 0, lateReporters: 0, lossMakingYears: 0 }
  let rows = 0

  for (const e of firms) {
    const outputRatio = 1.02 + rng.next() * 0.1
    // 万千瓦时 per 万元 of output
    const intensity = 0.01 + rng.lognormal(0.04, 0.6)
    const margin = 0.05 + rng.next() * 0.03
    const founded = { year: Number(e.foundedOn.slice(0, 4)), month: Number(e.foundedOn.slice(5, 7)) }
    const above = new Map(e.scaleHistory.map((s) => [s.year, s.aboveScale]))
    const reports = (y: number) => (y > opts.year ? e.aboveScale : (above.get(y) ?? false))
    const historyStart = opts.year - e.revenueHistory.length + 1
    const annual = (y: number): number | null =>
      y > opts.year ? (e.aboveScale ? e.revenue * Math.max(0.6, rng.normal(1.05, 0.1)) : null) : (e.revenueHistory[y - historyStart] ?? null)
    let lossMaking = false
    let reported = false
    // the year before, as a base: amounts in 分 and shapes, and the month it began producing
    let prior: { year: number; born: number; revenue: number; output: number; profit: number; revenueShape: number; outputShape: number } | null = null
    for (let y = first.year - 1; y <= last.year; y++) {
      const annualRevenue = annual(y)
      if (annualRevenue === null) {
        prior = null
        continue
      }
      const inWindow = y >= first.year && reports(y)
      const born = y === founded.year ? founded.month : 1
      const firstMonth = Math.max(y === first.year ? first.month : 2, born, 2)
      let lastMonth = y === last.year ? last.month : 12
      if (inWindow && y === last.year && lastMonth === last.month && rng.chance(MONTHLY_RATES.late)) {
        lastMonth--
        counts.lateReporters++
      }
      lossMaking = rng.chance(lossMaking ? MONTHLY_RATES.lossAgain : MONTHLY_RATES.loss)
      const rate = lossMaking ? -(0.01 + rng.next() * 0.04) : margin * (0.8 + rng.next() * 0.4)
      let revenueShape = baseShapes[rng.int(0, BASE_SHAPES - 1)] ?? 0
      let outputShape = baseShapes[rng.int(0, BASE_SHAPES - 1)] ?? 0

      // months without production: after a stop, during a pause
      let idle: ((m: number) => boolean) | null = null
      if (inWindow) {
        const exits = y <= opts.year && !reports(y + 1)
        if (exits && rng.chance(MONTHLY_RATES.stopBeforeExit)) {
          const from = rng.int(4, 11)
          idle = (m) => m >= from
        } else if (y === last.year && last.month >= 3 && rng.chance(MONTHLY_RATES.stopLatest)) {
          const from = rng.int(3, last.month)
          idle = (m) => m >= from
        } else if (rng.chance(MONTHLY_RATES.pause)) {
          const from = rng.int(3, 10)
          const to = from + rng.int(0, 2)
          idle = (m) => m >= from && m <= to
          counts.paused++
        }
        if (idle?.(12)) counts.stoppedProducing++
      }
      // the founding year's revenue is what it made in the months since it began
      if (born > 1) {
        revenueShape = shapes.derive(revenueShape, (m) => m >= born, true)
        outputShape = shapes.derive(outputShape, (m) => m >= born, true)
      }
      if (idle) {
        const stopped = idle
        revenueShape = shapes.derive(revenueShape, (m) => !stopped(m), false)
        outputShape = shapes.derive(outputShape, (m) => !stopped(m), false)
      }
      const revenue = Math.round(annualRevenue * 100)
      const output = annualRevenue * outputRatio * Math.max(0.8, rng.normal(1, 0.03))
      const electricity = Math.round(output * intensity * Math.max(0.7, rng.normal(1, 0.06)) * 100)
      const profit = Math.round(annualRevenue * rate * 100)
      const employees = Math.max(1, Math.round(e.employees * Math.sqrt(annualRevenue / e.revenue)))
      const employeesDrift = Math.round(employees * rng.normal(0, 0.02))
      const base = prior?.year === y - 1 ? prior : null

      if (inWindow && lastMonth >= firstMonth) {
        years.enterpriseId.push(e.id)
        years.year.push(y)
        years.firstMonth.push(firstMonth)
        years.lastMonth.push(lastMonth)
        years.revenue.push(revenue)
        years.output.push(Math.round(output * 100))
        years.electricity.push(electricity)
        years.profit.push(profit)
        years.revenueShape.push(revenueShape)
        years.outputShape.push(outputShape)
        years.employees.push(employees)
        years.employeesDrift.push(employeesDrift)
        years.priorFrom.push(base ? base.born : 13)
        years.priorRevenue.push(base?.revenue ?? 0)
        years.priorOutput.push(base?.output ?? 0)
        years.priorProfit.push(base?.profit ?? 0)
        years.priorRevenueShape.push(base?.revenueShape ?? 0)
        years.priorOutputShape.push(base?.outputShape ?? 0)
        rows += lastMonth - firstMonth + 1
        reported = true
        if (lossMaking) counts.lossMakingYears++
      }
      prior = { year: y, born, revenue, output: Math.round(output * 100), profit, revenueShape, outputShape }
    }
    if (reported) counts.enterprises++
  }
  return { first, last, periods, shapes: Int32Array.from(shapes.values), years, length: years.enterpriseId.length, rows, counts }
}

/** Entry `i` of the plan's enterprise-years as an object. */
export function enterpriseYearAt(plan: Pick<MonthlyPlan, 'years'>, i: number): EnterpriseYear {
  return Object.fromEntries(ENTERPRISE_YEAR_FIELDS.map((f) => [f, plan.years[f][i] ?? 0])) as unknown as EnterpriseYear
}

/** One report as the database writes it, in 分 of 万元 (null: no 上年同期). */
export interface ExpandedReport {
  enterpriseId: number
  year: number
  month: number
  grossOutputCum: number
  grossOutputPriorCum: number | null
  revenueCum: number
  revenuePriorCum: number | null
  profitCum: number
  profitPriorCum: number | null
  electricityCum: number
  employees: number
}

/** The reports entry `i` of the plan expands into: the database's INSERT … SELECT (steps/monthly-reports.ts), in JS. */
export function expandEnterpriseYear(plan: Pick<MonthlyPlan, 'years' | 'shapes'>, i: number): ExpandedReport[] {
  const y = enterpriseYearAt(plan, i)
  const share = (shape: number, month: number) => plan.shapes[shape * SHAPE_LENGTH + month] ?? 0
  const out: ExpandedReport[] = []
  for (let month = y.firstMonth; month <= y.lastMonth; month++) {
    const based = month >= y.priorFrom
    out.push({
      enterpriseId: y.enterpriseId,
      year: y.year,
      month,
      grossOutputCum: cumulativeCents(y.output, share(y.outputShape, month)),
      grossOutputPriorCum: based ? cumulativeCents(y.priorOutput, share(y.priorOutputShape, month)) : null,
      revenueCum: cumulativeCents(y.revenue, share(y.revenueShape, month)),
      revenuePriorCum: based ? cumulativeCents(y.priorRevenue, share(y.priorRevenueShape, month)) : null,
      profitCum: cumulativeCents(y.profit, share(y.revenueShape, month)),
      profitPriorCum: based ? cumulativeCents(y.priorProfit, share(y.priorRevenueShape, month)) : null,
      electricityCum: cumulativeCents(y.electricity, share(y.outputShape, month)),
      employees: monthEmployees(y, month),
    })
  }
  return out
}
