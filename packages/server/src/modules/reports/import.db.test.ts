import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { makeUscc } from '@gongxin/domain'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import { fixtureEnterprises, loginAs, seedFixtures, testApp, testConfig } from '../../../test/fixtures.ts'
import type { Actor } from '../../http/context.ts'
import { xlsxOf } from '../../lib/spreadsheet/testing.ts'
import { importBatches } from '../imports/schema.ts'
import { monthlyColumns } from './columns.ts'
import { importMonthlyReports, type MonthlyImportOptions } from './import.ts'
import { reportHistory, reportingCompleteness, reportsAsOf, setPeriodStatus } from './repository.ts'
import { reportRoutes } from './routes.ts'
import { monthlyReports } from './schema.ts'

const hunan: Actor = { userId: null, username: 'hunan-admin', role: 'provinceAdmin', scope: { kind: 'region', prefix: '43' }, source: 'api', locale: 'zh-CN' }
const NOW = new Date('2025-12-20T00:00:00Z')
const [E1, E2, E3, E4] = fixtureEnterprises.map((e) => e.uscc)

type Cells = Partial<Record<string, string | number | null>>
const line = (uscc: string | undefined, period: string, over: Cells = {}) => {
  const v: Cells = { uscc, period, grossOutputCum: 1100, grossOutputPriorCum: 1000, revenueCum: 1050, revenuePriorCum: 990, profitCum: 66, profitPriorCum: 60, electricityCum: 88.5, employees: 120, ...over }
  return monthlyColumns.map((c) => v[c.field] ?? null)
}
const file = (lines: (string | number | null)[][]) =>
  xlsxOf((wb) => {
    const ws = wb.addWorksheet('月报')
    ws.addRow(['2025年1-11月规上工业企业主要指标'])
    ws.addRow(monthlyColumns.map((c) => c.header))
    for (const l of lines) ws.addRow(l)
  })
const opts = (data: Buffer, over: Partial<MonthlyImportOptions> = {}): MonthlyImportOptions => ({ fileName: '月报.xlsx', data, dryRun: false, source: 'api', now: NOW, ...over })

