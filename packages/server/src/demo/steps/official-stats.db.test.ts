import { sql } from 'drizzle-orm'
import { indicatorById } from '@gongxin/domain'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import { generateDemo, type DemoResult } from '../index.ts'

/** The demo's official statistics and targets, on a small demo province (the generator's own tests cover the rest). */
describeEachDb('demo official statistics and targets', (ctx) => {
  let result: DemoResult
  const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => (await ctx.database.db.execute<T>(q)).rows

  beforeAll(async () => {
    result = await generateDemo(ctx.database, { province: '43', enterprises: 400, seed: 3, year: 2025 })
  })

  it('covers every mainland province and the demo province’s cities, five years of months ending with the last reported month', async () => {
    const [last] = await rows<{ p: number }>(sql`select max(year * 100 + month) as p from monthly_reports`)
    const end = Number(last?.p)
    const va = await rows<{ region_code: string; periods: number; last: number }>(sql`
      select region_code, count(*)::int as periods, max(year * 100 + month)::int as last from official_stats where indicator_id = 'valueAddedGrowth' group by region_code`)
    const provinces = va.filter((r) => r.region_code.endsWith('0000'))
    const cities = va.filter((r) => !r.region_code.endsWith('0000'))
    expect(provinces).toHaveLength(31)
    expect(cities.map((c) => c.region_code).every((c) => c.startsWith('43'))).toBe(true)
    expect(cities).toHaveLength(14)
    // 60 months back from the end, Januaries not published on their own
    for (const r of va) {
      expect(r.last).toBe(end)
      expect(r.periods).toBeGreaterThanOrEqual(54)
      expect(r.periods).toBeLessThanOrEqual(55)
    }
    expect(result.steps.find((s) => s.id === 'official-stats')?.summary.officialStats).toBeGreaterThan(15_000)
  })

  it('keeps every figure in its indicator’s plausible range, quarterly ones at quarter ends', async () => {
    const stats = await rows<{ indicator_id: string; lo: string; hi: string; bad_months: number }>(sql`
      select indicator_id, min(value) as lo, max(value) as hi,
             count(*) filter (where month not in (3, 6, 9, 12) and indicator_id in ('digitalEconomyGrowth', 'energyPerValueAddedChange'))::int as bad_months
        from official_stats group by indicator_id`)
    expect(stats.length).toBeGreaterThanOrEqual(9)
    for (const s of stats) {
      const ind = indicatorById(s.indicator_id)
      expect(ind, s.indicator_id).not.toBeNull()
      expect(Number(s.lo), s.indicator_id).toBeGreaterThanOrEqual(ind?.plausibleRange.min ?? 0)
      expect(Number(s.hi), s.indicator_id).toBeLessThanOrEqual(ind?.plausibleRange.max ?? 0)
      expect(s.bad_months).toBe(0)
    }
    const va = await rows<{ lo: string; hi: string }>(sql`select min(value) as lo, max(value) as hi from official_stats where indicator_id = 'valueAddedGrowth'`)
    expect(Number(va[0]?.lo)).toBeGreaterThanOrEqual(-5)
    expect(Number(va[0]?.hi)).toBeLessThanOrEqual(12)
  })

  it('gives the province the output growth its enterprises’ reports imply', async () => {
    const implied = await rows<{ year: number; month: number; g: string }>(sql`
      select r.year, r.month, (sum(r.gross_output_cum) filter (where r.gross_output_prior_cum is not null) / sum(r.gross_output_prior_cum) - 1) * 100 as g
        from monthly_reports r join enterprises e on e.id = r.enterprise_id
       where r.superseded_at is null and r.gross_output_prior_cum is not null group by r.year, r.month`)
    expect(implied.length).toBeGreaterThan(5)
    const official = new Map((await rows<{ year: number; month: number; indicator_id: string; value: string }>(sql`
      select year, month, indicator_id, value from official_stats where region_code = '430000' and indicator_id in ('grossOutputGrowth', 'valueAddedGrowth')`))
      .map((r) => [`${r.indicator_id}/${r.year}-${r.month}`, Number(r.value)]))
    for (const p of implied) {
      const g = Math.min(18, Math.max(-10, Number(p.g)))
      expect(Math.abs((official.get(`grossOutputGrowth/${p.year}-${p.month}`) ?? NaN) - g), `${p.year}-${p.month}`).toBeLessThan(1.5)
      // value added at comparable prices: output growth less the year's price rise
      expect(Math.abs((official.get(`valueAddedGrowth/${p.year}-${p.month}`) ?? NaN) - Math.min(12, Math.max(-5, g - 0.6))), `${p.year}-${p.month}`).toBeLessThan(3)
    }
  })

  it('sets targets for the province and every city, this year and last', async () => {
    const t = await rows<{ region_code: string; year: number; n: number; new_firms: string | null }>(sql`
      select region_code, year, count(*)::int as n, max(target) filter (where indicator_id = 'newAboveScaleEnterprises') as new_firms
        from targets where superseded_at is null group by region_code, year order by region_code, year`)
    expect(t).toHaveLength(15 * 2)
    expect(new Set(t.map((r) => r.year))).toEqual(new Set([2025, 2026]))
    for (const r of t) {
      expect(r.n).toBe(8)
      expect(Number(r.new_firms)).toBeGreaterThan(0)
    }
    const va = await rows<{ target: string }>(sql`select target from targets where indicator_id = 'valueAddedGrowth'`)
    for (const r of va) expect(Number(r.target) * 2 % 1).toBe(0)
    const [v] = await rows<{ n: number }>(sql`select count(*)::int as n from fact_versions where year = 2026`)
    expect(v?.n).toBe(12)
  })
})
