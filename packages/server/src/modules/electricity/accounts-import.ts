import { normalizeAccountNumber, scopeCoversDivision, validateUscc } from '@gongxin/domain'
import type { Db, Tx } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { AppError, type FieldError } from '../../lib/errors.ts'
import { fileSha256, finishBatch, insertBatch } from '../../lib/import-batch.ts'
import { writeErrorWorkbook } from '../../lib/spreadsheet/error-workbook.ts'
import { asText } from '../../lib/spreadsheet/normalize.ts'
import { openSpreadsheet } from '../../lib/spreadsheet/reader.ts'
import type { SheetRow } from '../../lib/spreadsheet/types.ts'
import { recordAudit } from '../audit/service.ts'
import { loadEnterprises, type KnownEnterprise } from '../reports/store.ts'
import { gridAccountSheetSpec } from './columns.ts'
import { ELECTRICITY_LOCK } from './import.ts'
import { commitInstant, loadAccounts, writeAccounts, type AccountWrite, type KnownAccount } from './store.ts'

export interface GridAccountImportCounts {
  read: number
  accepted: number
  rejected: number
  unchanged: number
  created: number
  /** re-mapped to another enterprise, or renamed: a new revision of the mapping */
  revised: number
}

export interface GridAccountImportResult {
  batchId: number | null
  dryRun: boolean
  counts: GridAccountImportCounts
  errors: FieldError[]
  warnings: FieldError[]
  errorWorkbook?: Buffer
}

export interface GridAccountImportOptions {
  fileName: string
  data: Buffer
  dryRun: boolean
  source: string
  onProgress?: (p: { phase: 'read' | 'write'; done: number; total?: number }) => void
}

interface Row {
  rowNumber: number
  cellRefs: Record<string, string>
  ownErrors: FieldError[]
  errors: FieldError[]
  warnings: FieldError[]
  accountNumber: string | null
  uscc: string | null
  accountName: string | null
  enterprise: KnownEnterprise | null
  current: KnownAccount | null
  outcome?: 'created' | 'revised' | 'unchanged'
}

const err = (r: Row, field: string, code: string, zh: string, en: string, value?: unknown): FieldError => ({
  row: r.rowNumber, ...(r.cellRefs[field] ? { column: r.cellRefs[field] } : {}), field, code, message: { zh, en }, ...(value !== undefined ? { value } : {}),
})

function readRow(sr: SheetRow): Row {
  const r: Row = { rowNumber: sr.rowNumber, cellRefs: sr.cellRefs, ownErrors: [...sr.errors], errors: [], warnings: [], accountNumber: null, uscc: null, accountName: asText(sr.values.accountName ?? null), enterprise: null, current: null }
  const accountText = asText(sr.values.accountNumber ?? null)
  if (accountText === null) r.ownErrors.push(err(r, 'accountNumber', 'accountNumberMissing', '用电户号不能为空', 'the account number is required'))
  else {
    const a = normalizeAccountNumber(accountText)
    if (a.ok) r.accountNumber = a.accountNumber
    else r.ownErrors.push(err(r, 'accountNumber', a.error.code, a.error.zh, a.error.en, accountText))
  }
  const usccText = asText(sr.values.uscc ?? null)
  if (usccText === null) r.ownErrors.push(err(r, 'uscc', 'usccMissing', '统一社会信用代码不能为空', 'the USCC is required'))
  else {
    const v = validateUscc(usccText)
    if (v.valid) r.uscc = v.code
    else for (const m of v.errors) r.ownErrors.push(err(r, 'uscc', m.code, `统一社会信用代码“${usccText}”有误：${m.zh}`, `USCC "${usccText}" is invalid: ${m.en}`, usccText))
  }
  return r
}

