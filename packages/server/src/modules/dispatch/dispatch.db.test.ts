import JSZip from 'jszip'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import { fixtureEnterprises, loginAs, seedFixtures, testApp } from '../../../test/fixtures.ts'
import type { Tx } from '../../db/index.ts'
import { systemActor } from '../../http/context.ts'
import { noteFactsChanged } from './facts.ts'
import { rankRegions } from './rank.ts'
import { dispatchJson } from './service.ts'

/*
 * The dispatch of a small province: five enterprises, two cities (长沙: 430102, 430181 ×2; 株洲: 430202 ×2), period
 * 2025-10. Expected figures are worked out by hand in the comments.
 *   E0 长沙芙蓉 3411: 110 vs 100 in the file                     profit 10 vs 8
 *   E1 浏阳 2671:     50, no prior in the file, own 2024-10 report 40 (the fallback base); profit −5: loss-making
 *   E2 浏阳 3971:     30, no prior and no history: without a base
 *   E3 株洲 3711:     75 vs 100: down 25 % ⇒ outputDrop (≥ 20 %)
 *   E4 株洲 3399:     80 vs 60; September 80 and August 70: nothing produced in October after 10 in September ⇒ stoppage
 * Province: cum 315 over prior 300 (E2 left out) ⇒ +5.0 %; 长沙 160/140 ⇒ +14.3 %, pull 6.67; 株洲 155/160 ⇒ −3.1 %, pull −1.67.
 */
type Row = [index: number, year: number, month: number, go: string, goPrior: string | null, profit: string, profitPrior: string | null]
const rows: Row[] = [
  [0, 2025, 10, '110.00', '100.00', '10.00', '8.00'],
  [1, 2025, 10, '50.00', null, '-5.00', null],
  [1, 2024, 10, '40.00', null, '2.00', null],
  [2, 2025, 10, '30.00', null, '3.00', null],
  [3, 2025, 10, '75.00', '100.00', '1.00', '2.00'],
  [4, 2025, 10, '80.00', '60.00', '4.00', '3.00'],
  [4, 2025, 9, '80.00', '55.00', '4.00', '3.00'],
  [4, 2025, 8, '70.00', '50.00', '3.50', '2.50'],
]

async function writeReports(tx: Tx, list: readonly Row[], revision = 1) {
  for (const [i, year, month, go, goPrior, profit, profitPrior] of list) {
    const uscc = fixtureEnterprises[i]?.uscc ?? ''
    await tx.execute(sql`
      update monthly_reports set superseded_at = now()
       where enterprise_id = (select id from enterprises where uscc = ${uscc}) and year = ${year} and month = ${month} and superseded_at is null`)
    await tx.execute(sql`
      insert into monthly_reports (enterprise_id, year, month, revision, gross_output_cum, gross_output_prior_cum, revenue_cum, revenue_prior_cum, profit_cum, profit_prior_cum)
      select id, ${year}, ${month}, ${revision}, ${go}, ${goPrior}, ${go}, ${goPrior}, ${profit}, ${profitPrior} from enterprises where uscc = ${uscc}`)
  }
  await noteFactsChanged(tx, 'monthly', [...new Map(list.map((r) => [`${r[1]}-${r[2]}`, { year: r[1], month: r[2] }])).values()])
}

interface Figures { cum: string; priorCum: string; growthPct: number | null; enterprises: number; withoutBase: number }
interface Dispatch {
  period: string
  region: string
  indicators: Record<string, Figures>
  lossMaking: number
  lossRatioPct: number
  subRegions: { region: string; name: string; indicators: Record<string, Figures>; rank: Record<string, number>; pullPct: number }[]
  industries: { code: string; growthPct: number | null; pullPct: number | null; contributionPct: number | null }[]
  warnings: { id: number; rule: string; uscc: string | null; region: string; status: string; version: number; reason: { zh: string } }[]
}

