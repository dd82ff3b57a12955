import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import { fixtureEnterprises, loginAs, seedFixtures, testApp } from '../../../test/fixtures.ts'
import { xlsxOf } from '../../lib/spreadsheet/testing.ts'
import { auditLog } from '../audit/schema.ts'
import { importBatches } from '../imports/schema.ts'
import { reportHistory, setPeriodStatus } from './repository.ts'

const uscc = (i: number) => fixtureEnterprises[i]?.uscc ?? ''
const [E1, E2] = [uscc(0), uscc(1)]
const form = { period: '2025-11', grossOutputCum: 1100, grossOutputPriorCum: 1000, revenueCum: 1050, revenuePriorCum: 990, profitCum: 66, profitPriorCum: 60, electricityCum: 88.5, employees: 120 }

interface Saved { outcome: string; batchId: number | null; year: number; month: number; warnings: { field: string; code: string }[] }
interface Refused { error: { code: string; fieldErrors: { field: string; code: string; row?: number }[] } }

describeEachDb('enterprise self-report (企业自主填报)', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-self-'))
  beforeAll(async () => {
    await seedFixtures(ctx.database)
    app = await testApp(ctx.database, { dataDir })
  })
  afterAll(async () => {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const submit = async (payload: object, who = 'qiye') => {
    const s = await loginAs(app, who)
    return app.inject({ method: 'POST', url: '/api/v1/reports/self', headers: { ...s.headers, 'x-gongxin-client': 'web' }, payload })
  }

  it('writes the enterprise’s own report as a traced revision; the same figures again change nothing; a correction is revision 2', async () => {
    const r = await submit(form)
    expect(r.statusCode).toBe(200)
    const saved = r.json() as Saved
    expect(saved).toMatchObject({ outcome: 'created', year: 2025, month: 11 })
    const [batch] = await ctx.database.db.select().from(importBatches).where(eq(importBatches.id, saved.batchId ?? -1))
    expect(batch).toMatchObject({ kind: 'monthly', source: 'web', status: 'committed', username: 'qiye', counts: { read: 1, created: 1 } })
    const [audit] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.batchId, saved.batchId ?? -1))
    expect(audit).toMatchObject({ action: 'reports.selfReport', username: 'qiye', source: 'web' })

    expect((await submit(form)).json()).toMatchObject({ outcome: 'unchanged', batchId: null })
    const corrected = (await submit({ ...form, period: '2025年1-11月', revenueCum: 1060.5 })).json() as Saved
    expect(corrected.outcome).toBe('revised')
    const h = await reportHistory(ctx.database.db, { kind: 'region', prefix: '43' }, { uscc: E2, year: 2025, month: 11 })
    expect(h.map((x) => [x.revision, x.revenueCum, x.source, x.supersededAt === null, x.batchId, x.sourceRow])).toEqual([
      [1, '1050.00', 'selfReport', false, saved.batchId, 1],
      [2, '1060.50', 'selfReport', true, corrected.batchId, 1],
    ])
  })

  it('refuses figures the monthly import refuses, naming each field', async () => {
    const bad = await submit({ ...form, period: '2025-10', grossOutputCum: null, revenueCum: -5, employees: 3.5 })
    expect(bad.statusCode).toBe(400)
    const body = bad.json() as Refused
    expect(body.error.code).toBe('VALIDATION')
    expect(body.error.fieldErrors.map((e) => [e.field, e.code])).toEqual([
      ['grossOutputCum', 'valueMissing'],
      ['revenueCum', 'valueNegative'],
      ['employees', 'employeesInvalid'],
    ])
    expect(body.error.fieldErrors.every((e) => e.row === undefined)).toBe(true)
    const future = (await submit({ ...form, period: '2099-11' })).json() as Refused
    expect(future.error.fieldErrors.map((e) => [e.field, e.code])).toEqual([['period', 'periodInFuture']])
    const january = (await submit({ ...form, period: '2025-01' })).json() as Refused
    expect(january.error.fieldErrors.map((e) => e.code)).toEqual(['januaryNotReported'])
    // warnings, as in the import: a cumulative below the enterprise's previous month
    const falling = (await submit({ ...form, period: '2025-12', grossOutputCum: 900, revenueCum: 1100 })).json() as Saved
    expect(falling.outcome).toBe('created')
    expect(falling.warnings.map((w) => [w.field, w.code])).toEqual([['grossOutputCum', 'cumulativeDecreased']])
  })

  it('needs a revision reason to change a closed period', async () => {
    await setPeriodStatus(ctx.database.db, { year: 2025, month: 11, status: 'closed', by: 'admin' })
    const refused = (await submit({ ...form, profitCum: 10 })).json() as Refused
    expect(refused.error.fieldErrors.map((e) => [e.field, e.code])).toEqual([['period', 'periodClosed']])
    expect((await submit({ ...form, profitCum: 10, revisionReason: '更正利润' })).json()).toMatchObject({ outcome: 'revised' })
    await setPeriodStatus(ctx.database.db, { year: 2025, month: 11, status: 'open', by: 'admin' })
  })

  it('shows the enterprise its own reports only, and is no form for officials', async () => {
    const admin = await loginAs(app, 'admin')
    const monthly = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('月报')
      ws.addRow(['统一社会信用代码', '报告期', '工业总产值_本年累计', '营业收入_本年累计'])
      ws.addRow([E1, '2025-09', 10, 10])
      ws.addRow([E2, '2025-09', 20, 20])
    })
    const imported = await app.inject({ method: 'POST', url: '/api/v1/reports/monthly/import?fileName=m.xlsx', headers: { ...admin.headers, 'content-type': 'application/octet-stream' }, payload: monthly })
    expect(imported.statusCode).toBe(200)
    const firm = await loginAs(app, 'qiye')
    const own = (await app.inject({ url: '/api/v1/reports/self', headers: firm.headers })).json() as { uscc: string; name: string; items: { year: number; month: number; revision: number; source: string }[] }
    expect([own.uscc, own.name]).toEqual([E2, fixtureEnterprises[1]?.name])
    expect(own.items.map((i) => [i.month, i.revision, i.source])).toEqual([
      [9, 1, 'import'],
      [11, 1, 'selfReport'],
      [11, 2, 'selfReport'],
      [11, 3, 'selfReport'],
      [12, 1, 'selfReport'],
    ])
    expect((await app.inject({ url: `/api/v1/reports/monthly/history?uscc=${E1}`, headers: firm.headers })).statusCode).toBe(404)
    expect((await app.inject({ url: '/api/v1/reports/monthly?year=2025&month=9', headers: firm.headers })).json()).toMatchObject({ total: 1, items: [{ uscc: E2 }] })
    // an official has no enterprise of their own: no permission (city), or none to report for (province administrator)
    expect((await submit(form, 'changsha')).statusCode).toBe(403)
    const noFirm = await submit(form, 'admin')
    expect([noFirm.statusCode, (noFirm.json() as Refused).error.code]).toEqual([404, 'NOT_FOUND'])
    expect((await app.inject({ url: '/api/v1/reports/self', headers: admin.headers })).statusCode).toBe(404)
  })
})
