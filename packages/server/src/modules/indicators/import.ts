import {
  checkIndicatorPeriod, checkIndicatorValue, checkUnit, isFuturePeriod, mayWriteOfficialStat, parsePeriod, parseTargetYear, periodKey, periodLabel,
  valueText, type Indicator, type Period, type RegionResolver, type Scope,
} from '@gongxin/domain'
import type { Db } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { asText } from '../../lib/spreadsheet/normalize.ts'
import type { HeaderMap, RawValue, SheetRow } from '../../lib/spreadsheet/types.ts'
import { closedPeriods } from '../reports/store.ts'
import { officialStatSheetSpec } from './columns.ts'
import { importFacts, rowError, type FactImportOptions, type FactImportResult, type FactImportSpec, type FactRow } from './fact-import.ts'
import { loadRegionResolver, readIndicator, readRegion, regionField, regionHeaderErrors } from './region-cell.ts'
import { loadCurrentOfficial, officialKey, writeOfficialRevisions, type CurrentOfficial } from './store.ts'

export type OfficialImportOptions = FactImportOptions
export type OfficialImportResult = FactImportResult

interface OfficialRow extends FactRow {
  regionCode: string | null
  indicator: Indicator | null
  period: Period | null
  value: string | null
  source: string | null
}

interface Ctx {
  resolver: RegionResolver
  scope: Scope
  now: Date
}

const SOURCE_MAX = 200

function periodOf(raw: RawValue | undefined): string | number | Date | null {
  if (raw === null || raw === undefined || typeof raw === 'boolean' || (typeof raw === 'object' && !(raw instanceof Date))) return null
  return raw
}

/** The period of a figure: as the monthly statistics write it, or a bare year for an annual indicator. */
function readPeriod(r: OfficialRow, sr: SheetRow, header: HeaderMap, ind: Indicator | null, now: Date): Period | null {
  if (sr.errors.some((e) => e.field === 'period')) return null
  const index = header.columns.find((c) => c.field === 'period')?.index ?? -1
  const raw = periodOf(sr.cells[index])
  const shown = asText(sr.values.period ?? null) ?? ''
  if (raw === null || shown === '') {
    r.errors.push(rowError(r, 'period', 'periodMissing', '报告期不能为空', 'the reporting period is required'))
    return null
  }
  const year = ind?.frequency === 'annual' && !(raw instanceof Date) ? parseTargetYear(raw) : null
  let p: Period
  if (year !== null) p = { year, month: 12 }
  else {
    const parsed = parsePeriod(raw)
    if (!parsed.ok) {
      r.errors.push(rowError(r, 'period', parsed.error.code, parsed.error.zh, parsed.error.en, shown))
      return null
    }
    p = parsed.period
  }
  if (isFuturePeriod(p, now)) {
    r.errors.push(rowError(r, 'period', 'periodInFuture', `报告期 ${periodLabel(p)} 尚未到来`, `the period ${periodKey(p)} is in the future`, shown))
    return null
  }
  if (ind) {
    const e = checkIndicatorPeriod(ind, p)
    if (e) {
      r.errors.push(rowError(r, 'period', e.code, e.zh, e.en, shown))
      return null
    }
  }
  return p
}

