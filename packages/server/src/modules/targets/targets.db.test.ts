import { count, eq } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import type { Actor } from '../../http/context.ts'
import { AppError } from '../../lib/errors.ts'
import { xlsxOf } from '../../lib/spreadsheet/testing.ts'
import { auditLog } from '../audit/schema.ts'
import { factVersion } from '../dispatch/facts.ts'
import { importBatches } from '../imports/schema.ts'
import { targetColumns } from './columns.ts'
import { importTargets, type TargetImportOptions } from './import.ts'
import { targetHistory, targetsOf } from './repository.ts'
import { targets } from './schema.ts'
import { createTarget, updateTarget } from './service.ts'

const hunan: Actor = { userId: null, username: 'hunan-admin', role: 'provinceAdmin', scope: { kind: 'region', prefix: '43' }, source: 'api', locale: 'zh-CN' }
const changsha: Actor = { ...hunan, username: 'changsha', role: 'cityOfficial', scope: { kind: 'region', prefix: '4301' } }
const NOW = new Date('2025-12-20T00:00:00Z')

type Cells = Partial<Record<string, string | number | null>>
const file = (lines: Cells[]) =>
  xlsxOf((wb) => {
    const ws = wb.addWorksheet('目标')
    ws.addRow(['2025年度工业经济主要目标'])
    ws.addRow(targetColumns.map((c) => c.header))
    for (const l of lines) ws.addRow(targetColumns.map((c) => l[c.field] ?? null))
  })
const opts = (data: Buffer, over: Partial<TargetImportOptions> = {}): TargetImportOptions => ({ fileName: '目标.xlsx', data, dryRun: false, source: 'api', now: NOW, ...over })
const codes = (r: { errors: { row?: number; column?: string; code: string }[] }) => r.errors.map((e) => [e.row, e.column, e.code])

