import { sql } from 'drizzle-orm'
import {
  checkMonthlyReport, isFuturePeriod, monthlyValueFields, parsePeriod, periodLabel, scopeCoversEnterprise, validateUscc,
  type MonthlyFigures, type MonthlyNumbers, type Period, type PreviousReport,
} from '@gongxin/domain'
import type { Db, Tx } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { AppError, type FieldError } from '../../lib/errors.ts'
import { fileSha256, finishBatch, insertBatch, type BatchInput } from '../../lib/import-batch.ts'
import { writeErrorWorkbook } from '../../lib/spreadsheet/error-workbook.ts'
import { asText } from '../../lib/spreadsheet/normalize.ts'
import { openSpreadsheet } from '../../lib/spreadsheet/reader.ts'
import type { RawValue, SheetRow } from '../../lib/spreadsheet/types.ts'
import { recordAudit } from '../audit/service.ts'
import { monthlySheetSpec } from './columns.ts'
import { analyzeIfStale } from '../../db/statistics.ts'
import { noteFactsChanged } from '../dispatch/facts.ts'
import { closedPeriods, loadContext, loadEnterprises, sameFigures, writeRevisions, type CurrentReport, type RevisionWrite } from './store.ts'

export interface MonthlyImportCounts {
  read: number
  accepted: number
  rejected: number
  unchanged: number
  created: number
  revised: number
}

export interface MonthlyImportResult {
  batchId: number | null
  dryRun: boolean
  counts: MonthlyImportCounts
  errors: FieldError[]
  warnings: FieldError[]
  errorWorkbook?: Buffer
}

export interface MonthlyImportOptions {
  fileName: string
  data: Buffer
  dryRun: boolean
  /** web, api, cli */
  source: string
  /** the source reports January on its own (default: January is part of 1—2月) */
  allowJanuary?: boolean
  /** required to change figures of a closed period; kept on every revision this import writes */
  revisionReason?: string
  /** month-on-month jump factor flagged as implausible (default 5) */
  jumpFactor?: number
  /** the moment "future" is judged against (tests) */
  now?: Date
  onProgress?: (p: { phase: 'read' | 'write'; done: number; total?: number }) => void
}

// Monthly imports take turns (distinct from the registry's lock): the second re-reads what the first wrote.
const IMPORT_LOCK = sql`select pg_advisory_xact_lock(${0x67780002})`

/** A report being imported: what it says, what is wrong with it, and what its commit will do. */
export interface Row {
  rowNumber: number
  cellRefs: Record<string, string>
  errors: FieldError[]
  warnings: FieldError[]
  uscc: string | null
  period: Period | null
  numbers: MonthlyNumbers | null
  enterpriseId: number | null
  figures: MonthlyFigures | null
  outcome?: 'created' | 'revised' | 'unchanged'
  current?: CurrentReport | null
}

const err = (r: Row, field: string, code: string, zh: string, en: string, value?: unknown): FieldError => ({
  row: r.rowNumber, ...(r.cellRefs[field] ? { column: r.cellRefs[field] } : {}), field, code, message: { zh, en }, ...(value !== undefined ? { value } : {}),
})

function periodOf(raw: RawValue | undefined): string | number | Date | null {
  if (raw === null || raw === undefined || typeof raw === 'boolean' || typeof raw === 'object' && !(raw instanceof Date)) return null
  return raw
}

/**
 * The values of one report before any check, as a file row or the self-report form gives them: the USCC as typed,
 * the period as the cell holds it, the figures as numbers (null for an empty cell). `failed` names the fields whose
 * cell could not be read at all (their error is in `errors` already).
 */
export interface MonthlyRowInput {
  rowNumber: number
  /** field → column letter, for the messages and the error workbook ({} for a form) */
  cellRefs: Record<string, string>
  errors: FieldError[]
  failed: ReadonlySet<string | undefined>
  uscc: string | null
  period: string | number | Date | null
  /** the period as shown in messages */
  periodText: string | null
  values: Readonly<Record<string, number | null>>
}

