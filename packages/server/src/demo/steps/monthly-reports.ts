import { sql } from 'drizzle-orm'
import { currentPeriod } from '@gongxin/domain'
import { noteFactsChanged } from '../../modules/dispatch/facts.ts'
import { monthlyReports } from '../../modules/reports/schema.ts'
import { arrayLiteral, withIndexesDeferred } from '../bulk.ts'
import { planMonthly, PPM, SHAPE_LENGTH, type MonthlyPlan } from '../model/monthly.ts'
import { need, type DemoStep } from '../types.ts'

/*
 * Monthly statistics of the above-scale enterprises: the five years of months ending with the last complete month
 * (55 periods, ≈ 820k reports for the default 20,000 enterprises), planned in memory as one parameter row per enterprise and
 * year (model/monthly.ts) and expanded into reports inside the database by one INSERT … SELECT per chunk of
 * enterprises. Written as revision 1 without a batch.
 *
 * Why this way (measured on PGlite, 2 cores, 20,000 enterprises): shipping every value (12 arrays of ~900k values)
 * cost ~1 µs per value in node-postgres' array serialisation and again in PGlite's intake, more than inserting the
 * rows; the expansion in SQL is integer arithmetic (cumulative shares in parts per million × annual amounts in 分),
 * converted to numeric once (integer → numeric is ~4× cheaper than float → numeric); and the table's indexes and
 * foreign keys are built once after the load instead of row by row (bulk.ts withIndexesDeferred).
 */

/** Parameter rows (enterprise-years) per INSERT … SELECT: ~40k reports, a progress step of about 5 %. */
const CHUNK_ROWS = 5000

/**
 * The parameter rows from..to (exclusive) as array literals, and the shapes they use renumbered into a table of
 * their own (offsets 1-based, like SQL arrays): a few thousand entries instead of the plan's whole table.
 */
function chunkParams(plan: MonthlyPlan, from: number, to: number) {
  const local = new Map<number, number>()
  const shapeValues: number[] = []
  const offsetOf = (shape: number) => {
    let at = local.get(shape)
    if (at === undefined) {
      at = shapeValues.length + 1
      local.set(shape, at)
      for (let m = 0; m < SHAPE_LENGTH; m++) shapeValues.push(plan.shapes[shape * SHAPE_LENGTH + m] ?? 0)
    }
    return at
  }
  const col = (k: keyof MonthlyPlan['years']) => arrayLiteral(plan.years[k].slice(from, to))
  const shape = (k: 'revenueShape' | 'outputShape' | 'priorRevenueShape' | 'priorOutputShape') => arrayLiteral(plan.years[k].slice(from, to).map(offsetOf))
  return {
    enterpriseId: col('enterpriseId'),
    year: col('year'),
    firstMonth: col('firstMonth'),
    lastMonth: col('lastMonth'),
    revenue: col('revenue'),
    output: col('output'),
    electricity: col('electricity'),
    profit: col('profit'),
    revenueShape: shape('revenueShape'),
    outputShape: shape('outputShape'),
    employees: col('employees'),
    employeesDrift: col('employeesDrift'),
    priorFrom: col('priorFrom'),
    priorRevenue: col('priorRevenue'),
    priorOutput: col('priorOutput'),
    priorProfit: col('priorProfit'),
    priorRevenueShape: shape('priorRevenueShape'),
    priorOutputShape: shape('priorOutputShape'),
    shapes: arrayLiteral(shapeValues),
  }
}

/**
 * The year-to-date amount in 万元 of an annual amount in 分 of 万元 after the shape's share of month m: the same
 * integer arithmetic as cumulativeCents (model/monthly.ts), truncating toward zero, then one exact conversion.
 */
const cum = (amount: string, shape: string) => `((${amount} * s.ppm[${shape} + g.month] + ${PPM / 2}) / ${PPM})::numeric * 0.01`
/** 上年同期: the same of the year before, from the month it has a base (null before: no comparable base, never zero) */
const prior = (amount: string, shape: string) => `case when g.month >= f.prior_from then ${cum(amount, shape)} end`

