import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { huaian2024 } from '@gongxin/domain'
import { describeEachDb } from '../../../test/db-harness.ts'
import { fixtureEnterprises, loginAs, seedFixtures, testApp } from '../../../test/fixtures.ts'

describeEachDb('land-efficiency over HTTP', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>
  const as = new Map<string, Awaited<ReturnType<typeof loginAs>>>()
  const get = (who: string, url: string, lang?: string) => app.inject({ url, headers: { ...as.get(who)?.headers, ...(lang ? { 'accept-language': lang } : {}) } })
  const send = (who: string, method: 'POST' | 'PUT', url: string, payload: object = {}) => app.inject({ method, url, headers: as.get(who)?.headers, payload })
  const [cs1, ly2, ly3, zz4, zz5] = fixtureEnterprises

  beforeAll(async () => {
    await seedFixtures(ctx.database)
    // 2024 and 2025 figures for the five fixture enterprises (10 mu each, revenue 2000, 100 tce; tax varies)
    await ctx.database.db.execute(sql`
      insert into land_annual_data (enterprise_id, year, revision, land_mu, tax, revenue, energy_tce, electricity)
      select e.id, v.y, 1, 10, v.tax, 2000, 100, 50 from enterprises e join (values
        (${cs1?.uscc}::bpchar, 2024, 100), (${ly2?.uscc}::bpchar, 2024, 100), (${ly3?.uscc}::bpchar, 2024, 100), (${zz4?.uscc}::bpchar, 2024, 100), (${zz5?.uscc}::bpchar, 2024, 100),
        (${cs1?.uscc}::bpchar, 2025, 150), (${ly2?.uscc}::bpchar, 2025, 200), (${ly3?.uscc}::bpchar, 2025, 100), (${zz4?.uscc}::bpchar, 2025, 120), (${zz5?.uscc}::bpchar, 2025, 80)
      ) as v(uscc, y, tax) on v.uscc = e.uscc`)
    app = await testApp(ctx.database)
    for (const u of ['admin', 'changsha', 'liuyang', 'leader', 'qiye']) as.set(u, await loginAs(app, u))
  })
  afterAll(async () => {
    await app.close()
  })

  it('lists the four presets; saving a scheme is checked field by field and needs targets.write', async () => {
    const list = await get('leader', '/api/v1/land-efficiency/schemes')
    expect(list.statusCode).toBe(200)
    expect((list.json() as { items: { code: string }[] }).items.map((s) => s.code).sort()).toEqual(['anhuiMinmax', 'huaian2024', 'huangyan2022', 'shandong2019'])
    expect((await get('qiye', '/api/v1/land-efficiency/schemes')).statusCode).toBe(403)
    const bad = { ...huaian2024, indicators: huaian2024.indicators.map((i) => ({ ...i, weight: 30 })) }
    expect((await send('leader', 'PUT', '/api/v1/land-efficiency/schemes/mine', { scheme: bad })).statusCode).toBe(403)
    const refused = await send('changsha', 'PUT', '/api/v1/land-efficiency/schemes/mine', { scheme: bad })
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toMatchObject({ error: { code: 'VALIDATION', fieldErrors: [{ field: 'indicators', code: 'weightsNot100', message: { zh: expect.stringContaining('90'), en: expect.stringContaining('90') } }] } })
    // a malformed body (a band without its class) is refused by the shape check, naming the field
    const malformed = await send('changsha', 'PUT', '/api/v1/land-efficiency/schemes/mine', { scheme: { ...huaian2024, classes: { kind: 'rankBands', bands: [{ from: 0, to: 100 }] } } })
    expect(malformed.statusCode).toBe(400)
    expect(JSON.stringify(malformed.json())).toContain('classes')
    const ok = await send('changsha', 'PUT', '/api/v1/land-efficiency/schemes/mine', { scheme: { ...huaian2024, name: { zh: '长沙试行', en: 'Changsha trial' } } })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ code: 'mine', version: 1 })
    expect((await get('leader', '/api/v1/land-efficiency/schemes/mine')).json()).toMatchObject({ code: 'mine', definition: { name: { zh: '长沙试行' } } })
  })

  it('runs, pages, distributes, explains, publishes and exports within the scope', async () => {
    expect((await send('leader', 'POST', '/api/v1/land-efficiency/evaluations', { year: 2025, scheme: 'huaian2024' })).statusCode).toBe(403)
    const run = await send('changsha', 'POST', '/api/v1/land-efficiency/evaluations', { year: 2025, scheme: 'huaian2024' })
    expect(run.statusCode).toBe(200)
    const { evaluationId, summary } = run.json() as { evaluationId: number; summary: { total: number; byClass: Record<string, number> } }
    // 长沙 holds 芙蓉 (430102, alone in its county) and the two 浏阳 firms (430181)
    expect(summary).toMatchObject({ total: 3, byClass: { A: 2, B: 1 } })
    const runs = await get('leader', '/api/v1/land-efficiency/evaluations?year=2025')
    expect((runs.json() as { items: { id: number; status: string }[] }).items[0]).toMatchObject({ id: evaluationId, status: 'draft' })

    const page = await get('changsha', `/api/v1/land-efficiency/evaluations/${evaluationId}/results?county=430181&pageSize=1`)
    expect(page.statusCode).toBe(200)
    expect(page.json()).toMatchObject({
      total: 2, page: 1, pageSize: 1,
      indicators: [{ id: 'taxPerMu' }, { id: 'revenuePerMu' }, { id: 'taxPerEnergy' }],
      items: [{ uscc: ly2?.uscc, class: 'A', rank: 1, total: 82.5, unitSize: 2, indicators: { taxPerMu: 20, revenuePerMu: 200, taxPerEnergy: 2 }, scores: { taxPerMu: 45 } }],
    })
    expect((await get('changsha', `/api/v1/land-efficiency/evaluations/${evaluationId}/results?class=B`)).json()).toMatchObject({ total: 1, items: [{ uscc: ly3?.uscc }] })
    // 浏阳's official sees only 浏阳; 株洲's run is not 长沙's
    expect((await get('liuyang', `/api/v1/land-efficiency/evaluations/${evaluationId}/results`)).json()).toMatchObject({ total: 2 })
    const dist = await get('leader', `/api/v1/land-efficiency/evaluations/${evaluationId}/distribution?by=county`)
    expect((dist.json() as { items: { key: string; counts: Record<string, number> }[] }).items).toEqual([
      { key: '430102', name: expect.any(String), counts: { A: 1, B: 0, C: 0, D: 0, T: 0 } },
      { key: '430181', name: expect.any(String), counts: { A: 1, B: 1, C: 0, D: 0, T: 0 } },
    ])

    const card = await get('liuyang', `/api/v1/land-efficiency/evaluations/${evaluationId}/enterprises/${ly3?.uscc}`, 'en-US')
    expect(card.statusCode).toBe(200)
    const c = card.json() as { class: string; rank: number; indicators: { id: string; score: number }[]; trace: string[]; figures: { sources: object }; lastYear: unknown }
    expect(c).toMatchObject({ class: 'B', rank: 2, indicators: [{ id: 'taxPerMu', score: 22.5 }, { id: 'revenuePerMu', score: 17.5 }, { id: 'taxPerEnergy', score: 10 }], lastYear: null })
    expect(c.trace[0]).toBe('tax per mu = 100 / 10 = 10 万元/亩; benchmark 20 (a multiple of the unit\'s previous-year average); points = 10 / 20 × 45 = 22.5')
    const zh = (await get('liuyang', `/api/v1/land-efficiency/evaluations/${evaluationId}/enterprises/${ly3?.uscc}`)).json() as { trace: string[] }
    expect(zh.trace[0]).toContain('亩均税收 = 100 / 10 = 10 万元/亩')
    // outside the scope: 芙蓉 is not 浏阳's
    expect((await get('liuyang', `/api/v1/land-efficiency/evaluations/${evaluationId}/enterprises/${cs1?.uscc}`)).statusCode).toBe(404)

    expect((await send('leader', 'POST', `/api/v1/land-efficiency/evaluations/${evaluationId}/publish`)).statusCode).toBe(403)
    expect((await send('changsha', 'POST', `/api/v1/land-efficiency/evaluations/${evaluationId}/publish`)).json()).toEqual({ id: evaluationId, status: 'published' })

    const xlsx = await get('leader', `/api/v1/land-efficiency/evaluations/${evaluationId}/export`)
    expect(xlsx.statusCode).toBe(200)
    expect(String(xlsx.headers['content-disposition'])).toContain('.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    expect(ws?.getRow(1).getCell(1).value).toBe('类别')
    expect(ws?.rowCount).toBe(4)
    const audit = await ctx.database.db.execute<{ action: string }>(sql`select action from audit_log where action like 'landEfficiency.%' order by id`)
    expect(audit.rows.map((r) => r.action)).toEqual(['landEfficiency.scheme.save', 'landEfficiency.evaluate', 'landEfficiency.publish', 'landEfficiency.export'])

    // next year's card shows this year's published class as last year's
    await ctx.database.db.execute(sql`insert into land_annual_data (enterprise_id, year, revision, land_mu, tax, revenue, energy_tce)
      select id, 2026, 1, 10, 100, 2000, 100 from enterprises where county_code like '4301%'`)
    const next = (await send('changsha', 'POST', '/api/v1/land-efficiency/evaluations', { year: 2026, scheme: 'huaian2024' })).json() as { evaluationId: number; summary: { migration: object } }
    // equal figures in 2026: everyone A (芙蓉 and ly2 were A, ly3 was B)
    expect(next.summary.migration).toEqual({ A: { A: 2 }, B: { A: 1 } })
    const card26 = (await get('changsha', `/api/v1/land-efficiency/evaluations/${next.evaluationId}/enterprises/${ly2?.uscc}`)).json() as { lastYear: { year: number; class: string; rank: number } }
    expect(card26.lastYear).toMatchObject({ year: 2025, class: 'A', rank: 1 })
  })
})
