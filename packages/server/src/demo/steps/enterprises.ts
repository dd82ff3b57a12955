import { enterpriseScaleStatus, enterprises } from '../../modules/enterprises/schema.ts'
import { bulkInsert, withIndexesDeferred } from '../bulk.ts'
import { planEnterprises } from '../model/enterprises.ts'
import { need, type DemoEnterprise, type DemoStep } from '../types.ts'

export const enterprisesStep: DemoStep = {
  id: 'enterprises',
  title: '生成企业及规上状态',
  dependsOn: ['reference', 'parks'],
  async run(ctx) {
    const taken = ctx.addingToExistingData
      ? await ctx.tx.select({ uscc: enterprises.uscc, name: enterprises.name }).from(enterprises)
      : []
    const planned = planEnterprises({
      geography: need(ctx, 'geography'),
      industries: need(ctx, 'industries'),
      parks: need(ctx, 'parks'),
      options: ctx.options,
      rng: ctx.rng,
      takenUsccs: new Set(taken.map((t) => t.uscc)),
      takenNames: taken.map((t) => t.name),
    })
    const statusRows = planned.reduce((n, e) => n + e.scaleHistory.length, 0)
    const total = planned.length + statusRows
    ctx.progress(0, total)

    // On a first load the tables' indexes (the name-search GIN index above all) are built once afterwards.
    let inserted: { id: number; uscc: string }[] = []
    await withIndexesDeferred(ctx.tx, enterprises, async () => {
      inserted = await bulkInsert<{ id: number; uscc: string }>(
        ctx.tx,
        enterprises,
        [
          { column: enterprises.uscc, values: planned.map((e) => e.uscc) },
          { column: enterprises.name, values: planned.map((e) => e.name) },
          { column: enterprises.countyCode, values: planned.map((e) => e.countyCode) },
          { column: enterprises.parkId, values: planned.map((e) => e.parkId) },
          { column: enterprises.industryCode, values: planned.map((e) => e.industryCode) },
          { column: enterprises.industryDivision, values: planned.map((e) => e.industryDivision) },
          { column: enterprises.foundedOn, values: planned.map((e) => e.foundedOn) },
          { column: enterprises.ownership, values: planned.map((e) => e.ownership) },
          { column: enterprises.tags, arrays: planned.map((e) => e.tags) },
          { column: enterprises.aboveScale, values: planned.map((e) => e.aboveScale) },
          { column: enterprises.revenue, values: planned.map((e) => e.revenue.toFixed(2)) },
          { column: enterprises.employees, values: planned.map((e) => e.employees) },
        ],
        { returning: [enterprises.id, enterprises.uscc], onChunk: (done) => ctx.progress(done) },
      )
    })
    const idByUscc = new Map(inserted.map((r) => [r.uscc, Number(r.id)]))
    const withIds: DemoEnterprise[] = planned.map((e) => ({ ...e, id: idByUscc.get(e.uscc) ?? 0 }))

    const ids: number[] = []
    const years: number[] = []
    const above: boolean[] = []
    const reasons: (string | null)[] = []
    for (const e of withIds) {
      for (const s of e.scaleHistory) {
        ids.push(e.id)
        years.push(s.year)
        above.push(s.aboveScale)
        reasons.push(s.reason)
      }
    }
    await withIndexesDeferred(ctx.tx, enterpriseScaleStatus, async () => {
      await bulkInsert(
        ctx.tx,
        enterpriseScaleStatus,
        [
          { column: enterpriseScaleStatus.enterpriseId, values: ids },
          { column: enterpriseScaleStatus.year, values: years },
          { column: enterpriseScaleStatus.aboveScale, values: above },
          { column: enterpriseScaleStatus.reason, values: reasons },
        ],
        { chunkSize: 20_000, onChunk: (done) => ctx.progress(planned.length + done) },
      )
    })

    ctx.state.enterprises = withIds
    const latest = withIds.flatMap((e) => e.scaleHistory.filter((s) => s.year === ctx.options.year))
    return {
      enterprises: planned.length,
      aboveScale: planned.filter((e) => e.aboveScale).length,
      inParks: planned.filter((e) => e.parkId !== null).length,
      scaleStatusRows: statusRows,
      enteredLatestYear: latest.filter((s) => s.reason === '入规' || s.reason === '新建投产').length,
      exitedLatestYear: latest.filter((s) => s.reason === '退规').length,
    }
  },
}