function readRow(sr: SheetRow, header: HeaderMap, ctx: Ctx): OfficialRow {
  const r: OfficialRow = {
    rowNumber: sr.rowNumber, cellRefs: sr.cellRefs, errors: [...sr.errors], warnings: [], key: null, label: { zh: '', en: '' }, keyField: 'period',
    regionCode: null, indicator: null, period: null, value: null, source: null,
  }
  r.regionCode = readRegion(r, sr, ctx.resolver)
  if (r.regionCode && !mayWriteOfficialStat(ctx.scope, r.regionCode)) {
    r.errors.push(rowError(r, regionField(r, sr), 'regionOutsideScope', `地区 ${ctx.resolver.fullName(r.regionCode)}（${r.regionCode}）不在您的管辖范围内，不能导入其数据`, `region ${r.regionCode} is outside your area: you cannot import its figures`, r.regionCode))
    r.regionCode = null
  }
  r.indicator = readIndicator(r, sr)
  r.period = readPeriod(r, sr, header, r.indicator, ctx.now)

  const failed = new Set(sr.errors.map((e) => e.field))
  const v = sr.values.value
  if (!failed.has('value')) {
    if (typeof v !== 'number') r.errors.push(rowError(r, 'value', 'valueMissing', '数值不能为空；未公布的指标请删除该行', 'the value is required; leave out rows of figures not published'))
    else if (r.indicator) {
      const c = checkIndicatorValue(r.indicator, v)
      for (const e of c.errors) r.errors.push(rowError(r, 'value', e.code, e.zh, e.en, v))
      for (const w of c.warnings) r.warnings.push(rowError(r, 'value', w.code, w.zh, w.en, v))
      if (!c.errors.length) r.value = valueText(v)
    }
  }
  const unit = asText(sr.values.unit ?? null)
  if (r.indicator && !failed.has('unit')) {
    const e = checkUnit(r.indicator, unit)
    if (e) r.errors.push(rowError(r, 'unit', e.code, e.zh, e.en, unit))
  }
  r.source = asText(sr.values.source ?? null)
  if (r.source !== null && r.source.length > SOURCE_MAX) {
    r.errors.push(rowError(r, 'source', 'sourceTooLong', `来源不能超过 ${SOURCE_MAX} 个字符`, `the source must not exceed ${SOURCE_MAX} characters`))
  }
  if (r.regionCode && r.indicator && r.period) {
    r.key = officialKey({ regionCode: r.regionCode, indicatorId: r.indicator.id, year: r.period.year, month: r.period.month })
    r.label = {
      zh: `${ctx.resolver.fullName(r.regionCode)} ${periodLabel(r.period)}“${r.indicator.nameZh}”`,
      en: `${r.regionCode} ${periodKey(r.period)} ${r.indicator.id}`,
    }
  }
  return r
}

const keyOf = (r: OfficialRow) => ({ regionCode: r.regionCode ?? '', indicatorId: r.indicator?.id ?? '', year: r.period?.year ?? 0, month: r.period?.month ?? 0 })

const spec: FactImportSpec<OfficialRow, CurrentOfficial, Ctx> = {
  kind: 'officialStats',
  table: 'official_stats',
  auditAction: 'officialStats.import',
  sheet: officialStatSheetSpec,
  // official statistics imports take turns (distinct from the registry's and the monthly import's locks)
  lock: 0x67780031,
  checkHeader: regionHeaderErrors,
  prepare: async (tx, actor, now) => ({ resolver: await loadRegionResolver(tx), scope: actor.scope, now }),
  readRow,
  loadCurrent: (tx, rows) => loadCurrentOfficial(tx, rows.map(keyOf)),
  // a figure is its value: the same value from another publication is no revision
  same: (c, r) => Number(c.value) === Number(r.value),
  async closedError(tx) {
    const closed = await closedPeriods(tx)
    return (r) => {
      if (!r.period || !closed.has(`${r.period.year}-${r.period.month}`)) return null
      return rowError(r, 'period', 'periodClosed', `报告期 ${periodLabel(r.period)} 已关账发布，修改其数据须注明修订原因`, `period ${periodKey(r.period)} is closed for publication: changing it needs a revision reason`)
    }
  },
  write: (tx, writes, batchId, at, reason) =>
    writeOfficialRevisions(
      tx,
      writes.map(({ row, current }) => ({
        ...keyOf(row), value: row.value ?? '0', unit: row.indicator?.unit ?? '', source: row.source,
        supersedes: current ? { id: current.id, revision: current.revision } : null, sourceRow: row.rowNumber,
      })),
      batchId, at, reason,
    ),
  periods: (rows) => [...new Map(rows.flatMap((r) => (r.period ? [[periodKey(r.period), r.period] as const] : []))).values()],
}

/**
 * Imports official regional statistics (统计局公布数) from .xlsx or CSV: every row checked (region by code or
 * name, period, indicator, value and unit against the catalogue, the actor's area), nothing written when any
 * row is wrong, otherwise one transaction of new revisions. See docs/import-formats.md.
 */
export function importOfficialStats(db: Db, actor: Actor, opts: OfficialImportOptions): Promise<OfficialImportResult> {
  return importFacts(spec, db, actor, opts)
}