function checkDuplicates(rows: readonly Row[]) {
  const by = new Map<string, Row[]>()
  for (const r of rows) if (r.accountNumber) by.set(r.accountNumber, [...(by.get(r.accountNumber) ?? []), r])
  for (const same of by.values()) {
    if (same.length < 2) continue
    for (const r of same) {
      const others = same.filter((o) => o !== r).map((o) => o.rowNumber)
      r.ownErrors.push(err(r, 'accountNumber', 'duplicateInFile', `用电户号 ${r.accountNumber} 在本文件中重复：另见第 ${others.join('、')} 行`, `account ${r.accountNumber} appears more than once in the file: see also row ${others.join(', ')}`, r.accountNumber))
    }
  }
}

/** Enterprise and mapping in force of each row; created, re-mapped (or renamed) or unchanged. */
async function evaluate(tx: Tx, actor: Actor, rows: Row[]) {
  const known = await loadEnterprises(tx, [...new Set(rows.flatMap((r) => (r.uscc ? [r.uscc] : [])))])
  const accounts = await loadAccounts(tx, [...new Set(rows.flatMap((r) => (r.accountNumber ? [r.accountNumber] : [])))])
  for (const r of rows) {
    r.errors = [...r.ownErrors]
    r.enterprise = null
    r.current = null
    delete r.outcome
    if (r.uscc) {
      const e = known.get(r.uscc)
      if (!e) r.errors.push(err(r, 'uscc', 'enterpriseUnknown', `统一社会信用代码 ${r.uscc} 不在企业名录中；请先在企业名录中登记该企业`, `USCC ${r.uscc} is not in the enterprise registry; register the enterprise first`, r.uscc))
      else if (!scopeCoversDivision(actor.scope, e.countyCode)) r.errors.push(err(r, 'uscc', 'enterpriseOutsideScope', `企业 ${r.uscc} 不在您的管辖范围内`, `enterprise ${r.uscc} is outside your area`, r.uscc))
      else r.enterprise = e
    }
    const current = r.accountNumber ? accounts.get(r.accountNumber) ?? null : null
    if (current && r.enterprise && current.enterpriseId !== r.enterprise.id && !scopeCoversDivision(actor.scope, current.countyCode)) {
      r.errors.push(err(r, 'accountNumber', 'accountOutsideScope', `用电户号 ${r.accountNumber} 现属您管辖范围以外的企业，不能改为关联本行企业；请联系上级部门`, `account ${r.accountNumber} belongs to an enterprise outside your area and cannot be re-mapped here; ask the level above`, r.accountNumber))
    }
    r.current = current
    if (r.errors.length || !r.enterprise) continue
    r.outcome = !current ? 'created' : current.enterpriseId === r.enterprise.id && (current.accountName ?? null) === (r.accountName ?? current.accountName ?? null) ? 'unchanged' : 'revised'
  }
}

function countsOf(rows: readonly Row[]): GridAccountImportCounts {
  const rejected = rows.filter((r) => r.errors.length).length
  const n = (o: Row['outcome']) => rows.filter((r) => r.outcome === o).length
  return { read: rows.length, accepted: rows.length - rejected, rejected, unchanged: n('unchanged'), created: n('created'), revised: n('revised') }
}

class Refused extends Error {}

/**
 * Imports the account mapping (户号对照: 用电户号, 统一社会信用代码, 户名). A new account is mapped (revision 1); an
 * account mapped to another enterprise is re-mapped (the mapping in force is superseded and kept); an empty 户名
 * keeps the name known. All or nothing, idempotent, audited, like every import.
 */
