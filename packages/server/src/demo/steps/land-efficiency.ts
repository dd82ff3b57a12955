import { landAnnualData } from '../../modules/land-efficiency/schema.ts'
import { bulkInsert } from '../bulk.ts'
import { need, type DemoStep } from '../types.ts'

/*
 * Annual land-efficiency figures (亩均效益评价 数据) for the latest complete year and the year before: every
 * above-scale enterprise and one below-scale enterprise in four. Consistent with the registry's model: revenue is
 * the enterprise's own revenue of that year, employees its headcount; land follows revenue over a revenue-per-mu
 * drawn around 300 万元/亩 and stays the same both years; energy is heavier in the energy-intensive divisions.
 * A few rows are incomplete on purpose (land missing, zero energy, no emission data, a tax refund), as real
 * department data are.
 */

/** energy-intensive divisions: 25 petroleum, 26 chemicals, 30 non-metallic minerals, 31–32 metals, 44 power */
const HEAVY = new Set(['25', '26', '30', '31', '32', '44'])
const SOURCES = JSON.stringify({
  landMu: '自然资源', tax: '税务', valueAdded: '统计', revenue: '统计', mainRevenue: '统计', energyTce: '统计', electricity: '电力',
  emissions: '生态环境', rdExpense: '统计', employees: '统计', renovationInvestment: '统计',
})
const r2 = (x: number) => Math.round(x * 100) / 100

export const landEfficiencyStep: DemoStep = {
  id: 'land-efficiency',
  title: '生成亩均效益评价年度数据',
  dependsOn: ['enterprises'],
  async run(ctx) {
    const { rng } = ctx
    const firms = need(ctx, 'enterprises')
    const year = ctx.options.year
    const cols = {
      enterpriseId: [] as number[], year: [] as number[], landMu: [] as (number | null)[], tax: [] as number[], valueAdded: [] as (number | null)[],
      revenue: [] as number[], mainRevenue: [] as number[], energyTce: [] as (number | null)[], electricity: [] as number[], emissions: [] as (number | null)[],
      rdExpense: [] as number[], employees: [] as number[], renovation: [] as number[], flags: [] as string[][],
    }
    for (const f of firms) {
      if (!f.aboveScale && rng.next() >= 0.25) continue
      const perMu = rng.lognormal(f.aboveScale ? 300 : 120, 0.6)
      const land = Math.max(1, r2((f.revenue || 100) / perMu))
      const landMissing = rng.next() < 0.01
      const heavy = HEAVY.has(f.industryDivision)
      const n = f.revenueHistory.length
      for (const [k, y] of [[2, year - 1], [1, year]] as const) {
        const revenue = f.revenueHistory[n - k] ?? (k === 1 ? f.revenue : null)
        if (revenue === null || revenue === undefined || revenue <= 0) continue
        const energy = revenue * rng.lognormal(heavy ? 0.25 : 0.04, 0.5)
        const zeroEnergy = rng.next() < 0.005
        cols.enterpriseId.push(f.id)
        cols.year.push(y)
        cols.landMu.push(landMissing ? null : land)
        cols.tax.push(rng.next() < 0.01 ? -r2(revenue * 0.005) : r2(revenue * rng.lognormal(0.035, 0.5)))
        cols.valueAdded.push(r2(revenue * (0.18 + rng.next() * 0.12)))
        cols.revenue.push(r2(revenue))
        cols.mainRevenue.push(r2(revenue * (0.9 + rng.next() * 0.1)))
        cols.energyTce.push(zeroEnergy ? 0 : r2(energy))
        cols.electricity.push(r2((energy / 1.229) * (0.6 + rng.next() * 0.3)))
        cols.emissions.push(rng.next() < 0.1 ? null : r2(energy * rng.lognormal(0.002, 0.6) + 0.01))
        cols.rdExpense.push(r2(revenue * rng.lognormal(f.aboveScale ? 0.02 : 0.008, 0.8)))
        cols.employees.push(Math.max(1, f.employees))
        cols.renovation.push(r2(revenue * rng.lognormal(0.03, 0.9)))
        cols.flags.push(f.tags.includes('高新技术企业') ? ['highTech'] : [])
      }
    }
    const total = cols.enterpriseId.length
    const t = landAnnualData
    await bulkInsert(ctx.tx, t, [
      { column: t.enterpriseId, values: cols.enterpriseId },
      { column: t.year, values: cols.year },
      { column: t.revision, values: cols.year.map(() => 1) },
      { column: t.landMu, values: cols.landMu },
      { column: t.tax, values: cols.tax },
      { column: t.valueAdded, values: cols.valueAdded },
      { column: t.revenue, values: cols.revenue },
      { column: t.mainRevenue, values: cols.mainRevenue },
      { column: t.energyTce, values: cols.energyTce },
      { column: t.electricity, values: cols.electricity },
      { column: t.emissions, values: cols.emissions },
      { column: t.rdExpense, values: cols.rdExpense },
      { column: t.employees, values: cols.employees },
      { column: t.renovationInvestment, values: cols.renovation },
      { column: t.sources, values: cols.year.map(() => SOURCES) },
      { column: t.flags, arrays: cols.flags },
    ], { onChunk: (d) => ctx.progress(d, total) })
    return { landAnnualData: total }
  },
}
