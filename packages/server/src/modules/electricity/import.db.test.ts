import { count, eq, sql } from 'drizzle-orm'
import { makeUscc } from '@gongxin/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import { fixtureEnterprises, seedFixtures } from '../../../test/fixtures.ts'
import type { Actor } from '../../http/context.ts'
import { AppError } from '../../lib/errors.ts'
import { xlsxOf } from '../../lib/spreadsheet/testing.ts'
import { auditLog } from '../audit/schema.ts'
import { factVersion } from '../dispatch/facts.ts'
import { importBatches } from '../imports/schema.ts'
import { setPeriodStatus } from '../reports/repository.ts'
import { createGridAccount, updateGridAccount } from './accounts.ts'
import { importGridAccounts } from './accounts-import.ts'
import { electricityColumns, gridAccountColumns } from './columns.ts'
import { importElectricity, type ElectricityImportOptions } from './import.ts'
import { accountHistory, electricityOfPeriod, listAccounts, readingHistory, regionalElectricity } from './repository.ts'
import { electricityReadings, gridAccounts } from './schema.ts'

const hunan: Actor = { userId: null, username: 'hunan-admin', role: 'provinceAdmin', scope: { kind: 'region', prefix: '43' }, source: 'api', locale: 'zh-CN' }
const changsha: Actor = { ...hunan, username: 'changsha', role: 'cityOfficial', scope: { kind: 'region', prefix: '4301' } }
const NOW = new Date('2025-12-20T00:00:00Z')
const uscc = (i: number) => fixtureEnterprises[i]?.uscc ?? ''
const [E1, E2, E3, E4, E5] = [uscc(0), uscc(1), uscc(2), uscc(3), uscc(4)]

type Cells = Partial<Record<'uscc' | 'accountNumber' | 'name' | 'period' | 'electricity', string | number | null>>
/** A row of the grid's file, columns A 统一社会信用代码, B 用电户号, C 企业名称, D 期间, E 用电量. */
const line = (c: Cells) => electricityColumns.map((col) => c[col.field as keyof Cells] ?? null)
const file = (lines: (string | number | null)[][], title = '2025年11月重点企业用电量') =>
  xlsxOf((wb) => {
    const ws = wb.addWorksheet('用电量')
    ws.addRow([title])
    ws.addRow(electricityColumns.map((c) => c.header))
    for (const l of lines) ws.addRow(l)
  })
const accountsFile = (lines: (string | null | undefined)[][]) =>
  xlsxOf((wb) => {
    const ws = wb.addWorksheet('户号对照')
    ws.addRow(gridAccountColumns.map((c) => c.header))
    for (const l of lines) ws.addRow(l.map((v) => v ?? null))
  })
const opts = (data: Buffer, over: Partial<ElectricityImportOptions> = {}): ElectricityImportOptions => ({ fileName: '用电量.xlsx', data, dryRun: false, source: 'api', now: NOW, ...over })