/** One report checked on its own: USCC, period and figures (nothing from the database yet). */
export function rowOf(input: MonthlyRowInput, opts: Pick<MonthlyImportOptions, 'allowJanuary'>, now: Date): Row {
  const r: Row = { rowNumber: input.rowNumber, cellRefs: input.cellRefs, errors: [...input.errors], warnings: [], uscc: null, period: null, numbers: null, enterpriseId: null, figures: null }
  const failed = input.failed
  const usccText = input.uscc
  if (usccText === null) r.errors.push(err(r, 'uscc', 'usccMissing', '统一社会信用代码不能为空', 'the USCC is required'))
  else {
    const v = validateUscc(usccText)
    if (v.valid) r.uscc = v.code
    else for (const m of v.errors) r.errors.push(err(r, 'uscc', m.code, `统一社会信用代码“${usccText}”有误：${m.zh}`, `USCC "${usccText}" is invalid: ${m.en}`, usccText))
  }
  const rawPeriod = input.period
  if (!failed.has('period')) {
    if (rawPeriod === null) r.errors.push(err(r, 'period', 'periodMissing', '报告期不能为空', 'the reporting period is required'))
    else {
      const p = parsePeriod(rawPeriod, { allowJanuary: opts.allowJanuary ?? false })
      if (!p.ok) r.errors.push(err(r, 'period', p.error.code, p.error.zh, p.error.en, input.periodText))
      else if (isFuturePeriod(p.period, now)) {
        r.errors.push(err(r, 'period', 'periodInFuture', `报告期 ${periodLabel(p.period)} 尚未到来`, `the period ${p.period.year}-${String(p.period.month).padStart(2, '0')} is in the future`, input.periodText))
      } else r.period = p.period
    }
  }
  const num = (f: string) => input.values[f] ?? null
  if (monthlyValueFields.every((f) => !failed.has(f)) && !failed.has('employees')) {
    r.numbers = { ...(Object.fromEntries(monthlyValueFields.map((f) => [f, num(f)])) as Record<(typeof monthlyValueFields)[number], number | null>), employees: num('employees') }
    // the figures' own errors, whatever the database says about the enterprise; warnings come with its history
    const c = checkMonthlyReport(r.numbers, r.period?.month ?? 12, null)
    for (const e of c.errors) r.errors.push(err(r, e.field, e.message.code, e.message.zh, e.message.en, e.message.params?.value))
    r.figures = c.figures
  }
  return r
}

/** Reads one row of a file: its cells as the input of rowOf. */
function readRow(sr: SheetRow, periodIndex: number, opts: MonthlyImportOptions, now: Date): Row {
  const values: Record<string, number | null> = {}
  for (const f of [...monthlyValueFields, 'employees']) {
    const v = sr.values[f]
    values[f] = typeof v === 'number' ? v : null
  }
  return rowOf({
    rowNumber: sr.rowNumber, cellRefs: sr.cellRefs, errors: sr.errors, failed: new Set(sr.errors.map((e) => e.field)),
    uscc: asText(sr.values.uscc ?? null), period: periodOf(sr.cells[periodIndex]), periodText: asText(sr.values.period ?? null), values,
  }, opts, now)
}

/** Warnings against the enterprise's previous report of the year (from the file or the database). */
function checkFigures(r: Row, previous: PreviousReport | null, jumpFactor: number | undefined) {
  r.warnings = []
  if (!r.numbers || !r.period || !r.figures) return
  const c = checkMonthlyReport(r.numbers, r.period.month, previous, jumpFactor === undefined ? {} : { jumpFactor })
  for (const w of c.warnings) r.warnings.push(err(r, w.field, w.message.code, w.message.zh, w.message.en, w.message.params?.value))
}