export async function importGridAccounts(db: Db, actor: Actor, opts: GridAccountImportOptions): Promise<GridAccountImportResult> {
  if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN')
  const sheet = await openSpreadsheet(opts.data, gridAccountSheetSpec, { fileName: opts.fileName })
  const warnings = [...sheet.warnings]
  if (!sheet.header || sheet.errors.length) {
    await sheet.close()
    return refuse(db, actor, opts, [], sheet.errors, warnings)
  }
  const rows: Row[] = []
  for await (const sr of sheet.rows()) {
    rows.push(readRow(sr))
    if (rows.length % 2000 === 0) opts.onProgress?.({ phase: 'read', done: rows.length })
  }
  opts.onProgress?.({ phase: 'read', done: rows.length, total: rows.length })
  if (!rows.length) return refuse(db, actor, opts, rows, [{ code: 'noRows', message: { zh: '文件中没有数据行（表头以下为空）', en: 'the file has no data rows below the header' } }], warnings)
  checkDuplicates(rows)
  await evaluate(db, actor, rows)
  if (rows.some((r) => r.errors.length)) return refuse(db, actor, opts, rows, [], warnings)
  if (opts.dryRun) return { batchId: null, dryRun: true, counts: countsOf(rows), errors: [], warnings }
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(ELECTRICITY_LOCK)
      await evaluate(tx, actor, rows)
      if (rows.some((r) => r.errors.length)) throw new Refused()
      const counts = countsOf(rows)
      const batchId = await insertBatch(tx, actor, { kind: 'gridAccounts', fileName: opts.fileName, data: opts.data, source: opts.source }, 'committed', counts)
      const writes: AccountWrite[] = rows.flatMap((r) =>
        (r.outcome === 'created' || r.outcome === 'revised') && r.accountNumber && r.enterprise
          ? [{ accountNumber: r.accountNumber, enterpriseId: r.enterprise.id, accountName: r.accountName ?? r.current?.accountName ?? null, supersedes: r.current ? { id: r.current.id, revision: r.current.revision } : null, sourceRow: r.rowNumber, note: null }]
          : [],
      )
      await writeAccounts(tx, writes, batchId, await commitInstant(tx), actor.username)
      opts.onProgress?.({ phase: 'write', done: writes.length, total: writes.length })
      await finishBatch(tx, batchId, counts)
      const remapped = rows.filter((r) => r.outcome === 'revised' && r.current && r.enterprise && r.current.enterpriseId !== r.enterprise.id)
      await recordAudit(tx, actor, {
        action: 'electricity.accounts.import', entity: 'importBatch', entityId: batchId, batchId,
        detail: { fileName: opts.fileName, fileSha256: fileSha256(opts.data), status: 'committed', counts, ...(remapped.length ? { remapped: remapped.map((r) => ({ accountNumber: r.accountNumber, from: r.current?.uscc, to: r.uscc })) } : {}) },
      })
      return { batchId, dryRun: false, counts, errors: [], warnings }
    })
  } catch (e) {
    if (e instanceof Refused) return refuse(db, actor, opts, rows, [], warnings)
    if ((e as { code?: unknown }).code === '23505') {
      throw new AppError('CONFLICT', { summary: { zh: '导入期间同一户号被另行写入，请重新导入', en: 'the same account was written during the import; import again' } })
    }
    throw e
  }
}

async function refuse(db: Db, actor: Actor, opts: GridAccountImportOptions, rows: Row[], fileErrors: FieldError[], warnings: FieldError[]): Promise<GridAccountImportResult> {
  for (const r of rows) delete r.outcome
  const errors = [...fileErrors, ...rows.flatMap((r) => r.errors)]
  const counts = countsOf(rows)
  const errorWorkbook = rows.some((r) => r.errors.length) ? await writeErrorWorkbook(opts.data, gridAccountSheetSpec, errors, { fileName: opts.fileName }) : undefined
  let batchId: number | null = null
  if (!opts.dryRun) {
    batchId = await db.transaction(async (tx) => {
      const id = await insertBatch(tx, actor, { kind: 'gridAccounts', fileName: opts.fileName, data: opts.data, source: opts.source }, 'rejected', counts)
      await recordAudit(tx, actor, { action: 'electricity.accounts.import', entity: 'importBatch', entityId: id, batchId: id, detail: { fileName: opts.fileName, fileSha256: fileSha256(opts.data), status: 'rejected', counts, errorCount: errors.length } })
      return id
    })
  }
  return { batchId, dryRun: opts.dryRun, counts, errors, warnings, ...(errorWorkbook ? { errorWorkbook } : {}) }
}