describeEachDb('annual targets', (ctx) => {
  const db = () => ctx.database.db
  const rowsOf = async () => (await db().select({ n: count() }).from(targets))[0]?.n ?? 0

  it('2025: the province sets its own and its cities’ targets; re-import changes nothing; a change keeps both revisions', async () => {
    const first = await file([
      { regionName: '湖南省', year: 2025, indicator: '规模以上工业增加值增速', target: 6.5, unit: '%' },
      { regionName: '湖南', year: '2025年', indicator: 'newAboveScaleEnterprises', target: 1000, unit: '家' },
      { regionCode: '430100', year: 2025, indicator: '规上工业增加值增速', target: 7 },
      { regionName: '长沙市', year: 2025, indicator: '单位工业增加值能耗变化', target: -3 },
    ])
    const r = await importTargets(db(), hunan, opts(first))
    expect(r.errors).toEqual([])
    expect(r.counts).toEqual({ read: 4, accepted: 4, rejected: 0, unchanged: 0, created: 4, revised: 0 })
    const [batch] = await db().select().from(importBatches).where(eq(importBatches.id, r.batchId ?? -1))
    expect(batch).toMatchObject({ kind: 'targets', status: 'committed' })
    const all = await targetsOf(db(), hunan.scope, { year: 2025 })
    expect(all.map((t) => [t.regionCode, t.indicatorId, t.target, t.unit, t.revision, t.recordedBy, t.sourceRow])).toEqual([
      ['430000', 'valueAddedGrowth', '6.5', '%', 1, 'hunan-admin', 3],
      ['430000', 'newAboveScaleEnterprises', '1000', '家', 1, 'hunan-admin', 4],
      ['430100', 'valueAddedGrowth', '7', '%', 1, 'hunan-admin', 5],
      ['430100', 'energyPerValueAddedChange', '-3', '%', 1, 'hunan-admin', 6],
    ])
    // a target bears on every month of its year
    expect(await factVersion(db(), { year: 2025, month: 3 })).toBeGreaterThan(0)

    expect((await importTargets(db(), hunan, opts(first))).counts).toMatchObject({ unchanged: 4, created: 0, revised: 0 })
    expect(await rowsOf()).toBe(4)
    const changed = await importTargets(db(), hunan, opts(await file([{ regionName: '湖南省', year: 2025, indicator: 'valueAddedGrowth', target: 6 }]), { revisionReason: '年中调整' }))
    expect(changed.counts).toMatchObject({ revised: 1 })
    const h = await targetHistory(db(), hunan.scope, { regionCode: '430000', indicatorId: 'valueAddedGrowth', year: 2025 })
    expect(h.map((x) => [x.revision, x.target, x.supersededAt === null, x.revisionReason])).toEqual([
      [1, '6.5', false, null],
      [2, '6', true, '年中调整'],
    ])
  })

  it('refuses bad rows with row and column: year, value, unit, scope', async () => {
    const before = await rowsOf()
    const r = await importTargets(db(), changsha, opts(await file([
      { regionName: '浏阳市', year: 2025, indicator: 'valueAddedGrowth', target: 8 }, // 3: fine
      { regionName: '长沙市', year: 2025, indicator: 'valueAddedGrowth', target: 7 }, // 4: the city's own target is the province's
      { regionName: '株洲市', year: 2025, indicator: 'valueAddedGrowth', target: 7 }, // 5: sister city
      { regionName: '浏阳市', year: 2030, indicator: 'valueAddedGrowth', target: 8 }, // 6: too far ahead
      { regionName: '浏阳市', year: '明年', indicator: 'valueAddedGrowth', target: 8 }, // 7: not a year
      { regionName: '浏阳市', year: 2025, indicator: 'newAboveScaleEnterprises', target: 12.5 }, // 8: not a whole number
      { regionName: '浏阳市', year: 2025, indicator: 'revenueGrowth', target: 8, unit: '家' }, // 9: unit
      { regionName: '浏阳市', year: 2025, indicator: 'profitGrowth', target: null }, // 10: empty
    ])))
    expect(codes(r)).toEqual([
      [4, 'B', 'targetOutsideScope'],
      [5, 'B', 'targetOutsideScope'],
      [6, 'C', 'yearOutOfRange'],
      [7, 'C', 'yearMalformed'],
      [8, 'E', 'notAWholeNumber'],
      [9, 'F', 'unitMismatch'],
      [10, 'E', 'targetMissing'],
    ])
    expect(r.errors[0]?.message.zh).toContain('由省级设定')
    expect(await rowsOf()).toBe(before)
  })

  it('in the UI: a city sets a county’s target, edits it with the revision it was shown, and is refused a stale one', async () => {
    const t = await createTarget(db(), changsha, { regionCode: '430181', year: 2025, indicatorId: 'valueAddedGrowth', target: 8.5 })
    expect(t).toMatchObject({ regionCode: '430181', regionName: '浏阳市', target: '8.5', revision: 1, batchId: null, recordedBy: 'changsha' })
    await expect(createTarget(db(), changsha, { regionCode: '430181', year: 2025, indicatorId: 'valueAddedGrowth', target: 9 })).rejects.toMatchObject({ code: 'CONFLICT' })
    const same = await updateTarget(db(), changsha, t.id, { target: 8.5, revision: 1 })
    expect(same.id).toBe(t.id)
    const u = await updateTarget(db(), changsha, t.id, { target: 9, revision: 1, reason: '市政府调整' })
    expect(u).toMatchObject({ target: '9', revision: 2, revisionReason: '市政府调整' })
    await expect(updateTarget(db(), changsha, t.id, { target: 9.5, revision: 1 })).rejects.toMatchObject({ code: 'STALE_VERSION' })
    await expect(updateTarget(db(), changsha, u.id, { target: 9.5, revision: 1 })).rejects.toMatchObject({ code: 'STALE_VERSION' })
    const audit = await db().select().from(auditLog).where(eq(auditLog.entity, 'target'))
    expect(audit.map((a) => [a.action, a.changes])).toEqual([
      ['target.create', { target: { before: null, after: '8.5' } }],
      ['target.update', { target: { before: '8.5', after: '9' } }],
    ])
    // the province's own target is read by the city but set by the province
    const own = await createTarget(db(), changsha, { regionCode: '430100', year: 2025, indicatorId: 'revenueGrowth', target: 8 }).catch((e: unknown) => e)
    expect(own).toBeInstanceOf(AppError)
    expect((own as AppError).code).toBe('FORBIDDEN')
    await expect(createTarget(db(), changsha, { regionCode: '430202', year: 2025, indicatorId: 'revenueGrowth', target: 8 })).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' })
    await expect(createTarget(db(), changsha, { regionCode: '430181', year: 2025, indicatorId: 'revenueGrowth', target: -101 })).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(updateTarget(db(), { ...changsha, scope: { kind: 'region', prefix: '4302' } }, u.id, { target: 1, revision: 2 })).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' })
  })

  it('reads targets within the scope only', async () => {
    const seen = async (prefix: string) => [...new Set((await targetsOf(db(), { kind: 'region', prefix }, { year: 2025 })).map((t) => t.regionCode))]
    expect(await seen('43')).toEqual(['430000', '430100', '430181'])
    expect(await seen('4301')).toEqual(['430100', '430181'])
    expect(await seen('430181')).toEqual(['430181'])
    expect(await seen('4302')).toEqual([])
    expect(await targetsOf(db(), { kind: 'enterprise', uscc: '91430100MA4L16JQ9A' }, { year: 2025 })).toEqual([])
  })
})
