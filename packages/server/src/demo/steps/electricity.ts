import { sql, type SQL } from 'drizzle-orm'
import { nextMonth } from '@gongxin/domain'
import { noteFactsChanged } from '../../modules/dispatch/facts.ts'
import { electricityReadings, gridAccounts } from '../../modules/electricity/schema.ts'
import { arrayLiteral, withIndexesDeferred } from '../bulk.ts'
import { need, type DemoStep } from '../types.ts'

/*
 * Enterprise electricity as the grid company would send it: every enterprise with monthly statistics in the last
 * 25 months gets a grid account (one in twelve gets two: a second plant), and a reading per calendar month for the
 * 25 months up to and INCLUDING the month after the last one the monthly statistics cover. The grid's data arrive
 * before the statistics: that extra month is what the nowcast estimates.
 *
 * Consistent with the monthly reports by construction: a month's reading is the difference of the enterprise's
 * year-to-date 用电量 between two consecutive reports, computed inside the database from monthly_reports (one
 * INSERT … SELECT with a window function, no values shipped back and forth); the combined 1—2月 report is split
 * into January and February. A stopped enterprise's flat year-to-date gives zero months. The extra month, and the
 * latest month of a late reporter, are projected from the same month a year earlier (or the month before), with a
 * few sharp drops (a third to two thirds below the previous year) and a few new stoppages.
 */

const TWO_ACCOUNTS = 1 / 12
/** the extra month: share of enterprises whose consumption falls sharply, and that stop */
const SHARP_DROP = 0.015
const STOP = 0.005

interface Params {
  ids: number[]
  /** January's share of the combined 1—2月 consumption */
  jan: number[]
  first: string[]
  second: (string | null)[]
  /** the first account's share of the enterprise's consumption */
  share: number[]
  name: string[]
}

const ym = (p: { year: number; month: number }) => p.year * 12 + p.month - 1
const fromYm = (i: number) => ({ year: Math.floor(i / 12), month: (i % 12) + 1 })
const round4 = (v: number) => Math.round(v * 10_000) / 10_000