export function countsOf(rows: readonly Row[]): MonthlyImportCounts {
  const rejected = rows.filter((r) => r.errors.length > 0).length
  const n = (o: Row['outcome']) => rows.filter((r) => r.outcome === o).length
  return { read: rows.length, accepted: rows.length - rejected, rejected, unchanged: n('unchanged'), created: n('created'), revised: n('revised') }
}

/** Looks up the database for every well-formed row: enterprise, scope, previous month, revision in force. */
async function reconcile(tx: Tx, actor: Actor, rows: Row[], opts: Pick<MonthlyImportOptions, 'jumpFactor'>) {
  const candidates = rows.filter((r) => r.uscc && r.period)
  const known = await loadEnterprises(tx, [...new Set(candidates.map((r) => r.uscc ?? ''))])
  const located: Row[] = []
  for (const r of candidates) {
    const e = known.get(r.uscc ?? '')
    if (!e) {
      r.errors.push(err(r, 'uscc', 'enterpriseUnknown', `统一社会信用代码 ${r.uscc} 不在企业名录中；请先在企业名录中登记该企业（导入名录后再导入本表）`, `USCC ${r.uscc} is not in the enterprise registry; register the enterprise first (import the registry, then this file)`, r.uscc))
    } else if (!scopeCoversEnterprise(actor.scope, { uscc: r.uscc ?? '', divisionCode: e.countyCode })) {
      r.errors.push(err(r, 'uscc', 'enterpriseOutsideScope', `企业 ${r.uscc} 不在您的管辖范围内`, `enterprise ${r.uscc} is outside your area`, r.uscc))
    } else {
      r.enterpriseId = e.id
      located.push(r)
    }
  }
  const ctx = await loadContext(tx, located.map((r) => ({ enterpriseId: r.enterpriseId ?? 0, year: r.period?.year ?? 0, month: r.period?.month ?? 0 })))
  // an earlier month of the same enterprise in the same file counts as its previous report
  const inFile = new Map<string, Row[]>()
  for (const r of located) {
    const k = `${r.enterpriseId}/${r.period?.year}`
    inFile.set(k, [...(inFile.get(k) ?? []), r])
  }
  located.forEach((r, i) => {
    const c = ctx[i]
    let previous = c?.previous ?? null
    for (const o of inFile.get(`${r.enterpriseId}/${r.period?.year}`) ?? []) {
      const om = o.period?.month ?? 0
      if (o === r || !o.numbers || om >= (r.period?.month ?? 0) || (previous && previous.month > om)) continue
      const t = (v: number | null) => (v === null ? null : String(v))
      previous = { month: om, figures: { grossOutputCum: t(o.numbers.grossOutputCum), revenueCum: t(o.numbers.revenueCum), electricityCum: t(o.numbers.electricityCum) } }
    }
    checkFigures(r, previous, opts.jumpFactor)
    r.current = c?.current ?? null
  })
}

/** Decides created / revised / unchanged; a change to a closed period needs a revision reason. */
function plan(rows: Row[], closed: ReadonlySet<string>, reason: string | undefined) {
  for (const r of rows) {
    delete r.outcome
    if (r.errors.length || !r.figures || !r.period) continue
    r.outcome = !r.current ? 'created' : sameFigures(r.current.figures, r.figures) ? 'unchanged' : 'revised'
    if (r.outcome !== 'unchanged' && closed.has(`${r.period.year}-${r.period.month}`) && !reason) {
      r.errors.push(err(r, 'period', 'periodClosed', `报告期 ${periodLabel(r.period)} 已关账发布，修改其数据须注明修订原因`, `period ${r.period.year}-${String(r.period.month).padStart(2, '0')} is closed for publication: changing it needs a revision reason`))
      delete r.outcome
    }
  }
}

/** The check under the commit's lock found errors (another writer changed something): nothing was written. */
export class RowsRefused extends Error {}

/** Looks up the database for the rows (enterprise, scope, history, revision in force) and decides each one's outcome. */
export async function reconcileRows(tx: Tx, actor: Actor, rows: Row[], opts: Pick<MonthlyImportOptions, 'jumpFactor'>, reason: string | undefined): Promise<void> {
  await reconcile(tx, actor, rows, opts)
  plan(rows, await closedPeriods(tx), reason)
}

