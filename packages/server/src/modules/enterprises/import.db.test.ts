import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { and, count, eq, inArray } from 'drizzle-orm'
import { makeUscc } from '@gongxin/domain'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import { loginAs, seedFixtures, testApp, testConfig } from '../../../test/fixtures.ts'
import type { Actor } from '../../http/context.ts'
import { xlsxOf } from '../../lib/spreadsheet/testing.ts'
import { auditLog } from '../audit/schema.ts'
import { importRoutes } from '../imports/routes.ts'
import { importBatches } from '../imports/schema.ts'
import { parks } from '../parks/schema.ts'
import ExcelJS from 'exceljs'
import { readAll } from '../../lib/spreadsheet/testing.ts'
import { enterpriseTemplate, exportEnterprises } from './export.ts'
import { enterpriseColumns, enterpriseSheetSpec, importEnterprises } from './import.ts'
import { enterprises } from './schema.ts'

const actor = (prefix: string, username: string): Actor => ({ userId: null, username, role: 'provinceAdmin', scope: { kind: 'region', prefix }, source: 'api', locale: 'zh-CN' })
const hunan = actor('43', 'hunan-admin')
const changsha = actor('4301', 'changsha-official')

const HEADERS = enterpriseColumns.map((c) => c.header)
type Line = (string | number | null)[]

/** Row i of a generated registry: alternately in 芙蓉区 (430102) and in 浏阳市 (430181, in its park). */
function line(series: string, i: number, over: Partial<Record<string, string | number | null>> = {}): Line {
  const county = i % 2 === 0 ? '430102' : '430181'
  const v: Record<string, string | number | null> = {
    uscc: makeUscc(`91${county}${series}${String(i).padStart(7, '0')}`),
    name: `长沙测试企业${series}${i}有限公司`,
    countyCode: county,
    park: county === '430181' ? '浏阳经济技术开发区' : null,
    industryCode: i % 3 === 0 ? 'C3411' : '3971',
    foundedOn: '2012-03-04',
    ownership: '有限责任公司',
    aboveScale: i % 4 === 0 ? '否' : '是',
    aboveScaleYear: 2025,
    aboveScaleReason: null,
    employees: 50 + i,
    tags: i % 5 === 0 ? '专精特新、高新技术企业' : null,
    ...over,
  }
  return enterpriseColumns.map((c) => v[c.field] ?? null)
}

const workbook = (lines: Line[], headers: string[] = HEADERS) =>
  xlsxOf((wb) => {
    const ws = wb.addWorksheet('企业名录')
    ws.addRow(['2025 年长沙市工业企业名录'])
    ws.addRow(headers)
    for (const l of lines) ws.addRow(l)
  })

const lines = (series: string, n: number) => Array.from({ length: n }, (_, i) => line(series, i))
const usccOf = (l: Line) => String(l[0])

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)))
  return Buffer.concat(chunks)
}

