import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import { loginAs, seedFixtures, testApp } from '../../../test/fixtures.ts'
import { xlsxOf } from '../../lib/spreadsheet/testing.ts'
import { targetColumns } from '../targets/columns.ts'
import { officialStatColumns } from './columns.ts'

type Cells = Partial<Record<string, string | number | null>>
const sheet = (columns: readonly { field: string; header: string }[], lines: Cells[]) =>
  xlsxOf((wb) => {
    const ws = wb.addWorksheet('数据')
    ws.addRow(columns.map((c) => c.header))
    for (const l of lines) ws.addRow(columns.map((c) => l[c.field] ?? null))
  })
const VA = 'valueAddedGrowth'

describeEachDb('indicators, official statistics and targets over HTTP', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-indicators-'))
  const as = new Map<string, Awaited<ReturnType<typeof loginAs>>>()
  const upload = (who: string, url: string, data: Buffer) =>
    app.inject({ method: 'POST', url, headers: { ...as.get(who)?.headers, 'content-type': 'application/octet-stream' }, payload: data })
  const get = (who: string, url: string) => app.inject({ url, headers: as.get(who)?.headers })
  const send = (who: string, method: 'POST' | 'PUT', url: string, payload: object) => app.inject({ method, url, headers: as.get(who)?.headers, payload })

  beforeAll(async () => {
    await seedFixtures(ctx.database)
    app = await testApp(ctx.database, { dataDir })
    for (const u of ['admin', 'changsha', 'zhuzhou', 'liuyang', 'leader', 'qiye', 'handler']) as.set(u, await loginAs(app, u))
  })
  afterAll(async () => {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves the catalogue to anyone with reference.read', async () => {
    const r = await get('qiye', '/api/v1/indicators')
    expect(r.statusCode).toBe(200)
    const items = (r.json() as { items: { id: string; direction: string; thresholds: object }[] }).items
    expect(items.find((i) => i.id === 'energyPerValueAddedChange')).toMatchObject({ direction: 'lowerIsBetter', thresholds: { basis: 'value', alarm: 0, excellence: -4 } })
  })

  it('imports official statistics (dry run, commit, refusal with its error workbook) and reads them within the scope', async () => {
    const data = await sheet(officialStatColumns, [
      { regionName: '湖南省', period: '2025-10', indicator: VA, value: 6.1 },
      { regionName: '湖北省', period: '2025-10', indicator: VA, value: 6.4 },
      { regionName: '长沙市', period: '2025-10', indicator: VA, value: 7.2 },
      { regionName: '株洲市', period: '2025-10', indicator: VA, value: 5.9 },
      { regionName: '浏阳市', period: '2025-10', indicator: VA, value: 8.8 },
    ])
    expect((await upload('leader', '/api/v1/official-stats/import?fileName=s.xlsx', data)).statusCode).toBe(403)
    const dry = await upload('admin', '/api/v1/official-stats/import?fileName=s.xlsx&dryRun=true', data)
    expect(dry.statusCode).toBe(200)
    expect(dry.json()).toMatchObject({ batchId: null, dryRun: true, counts: { created: 5 }, errorCount: 0 })
    const ok = await upload('admin', '/api/v1/official-stats/import?fileName=s.xlsx', data)
    expect(ok.json()).toMatchObject({ dryRun: false, counts: { created: 5 } })

    // 长沙 may not import 株洲's figures: 422, nothing written, the marked file to download
    const bad = await upload('changsha', '/api/v1/official-stats/import?fileName=bad.xlsx', await sheet(officialStatColumns, [
      { regionName: '长沙市', period: '2025-09', indicator: VA, value: 7 },
      { regionName: '株洲市', period: '2025-09', indicator: VA, value: 6 },
    ]))
    expect(bad.statusCode).toBe(422)
    const body = bad.json() as { error: { code: string; fieldErrors: { row: number; column: string; code: string }[]; details: { errorWorkbookUrl: string } } }
    expect(body.error.fieldErrors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'B', 'regionOutsideScope']])
    expect((await get('changsha', body.error.details.errorWorkbookUrl)).statusCode).toBe(200)

    const regions = async (who: string, q: string) => ((await get(who, `/api/v1/official-stats?${q}`)).json() as { items: { regionCode: string }[] }).items.map((i) => i.regionCode)
    expect(await regions('admin', 'period=2025-10')).toEqual(['420000', '430000', '430100', '430181', '430200'])
    expect(await regions('changsha', 'period=2025年1-10月')).toEqual(['420000', '430000', '430100', '430181'])
    expect(await regions('zhuzhou', 'year=2025&month=10&level=2')).toEqual(['430200'])
    expect(await regions('liuyang', 'period=2025-10')).toEqual(['420000', '430000', '430181'])
    expect(await regions('admin', 'period=2025-10&level=1&indicator=valueAddedGrowth')).toEqual(['420000', '430000'])
    expect((await get('admin', '/api/v1/official-stats?period=2025-10&indicator=nonsense')).statusCode).toBe(400)
    expect((await get('admin', '/api/v1/official-stats')).statusCode).toBe(400)
    expect((await get('qiye', '/api/v1/official-stats?period=2025-10')).statusCode).toBe(403)
    expect((await get('leader', '/api/v1/official-stats/periods')).json()).toMatchObject({ items: [{ year: 2025, month: 10 }] })
    const history = await get('changsha', '/api/v1/official-stats/history?region=430100&indicator=valueAddedGrowth')
    expect(history.json()).toMatchObject({ items: [{ revision: 1, value: '7.2', sourceRow: 4 }] })
    expect((await get('changsha', '/api/v1/official-stats/history?region=430200&indicator=valueAddedGrowth')).statusCode).toBe(404)

    const template = await get('changsha', '/api/v1/imports/templates/official-stats.xlsx')
    expect(template.statusCode).toBe(200)
    expect(template.headers['content-disposition']).toContain('filename*=UTF-8')
    expect((await get('leader', '/api/v1/imports/templates/official-stats.xlsx')).statusCode).toBe(403)
    const batches = await get('admin', '/api/v1/imports?kind=officialStats')
    expect((batches.json() as { items: { status: string }[] }).items.map((b) => b.status)).toEqual(expect.arrayContaining(['committed', 'rejected']))
  })

  it('targets: set, edit with the version, refuse a stale edit, import, read within the scope', async () => {
    const created = await send('changsha', 'POST', '/api/v1/targets', { regionCode: '430181', year: 2026, indicatorId: VA, target: 8 })
    expect(created.statusCode).toBe(201)
    const t = created.json() as { id: number; revision: number; target: string }
    expect(t).toMatchObject({ revision: 1, target: '8' })
    expect((await send('changsha', 'POST', '/api/v1/targets', { regionCode: '430100', year: 2026, indicatorId: VA, target: 8 })).statusCode).toBe(403)
    expect((await send('changsha', 'POST', '/api/v1/targets', { regionCode: '430202', year: 2026, indicatorId: VA, target: 8 })).statusCode).toBe(404)
    expect((await send('liuyang', 'POST', '/api/v1/targets', { regionCode: '430181', year: 2026, indicatorId: VA, target: 8 })).statusCode).toBe(403)
    const invalid = await send('changsha', 'POST', '/api/v1/targets', { regionCode: '430181', year: 2026, indicatorId: 'newAboveScaleEnterprises', target: 2.5 })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json()).toMatchObject({ error: { code: 'VALIDATION', fieldErrors: [{ field: 'target', code: 'notAWholeNumber' }] } })

    const edited = await send('changsha', 'PUT', `/api/v1/targets/${t.id}`, { target: 8.5, revision: 1 })
    expect(edited.statusCode).toBe(200)
    expect(edited.json()).toMatchObject({ revision: 2, target: '8.5' })
    const stale = await send('changsha', 'PUT', `/api/v1/targets/${t.id}`, { target: 9, revision: 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({ error: { code: 'STALE_VERSION' } })
    expect((await send('zhuzhou', 'PUT', `/api/v1/targets/${(edited.json() as { id: number }).id}`, { target: 9, revision: 2 })).statusCode).toBe(404)

    const imported = await upload('admin', '/api/v1/targets/import?fileName=t.xlsx', await sheet(targetColumns, [
      { regionName: '湖南省', year: 2026, indicator: VA, target: 6.5 },
      { regionName: '株洲市', year: 2026, indicator: VA, target: 6.8 },
    ]))
    expect(imported.json()).toMatchObject({ counts: { created: 2 } })
    const years = async (who: string) => ((await get(who, '/api/v1/targets?year=2026')).json() as { items: { regionCode: string }[] }).items.map((i) => i.regionCode)
    expect(await years('admin')).toEqual(['430000', '430181', '430200'])
    expect(await years('changsha')).toEqual(['430181'])
    expect(await years('zhuzhou')).toEqual(['430200'])
    expect((await get('qiye', '/api/v1/targets?year=2026')).statusCode).toBe(403)
    const h = await get('changsha', `/api/v1/targets/history?region=430181&indicator=${VA}&year=2026`)
    expect((h.json() as { items: { revision: number; target: string }[] }).items.map((x) => [x.revision, x.target])).toEqual([[1, '8'], [2, '8.5']])
    expect((await get('handler', '/api/v1/imports/templates/targets.xlsx')).statusCode).toBe(200)
    expect((await get('liuyang', '/api/v1/imports/templates/targets.xlsx')).statusCode).toBe(403)
  })
})