export interface CommitSpec {
  /** the batch the revisions trace to */
  batch: BatchInput
  reason: string | undefined
  /** how the figures arrived (monthly_reports.source) */
  source: 'import' | 'selfReport'
  auditAction: string
  jumpFactor?: number | undefined
  onProgress?: MonthlyImportOptions['onProgress']
}

/**
 * Commits checked rows in one transaction: under the import lock the rows are checked again (another import may
 * have committed since), then the batch, a new revision for every new or changed report (the one in force is
 * superseded, never overwritten), the fact versions and the audit entry. Throws RowsRefused, writing nothing, when
 * the second check finds an error.
 */
export async function commitRows(db: Db, actor: Actor, rows: Row[], spec: CommitSpec): Promise<{ batchId: number; counts: MonthlyImportCounts }> {
  const { reason } = spec
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(IMPORT_LOCK)
      // read again under the lock: another import may have committed since the check above
      await reconcileRows(tx, actor, rows, { jumpFactor: spec.jumpFactor }, reason)
      if (rows.some((r) => r.errors.length)) throw new RowsRefused()
      const batchId = await insertBatch(tx, actor, spec.batch, 'committed', countsOf(rows))
      // taken after the lock, so that revisions are stamped in the order they were written
      const at = (await tx.execute<{ at: string | Date }>(sql`select clock_timestamp() as at`)).rows[0]?.at ?? new Date()
      const writes: RevisionWrite[] = rows.flatMap((r) =>
        r.outcome === 'created' || r.outcome === 'revised'
          ? [{ enterpriseId: r.enterpriseId ?? 0, year: r.period?.year ?? 0, month: r.period?.month ?? 0, figures: r.figures as MonthlyFigures, supersedes: r.current ? { id: r.current.id, revision: r.current.revision } : null, sourceRow: r.rowNumber }]
          : [],
      )
      await writeRevisions(tx, writes, batchId, new Date(at), reason ?? null, { source: spec.source, onChunk: (done) => spec.onProgress?.({ phase: 'write', done, total: writes.length }) })
      if (writes.length) await analyzeIfStale(tx, 'monthly_reports', writes.length)
      await noteFactsChanged(tx, 'monthly', [...new Map(writes.map((w) => [`${w.year}-${w.month}`, { year: w.year, month: w.month }])).values()])
      const counts = countsOf(rows)
      await finishBatch(tx, batchId, counts)
      await recordAudit(tx, actor, { action: spec.auditAction, entity: 'importBatch', entityId: batchId, batchId, detail: { fileName: spec.batch.fileName, fileSha256: fileSha256(spec.batch.data), status: 'committed', counts, ...(reason ? { revisionReason: reason } : {}) } })
      return { batchId, counts }
    })
  } catch (e) {
    if ((e as { code?: unknown }).code === '23505') {
      throw new AppError('CONFLICT', { summary: { zh: '导入期间同一报告期的数据被另行写入，请重新导入', en: 'reports of the same period were written during the import; import again' } })
    }
    throw e
  }
}

/**
 * Imports monthly enterprise statistics (.xlsx or CSV). Every row is checked; if any has an error nothing is
 * written (a rejected batch and a marked copy of the file are the result). Otherwise one transaction writes
 * the batch, a new revision for every new or changed report (the one in force is superseded, never
 * overwritten) and the audit entry. Re-importing the same file changes nothing.
 */
