import { sql } from 'drizzle-orm'
import {
  checkElectricityValue, electricityJumpWarning, isFuturePeriod, monthLabel, normalizeAccountNumber, parseMonth, sameEnterpriseName,
  scopeCoversDivision, sumDecimals, validateUscc, type MonthValue, type Period,
} from '@gongxin/domain'
import type { Db, Tx } from '../../db/index.ts'
import { analyzeIfStale } from '../../db/statistics.ts'
import type { Actor } from '../../http/context.ts'
import { AppError, type FieldError } from '../../lib/errors.ts'
import { fileSha256, finishBatch, insertBatch } from '../../lib/import-batch.ts'
import { writeErrorWorkbook } from '../../lib/spreadsheet/error-workbook.ts'
import { asText } from '../../lib/spreadsheet/normalize.ts'
import { openSpreadsheet } from '../../lib/spreadsheet/reader.ts'
import type { RawValue, SheetRow } from '../../lib/spreadsheet/types.ts'
import { recordAudit } from '../audit/service.ts'
import { noteFactsChanged } from '../dispatch/facts.ts'
import { closedPeriods, loadEnterprises, type KnownEnterprise } from '../reports/store.ts'
import { electricitySheetSpec } from './columns.ts'
import type { ReadingPart } from './schema.ts'
import { commitInstant, loadAccounts, loadReadingContext, writeAccounts, writeReadings, type AccountWrite, type CurrentReading, type ReadingWrite } from './store.ts'

/** Rows are counted as read; the outcomes count readings (an enterprise and month), which several account rows can make. */
export interface ElectricityImportCounts {
  read: number
  accepted: number
  rejected: number
  unchanged: number
  created: number
  revised: number
  /** accounts mapped to the enterprise of their row (only with mapNewAccounts) */
  mappedAccounts: number
}

export interface ElectricityImportResult {
  batchId: number | null
  dryRun: boolean
  counts: ElectricityImportCounts
  errors: FieldError[]
  warnings: FieldError[]
  errorWorkbook?: Buffer
}

export interface ElectricityImportOptions {
  fileName: string
  data: Buffer
  dryRun: boolean
  /** web, api, cli */
  source: string
  /** a row with an account number not mapped yet AND a USCC maps the account to that enterprise (default: an error) */
  mapNewAccounts?: boolean
  /** required to change a month closed for publication; kept on every revision this import writes */
  revisionReason?: string
  /** a month more than this many times the enterprise's recent average (or under 1/factor) is flagged (default 5) */
  jumpFactor?: number
  /** the moment "future" is judged against (tests) */
  now?: Date
  onProgress?: (p: { phase: 'read' | 'write'; done: number; total?: number }) => void
}

// Electricity imports and account mappings take turns (distinct from the registry's and the monthly import's locks).
export const ELECTRICITY_LOCK = sql`select pg_advisory_xact_lock(${0x67780003})`

interface Row {
  rowNumber: number
  cellRefs: Record<string, string>
  /** what the row says on its own (cells, USCC, account, month, value) and what the file says (duplicates) */
  ownErrors: FieldError[]
  /** ownErrors plus what the database says; recomputed by each evaluation */
  errors: FieldError[]
  warnings: FieldError[]
  uscc: string | null
  accountNumber: string | null
  name: string | null
  period: Period | null
  value: string | null
  enterprise: KnownEnterprise | null
  /** the account is mapped to the row's enterprise by this import */
  mapsAccount: boolean
}

/** One reading: an enterprise's month, from one row or the rows of its accounts. */
interface Group {
  enterpriseId: number
  period: Period
  rows: Row[]
  value: string | null
  current: CurrentReading | null
  outcome?: 'created' | 'revised' | 'unchanged'
}

const err = (r: Pick<Row, 'rowNumber' | 'cellRefs'>, field: string, code: string, zh: string, en: string, value?: unknown): FieldError => ({
  row: r.rowNumber, ...(r.cellRefs[field] ? { column: r.cellRefs[field] } : {}), field, code, message: { zh, en }, ...(value !== undefined ? { value } : {}),
})

const keyOf = (p: Period) => `${p.year}-${String(p.month).padStart(2, '0')}`

function periodOf(raw: RawValue | undefined): string | number | Date | null {
  if (raw === null || raw === undefined || typeof raw === 'boolean' || (typeof raw === 'object' && !(raw instanceof Date))) return null
  return raw
}

