import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import { factVersion } from '../../modules/dispatch/facts.ts'
import { generateDemo, type DemoResult } from '../index.ts'
import { electricityStep } from './electricity.ts'
import { enterprisesStep } from './enterprises.ts'
import { monthlyReportsStep } from './monthly-reports.ts'
import { parksStep } from './parks.ts'
import { referenceStep } from './reference.ts'

const OPTIONS = { province: '43', enterprises: 400, seed: 7, year: 2025 }

describeEachDb('demo: enterprise electricity', (ctx) => {
  let result: DemoResult
  const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => (await ctx.database.db.execute<T>(q)).rows
  let extra = { year: 0, month: 0 }

  beforeAll(async () => {
    result = await generateDemo(ctx.database, { ...OPTIONS, steps: [referenceStep, parksStep, enterprisesStep, monthlyReportsStep, electricityStep] })
    const [last] = await rows<{ year: number; month: number }>(sql`select year, month from monthly_reports order by year desc, month desc limit 1`)
    const i = Number(last?.year) * 12 + Number(last?.month)
    extra = { year: Math.floor(i / 12), month: (i % 12) + 1 }
  })

  it('covers the 25 months up to and including the month after the last month of the statistics', async () => {
    const months = await rows<{ year: number; month: number }>(sql`select distinct year, month from electricity_readings order by year, month`)
    expect(months).toHaveLength(25)
    expect(months.at(-1)).toEqual(extra)
    const summary = result.steps.find((s) => s.id === 'electricity')?.summary
    expect(summary?.extraMonth).toBe(extra.year * 100 + extra.month)
    expect(summary?.electricityReadings).toBe(Number((await rows<{ n: string }>(sql`select count(*) as n from electricity_readings`))[0]?.n))
    expect(await factVersion(ctx.database.db, extra)).toBeGreaterThan(0)
  })

  it('adds up, month by month, to the year-to-date electricity of every monthly report in the window', async () => {
    // every report of the last year of the statistics: its year-to-date equals the sum of the readings from January
    const mismatches = await rows<{ n: string; reports: string }>(sql`
      with last as (select max(year) as year from monthly_reports)
      select count(*) filter (where s.total is distinct from m.electricity_cum) as n, count(*) as reports
        from monthly_reports m join last on m.year = last.year
        left join lateral (select sum(r.value) as total from electricity_readings r where r.enterprise_id = m.enterprise_id and r.year = m.year and r.month <= m.month) s on true
       where m.electricity_cum is not null and m.superseded_at is null`)
    expect(Number(mismatches[0]?.reports)).toBeGreaterThan(1000)
    expect(Number(mismatches[0]?.n)).toBe(0)
  })

  it('maps every enterprise with readings to its accounts, a few to two, whose parts add up', async () => {
    const [a] = await rows<{ unmapped: string; two: string; numbers: string; distinct: string }>(sql`
      select (select count(distinct r.enterprise_id) from electricity_readings r where not exists (select 1 from grid_accounts g where g.enterprise_id = r.enterprise_id)) as unmapped,
             (select count(*) from (select enterprise_id from grid_accounts group by 1 having count(*) = 2) t) as two,
             (select count(*) from grid_accounts) as numbers, (select count(distinct account_number) from grid_accounts) as distinct`)
    expect(Number(a?.unmapped)).toBe(0)
    expect(Number(a?.two)).toBeGreaterThan(5)
    expect(a?.numbers).toBe(a?.distinct)
    const [p] = await rows<{ split: string; wrong: string }>(sql`
      select count(*) as split,
             count(*) filter (where (select sum((x->>'value')::numeric) from jsonb_array_elements(r.parts) x) <> r.value) as wrong
        from electricity_readings r where r.parts is not null`)
    expect(Number(p?.split)).toBeGreaterThan(50)
    expect(Number(p?.wrong)).toBe(0)
  })

  it('shows stoppages as zero months and, in the extra month, a few sharp drops against a year before', async () => {
    const [z] = await rows<{ zero: string; drops: string }>(sql`
      select (select count(*) from electricity_readings where value = 0) as zero,
             (select count(*) from electricity_readings r join electricity_readings b on b.enterprise_id = r.enterprise_id and b.year = r.year - 1 and b.month = r.month
               where r.year = ${extra.year} and r.month = ${extra.month} and r.value > 0 and r.value <= 0.7 * b.value) as drops`)
    expect(Number(z?.zero)).toBeGreaterThan(0)
    expect(Number(z?.drops)).toBeGreaterThan(0)
  })
})