describeEachDb('monthly statistics import', (ctx) => {
  const db = () => ctx.database.db
  const rowsOf = async () => (await db().select({ n: count() }).from(monthlyReports))[0]?.n ?? 0
  beforeAll(async () => {
    await seedFixtures(ctx.database)
  })

  it('creates revision 1, leaves a re-import unchanged, and keeps both revisions of a correction', async () => {
    const first = await file([line(E1, '2025年1-10月', { grossOutputCum: 1000 }), line(E1, '2025年1-11月'), line(E2, '2025-11')])
    const r = await importMonthlyReports(db(), hunan, opts(first))
    expect(r.errors).toEqual([])
    expect(r.counts).toEqual({ read: 3, accepted: 3, rejected: 0, unchanged: 0, created: 3, revised: 0 })
    const [batch] = await db().select().from(importBatches).where(eq(importBatches.id, r.batchId ?? -1))
    expect(batch).toMatchObject({ kind: 'monthly', status: 'committed', counts: r.counts })

    const again = await importMonthlyReports(db(), hunan, opts(first))
    expect(again.counts).toMatchObject({ read: 3, unchanged: 3, created: 0, revised: 0 })
    expect(await rowsOf()).toBe(3)
    const between = new Date()
    await new Promise((res) => setTimeout(res, 20))

    const corrected = await file([line(E1, '2025年1-10月', { grossOutputCum: 1000 }), line(E1, '2025年1-11月', { revenueCum: 1060.5 }), line(E2, '2025-11')])
    const c = await importMonthlyReports(db(), hunan, opts(corrected, { fileName: '更正.xlsx' }))
    expect(c.counts).toMatchObject({ unchanged: 2, created: 0, revised: 1 })
    const history = await reportHistory(db(), hunan.scope, { uscc: E1 ?? '', year: 2025, month: 11 })
    expect(history.map((h) => [h.revision, h.revenueCum, h.supersededAt === null, h.batchId, h.sourceRow])).toEqual([
      [1, '1050.00', false, r.batchId, 4],
      [2, '1060.50', true, c.batchId, 4],
    ])
    const then = await reportsAsOf(db(), hunan.scope, { year: 2025, month: 11, asOf: between })
    expect(then.find((x) => x.uscc === E1)).toMatchObject({ revision: 1, revenueCum: '1050.00' })
    const latest = await reportsAsOf(db(), hunan.scope, { year: 2025, month: 11 })
    expect(latest.find((x) => x.uscc === E1)).toMatchObject({ revision: 2, revenueCum: '1060.50' })
    expect(latest).toHaveLength(2)
    // scope: 浏阳 sees its own enterprise only
    expect((await reportsAsOf(db(), { kind: 'region', prefix: '430181' }, { year: 2025, month: 11 })).map((x) => x.uscc)).toEqual([E2])
  })

  it('refuses a file with bad rows, naming row and column, and writes nothing', async () => {
    const before = await rowsOf()
    const unknown = makeUscc('91430102MA0000009'.slice(0, 16))
    const data = await file([
      line(E3, '2026年1-2月'), // future (row 3)
      line(E3, '2025-09', { revenueCum: -5 }), // negative revenue (row 4)
      line(unknown, '2025-09'), // not in the registry (row 5)
      line(E4, '2025-09'), // duplicate (rows 6 and 7)
      line(E4, '2025年1-9月'),
      line(E3, '2025-08', { grossOutputCum: 'abc' }), // not a number (row 8)
      line(E3, '2025-01'), // January alone (row 9)
    ])
    const r = await importMonthlyReports(db(), hunan, opts(data))
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'C', 'periodInFuture'],
      [4, 'F', 'valueNegative'],
      [5, 'A', 'enterpriseUnknown'],
      [6, 'A', 'duplicateInFile'],
      [7, 'A', 'duplicateInFile'],
      [8, 'D', 'notANumber'],
      [9, 'C', 'januaryNotReported'],
    ])
    expect(r.errors[2]?.message.zh).toContain('企业名录')
    expect(r.counts).toMatchObject({ read: 7, rejected: 7, created: 0 })
    expect(r.errorWorkbook?.subarray(0, 2).toString()).toBe('PK')
    expect(await rowsOf()).toBe(before)
    const [batch] = await db().select().from(importBatches).where(eq(importBatches.id, r.batchId ?? -1))
    expect(batch?.status).toBe('rejected')
    // January is accepted where the source has one
    const jan = await importMonthlyReports(db(), hunan, opts(await file([line(E3, '2025-01', { grossOutputCum: 100, revenueCum: 100, grossOutputPriorCum: 90, revenuePriorCum: 90 })]), { allowJanuary: true, dryRun: true }))
    expect(jan.errors).toEqual([])
  })

  it('warns (without refusing) about a falling cumulative and an implausible jump', async () => {
    await importMonthlyReports(db(), hunan, opts(await file([line(E4, '2025-09', { grossOutputCum: 900, revenueCum: 900 })])))
    const r = await importMonthlyReports(db(), hunan, opts(await file([line(E4, '2025-10', { grossOutputCum: 800, revenueCum: 9000, revenuePriorCum: 8000 })]), { dryRun: true }))
    expect(r.errors).toEqual([])
    expect(r.warnings.map((w) => [w.row, w.field, w.code])).toEqual([
      [3, 'grossOutputCum', 'cumulativeDecreased'],
      [3, 'revenueCum', 'implausibleJump'],
    ])
    expect(r.counts).toMatchObject({ created: 1 })
  })

  it('needs a revision reason to change a closed period, and keeps it on the revision', async () => {
    await setPeriodStatus(db(), { year: 2025, month: 11, status: 'closed', by: 'admin' })
    const data = await file([line(E2, '2025-11', { profitCum: -12 })])
    const refused = await importMonthlyReports(db(), hunan, opts(data))
    expect(refused.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'C', 'periodClosed']])
    // an unchanged row of a closed period is no change and needs no reason
    const same = await importMonthlyReports(db(), hunan, opts(await file([line(E2, '2025-11')])))
    expect(same.counts).toMatchObject({ unchanged: 1 })
    const ok = await importMonthlyReports(db(), hunan, opts(data, { revisionReason: '企业更正利润' }))
    expect(ok.counts).toMatchObject({ revised: 1 })
    const h = await reportHistory(db(), hunan.scope, { uscc: E2 ?? '', year: 2025, month: 11 })
    expect(h.at(-1)).toMatchObject({ revision: 2, profitCum: '-12.00', revisionReason: '企业更正利润' })
  })

  it('counts completeness per county among the year’s above-scale enterprises', async () => {
    const c = await reportingCompleteness(db(), { kind: 'region', prefix: '4301' }, { year: 2025, month: 11 })
    expect(c.map((x) => [x.countyCode, x.expected, x.reported, x.missing.map((m) => m.uscc)])).toEqual([
      ['430102', 1, 1, []],
      ['430181', 2, 1, [E3]],
    ])
    expect(c[1]?.share).toBe(0.5)
  })
})