/** Reads one row: identifiers, month and value checked on their own. */
function readRow(sr: SheetRow, periodIndex: number, now: Date): Row {
  const r: Row = {
    rowNumber: sr.rowNumber, cellRefs: sr.cellRefs, ownErrors: [...sr.errors], errors: [], warnings: [],
    uscc: null, accountNumber: null, name: asText(sr.values.name ?? null), period: null, value: null, enterprise: null, mapsAccount: false,
  }
  const failed = new Set(sr.errors.map((e) => e.field))
  const usccText = asText(sr.values.uscc ?? null)
  const accountText = asText(sr.values.accountNumber ?? null)
  if (usccText !== null) {
    const v = validateUscc(usccText)
    if (v.valid) r.uscc = v.code
    else for (const m of v.errors) r.ownErrors.push(err(r, 'uscc', m.code, `统一社会信用代码“${usccText}”有误：${m.zh}`, `USCC "${usccText}" is invalid: ${m.en}`, usccText))
  }
  if (accountText !== null) {
    const a = normalizeAccountNumber(accountText)
    if (a.ok) r.accountNumber = a.accountNumber
    else r.ownErrors.push(err(r, 'accountNumber', a.error.code, a.error.zh, a.error.en, accountText))
  }
  if (usccText === null && accountText === null && !failed.has('uscc') && !failed.has('accountNumber')) {
    const field = r.cellRefs.accountNumber ? 'accountNumber' : 'uscc'
    r.ownErrors.push(err(r, field, 'identifierMissing', '统一社会信用代码与用电户号至少填一项', 'give the USCC or the account number (at least one)'))
  }
  if (!failed.has('period')) {
    const raw = periodOf(sr.cells[periodIndex])
    if (raw === null) r.ownErrors.push(err(r, 'period', 'periodMissing', '期间（月份）不能为空', 'the month is required'))
    else {
      const p = parseMonth(raw)
      const shown = asText(sr.values.period ?? null)
      if (!p.ok) r.ownErrors.push(err(r, 'period', p.error.code, p.error.zh, p.error.en, shown))
      else if (isFuturePeriod(p.period, now)) {
        r.ownErrors.push(err(r, 'period', 'periodInFuture', `期间 ${monthLabel(p.period)} 尚未到来`, `the month ${keyOf(p.period)} is in the future`, shown))
      } else r.period = p.period
    }
  }
  if (!failed.has('electricity')) {
    const v = sr.values.electricity
    const c = checkElectricityValue(typeof v === 'number' ? v : null)
    if (c.error) r.ownErrors.push(err(r, 'electricity', c.error.code, c.error.zh, c.error.en, c.error.params?.value))
    else r.value = c.value
  }
  return r
}

/** Errors that only the whole file shows: the same account (or the same enterprise without account) twice in a month. */
function checkDuplicates(rows: readonly Row[]) {
  const byKey = new Map<string, Row[]>()
  for (const r of rows) {
    if (!r.period || (!r.accountNumber && !r.uscc)) continue
    const k = r.accountNumber ? `a:${r.accountNumber}/${keyOf(r.period)}` : `u:${r.uscc}/${keyOf(r.period)}`
    byKey.set(k, [...(byKey.get(k) ?? []), r])
  }
  for (const same of byKey.values()) {
    if (same.length < 2) continue
    for (const r of same) {
      const others = same.filter((o) => o !== r).map((o) => o.rowNumber).join('、')
      const field = r.accountNumber ? 'accountNumber' : 'uscc'
      const who = r.accountNumber ? { zh: `用电户号 ${r.accountNumber}`, en: `account ${r.accountNumber}` } : { zh: `企业 ${r.uscc}`, en: `enterprise ${r.uscc}` }
      r.ownErrors.push(err(r, field, 'duplicateInFile', `${who.zh} 的 ${r.period ? monthLabel(r.period) : ''} 在本文件中重复：另见第 ${others} 行`, `${who.en} has month ${r.period ? keyOf(r.period) : ''} more than once in the file: see also row ${others.replace(/、/g, ', ')}`, r.accountNumber ?? r.uscc))
    }
  }
}

