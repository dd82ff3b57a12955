import { beforeAll, expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import { generateDemo } from '../../demo/index.ts'
import { nowcast } from './nowcast.ts'
import { computeAndKeep } from './service.ts'
import { availablePeriods } from './rank.ts'
import { buildBulletin } from './bulletin.ts'
import { systemActor } from '../../http/context.ts'

/*
 * The nowcast and the dispatch on a small demo province (its statistics, the grid's readings one month ahead,
 * official figures, targets): what a fresh start shows.
 */
describeEachDb('nowcast and dispatch on the demo province', (ctx) => {
  beforeAll(async () => {
    await generateDemo(ctx.database, { province: '43', enterprises: 400, seed: 7, year: 2025 })
  })

  it('estimates the month after the latest statistics from electricity, with an interval and a backtest of past periods only', async () => {
    const periods = await availablePeriods(ctx.database.db)
    const latest = periods.at(-1) ?? ''
    const out = await nowcast(ctx.database.db, { kind: 'region', prefix: '' }, {})
    expect(out.period > latest).toBe(true)
    const province = out.regions.find((r) => r.region === '430000')
    expect(province?.estimate).not.toBeNull()
    expect((province?.low ?? 0) <= (province?.estimate ?? 0) && (province?.estimate ?? 0) <= (province?.high ?? 0)).toBe(true)
    expect(province?.actual).toBeNull()
    expect(province?.backtest.length).toBeGreaterThan(0)
    for (const b of province?.backtest ?? []) expect(b.period < out.period).toBe(true)
    // a period whose statistics have arrived shows the actual beside the estimate
    const past = await nowcast(ctx.database.db, { kind: 'region', prefix: '' }, { year: Number(latest.slice(0, 4)), month: Number(latest.slice(5, 7)) })
    expect(past.regions.find((r) => r.region === '430000')?.actual).not.toBeNull()
  })

  it('computes the latest period with targets and official figures of record, and writes its bulletin', async () => {
    const latest = (await availablePeriods(ctx.database.db)).at(-1) ?? ''
    const p = { year: Number(latest.slice(0, 4)), month: Number(latest.slice(5, 7)) }
    const s = await computeAndKeep(ctx.database.db, p)
    expect(s.regions).toBeGreaterThan(10)
    const b = await buildBulletin(ctx.database.db, systemActor('cli'), p)
    expect(b.dispatch.targets.length).toBeGreaterThan(0)
    expect(b.dispatch.official.some((o) => o.indicator === 'valueAddedGrowth')).toBe(true)
    expect(b.docx.subarray(0, 2).toString()).toBe('PK')
  })
})