/** The INSERT … SELECT of one chunk's parameters. */
function insertChunk(p: ReturnType<typeof chunkParams>) {
  return sql`
    insert into monthly_reports (enterprise_id, year, month, revision, gross_output_cum, gross_output_prior_cum, revenue_cum,
                                 revenue_prior_cum, profit_cum, profit_prior_cum, electricity_cum, employees)
    with s as (select ${p.shapes}::int8[] as ppm)
    select f.enterprise_id, f.year, g.month, 1,
           ${sql.raw(cum('f.output', 'f.output_shape'))}, ${sql.raw(prior('f.prior_output', 'f.prior_output_shape'))},
           ${sql.raw(cum('f.revenue', 'f.revenue_shape'))}, ${sql.raw(prior('f.prior_revenue', 'f.prior_revenue_shape'))},
           ${sql.raw(cum('f.profit', 'f.revenue_shape'))}, ${sql.raw(prior('f.prior_profit', 'f.prior_revenue_shape'))},
           ${sql.raw(cum('f.electricity', 'f.output_shape'))},
           f.employees + f.employees_drift * (g.month - 2) / 10
      from unnest(${p.enterpriseId}::int[], ${p.year}::int[], ${p.firstMonth}::int[], ${p.lastMonth}::int[],
                  ${p.revenue}::int8[], ${p.output}::int8[], ${p.electricity}::int8[], ${p.profit}::int8[],
                  ${p.revenueShape}::int[], ${p.outputShape}::int[], ${p.employees}::int[], ${p.employeesDrift}::int[],
                  ${p.priorFrom}::int[], ${p.priorRevenue}::int8[], ${p.priorOutput}::int8[], ${p.priorProfit}::int8[],
                  ${p.priorRevenueShape}::int[], ${p.priorOutputShape}::int[])
             as f(enterprise_id, year, first_month, last_month, revenue, output, electricity, profit, revenue_shape, output_shape,
                  employees, employees_drift, prior_from, prior_revenue, prior_output, prior_profit, prior_revenue_shape, prior_output_shape)
      cross join s
      cross join lateral generate_series(f.first_month, f.last_month) as g(month)`
}

export const monthlyReportsStep: DemoStep = {
  id: 'monthly-reports',
  title: '生成规上工业企业月度报表',
  dependsOn: ['enterprises'],
  async run(ctx) {
    const firms = need(ctx, 'enterprises')
    const plan = planMonthly(firms, { year: ctx.options.year, now: currentPeriod(new Date()) }, ctx.rng)
    ctx.progress(0, plan.rows)

    let written = 0
    const indexes = await withIndexesDeferred(ctx.tx, monthlyReports, async () => {
      // the next chunk's parameters are prepared while the database inserts the current one (two threads)
      let next = chunkParams(plan, 0, CHUNK_ROWS)
      for (let from = 0; from < plan.length; from += CHUNK_ROWS) {
        const inserting = ctx.tx.execute(insertChunk(next))
        if (from + CHUNK_ROWS < plan.length) next = chunkParams(plan, from + CHUNK_ROWS, from + 2 * CHUNK_ROWS)
        await inserting
        for (let i = from; i < Math.min(plan.length, from + CHUNK_ROWS); i++) written += (plan.years.lastMonth[i] ?? 0) - (plan.years.firstMonth[i] ?? 0) + 1
        ctx.progress(written)
      }
    })
    // statistics for the planner now (PGlite has no autovacuum): the later steps and the reports' lookups
    // would otherwise be planned as if the table were empty
    await ctx.tx.execute(sql`analyze monthly_reports`)
    await noteFactsChanged(ctx.tx, 'monthly', plan.periods)
    ctx.state.monthlyReports = { first: plan.first, last: plan.last, rows: plan.rows }
    return {
      monthlyReports: plan.rows,
      periods: plan.periods.length,
      enterprisesReporting: plan.counts.enterprises,
      stoppedProducing: plan.counts.stoppedProducing,
      paused: plan.counts.paused,
      lateReporters: plan.counts.lateReporters,
      lossMakingYears: plan.counts.lossMakingYears,
      indexRebuildMs: indexes.rebuildMs,
    }
  },
}