describeEachDb('enterprise registry import', (ctx) => {
  const db = () => ctx.database.db
  const countIn = async (usccs: string[]) => (await db().select({ n: count() }).from(enterprises).where(inArray(enterprises.uscc, usccs)))[0]?.n ?? 0

  beforeAll(async () => {
    await db().insert(parks).values({ name: '浏阳经济技术开发区', countyCode: '430181', level: 'national', kind: '经济技术开发区' }).onConflictDoNothing()
  })

  it('creates every row of a valid file, records the batch and audits each enterprise', async () => {
    const rows = lines('A', 30)
    const r = await importEnterprises(db(), hunan, { fileName: '名录.xlsx', data: await workbook(rows), dryRun: false, source: 'api' })
    expect(r.errors).toEqual([])
    expect(r.counts).toEqual({ read: 30, accepted: 30, rejected: 0, unchanged: 0, created: 30, updated: 0 })
    expect(await countIn(rows.map(usccOf))).toBe(30)
    if (r.batchId === null) throw new Error('no batch')
    const [batch] = await db().select().from(importBatches).where(eq(importBatches.id, r.batchId))
    expect(batch).toMatchObject({ kind: 'enterprises', status: 'committed', fileName: '名录.xlsx', username: 'hunan-admin', counts: r.counts })
    const created = await db().select().from(auditLog).where(and(eq(auditLog.action, 'enterprise.create'), eq(auditLog.batchId, r.batchId)))
    expect(created).toHaveLength(30)
    const [one] = await db().select().from(enterprises).where(eq(enterprises.uscc, usccOf(rows[5] ?? [])))
    expect(one).toMatchObject({ countyCode: '430181', industryCode: '3971', foundedOn: '2012-03-04', employees: 55, tags: ['专精特新', '高新技术企业'], aboveScale: true })
    expect(one?.parkId).not.toBeNull()
    const summary = await db().select().from(auditLog).where(and(eq(auditLog.action, 'enterprise.import'), eq(auditLog.batchId, r.batchId)))
    expect(summary[0]?.detail).toMatchObject({ status: 'committed', counts: r.counts })

    // the same file again: nothing changes, nothing is audited but the import itself
    const again = await importEnterprises(db(), hunan, { fileName: '名录.xlsx', data: await workbook(rows), dryRun: false, source: 'api' })
    expect(again.counts).toMatchObject({ read: 30, created: 0, updated: 0, unchanged: 30 })
    const writes = await db().select({ n: count() }).from(auditLog).where(and(inArray(auditLog.action, ['enterprise.create', 'enterprise.update']), eq(auditLog.batchId, again.batchId ?? -1)))
    expect(writes[0]?.n).toBe(0)
  })

  it('updates what a corrected file changes, auditing before and after; a missing optional column leaves values alone', async () => {
    const rows = lines('B', 10)
    await importEnterprises(db(), hunan, { fileName: 'b.xlsx', data: await workbook(rows), dryRun: false, source: 'api' })
    const corrected = rows.map((l, i) => (i === 3 ? line('B', 3, { name: '长沙更名后的企业有限公司' }) : l))
    const r = await importEnterprises(db(), hunan, { fileName: 'b2.xlsx', data: await workbook(corrected), dryRun: false, source: 'api' })
    expect(r.counts).toMatchObject({ created: 0, updated: 1, unchanged: 9 })
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'enterprise.update'), eq(auditLog.batchId, r.batchId ?? -1)))
    expect(entry?.entityId).toBe(usccOf(rows[3] ?? []))
    expect(entry?.changes).toEqual({ name: { before: '长沙测试企业B3有限公司', after: '长沙更名后的企业有限公司' } })

    // without the 从业人员 column the registered head counts stay
    const without = corrected.map((l) => l.filter((_, i) => enterpriseColumns[i]?.field !== 'employees'))
    const r2 = await importEnterprises(db(), hunan, { fileName: 'b3.xlsx', data: await workbook(without, HEADERS.filter((h) => h !== '从业人员')), dryRun: false, source: 'api' })
    expect(r2.counts).toMatchObject({ updated: 0, unchanged: 10 })
  })

  it('refuses the whole file for one bad row, naming row, column and field, and writes nothing but the rejected batch', async () => {
    const rows = lines('C', 12)
    rows[6] = line('C', 6, { countyCode: '999999' })
    rows[9] = line('C', 9, { industryCode: 'abc', aboveScale: '也许' })
    const r = await importEnterprises(db(), hunan, { fileName: 'c.xlsx', data: await workbook(rows), dryRun: false, source: 'api' })
    expect(r.counts).toMatchObject({ read: 12, accepted: 10, rejected: 2, created: 0 })
    // title row 1, header row 2: the seventh data row is spreadsheet row 9
    expect(r.errors.map((e) => [e.row, e.column, e.field])).toEqual([
      [9, 'C', 'countyCode'],
      [12, 'E', 'industryCode'],
      [12, 'H', 'aboveScale'],
    ])
    expect(r.errors[0]?.message.zh).toContain('999999')
    expect(await countIn(rows.map(usccOf))).toBe(0)
    expect(r.errorWorkbook?.subarray(0, 2).toString()).toBe('PK')
    const [batch] = await db().select().from(importBatches).where(eq(importBatches.id, r.batchId ?? -1))
    expect(batch).toMatchObject({ status: 'rejected', counts: r.counts })
  })

  it('refuses two rows with one USCC, each naming the other', async () => {
    const rows = lines('D', 5)
    rows[3] = line('D', 1, { name: '另一个名字有限公司' })
    const r = await importEnterprises(db(), hunan, { fileName: 'd.xlsx', data: await workbook(rows), dryRun: false, source: 'api' })
    const dup = r.errors.filter((e) => e.code === 'duplicateInFile')
    expect(dup.map((e) => [e.row, e.column])).toEqual([
      [4, 'A'],
      [6, 'A'],
    ])
    expect(dup[0]?.message.zh).toContain('第 6 行')
    expect(dup[1]?.message.en).toContain('row 4')
    expect(await countIn(rows.map(usccOf))).toBe(0)
  })

  it('keeps a city official to their city: a county outside it, or a code registered outside it, is refused', async () => {
    const zhuzhou = makeUscc('914302020E000001')
    await importEnterprises(db(), hunan, { fileName: 'z.xlsx', data: await workbook([line('E', 0, { uscc: zhuzhou, countyCode: '430202' })]), dryRun: false, source: 'api' })
    const rows = [line('E', 1), line('E', 2, { countyCode: '430202' }), line('E', 4, { uscc: zhuzhou, countyCode: '430102' })]
    const r = await importEnterprises(db(), changsha, { fileName: 'e.xlsx', data: await workbook(rows), dryRun: false, source: 'api' })
    expect(r.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [4, 'countyCode', 'outOfScope'],
      [5, 'uscc', 'usccOutsideScope'],
    ])
    const [z] = await db().select().from(enterprises).where(eq(enterprises.uscc, zhuzhou))
    expect(z?.countyCode).toBe('430202')
  })

  it('dry run: predicts created, updated and unchanged, and writes nothing', async () => {
    const rows = lines('F', 8)
    await importEnterprises(db(), hunan, { fileName: 'f.xlsx', data: await workbook(rows.slice(0, 6)), dryRun: false, source: 'api' })
    rows[2] = line('F', 2, { employees: 999 })
    rows[4] = line('F', 4, { aboveScale: '是', aboveScaleReason: '入规' })
    const batchesBefore = (await db().select({ n: count() }).from(importBatches))[0]?.n
    const auditBefore = (await db().select({ n: count() }).from(auditLog))[0]?.n
    const r = await importEnterprises(db(), hunan, { fileName: 'f2.xlsx', data: await workbook(rows), dryRun: true, source: 'api' })
    expect(r).toMatchObject({ batchId: null, dryRun: true, errors: [] })
    expect(r.counts).toEqual({ read: 8, accepted: 8, rejected: 0, created: 2, updated: 2, unchanged: 4 })
    expect(await countIn(rows.map(usccOf))).toBe(6)
    expect((await db().select({ n: count() }).from(importBatches))[0]?.n).toBe(batchesBefore)
    expect((await db().select({ n: count() }).from(auditLog))[0]?.n).toBe(auditBefore)
    // and the prediction is what the real import then does
    const real = await importEnterprises(db(), hunan, { fileName: 'f2.xlsx', data: await workbook(rows), dryRun: false, source: 'api' })
    expect(real.counts).toEqual(r.counts)
  })

  it('the same file imported twice at once is written once', async () => {
    const data = await workbook(lines('G', 40))
    const [a, b] = await Promise.all([
      importEnterprises(db(), hunan, { fileName: 'g.xlsx', data, dryRun: false, source: 'api' }),
      importEnterprises(db(), hunan, { fileName: 'g.xlsx', data, dryRun: false, source: 'api' }),
    ])
    expect([a.counts.created, b.counts.created].sort()).toEqual([0, 40])
    expect(a.counts.unchanged + b.counts.unchanged).toBe(40)
  })

  it('round trip: an export (xlsx and CSV) re-imports unchanged, and the export is audited', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await exportEnterprises(db(), hunan, {}, format)
      const data = await collect(file.stream)
      if (format === 'csv') expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const r = await importEnterprises(db(), hunan, { fileName: file.fileName, data, dryRun: false, source: 'api' })
      expect(r.errors).toEqual([])
      expect(r.warnings.filter((w) => w.code === 'unknownColumn')).toEqual([])
      expect(r.counts).toMatchObject({ read: file.rowCount, created: 0, updated: 0, unchanged: file.rowCount })
    }
    const exports = await db().select().from(auditLog).where(eq(auditLog.action, 'enterprise.export'))
    expect(exports.at(-1)?.detail).toMatchObject({ format: 'csv', rowCount: expect.any(Number) })
  })

  it('a city official\'s export holds their city only', async () => {
    const file = await exportEnterprises(db(), changsha, { aboveScale: true }, 'csv')
    const text = (await collect(file.stream)).toString('utf8')
    const codes = text.split('\r\n').slice(1).filter(Boolean).map((l) => l.split(',')[2])
    expect(codes.length).toBe(file.rowCount)
    for (const c of codes) expect(c?.startsWith('4301')).toBe(true)
  })

  it('imports 20,000 rows in one batch (the bulk path: chunked lookups and array inserts)', async () => {
    const data = await workbook(lines('H', 20_000))
    const dry = await importEnterprises(db(), hunan, { fileName: 'h.xlsx', data, dryRun: true, source: 'api' })
    const r = await importEnterprises(db(), hunan, { fileName: 'h.xlsx', data, dryRun: false, source: 'api' })
    expect(dry.counts.created).toBe(20_000)
    expect(r.counts).toMatchObject({ read: 20_000, created: 20_000, rejected: 0 })
  })
})