/** Finds every row's enterprise: by its account (mapped, or mapped now from its USCC) or by its USCC. */
async function resolveEnterprises(tx: Tx, actor: Actor, rows: Row[], opts: ElectricityImportOptions) {
  const accounts = await loadAccounts(tx, [...new Set(rows.flatMap((r) => (r.accountNumber ? [r.accountNumber] : [])))])
  const known = await loadEnterprises(tx, [...new Set(rows.flatMap((r) => (r.uscc ? [r.uscc] : [])))])
  // an account not mapped yet, named with different USCCs in the file, cannot be mapped from it
  const newAccountUsccs = new Map<string, Set<string>>()
  for (const r of rows) {
    if (r.accountNumber && r.uscc && !accounts.has(r.accountNumber)) newAccountUsccs.set(r.accountNumber, (newAccountUsccs.get(r.accountNumber) ?? new Set()).add(r.uscc))
  }
  for (const r of rows) {
    if (r.accountNumber) {
      const a = accounts.get(r.accountNumber)
      if (a) {
        if (r.uscc && r.uscc !== a.uscc) {
          r.errors.push(err(r, 'accountNumber', 'accountMismatch', `用电户号 ${r.accountNumber} 已关联企业 ${a.uscc}，与本行的统一社会信用代码 ${r.uscc} 不符；户号如已变更归属，请先在“户号对照”中修改`, `account ${r.accountNumber} is mapped to enterprise ${a.uscc}, not to this row's USCC ${r.uscc}; if the account changed hands, change the mapping first`, r.accountNumber))
          continue
        }
        if (!scopeCoversDivision(actor.scope, a.countyCode)) {
          r.errors.push(err(r, 'accountNumber', 'enterpriseOutsideScope', `用电户号 ${r.accountNumber} 所属企业不在您的管辖范围内`, `the enterprise of account ${r.accountNumber} is outside your area`, r.accountNumber))
          continue
        }
        r.enterprise = { id: a.enterpriseId, countyCode: a.countyCode, name: a.enterpriseName }
        continue
      }
      if (!r.uscc) {
        r.errors.push(err(r, 'accountNumber', 'accountUnknown', `用电户号 ${r.accountNumber} 尚未关联企业：请在“户号对照”中关联（或先导入户号对照表），也可在本行填写统一社会信用代码`, `account ${r.accountNumber} is not mapped to an enterprise: map it in the account table (or import the account mapping first), or give the USCC in this row`, r.accountNumber))
        continue
      }
      if ((newAccountUsccs.get(r.accountNumber)?.size ?? 0) > 1) {
        r.errors.push(err(r, 'accountNumber', 'accountConflictInFile', `尚未关联的用电户号 ${r.accountNumber} 在本文件中对应多个统一社会信用代码（${[...(newAccountUsccs.get(r.accountNumber) ?? [])].join('、')}），无法据此关联`, `account ${r.accountNumber}, not mapped yet, comes with several USCCs in this file (${[...(newAccountUsccs.get(r.accountNumber) ?? [])].join(', ')}); it cannot be mapped from it`, r.accountNumber))
        continue
      }
      if (!opts.mapNewAccounts && known.has(r.uscc)) {
        r.errors.push(err(r, 'accountNumber', 'accountUnknown', `用电户号 ${r.accountNumber} 尚未关联企业：选择“按本行信用代码关联新户号”即可关联到企业 ${r.uscc}，或在“户号对照”中关联`, `account ${r.accountNumber} is not mapped to an enterprise: choose "map new accounts to the row's USCC" to map it to ${r.uscc}, or map it in the account table`, r.accountNumber))
        continue
      }
    }
    if (!r.uscc) continue
    const e = known.get(r.uscc)
    if (!e) {
      r.errors.push(err(r, 'uscc', 'enterpriseUnknown', `统一社会信用代码 ${r.uscc} 不在企业名录中；请先在企业名录中登记该企业`, `USCC ${r.uscc} is not in the enterprise registry; register the enterprise first`, r.uscc))
    } else if (!scopeCoversDivision(actor.scope, e.countyCode)) {
      r.errors.push(err(r, 'uscc', 'enterpriseOutsideScope', `企业 ${r.uscc} 不在您的管辖范围内`, `enterprise ${r.uscc} is outside your area`, r.uscc))
    } else {
      r.enterprise = e
      r.mapsAccount = r.accountNumber !== null
    }
  }
}