export const electricityStep: DemoStep = {
  id: 'electricity',
  title: '生成企业用电量（电网户号与月度用电）',
  dependsOn: ['enterprises', 'monthly-reports'],
  async run(ctx) {
    const { tx, rng } = ctx
    const firms = need(ctx, 'enterprises')
    const latest = await tx.execute<{ year: number; month: number }>(sql`select year, month from monthly_reports where superseded_at is null order by year desc, month desc limit 1`)
    const last = latest.rows[0] ? { year: Number(latest.rows[0].year), month: Number(latest.rows[0].month) } : { year: ctx.options.year, month: 12 }
    const extra = nextMonth(last)
    const start = fromYm(ym(extra) - 24)

    // every enterprise of this run gets its accounts planned (in the registry's order: the random stream follows it);
    // those with statistics in the window get them written, with their readings
    const used = ctx.addingToExistingData ? new Set((await tx.execute<{ n: string }>(sql`select account_number as n from grid_accounts`)).rows.map((r) => r.n)) : new Set<string>()
    const seq = new Map<string, number>()
    const nextNumber = (county: string) => {
      for (;;) {
        const n = (seq.get(county) ?? 0) + 1
        seq.set(county, n)
        const number = `${county}${String(n).padStart(4, '0')}`
        if (!used.has(number)) return number
      }
    }
    const p: Params = { ids: [], jan: [], first: [], second: [], share: [], name: [] }
    for (const e of firms) {
      const first = nextNumber(e.countyCode)
      const second = rng.chance(TWO_ACCOUNTS) ? nextNumber(e.countyCode) : null
      p.ids.push(e.id)
      p.jan.push(round4(0.5 + rng.normal(0.017, 0.02)))
      p.first.push(first)
      p.second.push(second)
      p.share.push(second ? round4(0.55 + rng.next() * 0.3) : 1)
      p.name.push(e.name)
    }
    ctx.progress(0, 3)
    const params = sql`unnest(${arrayLiteral(p.ids)}::int[], ${arrayLiteral(p.jan)}::numeric[], ${arrayLiteral(p.first)}::text[], ${arrayLiteral(p.second)}::text[], ${arrayLiteral(p.share)}::numeric[], ${arrayLiteral(p.name)}::text[]) as p(eid, jan, a1, a2, share, name)`
    const parts = (value: SQL) => sql`case when p.a2 is null then null else jsonb_build_array(
        jsonb_build_object('row', null, 'accountNumber', p.a1, 'value', round(${value} * p.share, 4)::text),
        jsonb_build_object('row', null, 'accountNumber', p.a2, 'value', (${value} - round(${value} * p.share, 4))::numeric(16, 4)::text)) end`

    // the months the statistics cover: differences of consecutive year-to-date values, written in the order of the
    // window (enterprise, year, month), which is index order and makes the indexes' sorted build cheap; then the
    // January half of each combined 1—2月 report
    const window = sql`${start.year * 12 + start.month} and ${last.year * 12 + last.month}`
    let readings = 0
    await withIndexesDeferred(tx, electricityReadings, async () => {
      const months = await tx.execute(sql`
        insert into electricity_readings (enterprise_id, year, month, revision, value, account_number, parts)
        select p.eid, p.year, p.month, 1, p.value, case when p.a2 is null then p.a1 end, ${parts(sql`p.value`)}
          from (select m.enterprise_id as eid, m.year, m.month, p.a1, p.a2, p.share,
                       case when lag(m.month) over w is null and m.month = 2 then m.electricity_cum - round(m.electricity_cum * p.jan, 2)
                            when lag(m.month) over w is null then m.electricity_cum
                            else greatest(m.electricity_cum - lag(m.electricity_cum) over w, 0) end as value
                  from monthly_reports m join ${params} on p.eid = m.enterprise_id
                 where m.superseded_at is null and m.year between ${start.year} and ${last.year} and m.electricity_cum is not null
                window w as (partition by m.enterprise_id, m.year order by m.month)) p
         where p.year * 12 + p.month between ${window}
         order by p.eid, p.year, p.month`)
      const januaries = await tx.execute(sql`
        insert into electricity_readings (enterprise_id, year, month, revision, value, account_number, parts)
        select m.enterprise_id, m.year, 1, 1, round(m.electricity_cum * p.jan, 2), case when p.a2 is null then p.a1 end, ${parts(sql`round(m.electricity_cum * p.jan, 2)`)}
          from monthly_reports m join ${params} on p.eid = m.enterprise_id
         where m.superseded_at is null and m.year between ${start.year} and ${last.year} and m.month = 2 and m.year * 12 + 1 between ${window} and m.electricity_cum is not null
           and not exists (select 1 from monthly_reports j where j.enterprise_id = m.enterprise_id and j.year = m.year and j.month = 1 and j.superseded_at is null)`)
      readings = (months.rowCount ?? 0) + (januaries.rowCount ?? 0)
    })
    ctx.progress(1)
    let accounts = 0
    await withIndexesDeferred(tx, gridAccounts, async () => {
      const written = await tx.execute(sql`
        insert into grid_accounts (account_number, enterprise_id, account_name, revision, recorded_by)
        select a.number, p.eid, a.name, 1, 'demo'
          from ${params} cross join lateral (values (p.a1, p.name), (p.a2, p.name || '（二厂）')) as a(number, name)
         where a.number is not null and exists (select 1 from electricity_readings r where r.enterprise_id = p.eid and r.superseded_at is null)`)
      accounts = written.rowCount ?? 0
    })
    ctx.progress(2)

    const lastIdx = ym(last)
    const anchors = [fromYm(lastIdx - 1), last, fromYm(ym(extra) - 12)]
    const known = await tx.execute<{ eid: number; year: number; month: number; value: string }>(sql`
      select enterprise_id as eid, year, month, value from electricity_readings
       where superseded_at is null and (year, month) in (${sql.join(anchors.map((a) => sql`(${a.year}::smallint, ${a.month}::smallint)`), sql`, `)})`)
    const byFirm = new Map<number, Map<number, number>>()
    for (const r of known.rows) {
      const m = byFirm.get(Number(r.eid)) ?? new Map<number, number>()
      m.set(Number(r.year) * 12 + Number(r.month) - 1, Number(r.value))
      byFirm.set(Number(r.eid), m)
    }
    const add = { e: [] as number[], y: [] as number[], m: [] as number[], v: [] as number[] }
    const reading = (id: number, at: { year: number; month: number }, value: number) => {
      add.e.push(id)
      add.y.push(at.year)
      add.m.push(at.month)
      add.v.push(value)
    }
    let sharpDrops = 0
    let newStops = 0
    for (const id of p.ids) {
      const m = byFirm.get(id) ?? new Map<number, number>()
      const before = m.get(lastIdx - 1)
      let atLast = m.get(lastIdx)
      if (atLast === undefined && before !== undefined) {
        // reported the month before but not yet the latest: the grid has it anyway
        atLast = before === 0 ? 0 : round4(before * Math.max(0.7, rng.normal(1, 0.05)))
        reading(id, last, atLast)
      }
      if (atLast === undefined) continue
      const yearBefore = m.get(ym(extra) - 12)
      const base = yearBefore !== undefined && yearBefore > 0 ? yearBefore * Math.max(0.7, rng.normal(1.04, 0.06)) : atLast * Math.max(0.7, rng.normal(1, 0.05))
      let value = atLast === 0 ? 0 : base
      if (value > 0 && rng.chance(STOP)) {
        value = 0
        newStops++
      } else if (value > 0 && yearBefore !== undefined && yearBefore > 0 && rng.chance(SHARP_DROP)) {
        value = yearBefore * (0.3 + rng.next() * 0.35)
        sharpDrops++
      }
      reading(id, extra, round4(value))
    }
    const projected = await tx.execute(sql`
      insert into electricity_readings (enterprise_id, year, month, revision, value, account_number, parts)
      select v.eid, v.year, v.month, 1, v.value, case when p.a2 is null then p.a1 end, ${parts(sql`v.value`)}
        from unnest(${arrayLiteral(add.e)}::int[], ${arrayLiteral(add.y)}::smallint[], ${arrayLiteral(add.m)}::smallint[], ${arrayLiteral(add.v)}::numeric(16, 4)[])
             as v(eid, year, month, value)
        join ${params} on p.eid = v.eid`)
    ctx.progress(3)
    await tx.execute(sql`analyze electricity_readings`)
    await tx.execute(sql`analyze grid_accounts`)

    readings += projected.rowCount ?? 0
    const counts = await tx.execute<{ zero: string | number; two: string | number }>(sql`
      select (select count(*) from electricity_readings r where r.value = 0 and r.enterprise_id in (select eid from ${params})) as zero,
             (select count(*) from (select a.enterprise_id from grid_accounts a join ${params} on p.eid = a.enterprise_id group by 1 having count(*) > 1) t) as two`)
    const months = Array.from({ length: 25 }, (_, k) => fromYm(ym(start) + k))
    await noteFactsChanged(tx, 'electricity', months)
    return {
      gridAccounts: accounts,
      enterprisesWithTwoAccounts: Number(counts.rows[0]?.two ?? 0),
      electricityReadings: readings,
      zeroMonths: Number(counts.rows[0]?.zero ?? 0),
      sharpDropsInExtraMonth: sharpDrops,
      stoppedInExtraMonth: newStops,
      extraMonth: extra.year * 100 + extra.month,
    }
  },
}
