import { sql } from 'drizzle-orm'
import { indicatorById, roundPublished, valueText, type IndicatorId } from '@gongxin/domain'
import { noteFactsChanged } from '../../modules/dispatch/facts.ts'
import { targets } from '../../modules/targets/schema.ts'
import { bulkInsert } from '../bulk.ts'
import type { Rng } from '../rng.ts'
import { need, type DemoStep } from '../types.ts'

/*
 * Annual targets for the demo: the province and every city, for the running year (options.year + 1) and the year
 * before. Growth targets are set the way departments set them: a little above the region's usual pace, pulled
 * towards what it achieved the year before (its official December figure), rounded to half a point; the target for new above-scale enterprises
 * follows how many entered the set in the latest complete year. Written as revision 1 by 'demo'.
 */

interface GrowthRule {
  /** points above the blend of last year's actual and the usual target, on average */
  above: number
  sd: number
  /** rounding step of the target */
  step: number
  min: number
  max: number
  /** the usual target (and the target without a previous figure) */
  fallback: number
}

export const growthTargetRules: Readonly<Partial<Record<IndicatorId, GrowthRule>>> = {
  valueAddedGrowth: { above: 0.3, sd: 0.4, step: 0.5, min: 4, max: 10, fallback: 6 },
  industrialInvestmentGrowth: { above: 1, sd: 1.5, step: 1, min: 5, max: 20, fallback: 10 },
  renovationInvestmentGrowth: { above: 1, sd: 2, step: 1, min: 6, max: 25, fallback: 12 },
  manufacturingInvestmentGrowth: { above: 1, sd: 1.5, step: 1, min: 5, max: 20, fallback: 10 },
  digitalEconomyGrowth: { above: 0.5, sd: 0.8, step: 0.5, min: 8, max: 15, fallback: 12 },
  // a fall in energy use per unit of value added: the target is a fall of at least this much (lower is better)
  energyPerValueAddedChange: { above: -0.2, sd: 0.3, step: 0.5, min: -5, max: -2, fallback: -3 },
  revenueGrowth: { above: 0.5, sd: 0.8, step: 0.5, min: 4, max: 12, fallback: 7 },
}

/** A growth target from last year's actual. Pure given the rng. */
export function growthTarget(rule: GrowthRule, lastYear: number | null, rng: Rng): number {
  // halfway between last year's actual and the usual target: a bad year lowers the ambition, but not all the way
  const raw = (lastYear === null ? rule.fallback : (lastYear + rule.fallback) / 2 + rule.above) + rng.normal(0, rule.sd)
  const stepped = Math.round(raw / rule.step) * rule.step
  return roundPublished(Math.min(rule.max, Math.max(rule.min, stepped)), 1)
}

export const targetsStep: DemoStep = {
  id: 'targets',
  title: '生成年度目标（全省及各市州）',
  dependsOn: ['reference', 'enterprises', 'official-stats'],
  async run(ctx) {
    const geo = need(ctx, 'geography')
    const y = ctx.options.year
    const years = [y, y + 1]
    const regions = [geo.province.code, ...geo.cities.map((c) => c.code)]
    // last year's December figure of each region and indicator, the base a target is set on
    const decembers = await ctx.tx.execute<{ region_code: string; indicator_id: string; year: number; value: string }>(sql`
      select region_code, indicator_id, year, value from official_stats
       where month = 12 and superseded_at is null and year between ${y - 1} and ${y} and region_code = any(${sql.param(regions)}::bpchar[])`)
    const actual = new Map(decembers.rows.map((r) => [`${r.region_code.trim()}/${r.indicator_id}/${Number(r.year)}`, Number(r.value)]))
    // enterprises that entered the above-scale set in the latest complete year, by city
    const entered = await ctx.tx.execute<{ city: string | null; n: string | number }>(sql`
      select substr(e.county_code, 1, 4) as city, count(*) as n
        from enterprise_scale_status s join enterprises e on e.id = s.enterprise_id
       where s.year = ${y} and s.above_scale and s.reason in ('入规', '新建投产') and e.county_code like ${geo.province.prefix + '%'}
       group by grouping sets ((substr(e.county_code, 1, 4)), ())`)
    const enteredBy = new Map(entered.rows.map((r) => [r.city === null ? geo.province.code : `${r.city}00`, Number(r.n)]))

    const cols = { region: [] as string[], year: [] as number[], indicator: [] as string[], target: [] as string[], unit: [] as string[] }
    const add = (region: string, year: number, id: IndicatorId, value: number) => {
      cols.region.push(region)
      cols.year.push(year)
      cols.indicator.push(id)
      cols.target.push(valueText(value))
      cols.unit.push(indicatorById(id)?.unit ?? '')
    }
    for (const region of regions) {
      for (const year of years) {
        for (const [id, rule] of Object.entries(growthTargetRules) as [IndicatorId, GrowthRule][]) {
          add(region, year, id, growthTarget(rule, actual.get(`${region}/${id}/${year - 1}`) ?? null, ctx.rng))
        }
        // new above-scale enterprises: about as many as entered in the latest complete year (a bit more for the running one)
        const base = enteredBy.get(region) ?? 0
        const factor = year > y ? 1.05 + ctx.rng.normal(0, 0.03) : 0.95 + ctx.rng.normal(0, 0.05)
        const step = region === geo.province.code ? 50 : 5
        add(region, year, 'newAboveScaleEnterprises', Math.max(step, Math.round((base * factor) / step) * step))
      }
    }
    ctx.progress(0, cols.region.length)
    await bulkInsert(ctx.tx, targets, [
      { column: targets.regionCode, values: cols.region },
      { column: targets.year, values: cols.year },
      { column: targets.indicatorId, values: cols.indicator },
      { column: targets.target, values: cols.target },
      { column: targets.unit, values: cols.unit },
      { column: targets.revision, values: cols.region.map(() => 1) },
      { column: targets.recordedBy, values: cols.region.map(() => 'demo') },
    ])
    ctx.progress(cols.region.length)
    await noteFactsChanged(ctx.tx, 'targets', years.map((year) => ({ year, month: 12 })))
    return { targets: cols.region.length }
  },
}
