import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import { fixtureEnterprises, loginAs, seedFixtures, testApp } from '../../../test/fixtures.ts'
import { xlsxOf } from '../../lib/spreadsheet/testing.ts'
import { electricityColumns, gridAccountColumns } from './columns.ts'

const uscc = (i: number) => fixtureEnterprises[i]?.uscc ?? ''
const [E1, E2, E4] = [uscc(0), uscc(1), uscc(3)]

const file = (rows: (string | number | null)[][]) =>
  xlsxOf((wb) => {
    const ws = wb.addWorksheet('用电量')
    ws.addRow(electricityColumns.map((c) => c.header))
    for (const r of rows) ws.addRow(r)
  })
// columns: 统一社会信用代码, 用电户号, 企业名称, 期间, 用电量
const byUscc = (uscc: string, period: string, value: number) => [uscc, null, null, period, value]

describeEachDb('electricity over HTTP', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-electricity-'))
  const octet = { 'content-type': 'application/octet-stream' }

  beforeAll(async () => {
    await seedFixtures(ctx.database)
    app = await testApp(ctx.database, { dataDir })
  })
  afterAll(async () => {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('lets neither an enterprise user nor a leader import or map, and keeps readings from an enterprise user', async () => {
    const data = await file([byUscc(E2, '2025-10', 1)])
    for (const who of ['qiye', 'leader']) {
      const s = await loginAs(app, who)
      const r = await app.inject({ method: 'POST', url: '/api/v1/electricity/import?fileName=e.xlsx', headers: { ...s.headers, ...octet }, payload: data })
      expect([who, r.statusCode, (r.json() as { error: { code: string } }).error.code]).toEqual([who, 403, 'FORBIDDEN'])
      const m = await app.inject({ method: 'POST', url: '/api/v1/electricity/accounts', headers: s.headers, payload: { accountNumber: '0731000101', uscc: E2 } })
      expect(m.statusCode).toBe(403)
    }
    const firm = await loginAs(app, 'qiye')
    expect((await app.inject({ url: '/api/v1/electricity/readings?year=2025&month=10', headers: firm.headers })).statusCode).toBe(403)
    const leader = await loginAs(app, 'leader')
    expect((await app.inject({ url: '/api/v1/electricity/readings?year=2025&month=10', headers: leader.headers })).statusCode).toBe(200)
  })

  it('imports for a city official within the city only, refusing the rest with 422 and a marked workbook', async () => {
    const s = await loginAs(app, 'changsha')
    const refused = await app.inject({
      method: 'POST', url: '/api/v1/electricity/import?fileName=e.xlsx', headers: { ...s.headers, ...octet },
      payload: await file([byUscc(E1, '2025-10', 10), byUscc(E4, '2025-10', 20)]),
    })
    expect(refused.statusCode).toBe(422)
    const body = refused.json() as { error: { code: string; fieldErrors: { row: number; column: string; code: string }[]; details: { errorWorkbookUrl: string; batchId: number } } }
    expect(body.error.code).toBe('IMPORT_INVALID')
    expect(body.error.fieldErrors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'A', 'enterpriseOutsideScope']])
    const wb = await app.inject({ url: body.error.details.errorWorkbookUrl, headers: s.headers })
    expect(wb.statusCode).toBe(200)

    const dry = await app.inject({ method: 'POST', url: '/api/v1/electricity/import?fileName=e.xlsx&dryRun=true', headers: { ...s.headers, ...octet }, payload: await file([byUscc(E1, '2025-10', 10), byUscc(E2, '2025-10', 5)]) })
    expect(dry.json()).toMatchObject({ dryRun: true, batchId: null, counts: { created: 2 } })
    const ok = await app.inject({ method: 'POST', url: '/api/v1/electricity/import?fileName=e.xlsx', headers: { ...s.headers, ...octet }, payload: await file([byUscc(E1, '2025-10', 10), byUscc(E2, '2025-10', 5)]) })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ dryRun: false, counts: { read: 2, created: 2, mappedAccounts: 0 } })

    const admin = await loginAs(app, 'admin')
    await app.inject({ method: 'POST', url: '/api/v1/electricity/import?fileName=z.xlsx', headers: { ...admin.headers, ...octet }, payload: await file([byUscc(E4, '2025-10', 20), byUscc(E4, '2024-10', 25)]) })

    const list = await app.inject({ url: '/api/v1/electricity/readings?year=2025&month=10', headers: s.headers })
    expect(list.json()).toMatchObject({ total: 2, items: [{ uscc: E1, value: '10.0000', revision: 1 }, { uscc: E2, value: '5.0000' }] })
    const all = await app.inject({ url: '/api/v1/electricity/readings?year=2025&month=10', headers: admin.headers })
    expect(all.json()).toMatchObject({ total: 3, items: [{}, {}, { uscc: E4, value: '20.0000', priorValue: '25.0000' }] })
    const county = await app.inject({ url: '/api/v1/electricity/readings?year=2025&month=10&region=430181', headers: admin.headers })
    expect((county.json() as { items: { uscc: string }[] }).items.map((i) => i.uscc)).toEqual([E2])
    expect((await app.inject({ url: `/api/v1/electricity/readings/history?uscc=${E4}`, headers: s.headers })).statusCode).toBe(404)
    const months = await app.inject({ url: '/api/v1/electricity/months', headers: s.headers })
    expect(months.json()).toEqual({ items: [{ year: 2025, month: 10, enterprises: 2, value: '15.0000' }] })
  })

  it('maps, lists and re-maps accounts within the official’s area', async () => {
    const s = await loginAs(app, 'changsha')
    const created = await app.inject({ method: 'POST', url: '/api/v1/electricity/accounts', headers: s.headers, payload: { accountNumber: '0731000101', uscc: E1, accountName: '一厂' } })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ items: [{ accountNumber: '0731000101', uscc: E1, revision: 1 }] })
    const outside = await app.inject({ method: 'POST', url: '/api/v1/electricity/accounts', headers: s.headers, payload: { accountNumber: '0733000101', uscc: E4 } })
    expect(outside.statusCode).toBe(404)
    const invalid = await app.inject({ method: 'POST', url: '/api/v1/electricity/accounts', headers: s.headers, payload: { accountNumber: '07', uscc: E1 } })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json()).toMatchObject({ error: { code: 'VALIDATION', fieldErrors: [{ field: 'accountNumber', code: 'accountNumberMalformed' }] } })
    const moved = await app.inject({ method: 'PUT', url: '/api/v1/electricity/accounts/0731000101', headers: s.headers, payload: { uscc: E2, revision: 1 } })
    expect(moved.json()).toMatchObject({ items: [{ revision: 1, uscc: E1 }, { revision: 2, uscc: E2, accountName: '一厂' }] })
    const stale = await app.inject({ method: 'PUT', url: '/api/v1/electricity/accounts/0731000101', headers: s.headers, payload: { uscc: E1, revision: 1 } })
    expect(stale.statusCode).toBe(409)
    const list = await app.inject({ url: '/api/v1/electricity/accounts?q=0731', headers: s.headers })
    expect(list.json()).toMatchObject({ total: 1, items: [{ accountNumber: '0731000101', uscc: E2 }] })
    const zhuzhou = await loginAs(app, 'zhuzhou')
    expect((await app.inject({ url: '/api/v1/electricity/accounts', headers: zhuzhou.headers })).json()).toMatchObject({ total: 0 })
    expect((await app.inject({ url: '/api/v1/electricity/accounts/0731000101/history', headers: zhuzhou.headers })).statusCode).toBe(404)

    const mapping = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('户号对照')
      ws.addRow(gridAccountColumns.map((c) => c.header))
      ws.addRow(['0731000102', E1, '二厂'])
    })
    const imported = await app.inject({ method: 'POST', url: '/api/v1/electricity/accounts/import?fileName=a.xlsx', headers: { ...s.headers, ...octet }, payload: mapping })
    expect(imported.json()).toMatchObject({ counts: { created: 1 } })
    for (const t of ['electricity', 'grid-accounts']) {
      const r = await app.inject({ url: `/api/v1/imports/templates/${t}.xlsx`, headers: s.headers })
      expect([t, r.statusCode, r.rawPayload.subarray(0, 2).toString()]).toEqual([t, 200, 'PK'])
    }
  })
})