describeEachDb('monthly statistics over HTTP', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-monthly-'))
  beforeAll(async () => {
    await seedFixtures(ctx.database)
    app = await testApp(ctx.database, { dataDir })
    if (!app.hasRoute({ method: 'POST', url: '/api/v1/reports/monthly/import' })) {
      await app.register(async (scoped) => reportRoutes(scoped, { config: testConfig({ dataDir }), database: ctx.database }), { prefix: '/api/v1' })
    }
  })
  afterAll(async () => {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('refuses with 422 an enterprise outside a city official’s area, and serves the error workbook', async () => {
    const s = await loginAs(app, 'changsha')
    const data = await file([line(E1, '2025-10'), line(E4, '2025-10')])
    const r = await app.inject({ method: 'POST', url: '/api/v1/reports/monthly/import?fileName=m.xlsx', headers: { ...s.headers, 'content-type': 'application/octet-stream' }, payload: data })
    expect(r.statusCode).toBe(422)
    const body = r.json() as { error: { code: string; fieldErrors: { row: number; column: string; code: string }[]; details: { errorWorkbookUrl: string } } }
    expect(body.error.code).toBe('IMPORT_INVALID')
    expect(body.error.fieldErrors.map((e) => [e.row, e.column, e.code])).toEqual([[4, 'A', 'enterpriseOutsideScope']])
    const wb = await app.inject({ url: body.error.details.errorWorkbookUrl, headers: s.headers })
    expect(wb.statusCode).toBe(200)

    const ok = await app.inject({ method: 'POST', url: '/api/v1/reports/monthly/import?fileName=m.xlsx', headers: { ...s.headers, 'content-type': 'application/octet-stream' }, payload: await file([line(E1, '2025-10')]) })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ counts: { created: 1 } })
    const list = await app.inject({ url: '/api/v1/reports/monthly?year=2025&month=10', headers: s.headers })
    expect(list.json()).toMatchObject({ total: 1, items: [{ uscc: E1, revision: 1, grossOutputCum: '1100.00' }] })
    const hidden = await app.inject({ url: `/api/v1/reports/monthly/history?uscc=${E4}`, headers: s.headers })
    expect(hidden.statusCode).toBe(404)
    const comp = await app.inject({ url: '/api/v1/reports/completeness?year=2025&month=10', headers: s.headers })
    expect(comp.json()).toMatchObject({ expected: 3, reported: 1 })
    const t = await app.inject({ url: '/api/v1/imports/templates/monthly.xlsx', headers: s.headers })
    expect(t.statusCode).toBe(200)
  })
})