export async function importMonthlyReports(db: Db, actor: Actor, opts: MonthlyImportOptions): Promise<MonthlyImportResult> {
  if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN')
  const reason = opts.revisionReason?.trim() || undefined
  const now = opts.now ?? new Date()
  const sheet = await openSpreadsheet(opts.data, monthlySheetSpec, { fileName: opts.fileName })
  const warnings = [...sheet.warnings]
  const header = sheet.header
  if (!header || sheet.errors.length) {
    await sheet.close()
    return refuse(db, actor, opts, [], sheet.errors, warnings)
  }
  const periodIndex = header.columns.find((c) => c.field === 'period')?.index ?? -1
  const rows: Row[] = []
  for await (const sr of sheet.rows()) {
    rows.push(readRow(sr, periodIndex, opts, now))
    if (rows.length % 2000 === 0) opts.onProgress?.({ phase: 'read', done: rows.length })
  }
  opts.onProgress?.({ phase: 'read', done: rows.length, total: rows.length })
  if (rows.length === 0) return refuse(db, actor, opts, rows, [{ code: 'noRows', message: { zh: '文件中没有数据行（表头以下为空）', en: 'the file has no data rows below the header' } }], warnings)

  const byKey = new Map<string, Row[]>()
  for (const r of rows) {
    if (!r.uscc || !r.period) continue
    const k = `${r.uscc}/${r.period.year}-${r.period.month}`
    byKey.set(k, [...(byKey.get(k) ?? []), r])
  }
  for (const same of byKey.values()) {
    if (same.length < 2) continue
    for (const r of same) {
      const others = same.filter((o) => o !== r).map((o) => o.rowNumber)
      r.errors.push(err(r, 'uscc', 'duplicateInFile', `企业 ${r.uscc} 的报告期 ${r.period ? periodLabel(r.period) : ''} 在本文件中重复：另见第 ${others.join('、')} 行`, `enterprise ${r.uscc} has this period more than once in the file: see also row ${others.join(', ')}`, r.uscc))
    }
  }
  await reconcileRows(db, actor, rows, opts, reason)
  if (rows.some((r) => r.errors.length)) return refuse(db, actor, opts, rows, [], warnings)
  const allWarnings = () => [...warnings, ...rows.flatMap((r) => r.warnings)]
  if (opts.dryRun) return { batchId: null, dryRun: true, counts: countsOf(rows), errors: [], warnings: allWarnings() }

  try {
    const { batchId, counts } = await commitRows(db, actor, rows, {
      batch: { kind: 'monthly', fileName: opts.fileName, data: opts.data, source: opts.source }, reason, source: 'import', auditAction: 'reports.import',
      jumpFactor: opts.jumpFactor, onProgress: opts.onProgress,
    })
    return { batchId, dryRun: false, counts, errors: [], warnings: allWarnings() }
  } catch (e) {
    if (e instanceof RowsRefused) return refuse(db, actor, opts, rows, [], warnings)
    throw e
  }
}

/** The refusal: every error, the marked file, and (unless a dry run) a rejected batch with its audit entry. */
async function refuse(db: Db, actor: Actor, opts: MonthlyImportOptions, rows: Row[], fileErrors: FieldError[], warnings: FieldError[]): Promise<MonthlyImportResult> {
  for (const r of rows) delete r.outcome
  const errors = [...fileErrors, ...rows.flatMap((r) => r.errors)]
  const counts = countsOf(rows)
  const errorWorkbook = rows.some((r) => r.errors.length) ? await writeErrorWorkbook(opts.data, monthlySheetSpec, errors, { fileName: opts.fileName }) : undefined
  let batchId: number | null = null
  if (!opts.dryRun) {
    batchId = await db.transaction(async (tx) => {
      const id = await insertBatch(tx, actor, { kind: 'monthly', fileName: opts.fileName, data: opts.data, source: opts.source }, 'rejected', counts)
      await recordAudit(tx, actor, { action: 'reports.import', entity: 'importBatch', entityId: id, batchId: id, detail: { fileName: opts.fileName, fileSha256: fileSha256(opts.data), status: 'rejected', counts, errorCount: errors.length } })
      return id
    })
  }
  return { batchId, dryRun: opts.dryRun, counts, errors, warnings: [...warnings, ...rows.flatMap((r) => r.warnings)], ...(errorWorkbook ? { errorWorkbook } : {}) }
}