describeEachDb('monthly dispatch', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>
  beforeAll(async () => {
    await seedFixtures(ctx.database)
    await ctx.database.db.transaction((tx) => writeReports(tx, rows))
    app = await testApp(ctx.database)
  })
  const get = async (user: string, url: string) => {
    const { headers } = await loginAs(app, user)
    return app.inject({ method: 'GET', url, headers })
  }

  describe('figures', () => {
    it('computes same-scope growth, counting enterprises without a base apart, and the fallback base from the own history', async () => {
      const d = JSON.parse(await dispatchJson(ctx.database.db, systemActor(), { year: 2025, month: 10, region: '430000' })) as Dispatch
      expect(d.period).toBe('2025-10')
      expect(d.region).toBe('430000')
      expect(d.indicators.grossOutput).toMatchObject({ cum: '315.00', priorCum: '300.00', growthPct: 5, enterprises: 5, withoutBase: 1 })
      expect(d.lossMaking).toBe(1)
      expect(d.lossRatioPct).toBe(20)
    })

    it('ranks the cities and gives pulls that add up to the growth', async () => {
      const d = JSON.parse(await dispatchJson(ctx.database.db, systemActor(), { year: 2025, month: 10, region: '430000' })) as Dispatch
      const cs = d.subRegions.find((s) => s.region === '430100')
      const zz = d.subRegions.find((s) => s.region === '430200')
      expect(cs?.indicators.grossOutput?.growthPct).toBe(14.3)
      expect(zz?.indicators.grossOutput?.growthPct).toBe(-3.1)
      expect(cs?.rank.grossOutput).toBe(1)
      expect(zz?.rank.grossOutput).toBe(2)
      expect(cs?.pullPct).toBe(6.67)
      expect(zz?.pullPct).toBe(-1.67)
      const d34 = d.industries.find((i) => i.code === '34')
      expect(d34).toMatchObject({ growthPct: 10, pullPct: 3.33 })
      // an industry whose only enterprise has no base has no growth, and is still listed
      expect(d.industries.find((i) => i.code === '39')).toMatchObject({ growthPct: null })
    })

    it('raises the warnings with their reasons: output drop, stoppage, loss-making', async () => {
      const d = JSON.parse(await dispatchJson(ctx.database.db, systemActor(), { year: 2025, month: 10 })) as Dispatch
      const by = (rule: string) => d.warnings.filter((w) => w.rule === rule).map((w) => w.uscc)
      expect(by('outputDrop')).toEqual([fixtureEnterprises[3]?.uscc])
      expect(by('stoppage')).toEqual([fixtureEnterprises[4]?.uscc])
      expect(by('lossMaking')).toEqual([fixtureEnterprises[1]?.uscc])
      expect(d.warnings.find((w) => w.rule === 'outputDrop')?.reason.zh).toMatch(/25/)
    })

    it('recomputes when the facts of the period change', async () => {
      await ctx.database.db.transaction((tx) => writeReports(tx, [[3, 2025, 10, '95.00', '100.00', '1.00', '2.00']], 2))
      const d = JSON.parse(await dispatchJson(ctx.database.db, systemActor(), { year: 2025, month: 10, region: '430000' })) as Dispatch
      expect(d.indicators.grossOutput?.cum).toBe('335.00')
      expect(d.warnings.some((w) => w.rule === 'outputDrop')).toBe(false)
      await ctx.database.db.transaction((tx) => writeReports(tx, [[3, 2025, 10, '75.00', '100.00', '1.00', '2.00']], 3))
    })

    it('ranks cities on computed figures, ties sharing a rank', async () => {
      const r = await rankRegions(ctx.database.db, { kind: 'region', prefix: '' }, { indicator: 'grossOutputGrowth', year: 2025, month: 10, level: 'city', parent: '43' })
      expect(r.items.map((i) => [i.region, i.rank, i.value])).toEqual([['430100', 1, 14.3], ['430200', 2, -3.1]])
      // the other 12 cities have no figure: listed apart
      expect(r.unranked.length).toBe(12)
    })
  })

  describe('API', () => {
    it('serves the province to the admin and the city to a city official; refuses other areas, unknown regions, empty periods', async () => {
      const admin = await get('admin', '/api/v1/dispatch?period=2025-10')
      expect(admin.statusCode).toBe(200)
      expect((admin.json() as Dispatch).region).toBe('430000')
      const cs = await get('changsha', '/api/v1/dispatch?period=2025-10')
      expect(cs.statusCode).toBe(200)
      const csd = cs.json() as Dispatch
      expect(csd.region).toBe('430100')
      expect(csd.subRegions.map((s) => s.region)).toEqual(['430102', '430181'])
      expect(csd.warnings.every((w) => w.region.startsWith('4301'))).toBe(true)
      expect((await get('changsha', '/api/v1/dispatch?period=2025-10&region=430200')).statusCode).toBe(404)
      expect((await get('admin', '/api/v1/dispatch?period=2025-10&region=439999')).statusCode).toBe(404)
      expect((await get('admin', '/api/v1/dispatch?period=2019-10')).statusCode).toBe(404)
      expect((await get('admin', '/api/v1/dispatch?period=2025-13')).statusCode).toBe(400)
      expect((await get('qiye', '/api/v1/dispatch?period=2025-10')).statusCode).toBe(403)
    })

    it('handles a warning: acknowledge, resolve only with a note, optimistic version, kept across a recompute', async () => {
      const { headers } = await loginAs(app, 'admin')
      const list = (await app.inject({ method: 'GET', url: '/api/v1/warnings?period=2025-10&rule=stoppage', headers })).json() as { items: Dispatch['warnings'] }
      const w = list.items[0]
      expect(w).toBeDefined()
      if (!w) return
      const ack = await app.inject({ method: 'PATCH', url: `/api/v1/warnings/${w.id}`, headers, payload: { status: 'acknowledged', version: w.version } })
      expect(ack.statusCode).toBe(200)
      const stale = await app.inject({ method: 'PATCH', url: `/api/v1/warnings/${w.id}`, headers, payload: { status: 'resolved', note: 'x', version: w.version } })
      expect(stale.statusCode).toBe(409)
      const noNote = await app.inject({ method: 'PATCH', url: `/api/v1/warnings/${w.id}`, headers, payload: { status: 'resolved', version: w.version + 1 } })
      expect(noNote.statusCode).toBe(400)
      const done = await app.inject({ method: 'PATCH', url: `/api/v1/warnings/${w.id}`, headers, payload: { status: 'resolved', note: '企业检修，11月复产', version: w.version + 1 } })
      expect(done.statusCode).toBe(200)
      await app.inject({ method: 'POST', url: '/api/v1/dispatch/recompute?period=2025-10', headers })
      const again = (await app.inject({ method: 'GET', url: '/api/v1/warnings?period=2025-10&rule=stoppage', headers })).json() as { items: Dispatch['warnings'] }
      expect(again.items[0]).toMatchObject({ id: w.id, status: 'resolved' })
      // a city official of another city cannot touch it
      const zz = await loginAs(app, 'changsha')
      const other = await app.inject({ method: 'PATCH', url: `/api/v1/warnings/${w.id}`, headers: zz.headers, payload: { status: 'new', version: w.version + 2 } })
      expect(other.statusCode).toBe(404)
    })

    it('validates a warning rule threshold and applies a changed one', async () => {
      const { headers } = await loginAs(app, 'admin')
      const bad = await app.inject({ method: 'PATCH', url: '/api/v1/warning-rules/outputDrop', headers, payload: { threshold: 'abc' } })
      expect(bad.statusCode).toBe(400)
      expect(JSON.stringify(bad.json())).toMatch(/threshold/)
      const negative = await app.inject({ method: 'PATCH', url: '/api/v1/warning-rules/outputDrop', headers, payload: { threshold: -5 } })
      expect(negative.statusCode).toBe(400)
      const cityTries = await loginAs(app, 'changsha')
      expect((await app.inject({ method: 'PATCH', url: '/api/v1/warning-rules/outputDrop', headers: cityTries.headers, payload: { threshold: 30 } })).statusCode).toBe(403)
      const ok = await app.inject({ method: 'PATCH', url: '/api/v1/warning-rules/outputDrop', headers, payload: { threshold: 30 } })
      expect(ok.statusCode).toBe(200)
      const d = (await app.inject({ method: 'GET', url: '/api/v1/dispatch?period=2025-10', headers })).json() as Dispatch
      expect(d.warnings.some((w) => w.rule === 'outputDrop')).toBe(false)
      await app.inject({ method: 'PATCH', url: '/api/v1/warning-rules/outputDrop', headers, payload: { threshold: 20 } })
    })

    it('produces the bulletin as a Word document whose figures are those of the dispatch, and its Excel annex', async () => {
      const { headers } = await loginAs(app, 'admin')
      const r = await app.inject({ method: 'GET', url: '/api/v1/dispatch/bulletin?period=2025-10', headers })
      expect(r.statusCode).toBe(200)
      const zip = await JSZip.loadAsync(r.rawPayload)
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
      const text = xml.replace(/<[^>]+>/g, '')
      expect(text).toContain('湖南省工业经济运行情况通报')
      expect(text).toContain('2025年1—10月')
      // 315.00 万元 of the with-base set; 345.00 万元 over every reporting enterprise = 0.03 亿元; growth 5.0 %
      expect(text).toContain('同口径增长5.0%')
      expect(text).toContain('长沙市')
      const annex = await app.inject({ method: 'GET', url: '/api/v1/dispatch/bulletin?period=2025-10&format=xlsx', headers })
      expect(annex.statusCode).toBe(200)
      expect(annex.rawPayload.subarray(0, 2).toString()).toBe('PK')

      // the issued bulletin is reproduced exactly after the facts changed
      const id = Number(r.headers['x-bulletin-id'])
      await ctx.database.db.transaction((tx) => writeReports(tx, [[0, 2025, 10, '120.00', '100.00', '10.00', '8.00']], 9))
      const now = JSON.parse(await dispatchJson(ctx.database.db, systemActor(), { year: 2025, month: 10, region: '430000' })) as Dispatch
      expect(now.indicators.grossOutput?.cum).toBe('325.00')
      const again = await app.inject({ method: 'GET', url: `/api/v1/dispatch/bulletins/${id}`, headers })
      expect(again.statusCode).toBe(200)
      const againText = ((await (await JSZip.loadAsync(again.rawPayload)).file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '')
      expect(againText).toBe(text)
      const list = (await app.inject({ method: 'GET', url: '/api/v1/dispatch/bulletins?period=2025-10', headers })).json() as { items: { id: number }[] }
      expect(list.items.map((b) => b.id)).toContain(id)
      await ctx.database.db.transaction((tx) => writeReports(tx, [[0, 2025, 10, '110.00', '100.00', '10.00', '8.00']], 10))
    })

    it('scores the cities on the default composite scheme and validates an edited scheme', async () => {
      // grossOutputGrowth (weight 20): 长沙 1st of 2 → 1, 株洲 → 0.5; profitGrowth (15): 长沙 5 vs 10 → −50 %, 株洲 5 vs 5 → 0 %:
      // 株洲 1st → 1, 长沙 0.5; the other indicators have no figures (0 points). 长沙 (20 + 7.5) / 100 = 27.5, 株洲 25.
      const r = (await get('admin', '/api/v1/dispatch/composite?period=2025-10&level=city&parent=43')).json() as { items: { region: string; score: number; rank: number }[] }
      expect(r.items.slice(0, 2)).toEqual([
        expect.objectContaining({ region: '430100', score: 27.5, rank: 1 }),
        expect.objectContaining({ region: '430200', score: 25, rank: 2 }),
      ])
      const { headers } = await loginAs(app, 'admin')
      const bad = await app.inject({ method: 'PUT', url: '/api/v1/composite-schemes/mine', headers, payload: { scheme: { name: { zh: '自定', en: 'Mine' }, method: 'rankPoints', items: [{ indicator: 'grossOutputGrowth', weight: -1, direction: 'higherIsBetter' }, { indicator: 'noSuch', weight: 1, direction: 'higherIsBetter' }] } } })
      expect(bad.statusCode).toBe(400)
      expect(JSON.stringify(bad.json())).toContain('items[0].weight')
      const ok = await app.inject({ method: 'PUT', url: '/api/v1/composite-schemes/mine', headers, payload: { scheme: { name: { zh: '自定', en: 'Mine' }, method: 'minMax', items: [{ indicator: '利润总额增速', weight: 1, direction: 'higherIsBetter' }] } } })
      expect(ok.statusCode).toBe(200)
      expect((ok.json() as { scheme: { items: { indicator: string }[] } }).scheme.items[0]?.indicator).toBe('profitGrowth')
    })

    it('exports a table as shown and audits it', async () => {
      const { headers } = await loginAs(app, 'leader')
      const r = await app.inject({ method: 'POST', url: '/api/v1/exports/table', headers, payload: { title: '市州排名', columns: [{ title: '市州' }, { title: '增速' }], rows: [['长沙市', 14.3], ['株洲市', -3.1]] } })
      expect(r.statusCode).toBe(200)
      const audit = await ctx.database.db.execute<{ n: string | number }>(sql`select count(*) as n from audit_log where action = 'table.export'`)
      expect(Number(audit.rows[0]?.n)).toBeGreaterThan(0)
    })
  })
})
