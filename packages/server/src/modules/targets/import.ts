import { checkIndicatorValue, checkUnit, currentPeriod, mayWriteTarget, parseTargetYear, valueText, type Indicator, type RegionResolver, type Scope } from '@gongxin/domain'
import type { Db } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { asText } from '../../lib/spreadsheet/normalize.ts'
import type { HeaderMap, RawValue, SheetRow } from '../../lib/spreadsheet/types.ts'
import { importFacts, rowError, type FactImportOptions, type FactImportResult, type FactImportSpec, type FactRow } from '../indicators/fact-import.ts'
import { loadRegionResolver, readIndicator, readRegion, regionField, regionHeaderErrors } from '../indicators/region-cell.ts'
import { targetSheetSpec } from './columns.ts'
import { loadCurrentTargets, targetKey, writeTargetRevisions, type CurrentTarget } from './store.ts'

export type TargetImportOptions = FactImportOptions
export type TargetImportResult = FactImportResult

/** Targets and the UI's target form take turns on this lock (distinct from the other importers'). */
export const TARGETS_LOCK = 0x67780041

/** The earliest year a target may be set for, and how many years ahead. */
export const MIN_TARGET_YEAR = 2000
export const TARGET_YEARS_AHEAD = 1

interface TargetRow extends FactRow {
  regionCode: string | null
  indicator: Indicator | null
  year: number | null
  target: string | null
}

interface Ctx {
  resolver: RegionResolver
  scope: Scope
  now: Date
}

/** Why a scope may not set a region's target, for the row error and the form. */
export function targetScopeMessage(scope: Scope, fullName: string, code: string): { zh: string; en: string } {
  const city = scope.kind === 'region' && scope.prefix.length === 4 && code === scope.prefix.padEnd(6, '0')
  return city
    ? { zh: `${fullName}（${code}）本级的目标由省级设定；市州可设定所辖县市区的目标`, en: `the target of ${code} itself is set by the province; a city sets its counties' targets` }
    : { zh: `地区 ${fullName}（${code}）不在您可设定目标的范围内`, en: `region ${code} is outside the area whose targets you may set` }
}

/** The year's own checks: a four-digit year from MIN_TARGET_YEAR to next year. */
export function checkTargetYear(year: number, now: Date): { zh: string; en: string } | null {
  const last = currentPeriod(now).year + TARGET_YEARS_AHEAD
  if (year >= MIN_TARGET_YEAR && year <= last) return null
  return { zh: `年度 ${year} 应在 ${MIN_TARGET_YEAR} 至 ${last} 年之间`, en: `the year ${year} must be between ${MIN_TARGET_YEAR} and ${last}` }
}

function yearOf(raw: RawValue | undefined): string | number | Date | null {
  if (raw === null || raw === undefined || typeof raw === 'boolean' || (typeof raw === 'object' && !(raw instanceof Date))) return null
  return raw
}

