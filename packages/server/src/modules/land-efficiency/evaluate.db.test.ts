import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import { fixtureEnterprises, seedFixtures } from '../../../test/fixtures.ts'
import type { Actor } from '../../http/context.ts'
import { AppError } from '../../lib/errors.ts'
import { huaian2024 } from '@gongxin/domain'
import { classDistribution, listResults } from './repository.ts'
import { scoreCard } from './results.ts'
import { publishEvaluation, runEvaluation, saveScheme } from './service.ts'

const hunan: Actor = { userId: null, username: 'hunan-admin', role: 'provinceAdmin', scope: { kind: 'region', prefix: '43' }, source: 'api', locale: 'zh-CN' }
const liuyang: Actor = { ...hunan, username: 'liuyang', role: 'countyOfficial', scope: { kind: 'region', prefix: '430181' } }

describeEachDb('land-efficiency evaluation runs', (ctx) => {
  const db = () => ctx.database.db

  it('2025 in 浏阳 (huaian2024): benchmarks from 2024, classes stored, scope narrows, publication feeds next year', async () => {
    await seedFixtures(ctx.database)
    const [, ly2, ly3] = fixtureEnterprises
    // 2024: both 浏阳 firms 10 mu, tax 100, revenue 2000, 100 tce → county averages 10 万元/亩, 200 万元/亩, 1 万元/吨标煤
    // 2025: ly2 doubles its tax (20/20 × 45 + 200/400 × 35 + 2/2 × 20 = 82.5); ly3 as before (22.5 + 17.5 + 10 = 50)
    await db().execute(sql`update enterprises set above_scale = true`)
    await db().execute(sql`
      insert into land_annual_data (enterprise_id, year, revision, land_mu, tax, revenue, energy_tce)
      select e.id, v.y, 1, 10, v.tax, 2000, 100 from enterprises e join (values
        (${ly2?.uscc}::bpchar, 2024, 100), (${ly3?.uscc}::bpchar, 2024, 100), (${ly2?.uscc}::bpchar, 2025, 200), (${ly3?.uscc}::bpchar, 2025, 100)
      ) as v(uscc, y, tax) on v.uscc = e.uscc`)
    const run = await runEvaluation(db(), liuyang, { year: 2025, scheme: 'huaian2024' })
    expect(run.summary).toMatchObject({ total: 2, evaluated: 2, byClass: { A: 1, B: 1 } })
    const page = await listResults(db(), liuyang.scope, run.evaluationId, { page: 1, pageSize: 10 })
    expect(page.rows.map((r) => [r.uscc, r.class, r.rank, r.total])).toEqual([[ly2?.uscc, 'A', 1, 82.5], [ly3?.uscc, 'B', 2, 50]])
    // stored compactly: values and points in the scheme's order (taxPerMu, revenuePerMu, taxPerEnergy)
    expect(page.rows[0]).toMatchObject({ list: 'above', indicatorValues: [20, 200, 2], scores: [45, 17.5, 20], unitSize: 2, detail: {} })
    // the trace is rebuilt for the score card: 20 / (2 × 10) × 45
    const card = await scoreCard(db(), liuyang, run.evaluationId, ly2?.uscc ?? '', 'en-US')
    expect(card.trace[0]).toContain('benchmark 20 (a multiple of the unit\'s previous-year average); points = 20 / 20 × 45 = 45')
    expect(card.trace.at(-1)).toBe('rank 1 of 2 (0% ranked ahead): class A')
    expect(await classDistribution(db(), liuyang.scope, run.evaluationId, 'county')).toEqual([{ key: '430181', name: expect.any(String), counts: { A: 1, B: 1, C: 0, D: 0, T: 0 } }])
    // an official of another county sees none of it
    expect((await listResults(db(), { kind: 'region', prefix: '430102' }, run.evaluationId, { page: 1, pageSize: 10 })).total).toBe(0)
    const audit = await db().execute<{ action: string }>(sql`select action from audit_log where action like 'landEfficiency.%' order by id`)
    expect(audit.rows.map((r) => r.action)).toEqual(['landEfficiency.evaluate'])
    await publishEvaluation(db(), liuyang, run.evaluationId)
    // 2026 reads 2025's published classes as "last year"
    await db().execute(sql`insert into land_annual_data (enterprise_id, year, revision, land_mu, tax, revenue, energy_tce)
      select id, 2026, 1, 10, 100, 2000, 100 from enterprises where uscc = ${ly2?.uscc}`)
    const next = await runEvaluation(db(), hunan, { year: 2026, scheme: 'huaian2024' })
    expect(next.results[0]?.previousClass).toBe('A')
    expect(next.summary.migration).toEqual({ A: { A: 1 } })
  })

  it('a scheme with weights not summing to 100 is refused, naming the field', async () => {
    const bad = { ...huaian2024, id: 'mine', indicators: huaian2024.indicators.map((i) => ({ ...i, weight: 30 })) }
    const e = await saveScheme(db(), hunan, bad).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(AppError)
    expect((e as AppError).fieldErrors?.[0]).toMatchObject({ field: 'indicators', code: 'weightsNot100' })
  })
})