describeEachDb('electricity import', (ctx) => {
  const db = () => ctx.database.db
  const readings = async () => (await db().select({ n: count() }).from(electricityReadings))[0]?.n ?? 0
  const batches = async () => (await db().select({ n: count() }).from(importBatches))[0]?.n ?? 0

  beforeAll(async () => {
    await seedFixtures(ctx.database)
  })

  it('maps accounts from the 户号对照 file: new, unchanged on re-import, re-mapped as a new revision', async () => {
    const data = await accountsFile([
      ['0731000101', E1, '芙蓉精密一厂'],
      ['0731000102', E1, '芙蓉精密二厂'],
      ['0731000201', E2, null],
      ['0733000401', E4, null],
    ])
    const dry = await importGridAccounts(db(), hunan, { fileName: '户号.xlsx', data, dryRun: true, source: 'api' })
    expect(dry.counts).toEqual({ read: 4, accepted: 4, rejected: 0, unchanged: 0, created: 4, revised: 0 })
    expect((await db().select({ n: count() }).from(gridAccounts))[0]?.n).toBe(0)
    const r = await importGridAccounts(db(), hunan, { fileName: '户号.xlsx', data, dryRun: false, source: 'api' })
    expect(r.counts).toMatchObject({ created: 4 })
    const again = await importGridAccounts(db(), hunan, { fileName: '户号.xlsx', data, dryRun: false, source: 'api' })
    expect(again.counts).toMatchObject({ created: 0, unchanged: 4, revised: 0 })

    // 0733000401 was E4's by mistake: it is E5's
    const moved = await importGridAccounts(db(), hunan, { fileName: '更正.xlsx', data: await accountsFile([['0733000401', E5, '株洲硬质合金']]), dryRun: false, source: 'api' })
    expect(moved.counts).toMatchObject({ revised: 1 })
    const h = await accountHistory(db(), hunan.scope, '0733000401')
    expect(h.map((a) => [a.revision, a.uscc, a.supersededAt === null, a.batchId])).toEqual([
      [1, E4, false, r.batchId],
      [2, E5, true, moved.batchId],
    ])
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.batchId, moved.batchId ?? -1))
    expect(audit).toMatchObject({ action: 'electricity.accounts.import' })
    expect(audit?.detail).toMatchObject({ remapped: [{ accountNumber: '0733000401', from: E4, to: E5 }] })
  })

  it('refuses a mapping file with bad rows, naming row and column', async () => {
    const unknown = makeUscc('914301025999999'.padEnd(16, '0'))
    const r = await importGridAccounts(db(), changsha, {
      fileName: '户号.xlsx', dryRun: true, source: 'api',
      data: await accountsFile([
        ['073', E1, null], // malformed account (row 2)
        ['0731000301', unknown, null], // not in the registry (row 3)
        ['0731000302', E4, null], // 株洲: outside 长沙 (row 4)
        ['0731000303', E1, null], // duplicate (rows 5, 6)
        ['0731000303', E3, null],
        ['0733000401', E3, null], // E5's account, in 株洲: cannot be taken over from 长沙 (row 7)
      ]),
    })
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'A', 'accountNumberMalformed'],
      [3, 'B', 'enterpriseUnknown'],
      [4, 'B', 'enterpriseOutsideScope'],
      [5, 'A', 'duplicateInFile'],
      [6, 'A', 'duplicateInFile'],
      [7, 'A', 'accountOutsideScope'],
    ])
  })

  it('imports month values by account and by USCC, summing an enterprise’s accounts; a re-import changes nothing', async () => {
    const versionBefore = await factVersion(db(), { year: 2025, month: 11 })
    const data = await file([
      line({ accountNumber: '0731000101', period: '2025-10', electricity: 60 }),
      line({ accountNumber: '0731000102', period: '2025-10', electricity: '40.5' }),
      line({ accountNumber: '0731000101', period: '2025-11', electricity: '62' }),
      line({ accountNumber: '0731000102', period: '2025年11月', electricity: '４１' }),
      line({ uscc: E3, name: fixtureEnterprises[2]?.name ?? '', period: '202511', electricity: '1,234.5' }),
      line({ accountNumber: '0731000201', uscc: E2, period: '2025-11', electricity: 8 }),
      line({ accountNumber: '0733000401', period: '2024-11', electricity: 30 }),
      line({ accountNumber: '0733000401', period: '2025-11', electricity: 20 }),
    ])
    const dry = await importElectricity(db(), hunan, opts(data, { dryRun: true }))
    expect(dry.errors).toEqual([])
    expect(dry.counts).toEqual({ read: 8, accepted: 8, rejected: 0, unchanged: 0, created: 6, revised: 0, mappedAccounts: 0 })
    expect(await readings()).toBe(0)

    const r = await importElectricity(db(), hunan, opts(data))
    expect(r.errors).toEqual([])
    expect(r.counts).toMatchObject({ created: 6 })
    const [batch] = await db().select().from(importBatches).where(eq(importBatches.id, r.batchId ?? -1))
    expect(batch).toMatchObject({ kind: 'electricity', status: 'committed' })
    expect(await factVersion(db(), { year: 2025, month: 11 })).toBeGreaterThan(versionBefore)

    const h = await readingHistory(db(), hunan.scope, { uscc: E1, year: 2025, month: 11 })
    expect(h).toHaveLength(1)
    expect(h[0]).toMatchObject({ value: '103.0000', accountNumber: null, batchId: r.batchId, sourceRow: 5 })
    expect(h[0]?.parts).toEqual([
      { row: 5, accountNumber: '0731000101', value: '62.0000' },
      { row: 6, accountNumber: '0731000102', value: '41.0000' },
    ])
    const e3 = await readingHistory(db(), hunan.scope, { uscc: E3 })
    expect(e3.map((x) => [x.value, x.accountNumber, x.parts])).toEqual([['1234.5000', null, null]])
    const e5 = await readingHistory(db(), hunan.scope, { uscc: E5, year: 2025 })
    expect(e5.map((x) => [x.value, x.accountNumber])).toEqual([['20.0000', '0733000401']])

    const again = await importElectricity(db(), hunan, opts(data))
    expect(again.counts).toMatchObject({ read: 8, unchanged: 6, created: 0, revised: 0 })
    expect(await readings()).toBe(6)
  })

  it('keeps every revision of a correction, readable as of any moment, with the reason of a closed month', async () => {
    const between = new Date()
    await new Promise((res) => setTimeout(res, 20))
    await setPeriodStatus(db(), { year: 2025, month: 11, status: 'closed', by: 'admin' })
    const corrected = await file([line({ uscc: E3, period: '2025-11', electricity: 1240 })])
    const refused = await importElectricity(db(), hunan, opts(corrected))
    expect(refused.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'D', 'periodClosed']])
    const c = await importElectricity(db(), hunan, opts(corrected, { revisionReason: '电网更正抄表数' }))
    expect(c.counts).toMatchObject({ revised: 1 })
    await setPeriodStatus(db(), { year: 2025, month: 11, status: 'open', by: 'admin' })
    const h = await readingHistory(db(), hunan.scope, { uscc: E3, year: 2025, month: 11 })
    expect(h.map((x) => [x.revision, x.value, x.supersededAt === null, x.revisionReason])).toEqual([
      [1, '1234.5000', false, null],
      [2, '1240.0000', true, '电网更正抄表数'],
    ])
    const then = await electricityOfPeriod(db(), hunan.scope, { year: 2025, month: 11, asOf: between })
    expect(then.find((x) => x.uscc === E3)?.value).toBe('1234.5000')
    const nowRows = await electricityOfPeriod(db(), hunan.scope, { year: 2025, month: 11 })
    expect(nowRows.find((x) => x.uscc === E3)?.value).toBe('1240.0000')
  })

  it('gives the month, the same month a year before and both years to date, by scope', async () => {
    const rows = await electricityOfPeriod(db(), hunan.scope, { year: 2025, month: 11 })
    expect(rows.map((x) => [x.uscc, x.value, x.priorValue, x.cum, x.cumMonths, x.priorCum, x.priorCumMonths])).toEqual([
      [E1, '103.0000', null, '203.5000', 2, null, 0],
      [E2, '8.0000', null, '8.0000', 1, null, 0],
      [E3, '1240.0000', null, '1240.0000', 1, null, 0],
      [E5, '20.0000', '30.0000', '20.0000', 1, '30.0000', 1],
    ])
    expect((await electricityOfPeriod(db(), changsha.scope, { year: 2025, month: 11 })).map((x) => x.uscc)).toEqual([E1, E2, E3])
    const regional = await regionalElectricity(db(), hunan.scope, { fromYear: 2025, toYear: 2025 })
    expect(regional.map((x) => [x.countyCode, x.year, x.month, x.value, x.enterprises])).toEqual([
      ['430102', 2025, 10, '100.5000', 1],
      ['430102', 2025, 11, '103.0000', 1],
      ['430181', 2025, 11, '1248.0000', 2],
      ['430202', 2025, 11, '20.0000', 1],
    ])
    expect((await regionalElectricity(db(), { kind: 'region', prefix: '430181' }, { fromYear: 2024, toYear: 2025 })).map((x) => x.countyCode)).toEqual(['430181'])
  })

  it('refuses a file with bad rows, naming row and column, and writes nothing (not even with mapNewAccounts)', async () => {
    const before = await readings()
    const unknown = makeUscc('914301025999999'.padEnd(16, '0'))
    const data = await file([
      line({ uscc: '91430102MA4L16JQ9B', period: '2025-11', electricity: 1 }), // check character (row 3)
      line({ uscc: unknown, period: '2025-11', electricity: 1 }), // not in the registry (row 4)
      line({ uscc: E1, period: '2025-11', electricity: -3 }), // negative (row 5)
      line({ uscc: E2, period: '2026-01', electricity: 1 }), // future (row 6)
      line({ uscc: E2, period: '2025年1-11月', electricity: 1 }), // a cumulative period (row 7)
      line({ uscc: E2, period: '2025-09', electricity: 'abc' }), // not a number (row 8)
      line({ accountNumber: '0731999999', period: '2025-09', electricity: 1 }), // unknown account, no USCC (row 9)
      line({ accountNumber: '0731000101', uscc: E3, period: '2025-09', electricity: 1 }), // the account is E1's (row 10)
      line({ period: '2025-09', electricity: 1 }), // nobody (row 11)
      line({ accountNumber: '0731000201', period: '2025-08', electricity: 1 }), // duplicate account and month (rows 12, 13)
      line({ accountNumber: '0731000201', period: '2025年8月', electricity: 2 }),
      line({ uscc: E1, period: '2025-08', electricity: 5 }), // E1's total beside its account rows (row 14)
      line({ accountNumber: '0731000101', period: '2025-08', electricity: 3 }),
      line({ uscc: E2, period: '2025-07', electricity: null }), // empty value (row 16)
    ])
    const r = await importElectricity(db(), hunan, opts(data, { mapNewAccounts: true }))
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'A', 'checkCharacter'],
      [5, 'E', 'valueNegative'],
      [6, 'D', 'periodInFuture'],
      [7, 'D', 'monthIsRange'],
      [8, 'E', 'notANumber'],
      [11, 'B', 'identifierMissing'],
      [12, 'B', 'duplicateInFile'],
      [13, 'B', 'duplicateInFile'],
      [16, 'E', 'valueMissing'],
      [4, 'A', 'enterpriseUnknown'],
      [9, 'B', 'accountUnknown'],
      [10, 'B', 'accountMismatch'],
      [14, 'B', 'totalBesideAccounts'],
    ].sort((a, b) => Number(a[0]) - Number(b[0])))
    expect(r.errors.find((e) => e.code === 'accountUnknown')?.message.zh).toContain('户号对照')
    expect(r.counts).toMatchObject({ read: 14, rejected: 13, created: 0, mappedAccounts: 0 })
    expect(r.errorWorkbook?.subarray(0, 2).toString()).toBe('PK')
    expect(await readings()).toBe(before)
    const [batch] = await db().select().from(importBatches).where(eq(importBatches.id, r.batchId ?? -1))
    expect(batch).toMatchObject({ kind: 'electricity', status: 'rejected' })
  })

  it('offers to map an unknown account from the row’s USCC, and maps it when asked', async () => {
    const data = await file([line({ accountNumber: '0731000202', uscc: E2, name: '浏阳花炮新材料有限公司（二车间）', period: '2025-10', electricity: 5 })])
    const offered = await importElectricity(db(), hunan, opts(data, { dryRun: true }))
    expect(offered.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'B', 'accountUnknown']])
    expect(offered.errors[0]?.message.zh).toContain('按本行信用代码关联新户号')
    const before = await batches()
    const dry = await importElectricity(db(), hunan, opts(data, { dryRun: true, mapNewAccounts: true }))
    expect(dry.counts).toMatchObject({ created: 1, mappedAccounts: 1 })
    expect(dry.warnings.map((w) => [w.row, w.column, w.code])).toEqual([[3, 'C', 'nameMismatch']])
    expect(await batches()).toBe(before)
    expect((await listAccounts(db(), hunan.scope, { q: '0731000202', page: 1, pageSize: 10 })).total).toBe(0)

    const r = await importElectricity(db(), hunan, opts(data, { mapNewAccounts: true }))
    expect(r.counts).toMatchObject({ created: 1, mappedAccounts: 1 })
    const mapped = await accountHistory(db(), hunan.scope, '0731000202')
    expect(mapped.map((a) => [a.uscc, a.revision, a.batchId])).toEqual([[E2, 1, r.batchId]])
    // now mapped: the account alone finds the enterprise, and nothing is mapped again
    const again = await importElectricity(db(), hunan, opts(await file([line({ accountNumber: '0731000202', period: '2025-10', electricity: 5 })]), { mapNewAccounts: true }))
    expect(again.counts).toMatchObject({ unchanged: 1, mappedAccounts: 0 })
  })

  it('warns (without refusing) about an implausible month and an account missing from a sum', async () => {
    const r = await importElectricity(db(), hunan, opts(await file([
      line({ accountNumber: '0731000101', period: '2025-11', electricity: 62 }), // 0731000102 of the reading in force is missing
      line({ accountNumber: '0733000401', period: '2025-12', electricity: 200 }), // 10 × its November (20)
    ]), { dryRun: true }))
    expect(r.errors).toEqual([])
    expect(r.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [3, 'B', 'accountMissingFromSum'],
      [4, 'E', 'implausibleJump'],
    ])
    expect(r.counts).toMatchObject({ revised: 1, created: 1 })
  })

  it('refuses, for a city official, an enterprise or an account outside the city', async () => {
    const r = await importElectricity(db(), changsha, opts(await file([
      line({ uscc: E1, period: '2025-09', electricity: 1 }),
      line({ uscc: E4, period: '2025-09', electricity: 1 }),
      line({ accountNumber: '0733000401', period: '2025-09', electricity: 1 }),
    ]), { dryRun: true }))
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'A', 'enterpriseOutsideScope'],
      [5, 'B', 'enterpriseOutsideScope'],
    ])
    expect(r.errors[1]?.message.zh).not.toContain(E5)
  })

  it('refuses a file without a USCC or an account column, and an enterprise user', async () => {
    const data = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('用电量')
      ws.addRow(['企业名称', '期间', '用电量'])
      ws.addRow([fixtureEnterprises[0]?.name ?? '', '2025-11', 1])
    })
    const r = await importElectricity(db(), hunan, opts(data, { dryRun: true }))
    expect(r.errors.map((e) => e.code)).toEqual(['missingColumn'])
    expect(r.errors[0]?.message.zh).toContain('用电户号')
    const firm: Actor = { ...hunan, role: 'enterprise', scope: { kind: 'enterprise', uscc: E2 } }
    await expect(importElectricity(db(), firm, opts(data))).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  describe('accounts mapped in the UI', () => {
    it('creates a mapping, refuses a second one, and re-maps with the revision edited', async () => {
      await createGridAccount(db(), changsha, { accountNumber: ' 0731 0009 01 ', uscc: E1, accountName: '芙蓉精密三厂' })
      await expect(createGridAccount(db(), changsha, { accountNumber: '0731000901', uscc: E2 })).rejects.toMatchObject({ code: 'CONFLICT' })
      await expect(createGridAccount(db(), changsha, { accountNumber: '0731000902', uscc: E4 })).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' })
      const bad = await createGridAccount(db(), changsha, { accountNumber: '9', uscc: 'x' }).catch((e: unknown) => e)
      expect(bad).toBeInstanceOf(AppError)
      expect(new Set((bad as AppError).fieldErrors?.map((e) => e.field))).toEqual(new Set(['accountNumber', 'uscc']))
      await updateGridAccount(db(), changsha, '0731000901', { uscc: E2, revision: 1, note: '厂区转让' })
      await expect(updateGridAccount(db(), changsha, '0731000901', { uscc: E3, revision: 1 })).rejects.toMatchObject({ code: 'STALE_VERSION' })
      const h = await accountHistory(db(), changsha.scope, '0731000901')
      expect(h.map((a) => [a.revision, a.uscc, a.accountName, a.note, a.recordedBy])).toEqual([
        [1, E1, '芙蓉精密三厂', null, 'changsha'],
        [2, E2, '芙蓉精密三厂', '厂区转让', 'changsha'],
      ])
      const audits = await db().select({ action: auditLog.action, changes: auditLog.changes }).from(auditLog).where(sql`${auditLog.entityId} = '0731000901'`)
      expect(audits.map((a) => a.action)).toEqual(['electricity.account.create', 'electricity.account.update'])
      expect(audits[1]?.changes).toEqual({ uscc: { before: E1, after: E2 } })
      const zhuzhou: Actor = { ...hunan, scope: { kind: 'region', prefix: '4302' } }
      await expect(updateGridAccount(db(), zhuzhou, '0731000901', { uscc: E4, revision: 2 })).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' })
      expect((await listAccounts(db(), zhuzhou.scope, { page: 1, pageSize: 50 })).items.map((a) => a.accountNumber)).toEqual(['0733000401'])
    })
  })
})