function readRow(sr: SheetRow, header: HeaderMap, ctx: Ctx): TargetRow {
  const r: TargetRow = { rowNumber: sr.rowNumber, cellRefs: sr.cellRefs, errors: [...sr.errors], warnings: [], key: null, label: { zh: '', en: '' }, keyField: 'year', regionCode: null, indicator: null, year: null, target: null }
  const failed = new Set(sr.errors.map((e) => e.field))
  r.regionCode = readRegion(r, sr, ctx.resolver)
  if (r.regionCode && !mayWriteTarget(ctx.scope, r.regionCode)) {
    const m = targetScopeMessage(ctx.scope, ctx.resolver.fullName(r.regionCode), r.regionCode)
    r.errors.push(rowError(r, regionField(r, sr), 'targetOutsideScope', m.zh, m.en, r.regionCode))
    r.regionCode = null
  }
  r.indicator = readIndicator(r, sr)
  if (!failed.has('year')) {
    const raw = yearOf(sr.cells[header.columns.find((c) => c.field === 'year')?.index ?? -1])
    const shown = asText(sr.values.year ?? null)
    const y = parseTargetYear(raw)
    if (shown === null) r.errors.push(rowError(r, 'year', 'yearMissing', '年度不能为空', 'the year is required'))
    else if (y === null) r.errors.push(rowError(r, 'year', 'yearMalformed', `“${shown}”不是年度：应为 2025 或 2025年 这样的四位年份`, `"${shown}" is not a year: expected e.g. 2025 or 2025年`, shown))
    else {
      const e = checkTargetYear(y, ctx.now)
      if (e) r.errors.push(rowError(r, 'year', 'yearOutOfRange', e.zh, e.en, shown))
      else r.year = y
    }
  }
  if (!failed.has('target')) {
    const v = sr.values.target
    if (typeof v !== 'number') r.errors.push(rowError(r, 'target', 'targetMissing', '目标值不能为空', 'the target is required'))
    else if (r.indicator) {
      const c = checkIndicatorValue(r.indicator, v, { zh: '目标值', en: 'the target' })
      for (const e of c.errors) r.errors.push(rowError(r, 'target', e.code, e.zh, e.en, v))
      for (const w of c.warnings) r.warnings.push(rowError(r, 'target', w.code, w.zh, w.en, v))
      if (!c.errors.length) r.target = valueText(v)
    }
  }
  const unit = asText(sr.values.unit ?? null)
  if (r.indicator && !failed.has('unit')) {
    const e = checkUnit(r.indicator, unit)
    if (e) r.errors.push(rowError(r, 'unit', e.code, e.zh, e.en, unit))
  }
  if (r.regionCode && r.indicator && r.year !== null) {
    r.key = targetKey({ regionCode: r.regionCode, indicatorId: r.indicator.id, year: r.year })
    r.label = { zh: `${ctx.resolver.fullName(r.regionCode)} ${r.year} 年“${r.indicator.nameZh}”目标`, en: `the ${r.year} target of ${r.indicator.id} for ${r.regionCode}` }
  }
  return r
}

const keyOf = (r: TargetRow) => ({ regionCode: r.regionCode ?? '', indicatorId: r.indicator?.id ?? '', year: r.year ?? 0 })

const spec: FactImportSpec<TargetRow, CurrentTarget, Ctx> = {
  kind: 'targets',
  table: 'targets',
  auditAction: 'targets.import',
  sheet: targetSheetSpec,
  lock: TARGETS_LOCK,
  checkHeader: regionHeaderErrors,
  prepare: async (tx, actor, now) => ({ resolver: await loadRegionResolver(tx), scope: actor.scope, now }),
  readRow,
  loadCurrent: (tx, rows) => loadCurrentTargets(tx, rows.map(keyOf)),
  same: (c, r) => Number(c.target) === Number(r.target),
  async write(tx, writes, batchId, at, reason, actor) {
    await writeTargetRevisions(
      tx,
      writes.map(({ row, current }) => ({ ...keyOf(row), target: row.target ?? '0', unit: row.indicator?.unit ?? '', supersedes: current ? { id: current.id, revision: current.revision } : null, sourceRow: row.rowNumber })),
      { batchId, at, reason, recordedBy: actor.username },
    )
  },
  // a target of year y bears on every month of y: facts.ts turns month 12 into the whole year
  periods: (rows) => [...new Set(rows.flatMap((r) => (r.year === null ? [] : [r.year])))].map((year) => ({ year, month: 12 })),
}

/**
 * Imports annual targets (年度目标) from .xlsx or CSV: every row checked (region, year, indicator, target and unit
 * against the catalogue, the regions the actor may set targets for), nothing written when any row is wrong,
 * otherwise one transaction of new revisions. See docs/import-formats.md.
 */
export function importTargets(db: Db, actor: Actor, opts: TargetImportOptions): Promise<TargetImportResult> {
  return importFacts(spec, db, actor, opts)
}
