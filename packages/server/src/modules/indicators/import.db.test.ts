import { count, eq } from 'drizzle-orm'
import iconv from 'iconv-lite'
import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import type { Actor } from '../../http/context.ts'
import { xlsxOf } from '../../lib/spreadsheet/testing.ts'
import { auditLog } from '../audit/schema.ts'
import { factVersion } from '../dispatch/facts.ts'
import { importBatches } from '../imports/schema.ts'
import { setPeriodStatus } from '../reports/repository.ts'
import { officialStatColumns } from './columns.ts'
import { importOfficialStats, type OfficialImportOptions } from './import.ts'
import { listOfficialStats, officialStatHistory, officialStatsAsOf } from './repository.ts'
import { indicators, officialStats } from './schema.ts'

const hunan: Actor = { userId: null, username: 'hunan-admin', role: 'provinceAdmin', scope: { kind: 'region', prefix: '43' }, source: 'api', locale: 'zh-CN' }
const changsha: Actor = { ...hunan, username: 'changsha', role: 'cityOfficial', scope: { kind: 'region', prefix: '4301' } }
const nation: Actor = { ...hunan, username: 'nation', scope: { kind: 'region', prefix: '' } }
const NOW = new Date('2025-12-20T00:00:00Z')

type Cells = Partial<Record<string, string | number | null>>
const HEADERS = officialStatColumns.map((c) => c.header)
const line = (v: Cells) => officialStatColumns.map((c) => v[c.field] ?? null)
const file = (lines: Cells[], headers: readonly string[] = HEADERS) =>
  xlsxOf((wb) => {
    const ws = wb.addWorksheet('公布数')
    ws.addRow(['2025年1-11月全国各省规上工业增加值增速'])
    ws.addRow([...headers])
    for (const l of lines) ws.addRow(headers === HEADERS ? line(l) : headers.map((h) => l[officialStatColumns.find((c) => c.header === h)?.field ?? h] ?? null))
  })
const opts = (data: Buffer, over: Partial<OfficialImportOptions> = {}): OfficialImportOptions => ({ fileName: '公布数.xlsx', data, dryRun: false, source: 'api', now: NOW, ...over })
const VA = '规模以上工业增加值增速'