/** Groups the located rows by enterprise and month; an enterprise's total row cannot stand beside its account rows. */
function groupRows(rows: readonly Row[]): Group[] {
  const by = new Map<string, Group>()
  for (const r of rows) {
    if (!r.enterprise || !r.period) continue
    const k = `${r.enterprise.id}/${keyOf(r.period)}`
    let g = by.get(k)
    if (!g) by.set(k, (g = { enterpriseId: r.enterprise.id, period: r.period, rows: [], value: null, current: null }))
    g.rows.push(r)
  }
  for (const g of by.values()) {
    const byUscc = g.rows.filter((r) => !r.accountNumber)
    if (g.rows.length > 1 && byUscc.length) {
      for (const r of byUscc) {
        const others = g.rows.filter((o) => o !== r).map((o) => o.rowNumber).join('、')
        r.errors.push(err(r, 'accountNumber', 'totalBesideAccounts', `本行未填用电户号，视为企业当月合计，但同一企业 ${monthLabel(g.period)} 另有按户号填报的行（第 ${others} 行）：请删去合计行，或删去各户号行`, `this row has no account number and counts as the enterprise's total, but the same enterprise has rows by account for ${keyOf(g.period)} (row ${others.replace(/、/g, ', ')}): keep either the total or the account rows`))
      }
    }
    const values = g.rows.map((r) => r.value)
    g.value = values.every((v): v is string => v !== null) ? sumDecimals(values) : null
  }
  return [...by.values()]
}

function countsOf(rows: readonly Row[], groups: readonly Group[]): ElectricityImportCounts {
  const rejected = rows.filter((r) => r.errors.length > 0).length
  const n = (o: Group['outcome']) => groups.filter((g) => g.outcome === o).length
  return {
    read: rows.length, accepted: rows.length - rejected, rejected, unchanged: n('unchanged'), created: n('created'), revised: n('revised'),
    mappedAccounts: new Set(rows.filter((r) => r.mapsAccount && !r.errors.length).map((r) => r.accountNumber)).size,
  }
}

/**
 * Everything the database says about the rows, from scratch (it runs again under the lock before a commit):
 * enterprises and accounts, the reading in force and the months before, closed months; then each group's outcome.
 */
async function evaluate(tx: Tx, actor: Actor, rows: Row[], opts: ElectricityImportOptions, reason: string | undefined): Promise<Group[]> {
  for (const r of rows) {
    r.errors = [...r.ownErrors]
    r.warnings = []
    r.enterprise = null
    r.mapsAccount = false
  }
  await resolveEnterprises(tx, actor, rows, opts)
  for (const r of rows) {
    if (r.enterprise && r.name && !sameEnterpriseName(r.name, r.enterprise.name)) {
      r.warnings.push(err(r, 'name', 'nameMismatch', `企业名称“${r.name}”与企业名录中的“${r.enterprise.name}”不一致，已按${r.accountNumber && !r.mapsAccount ? '用电户号' : '统一社会信用代码'}归属该企业`, `the name "${r.name}" differs from the registry's "${r.enterprise.name}"; the row was matched by its ${r.accountNumber && !r.mapsAccount ? 'account number' : 'USCC'}`, r.name))
    }
  }
  const groups = groupRows(rows)
  const ctx = await loadReadingContext(tx, groups.map((g) => ({ enterpriseId: g.enterpriseId, year: g.period.year, month: g.period.month })))
  // earlier months of the same enterprise in the same file count among its previous months
  const inFile = new Map<number, MonthValue[]>()
  for (const g of groups) if (g.value !== null) inFile.set(g.enterpriseId, [...(inFile.get(g.enterpriseId) ?? []), { ...g.period, value: g.value }])
  const closed = await closedPeriods(tx)
  groups.forEach((g, i) => {
    const c = ctx[i]
    g.current = c?.current ?? null
    const first = g.rows[0]
    if (!first || g.value === null || g.rows.some((r) => r.errors.length)) return
    const before = new Map((c?.previous ?? []).map((p) => [keyOf(p), p]))
    for (const p of inFile.get(g.enterpriseId) ?? []) if (keyOf(p) !== keyOf(g.period)) before.set(keyOf(p), p)
    const jump = electricityJumpWarning(g.period, Number(g.value), [...before.values()], opts.jumpFactor === undefined ? {} : { jumpFactor: opts.jumpFactor })
    if (jump) first.warnings.push(err(first, 'electricity', jump.code, jump.zh, jump.en, g.value))
    const accountsNow = new Set(g.rows.flatMap((r) => (r.accountNumber ? [r.accountNumber] : [])))
    const dropped = accountsNow.size ? (g.current?.accounts ?? []).filter((a) => !accountsNow.has(a)) : []
    if (dropped.length) {
      first.warnings.push(err(first, 'accountNumber', 'accountMissingFromSum', `该企业 ${monthLabel(g.period)} 现有用电量含户号 ${dropped.join('、')}，本文件没有该户号的行：导入后该月只计本文件中的户号`, `this enterprise's reading for ${keyOf(g.period)} includes account ${dropped.join(', ')}, which this file lacks: once imported, the month counts only the accounts in this file`))
    }
    g.outcome = !g.current ? 'created' : g.current.value === g.value ? 'unchanged' : 'revised'
    if (g.outcome !== 'unchanged' && closed.has(`${g.period.year}-${g.period.month}`) && !reason) {
      for (const r of g.rows) r.errors.push(err(r, 'period', 'periodClosed', `${monthLabel(g.period)} 已关账发布，修改其用电量须注明修订原因`, `month ${keyOf(g.period)} is closed for publication: changing it needs a revision reason`))
      delete g.outcome
    }
  })
  return groups
}