describeEachDb('import and export over HTTP', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-import-'))
  beforeAll(async () => {
    await seedFixtures(ctx.database)
    app = await testApp(ctx.database, { dataDir })
    // while http/routes.ts still stands in a stub for importRoutes, mount the real ones here
    if (!app.hasRoute({ method: 'POST', url: '/api/v1/enterprises/import' })) {
      await app.register(async (scoped) => importRoutes(scoped, { config: testConfig({ dataDir }), database: ctx.database }), { prefix: '/api/v1' })
    }
  })
  afterAll(async () => {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
  const post = async (user: string, data: Buffer, query: string, locale = 'zh-CN') => {
    const s = await loginAs(app, user)
    return app.inject({ method: 'POST', url: `/api/v1/enterprises/import?${query}`, headers: { ...s.headers, 'content-type': 'application/octet-stream', 'accept-language': locale }, payload: data })
  }

  it('refuses a file with row errors with 422, the errors and a link to the marked file that only its importer may fetch', async () => {
    const rows = [line('R', 0), line('R', 2, { countyCode: '430202' })]
    const r = await post('changsha', await workbook(rows), 'fileName=%E5%90%8D%E5%BD%95.xlsx', 'en-US')
    expect(r.statusCode, r.body.slice(0, 500)).toBe(422)
    const body = r.json()
    expect(body.error).toMatchObject({ code: 'IMPORT_INVALID', message: 'The file has 1 rows with errors; nothing was written', details: { counts: { read: 2, rejected: 1 } } })
    expect(body.error.fieldErrors).toMatchObject([{ row: 4, column: 'C', field: 'countyCode', code: 'outOfScope' }])
    const url: string = body.error.details.errorWorkbookUrl
    const own = await app.inject({ url, headers: (await loginAs(app, 'changsha')).headers })
    expect(own.statusCode).toBe(200)
    expect(own.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('名录.errors.xlsx')}`)
    expect(own.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const other = await app.inject({ url, headers: (await loginAs(app, 'admin')).headers })
    expect(other.statusCode).toBe(404)
  })

  it('imports, lists the batch, and refuses an unreadable file with 400', async () => {
    const ok = await post('changsha', await workbook([line('K', 0), line('K', 1)]), 'fileName=s.xlsx&dryRun=false')
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ dryRun: false, counts: { created: 2 }, errors: [], errorWorkbookUrl: null })
    const list = await app.inject({ url: '/api/v1/imports?kind=enterprises', headers: (await loginAs(app, 'changsha')).headers })
    expect(list.json().items[0]).toMatchObject({ id: ok.json().batchId, fileName: 's.xlsx', status: 'committed' })
    const pdf = await post('changsha', Buffer.from('%PDF-1.4 not a table'), 'fileName=a.pdf')
    expect(pdf.statusCode).toBe(400)
    expect(pdf.json().error).toMatchObject({ code: 'FILE_UNREADABLE' })
    expect(pdf.json().error.message).toContain('PDF')
  })

  it('serves the template and streams an export with a dated Chinese file name', async () => {
    const s = await loginAs(app, 'leader')
    const t = await app.inject({ url: '/api/v1/imports/templates/enterprises.xlsx', headers: s.headers })
    expect(t.statusCode, t.body.slice(0, 300)).toBe(200)
    const x = await app.inject({ url: '/api/v1/enterprises/export?format=csv&region=430100', headers: s.headers })
    expect(x.statusCode).toBe(200)
    expect(x.headers['content-type']).toContain('text/csv')
    expect(x.headers['content-disposition']).toMatch(/filename\*=UTF-8''%E4%BC%81%E4%B8%9A%E5%90%8D%E5%BD%95_\d{8}\.csv/)
    expect(x.body.split('\r\n')[0]).toBe('\ufeff' + HEADERS.join(',') + ',所在地区,行业名称,营业收入（万元）')
  })
})

it('the template reads back as an empty registry, with a 是/否 drop-down and a 说明 sheet listing every column', async () => {
  const data = await enterpriseTemplate()
  const { sheet, rows } = await readAll(data, enterpriseSheetSpec)
  expect(sheet.errors).toEqual([])
  expect(sheet.warnings).toEqual([])
  expect(Object.keys(sheet.header?.fields ?? {})).toEqual(enterpriseColumns.map((c) => c.field))
  expect(rows).toEqual([])
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data as unknown as ArrayBuffer)
  expect(wb.getWorksheet('企业名录')?.getCell('H2').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] })
  const info = wb.getWorksheet('说明')
  expect(enterpriseColumns.map((_, i) => info?.getCell(`A${i + 2}`).value)).toEqual(HEADERS)
})