describeEachDb('official statistics import', (ctx) => {
  const db = () => ctx.database.db
  const rowsOf = async () => (await db().select({ n: count() }).from(officialStats))[0]?.n ?? 0

  it('loads the indicator catalogue with the reference data', async () => {
    const rows = await db().select().from(indicators)
    expect(rows.find((r) => r.id === 'energyPerValueAddedChange')).toMatchObject({ direction: 'lowerIsBetter', unit: '%', kind: 'growth' })
    expect(rows.find((r) => r.id === 'newAboveScaleEnterprises')).toMatchObject({ unit: '家', kind: 'level', frequency: 'annual' })
  })

  it('November 2025: resolves 湖南省, 湖南, codes and peers; a re-import changes nothing; a correction keeps both revisions', async () => {
    const first = await file([
      { regionName: '湖南省', period: '2025年1-11月', indicator: VA, value: 6.1, unit: '%', source: '省统计局月报' }, // row 3
      { regionName: '湖北', period: '2025-11', indicator: 'valueAddedGrowth', value: 6.8 }, // row 4: short name, id
      { regionCode: '430100', period: 202511, indicator: VA, value: 7.4 }, // row 5: code only
      { regionCode: '430200', regionName: '株洲市', period: '2025年11月', indicator: '工业投资增速', value: -2.5, unit: '％' }, // row 6: both, full-width %
      { regionName: '湖南省', period: '2024', indicator: '新增规上工业企业', value: 1024, unit: '家' }, // row 7: annual figure, a bare year
    ])
    const r = await importOfficialStats(db(), hunan, opts(first))
    expect(r.errors).toEqual([])
    expect(r.counts).toEqual({ read: 5, accepted: 5, rejected: 0, unchanged: 0, created: 5, revised: 0 })
    const [batch] = await db().select().from(importBatches).where(eq(importBatches.id, r.batchId ?? -1))
    expect(batch).toMatchObject({ kind: 'officialStats', status: 'committed', counts: r.counts })
    const rows = await officialStatsAsOf(db(), { year: 2025, month: 11 })
    expect(rows.map((x) => [x.regionCode, x.indicatorId, x.value, x.unit, x.revision, x.sourceRow])).toEqual([
      ['420000', 'valueAddedGrowth', '6.8', '%', 1, 4],
      ['430000', 'valueAddedGrowth', '6.1', '%', 1, 3],
      ['430100', 'valueAddedGrowth', '7.4', '%', 1, 5],
      ['430200', 'industrialInvestmentGrowth', '-2.5', '%', 1, 6],
    ])
    expect(rows[1]).toMatchObject({ regionName: '湖南省', regionLevel: 1, source: '省统计局月报', batchId: r.batchId })
    expect(await officialStatsAsOf(db(), { year: 2024, month: 12, indicatorIds: ['newAboveScaleEnterprises'] })).toMatchObject([{ regionCode: '430000', value: '1024', unit: '家' }])
    // the dispatch of November and December 2025 is now stale
    expect(await factVersion(db(), { year: 2025, month: 11 })).toBeGreaterThan(0)
    expect(await factVersion(db(), { year: 2025, month: 12 })).toBeGreaterThan(0)

    const again = await importOfficialStats(db(), hunan, opts(first))
    expect(again.counts).toMatchObject({ read: 5, unchanged: 5, created: 0, revised: 0 })
    expect(await rowsOf()).toBe(5)
    const between = new Date()
    await new Promise((res) => setTimeout(res, 20))

    const corrected = await file([
      { regionName: '湖南省', period: '2025年1-11月', indicator: VA, value: 6.2, unit: '%' },
      { regionName: '湖北', period: '2025-11', indicator: 'valueAddedGrowth', value: 6.8 },
    ])
    const c = await importOfficialStats(db(), hunan, opts(corrected, { fileName: '更正.xlsx' }))
    expect(c.counts).toMatchObject({ unchanged: 1, created: 0, revised: 1 })
    const history = await officialStatHistory(db(), hunan.scope, { regionCode: '430000', indicatorId: 'valueAddedGrowth' })
    expect(history.map((h) => [h.revision, h.value, h.supersededAt === null, h.batchId, h.sourceRow])).toEqual([
      [1, '6.1', false, r.batchId, 3],
      [2, '6.2', true, c.batchId, 3],
    ])
    const then = await officialStatsAsOf(db(), { year: 2025, month: 11, regionCodes: ['430000'], asOf: between })
    expect(then).toMatchObject([{ revision: 1, value: '6.1' }])
    expect(await officialStatsAsOf(db(), { year: 2025, month: 11, regionCodes: ['430000'] })).toMatchObject([{ revision: 2, value: '6.2' }])
    const audit = await db().select().from(auditLog).where(eq(auditLog.batchId, c.batchId ?? -1))
    expect(audit.map((a) => a.action)).toEqual(['officialStats.import'])
  })

  it('refuses a file with bad rows, naming row and column, and writes nothing', async () => {
    const before = await rowsOf()
    const data = await file([
      { regionName: '朝阳区', period: '2025-11', indicator: VA, value: 5 }, // 3: ambiguous (北京, 长春)
      { regionName: '湖南', period: '2025-11', indicator: '工业增加值', value: 5 }, // 4: unknown indicator
      { regionName: '湖南', period: '2025-11', indicator: VA, value: 5, unit: '万元' }, // 5: unit mismatch
      { regionName: '湖南', period: '2025-10', indicator: VA, value: 'abc' }, // 6: not a number
      { regionName: '湖南', period: '2025-09', indicator: VA, value: -120 }, // 7: below −100 %
      { regionName: '湖南', period: '2026-01', indicator: VA, value: 5 }, // 8: January: reported with February
      { regionName: '湖南', period: '2026-03', indicator: VA, value: 5 }, // 9: future
      { regionName: '湖南', period: '2025-11', indicator: '数字经济增加值增速', value: 9 }, // 10: quarterly, not a quarter's end
      { regionName: '长沙省', period: '2025-08', indicator: VA, value: 5 }, // 11: unknown name
      { regionCode: '439999', period: '2025-08', indicator: VA, value: 5 }, // 12: unknown code
      { regionCode: '430100', regionName: '株洲市', period: '2025-08', indicator: VA, value: 5 }, // 13: code and name disagree
      { regionName: '湖南', period: '2025-07', indicator: VA, value: 5 }, // 14, 15: duplicate
      { regionName: '湖南省', period: '2025年1-7月', indicator: VA, value: 5.1 },
      { regionName: '湖南', period: '2025-06', indicator: VA, value: null }, // 16: no value
      { regionName: '湖南', period: '十一月', indicator: VA, value: 5 }, // 17: malformed period
      { period: '2025-06', indicator: VA, value: 5 }, // 18: no region
      { regionName: '湖南', period: '2025-06', indicator: '新增规上工业企业', value: 10.5 }, // 19: annual in June, not whole
    ])
    const r = await importOfficialStats(db(), hunan, opts(data))
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'B', 'regionAmbiguous'],
      [4, 'D', 'indicatorUnknown'],
      [5, 'F', 'unitMismatch'],
      [6, 'E', 'notANumber'],
      [7, 'E', 'growthBelowMinus100'],
      [8, 'C', 'januaryNotReported'],
      [9, 'C', 'periodInFuture'],
      [10, 'C', 'periodNotQuarterEnd'],
      [11, 'B', 'regionUnknown'],
      [12, 'A', 'regionCodeUnknown'],
      [13, 'B', 'regionNameMismatch'],
      [14, 'C', 'duplicateInFile'],
      [15, 'C', 'duplicateInFile'],
      [16, 'E', 'valueMissing'],
      [17, 'C', 'periodMalformed'],
      [18, 'A', 'regionMissing'],
      [19, 'C', 'periodNotAnnual'],
      [19, 'E', 'notAWholeNumber'],
    ])
    const ambiguous = r.errors[0]
    expect(ambiguous?.message.zh).toContain('北京市朝阳区（110105）')
    expect(ambiguous?.message.zh).toContain('吉林省长春市朝阳区（220104）')
    expect(ambiguous?.message.en).toMatch(/matches 2 regions/)
    expect(r.errors.find((e) => e.code === 'unitMismatch')?.message).toMatchObject({ zh: expect.stringContaining('“%”'), en: expect.stringContaining('"%"') })
    expect(r.counts).toMatchObject({ read: 17, rejected: 17, created: 0 })
    expect(r.errorWorkbook?.subarray(0, 2).toString()).toBe('PK')
    expect(await rowsOf()).toBe(before)
    const [batch] = await db().select().from(importBatches).where(eq(importBatches.id, r.batchId ?? -1))
    expect(batch?.status).toBe('rejected')
  })

  it('a dry run reports what would change and writes nothing, not even a batch', async () => {
    const batches = (await db().select({ n: count() }).from(importBatches))[0]?.n ?? 0
    const before = await rowsOf()
    const r = await importOfficialStats(db(), hunan, opts(await file([
      { regionName: '湖南', period: '2025-10', indicator: VA, value: 6.0 },
      { regionName: '湖南省', period: '2025-11', indicator: VA, value: 6.2 },
      { regionName: '广东', period: '2025-10', indicator: VA, value: 45 }, // implausible: a warning, not an error
    ]), { dryRun: true }))
    expect(r).toMatchObject({ batchId: null, dryRun: true, errors: [], counts: { read: 3, created: 2, unchanged: 1, revised: 0 } })
    expect(r.warnings.map((w) => [w.row, w.column, w.code])).toEqual([[5, 'E', 'implausibleValue']])
    expect(await rowsOf()).toBe(before)
    expect((await db().select({ n: count() }).from(importBatches))[0]?.n).toBe(batches)
  })

  it('needs a revision reason to change a closed period, and keeps it on the revision', async () => {
    await setPeriodStatus(db(), { year: 2025, month: 11, status: 'closed', by: 'admin' })
    const data = await file([{ regionName: '湖北省', period: '2025-11', indicator: VA, value: 6.9 }])
    const refused = await importOfficialStats(db(), hunan, opts(data))
    expect(refused.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'C', 'periodClosed']])
    const ok = await importOfficialStats(db(), hunan, opts(data, { revisionReason: '国家统计局修订' }))
    expect(ok.counts).toMatchObject({ revised: 1 })
    const h = await officialStatHistory(db(), hunan.scope, { regionCode: '420000', indicatorId: 'valueAddedGrowth', year: 2025, month: 11 })
    expect(h.at(-1)).toMatchObject({ revision: 2, value: '6.9', revisionReason: '国家统计局修订' })
    await setPeriodStatus(db(), { year: 2025, month: 11, status: 'open', by: 'admin' })
  })

  it('a city official imports its own city and counties, not a sister city nor a peer province', async () => {
    const r = await importOfficialStats(db(), changsha, opts(await file([
      { regionName: '浏阳市', period: '2025-10', indicator: VA, value: 8.2 },
      { regionName: '株洲市', period: '2025-10', indicator: VA, value: 6.6 },
      { regionName: '江西省', period: '2025-10', indicator: VA, value: 6.6 },
    ]), { dryRun: true }))
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'B', 'regionOutsideScope'],
      [5, 'B', 'regionOutsideScope'],
    ])
  })

  it('reads what a reader may see: all provinces, and below them only the own area of the own province', async () => {
    // a province imports other provinces' province-level figures only: 武汉 takes a national user
    await importOfficialStats(db(), nation, opts(await file([
      { regionName: '株洲市', period: '2025-10', indicator: VA, value: 6.6 },
      { regionName: '长沙市', period: '2025-10', indicator: VA, value: 7.1 },
      { regionName: '浏阳市', period: '2025-10', indicator: VA, value: 8.2 },
      { regionName: '江西省', period: '2025-10', indicator: VA, value: 6.4 },
      { regionName: '武汉市', period: '2025-10', indicator: VA, value: 7.0 },
    ])))
    const seen = async (prefix: string, q: { level?: number; parent?: string } = {}) =>
      (await listOfficialStats(db(), { kind: 'region', prefix }, { year: 2025, month: 10, ...q })).map((x) => x.regionCode)
    expect(await seen('43')).toEqual(['360000', '420100', '430100', '430181', '430200'])
    expect(await seen('4301')).toEqual(['360000', '420100', '430100', '430181'])
    expect(await seen('4301', { level: 1 })).toEqual(['360000'])
    expect(await seen('43', { parent: '430000' })).toEqual(['430100', '430181', '430200'])
    expect(await seen('43', { level: 2, parent: '430000' })).toEqual(['430100', '430200'])
    // the dispatch reads every region when it passes no scope
    expect((await officialStatsAsOf(db(), { year: 2025, month: 10 })).map((x) => x.regionCode)).toContain('430200')
    expect((await officialStatsAsOf(db(), { year: 2025, month: 10, scope: { kind: 'region', prefix: '4301' } })).map((x) => x.regionCode)).not.toContain('430200')
  })

  it('the same file imported twice at once: one waits for the other, nothing doubles', async () => {
    const data = await file([
      { regionName: '河南省', period: '2025-08', indicator: VA, value: 6.0 },
      { regionName: '河南省', period: '2025-08', indicator: '工业投资增速', value: 7.5 },
    ])
    const [a, b] = await Promise.all([importOfficialStats(db(), hunan, opts(data)), importOfficialStats(db(), hunan, opts(data))])
    expect([a.counts.created + b.counts.created, a.counts.unchanged + b.counts.unchanged]).toEqual([2, 2])
    expect(await officialStatsAsOf(db(), { year: 2025, month: 8, regionCodes: ['410000'] })).toHaveLength(2)
    const all = await db().select({ n: count() }).from(officialStats).where(eq(officialStats.regionCode, '410000'))
    expect(all[0]?.n).toBe(2)
  })

  it('reads a GBK CSV with English headers, and refuses a file with no region column', async () => {
    const csv = iconv.encode('regionName,period,indicator,value,unit\r\n湖南省,2025年1-9月,技改投资增速,"12.3",%\r\n', 'gbk')
    const r = await importOfficialStats(db(), hunan, opts(csv, { fileName: 'stats.csv' }))
    expect(r.errors).toEqual([])
    expect(r.counts).toMatchObject({ created: 1 })
    const none = await importOfficialStats(db(), hunan, opts(await file([{ period: '2025-09', indicator: VA, value: 5 }], ['报告期', '指标', '数值']), { dryRun: true }))
    expect(none.errors.map((e) => e.code)).toEqual(['missingColumn'])
    expect(none.errors[0]?.message.zh).toContain('地区代码')
  })
})