class Refused extends Error {}

/**
 * Imports the grid company's enterprise electricity (.xlsx or CSV): month values by account or USCC. Every row is
 * checked; if any has an error nothing is written (a rejected batch and a marked copy of the file are the result).
 * Otherwise one transaction writes the batch, the accounts mapped from the file (with mapNewAccounts), a new
 * revision for every new or changed reading (the one in force is superseded, never overwritten) and the audit
 * entry. Re-importing the same file changes nothing.
 */
export async function importElectricity(db: Db, actor: Actor, opts: ElectricityImportOptions): Promise<ElectricityImportResult> {
  if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN')
  const reason = opts.revisionReason?.trim() || undefined
  const now = opts.now ?? new Date()
  const sheet = await openSpreadsheet(opts.data, electricitySheetSpec, { fileName: opts.fileName })
  const warnings = [...sheet.warnings]
  const header = sheet.header
  if (!header || sheet.errors.length) {
    await sheet.close()
    return refuse(db, actor, opts, [], [], sheet.errors, warnings)
  }
  if (!header.fields.uscc && !header.fields.accountNumber) {
    await sheet.close()
    const where = sheet.sheetName ? { zh: `工作表“${sheet.sheetName}”`, en: `sheet "${sheet.sheetName}"` } : { zh: '文件', en: 'the file' }
    return refuse(db, actor, opts, [], [], [{ field: 'uscc', code: 'missingColumn', message: { zh: `${where.zh}须有“统一社会信用代码”或“用电户号”列（至少一列）`, en: `${where.en} needs a "统一社会信用代码" (uscc) or a "用电户号" (accountNumber) column` } }], warnings)
  }
  const periodIndex = header.columns.find((c) => c.field === 'period')?.index ?? -1
  const rows: Row[] = []
  for await (const sr of sheet.rows()) {
    rows.push(readRow(sr, periodIndex, now))
    if (rows.length % 2000 === 0) opts.onProgress?.({ phase: 'read', done: rows.length })
  }
  opts.onProgress?.({ phase: 'read', done: rows.length, total: rows.length })
  if (rows.length === 0) return refuse(db, actor, opts, rows, [], [{ code: 'noRows', message: { zh: '文件中没有数据行（表头以下为空）', en: 'the file has no data rows below the header' } }], warnings)
  checkDuplicates(rows)

  const groups = await evaluate(db, actor, rows, opts, reason)
  if (rows.some((r) => r.errors.length)) return refuse(db, actor, opts, rows, groups, [], warnings)
  const allWarnings = () => [...warnings, ...rows.flatMap((r) => r.warnings)]
  if (opts.dryRun) return { batchId: null, dryRun: true, counts: countsOf(rows, groups), errors: [], warnings: allWarnings() }

  try {
    return await db.transaction(async (tx) => {
      await tx.execute(ELECTRICITY_LOCK)
      // again under the lock: another import may have committed since the check above
      const final = await evaluate(tx, actor, rows, opts, reason)
      if (rows.some((r) => r.errors.length)) throw new Refused()
      const counts = countsOf(rows, final)
      const batchId = await insertBatch(tx, actor, { kind: 'electricity', fileName: opts.fileName, data: opts.data, source: opts.source }, 'committed', counts)
      const at = await commitInstant(tx)
      const mapped = new Map<string, AccountWrite>()
      for (const r of rows) {
        if (r.mapsAccount && r.accountNumber && r.enterprise && !mapped.has(r.accountNumber)) {
          mapped.set(r.accountNumber, { accountNumber: r.accountNumber, enterpriseId: r.enterprise.id, accountName: r.name, supersedes: null, sourceRow: r.rowNumber, note: null })
        }
      }
      await writeAccounts(tx, [...mapped.values()], batchId, at, actor.username)
      const writes: ReadingWrite[] = final.flatMap((g) => {
        if ((g.outcome !== 'created' && g.outcome !== 'revised') || g.value === null) return []
        const single = g.rows.length === 1 ? g.rows[0] : undefined
        const parts: ReadingPart[] | null = single ? null : g.rows.map((r) => ({ row: r.rowNumber, accountNumber: r.accountNumber ?? '', value: r.value ?? '0' }))
        return [{
          enterpriseId: g.enterpriseId, year: g.period.year, month: g.period.month, value: g.value, accountNumber: single?.accountNumber ?? null, parts,
          supersedes: g.current ? { id: g.current.id, revision: g.current.revision } : null, sourceRow: g.rows[0]?.rowNumber ?? null,
        }]
      })
      await writeReadings(tx, writes, batchId, at, reason ?? null, (done) => opts.onProgress?.({ phase: 'write', done, total: writes.length }))
      if (writes.length) await analyzeIfStale(tx, 'electricity_readings', writes.length)
      await noteFactsChanged(tx, 'electricity', [...new Map(writes.map((w) => [`${w.year}-${w.month}`, { year: w.year, month: w.month }])).values()])
      await finishBatch(tx, batchId, counts)
      await recordAudit(tx, actor, {
        action: 'electricity.import', entity: 'importBatch', entityId: batchId, batchId,
        detail: { fileName: opts.fileName, fileSha256: fileSha256(opts.data), status: 'committed', counts, ...(mapped.size ? { mappedAccounts: [...mapped.keys()] } : {}), ...(reason ? { revisionReason: reason } : {}) },
      })
      return { batchId, dryRun: false, counts, errors: [], warnings: allWarnings() }
    })
  } catch (e) {
    if (e instanceof Refused) return refuse(db, actor, opts, rows, [], [], warnings)
    if ((e as { code?: unknown }).code === '23505') {
      throw new AppError('CONFLICT', { summary: { zh: '导入期间同一企业同一月份的用电量或同一户号被另行写入，请重新导入', en: 'readings of the same enterprise and month, or the same account, were written during the import; import again' } })
    }
    throw e
  }
}

