import { sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/index.ts'
import { analyzeIfStale } from '../../db/statistics.ts'
import type { Actor } from '../../http/context.ts'
import { AppError, type FieldError } from '../../lib/errors.ts'
import { fileSha256, finishBatch, insertBatch } from '../../lib/import-batch.ts'
import { writeErrorWorkbook } from '../../lib/spreadsheet/error-workbook.ts'
import { openSpreadsheet } from '../../lib/spreadsheet/reader.ts'
import type { HeaderMap, SheetRow, SheetSpec } from '../../lib/spreadsheet/types.ts'
import { recordAudit } from '../audit/service.ts'
import { noteFactsChanged, type FactKind, type FactPeriod } from '../dispatch/facts.ts'

/*
 * The import of a file of regional facts (official statistics, targets): the same steps as the monthly
 * statistics import (modules/reports/import.ts), with what differs between the two given by a spec. Every row
 * is checked; when any row has an error nothing is written (a rejected batch, and the file with its bad cells
 * marked). Otherwise one transaction, holding the kind's advisory lock, writes the batch, a new revision of every
 * new or changed figure (the one in force is superseded, never overwritten), the fact versions and the audit
 * entry. Re-importing the same file changes nothing.
 */

export interface FactImportCounts {
  read: number
  accepted: number
  rejected: number
  unchanged: number
  created: number
  revised: number
}

export interface FactImportResult {
  batchId: number | null
  dryRun: boolean
  counts: FactImportCounts
  errors: FieldError[]
  warnings: FieldError[]
  errorWorkbook?: Buffer
}

export interface FactImportOptions {
  fileName: string
  data: Buffer
  dryRun: boolean
  /** web, api, cli */
  source: string
  /** required to change figures of a period closed for publication; kept on every revision the import writes */
  revisionReason?: string
  /** the moment "future" is judged against (tests) */
  now?: Date
  onProgress?: (p: { phase: 'read' | 'write'; done: number; total?: number }) => void
}

/** One data row as an importer reads it. */
export interface FactRow {
  rowNumber: number
  cellRefs: Record<string, string>
  errors: FieldError[]
  warnings: FieldError[]
  /** what the row is a figure of (region, indicator, period), null when that could not be read */
  key: string | null
  /** what the duplicate message names: 湖南省 2025年1-11月“规模以上工业增加值增速” */
  label: { zh: string; en: string }
  /** the field a duplicate or a closed period is reported on */
  keyField: string
  outcome?: 'created' | 'revised' | 'unchanged'
}

/** The revision in force of a figure. */
export interface CurrentFact {
  id: number
  revision: number
}

export interface FactWrite<R, C> {
  row: R
  current: C | null
}

export interface FactImportSpec<R extends FactRow, C extends CurrentFact, Ctx> {
  /** the batch kind and the fact kind */
  kind: Extract<FactKind, 'officialStats' | 'targets'>
  table: 'official_stats' | 'targets'
  auditAction: string
  sheet: SheetSpec
  /** the advisory lock the kind's imports take turns on */
  lock: number
  /** file-level errors the reader does not know about (a column needed unless another is present) */
  checkHeader?(header: HeaderMap): FieldError[]
  /** what reading rows needs from the database (the division table, the actor's scope) */
  prepare(tx: Tx, actor: Actor, now: Date): Promise<Ctx>
  readRow(sr: SheetRow, header: HeaderMap, ctx: Ctx): R
  /** the figures in force for the rows' keys */
  loadCurrent(tx: Tx, rows: readonly R[]): Promise<Map<string, C>>
  same(current: C, row: R): boolean
  /** keys of the periods closed for publication: a change there needs a revision reason */
  closedError?(tx: Tx): Promise<(row: R) => FieldError | null>
  write(tx: Tx, writes: readonly FactWrite<R, C>[], batchId: number, at: Date, reason: string | null, actor: Actor): Promise<void>
  periods(rows: readonly R[]): FactPeriod[]
}

const countsOf = (rows: readonly FactRow[]): FactImportCounts => {
  const rejected = rows.filter((r) => r.errors.length > 0).length
  const n = (o: FactRow['outcome']) => rows.filter((r) => r.outcome === o).length
  return { read: rows.length, accepted: rows.length - rejected, rejected, unchanged: n('unchanged'), created: n('created'), revised: n('revised') }
}

/** A row error at the row's cell of `field` (the row alone when the file has no such column). */
export function rowError(r: Pick<FactRow, 'rowNumber' | 'cellRefs'>, field: string, code: string, zh: string, en: string, value?: unknown): FieldError {
  return { row: r.rowNumber, ...(r.cellRefs[field] ? { column: r.cellRefs[field] } : {}), field, code, message: { zh, en }, ...(value !== undefined ? { value } : {}) }
}

class Refused extends Error {}

export async function importFacts<R extends FactRow, C extends CurrentFact, Ctx>(spec: FactImportSpec<R, C, Ctx>, db: Db, actor: Actor, opts: FactImportOptions): Promise<FactImportResult> {
  if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN')
  const reason = opts.revisionReason?.trim() || undefined
  const now = opts.now ?? new Date()
  const sheet = await openSpreadsheet(opts.data, spec.sheet, { fileName: opts.fileName })
  const warnings = [...sheet.warnings]
  const header = sheet.header
  const headerErrors = header ? [...sheet.errors, ...(spec.checkHeader?.(header) ?? [])] : sheet.errors
  if (!header || headerErrors.length) {
    await sheet.close()
    return refuse(spec, db, actor, opts, [], headerErrors, warnings)
  }
  const ctx = await spec.prepare(db, actor, now)
  const rows: R[] = []
  for await (const sr of sheet.rows()) {
    rows.push(spec.readRow(sr, header, ctx))
    if (rows.length % 2000 === 0) opts.onProgress?.({ phase: 'read', done: rows.length })
  }
  opts.onProgress?.({ phase: 'read', done: rows.length, total: rows.length })
  if (rows.length === 0) return refuse(spec, db, actor, opts, rows, [{ code: 'noRows', message: { zh: '文件中没有数据行（表头以下为空）', en: 'the file has no data rows below the header' } }], warnings)

  const byKey = new Map<string, R[]>()
  for (const r of rows) if (r.key !== null) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r])
  for (const same of byKey.values()) {
    if (same.length < 2) continue
    for (const r of same) {
      const others = same.filter((o) => o !== r).map((o) => o.rowNumber)
      r.errors.push(rowError(r, r.keyField, 'duplicateInFile', `${r.label.zh} 在本文件中重复：另见第 ${others.join('、')} 行`, `${r.label.en} appears more than once in the file: see also row ${others.join(', ')}`))
    }
  }

  const plan = async (tx: Tx) => {
    const candidates = rows.filter((r) => r.key !== null && r.errors.length === 0)
    const current = await spec.loadCurrent(tx, candidates)
    const closed = spec.closedError ? await spec.closedError(tx) : () => null
    const writes: FactWrite<R, C>[] = []
    for (const r of rows) {
      delete r.outcome
      if (r.key === null || r.errors.length) continue
      const c = current.get(r.key) ?? null
      const outcome = !c ? 'created' : spec.same(c, r) ? 'unchanged' : 'revised'
      if (outcome !== 'unchanged' && !reason) {
        const e = closed(r)
        if (e) {
          r.errors.push(e)
          continue
        }
      }
      r.outcome = outcome
      if (outcome !== 'unchanged') writes.push({ row: r, current: c })
    }
    return writes
  }

  await plan(db)
  if (rows.some((r) => r.errors.length)) return refuse(spec, db, actor, opts, rows, [], warnings)
  const allWarnings = () => [...warnings, ...rows.flatMap((r) => r.warnings)]
  if (opts.dryRun) return { batchId: null, dryRun: true, counts: countsOf(rows), errors: [], warnings: allWarnings() }

  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${spec.lock})`)
      // read again under the lock: another import may have committed since the check above
      const writes = await plan(tx)
      if (rows.some((r) => r.errors.length)) throw new Refused()
      const batchId = await insertBatch(tx, actor, { kind: spec.kind, fileName: opts.fileName, data: opts.data, source: opts.source }, 'committed', countsOf(rows))
      // taken after the lock, so that revisions are stamped in the order they were written
      const at = (await tx.execute<{ at: string | Date }>(sql`select clock_timestamp() as at`)).rows[0]?.at ?? new Date()
      opts.onProgress?.({ phase: 'write', done: 0, total: writes.length })
      await spec.write(tx, writes, batchId, new Date(at), reason ?? null, actor)
      opts.onProgress?.({ phase: 'write', done: writes.length, total: writes.length })
      if (writes.length) await analyzeIfStale(tx, spec.table, writes.length)
      await noteFactsChanged(tx, spec.kind, spec.periods(writes.map((w) => w.row)))
      const counts = countsOf(rows)
      await finishBatch(tx, batchId, counts)
      await recordAudit(tx, actor, {
        action: spec.auditAction, entity: 'importBatch', entityId: batchId, batchId,
        detail: { fileName: opts.fileName, fileSha256: fileSha256(opts.data), status: 'committed', counts, ...(reason ? { revisionReason: reason } : {}) },
      })
      return { batchId, dryRun: false, counts, errors: [], warnings: allWarnings() }
    })
  } catch (e) {
    if (e instanceof Refused) return refuse(spec, db, actor, opts, rows, [], warnings)
    if ((e as { code?: unknown }).code === '23505') {
      throw new AppError('CONFLICT', { summary: { zh: '导入期间相同的数据被另行写入，请重新导入', en: 'the same figures were written during the import; import again' } })
    }
    throw e
  }
}

/** The refusal: every error, the marked file, and (unless a dry run) a rejected batch with its audit entry. */
async function refuse<R extends FactRow, C extends CurrentFact, Ctx>(
  spec: FactImportSpec<R, C, Ctx>, db: Db, actor: Actor, opts: FactImportOptions, rows: R[], fileErrors: FieldError[], warnings: FieldError[],
): Promise<FactImportResult> {
  for (const r of rows) delete r.outcome
  const errors = [...fileErrors, ...rows.flatMap((r) => r.errors)]
  const counts = countsOf(rows)
  const errorWorkbook = rows.some((r) => r.errors.length) ? await writeErrorWorkbook(opts.data, spec.sheet, errors, { fileName: opts.fileName }) : undefined
  let batchId: number | null = null
  if (!opts.dryRun) {
    batchId = await db.transaction(async (tx) => {
      const id = await insertBatch(tx, actor, { kind: spec.kind, fileName: opts.fileName, data: opts.data, source: opts.source }, 'rejected', counts)
      await recordAudit(tx, actor, { action: spec.auditAction, entity: 'importBatch', entityId: id, batchId: id, detail: { fileName: opts.fileName, fileSha256: fileSha256(opts.data), status: 'rejected', counts, errorCount: errors.length } })
      return id
    })
  }
  return { batchId, dryRun: opts.dryRun, counts, errors, warnings: [...warnings, ...rows.flatMap((r) => r.warnings)], ...(errorWorkbook ? { errorWorkbook } : {}) }
}