/** The refusal: every error, the marked file, and (unless a dry run) a rejected batch with its audit entry. */
async function refuse(db: Db, actor: Actor, opts: ElectricityImportOptions, rows: Row[], groups: Group[], fileErrors: FieldError[], warnings: FieldError[]): Promise<ElectricityImportResult> {
  for (const g of groups) delete g.outcome
  const errors = [...fileErrors, ...rows.flatMap((r) => r.errors)]
  const counts = countsOf(rows, [])
  counts.mappedAccounts = 0
  const errorWorkbook = rows.some((r) => r.errors.length) ? await writeErrorWorkbook(opts.data, electricitySheetSpec, errors, { fileName: opts.fileName }) : undefined
  let batchId: number | null = null
  if (!opts.dryRun) {
    batchId = await db.transaction(async (tx) => {
      const id = await insertBatch(tx, actor, { kind: 'electricity', fileName: opts.fileName, data: opts.data, source: opts.source }, 'rejected', counts)
      await recordAudit(tx, actor, { action: 'electricity.import', entity: 'importBatch', entityId: id, batchId: id, detail: { fileName: opts.fileName, fileSha256: fileSha256(opts.data), status: 'rejected', counts, errorCount: errors.length } })
      return id
    })
  }
  return { batchId, dryRun: opts.dryRun, counts, errors, warnings: [...warnings, ...rows.flatMap((r) => r.warnings)], ...(errorWorkbook ? { errorWorkbook } : {}) }
}
