import { and, desc, eq, sql } from 'drizzle-orm'
import { analyzeIfStale, mergeNameIndex } from '../../db/statistics.ts'
import { scopeCoversDivision, validateUscc } from '@gongxin/domain'
import type { Db, Tx } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { AppError, type FieldError } from '../../lib/errors.ts'
import { fileSha256, finishBatch, insertBatch } from '../../lib/import-batch.ts'
import { writeErrorWorkbook } from '../../lib/spreadsheet/error-workbook.ts'
import { asText, parseYesNo, splitList } from '../../lib/spreadsheet/normalize.ts'
import { openSpreadsheet } from '../../lib/spreadsheet/reader.ts'
import type { CellValue, ColumnSpec, SheetSpec } from '../../lib/spreadsheet/types.ts'
import { recordAudit } from '../audit/service.ts'
import { importBatches } from '../imports/schema.ts'
import type { EnterpriseRow } from './repository.ts'
import { enterpriseScaleStatus, enterprises } from './schema.ts'
import { insertMany, planWrite, updateMany, type Registered } from './bulk-write.ts'
import { loadReferenceLookup, type WriteOutcome } from './service.ts'
import { validateEnterpriseInput, type CleanEnterprise, type EnterpriseInput } from './validate.ts'

/** A column of the enterprise registry file, with what the template and the docs say about it. */
export interface EnterpriseColumn extends ColumnSpec {
  format: { zh: string; en: string }
  example: string
}

/** The registry file's columns, in the order of the template and of every export (so an export re-imports unchanged). */
export const enterpriseColumns: readonly EnterpriseColumn[] = [
  { field: 'uscc', header: '统一社会信用代码', aliases: ['uscc', '社会信用代码', '信用代码', 'credit code'], required: true, format: { zh: '18 位，GB 32100-2015', en: '18 characters, GB 32100-2015' }, example: '91430102MA4L16JQ9A' },
  { field: 'name', header: '企业名称', aliases: ['name', '单位名称', '单位详细名称', 'enterprise name'], required: true, format: { zh: '全称，不超过 100 字', en: 'full name, up to 100 characters' }, example: '长沙芙蓉精密机械有限公司' },
  { field: 'countyCode', header: '所在县区代码', aliases: ['countyCode', '县区代码', '区划代码', '行政区划代码', 'county code'], required: true, format: { zh: '6 位县级行政区划代码（GB/T 2260）', en: '6-digit county division code (GB/T 2260)' }, example: '430102' },
  { field: 'park', header: '所属园区', aliases: ['park', 'parkName', '园区', '园区名称'], format: { zh: '园区名称，须为系统中已有的园区；可空', en: 'a park name known to the system; may be empty' }, example: '浏阳经济技术开发区' },
  { field: 'industryCode', header: '行业代码', aliases: ['industryCode', '国民经济行业代码', '行业类别代码', 'industry code'], required: true, format: { zh: 'GB/T 4754-2017 大类（2 位）或更细（3–4 位），可带门类字母', en: 'GB/T 4754-2017 division (2 digits) or finer (3–4), section letter allowed' }, example: '3411' },
  { field: 'foundedOn', header: '成立日期', aliases: ['foundedOn', '成立时间', '开业日期', 'founded'], kind: 'date', format: { zh: '日期，如 2010-05-01、2010/5/1、2010年5月1日', en: 'a date, e.g. 2010-05-01' }, example: '2010-05-01' },
  { field: 'ownership', header: '登记注册类型', aliases: ['ownership', '企业类型', '注册类型', 'registration type'], format: { zh: '如 有限责任公司、股份有限公司、私营企业', en: 'e.g. 有限责任公司, 股份有限公司, 私营企业' }, example: '有限责任公司' },
  { field: 'aboveScale', header: '是否规上', aliases: ['aboveScale', '是否规模以上', '规上企业', 'above scale'], format: { zh: '是/否（也接受 true/false、1/0、Y/N）；空表示不改变', en: '是/否 (also true/false, 1/0, Y/N); empty leaves it unchanged' }, example: '是' },
  { field: 'aboveScaleYear', header: '规上年度', aliases: ['aboveScaleYear', 'above scale year'], kind: 'number', format: { zh: '“是否规上”适用的年度；空表示今年', en: 'the year 是否规上 applies to; empty means this year' }, example: '2025' },
  { field: 'aboveScaleReason', header: '规上变动原因', aliases: ['aboveScaleReason', '变动原因'], format: { zh: '如 入规、退规、新建投产', en: 'e.g. 入规, 退规, 新建投产' }, example: '入规' },
  { field: 'employees', header: '从业人员', aliases: ['employees', '从业人员数', '从业人员期末人数', '年末从业人员'], kind: 'number', format: { zh: '人数，非负整数', en: 'head count, a whole number ≥ 0' }, example: '120' },
  { field: 'tags', header: '标签', aliases: ['tags'], format: { zh: '多个标签以 、 , ， ; 分隔', en: 'several tags separated by 、 , ， or ;' }, example: '专精特新、高新技术企业' },
]

/** Read-only columns of an export; accepted back without a warning and ignored. */
export const enterpriseExportExtras = ['所在地区', '行业名称', '营业收入（万元）'] as const

export const enterpriseSheetSpec: SheetSpec = { columns: enterpriseColumns, ignore: enterpriseExportExtras }

export interface ImportCounts {
  read: number
  accepted: number
  rejected: number
  unchanged: number
  created: number
  updated: number
}

export interface ImportResult {
  /** the import_batches row: committed, or rejected; null for a dry run */
  batchId: number | null
  dryRun: boolean
  counts: ImportCounts
  errors: FieldError[]
  warnings: FieldError[]
  /** the file with bad cells marked, when rows were refused */
  errorWorkbook?: Buffer
}

export interface ImportOptions {
  fileName: string
  data: Buffer
  dryRun: boolean
  /** where the file came from, for the batch record: web, api, cli */
  source: string
  onProgress?: (p: { phase: 'read' | 'write'; done: number; total?: number }) => void
}

// Columns whose absence from a file means "leave as registered" (an empty cell in a present column clears).
const KEEP_WHEN_ABSENT = { park: 'parkId', foundedOn: 'foundedOn', ownership: 'ownership', tags: 'tags', employees: 'employees' } as const
// Imports of the registry take turns (a second waits for the first to commit, then finds its rows unchanged).
const IMPORT_LOCK = sql`select pg_advisory_xact_lock(${0x67780001})`
const CHUNK = 2000

interface Row {
  rowNumber: number
  clean: CleanEnterprise | null
  errors: FieldError[]
  usccRef: string
}

const rowError = (r: Row, field: string, column: string | undefined, code: string, zh: string, en: string, value?: unknown): FieldError => ({
  row: r.rowNumber,
  ...(column ? { column } : {}),
  field,
  code,
  message: { zh, en },
  ...(value !== undefined ? { value } : {}),
})

function toInput(v: Record<string, CellValue>): { input: EnterpriseInput; aboveScaleValid: boolean } {
  const year = v.aboveScaleYear
  const employees = v.employees
  const aboveScale = parseYesNo(v.aboveScale ?? null)
  return {
    input: {
      uscc: asText(v.uscc ?? null) ?? '',
      name: asText(v.name ?? null) ?? '',
      countyCode: asText(v.countyCode ?? null) ?? '',
      parkName: asText(v.park ?? null),
      industryCode: asText(v.industryCode ?? null) ?? '',
      foundedOn: asText(v.foundedOn ?? null),
      ownership: asText(v.ownership ?? null),
      aboveScale: aboveScale ?? null,
      aboveScaleYear: typeof year === 'number' ? year : null,
      aboveScaleReason: asText(v.aboveScaleReason ?? null),
      employees: typeof employees === 'number' ? employees : null,
      tags: splitList(v.tags ?? null),
    },
    aboveScaleValid: aboveScale !== undefined,
  }
}

/** Existing enterprises of the given codes, in any area (a code registered elsewhere must be refused, not duplicated). */
async function loadExisting(tx: Tx, usccs: readonly string[]): Promise<Registered> {
  const rows = new Map<string, EnterpriseRow>()
  const scale: Registered['scale'] = new Map()
  // one array parameter per query, not one parameter per code: binding thousands of parameters is what costs
  for (let i = 0; i < usccs.length; i += 5000) {
    const found = await tx.select().from(enterprises).where(sql`${enterprises.uscc} = any(${sql.param(usccs.slice(i, i + 5000))}::bpchar[])`)
    for (const e of found) rows.set(e.uscc, e)
    if (found.length === 0) continue
    const statuses = await tx.select().from(enterpriseScaleStatus).where(sql`${enterpriseScaleStatus.enterpriseId} = any(${sql.param(found.map((e) => e.id))}::int[])`)
    for (const s of statuses) scale.set(`${s.enterpriseId}/${s.year}`, { aboveScale: s.aboveScale, reason: s.reason })
  }
  return { rows, scale }
}

/** Fills columns the file does not have from the registered row, and refuses codes registered outside the actor's area. */
function reconcile(rows: Row[], existing: Registered, actor: Actor, present: ReadonlySet<string>, parkCounty: (id: number) => string | undefined, cellRefs: Record<string, string>) {
  for (const r of rows) {
    const c = r.clean
    const before = c && existing.rows.get(c.uscc)
    if (!c || !before) continue
    if (!scopeCoversDivision(actor.scope, before.countyCode)) {
      r.errors.push(rowError(r, 'uscc', r.usccRef, 'usccOutsideScope', `统一社会信用代码 ${c.uscc} 已由您管辖范围以外的地区登记，不能在此导入`, `USCC ${c.uscc} is registered by an area outside yours and cannot be imported here`, c.uscc))
      r.clean = null
      continue
    }
    for (const [column, field] of Object.entries(KEEP_WHEN_ABSENT)) {
      if (!present.has(column)) Object.assign(c, { [field]: before[field] })
    }
    const parkIn = c.parkId !== null ? parkCounty(c.parkId) : undefined
    if (!present.has('park') && parkIn !== undefined && parkIn !== c.countyCode) {
      r.errors.push(rowError(r, 'countyCode', cellRefs.countyCode, 'parkOutsideCounty', `企业登记在园区（位于 ${parkIn}）内，不能迁往 ${c.countyCode}；请同时填写“所属园区”列`, `the enterprise is registered in a park in ${parkIn} and cannot move to ${c.countyCode}; include the 所属园区 column`, c.countyCode))
      r.clean = null
    }
  }
}

function countsOf(rows: readonly Row[], outcomes: Partial<Record<WriteOutcome, number>> = {}): ImportCounts {
  const rejected = rows.filter((r) => r.errors.length > 0).length
  return { read: rows.length, accepted: rows.length - rejected, rejected, unchanged: outcomes.unchanged ?? 0, created: outcomes.created ?? 0, updated: outcomes.updated ?? 0 }
}

class Refused extends Error {}

/**
 * Imports the enterprise registry from an .xlsx or CSV file. Every row is checked first; if any row has
 * an error nothing is written, and the result carries every error and a marked copy of the file.
 * Otherwise one transaction writes all rows, the batch record and the audit trail. Re-importing the same
 * file changes nothing. A dry run reports what would be created, updated and left unchanged.
 */
export async function importEnterprises(db: Db, actor: Actor, opts: ImportOptions): Promise<ImportResult> {
  if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN')
  const sheet = await openSpreadsheet(opts.data, enterpriseSheetSpec, { fileName: opts.fileName })
  const warnings = [...sheet.warnings]
  const header = sheet.header
  if (!header || sheet.errors.length) {
    await sheet.close()
    return refuse(db, actor, opts, [], sheet.errors, warnings)
  }
  const ref = await loadReferenceLookup(db, '')
  const present = new Set(Object.keys(header.fields))
  const rows: Row[] = []
  const byUscc = new Map<string, Row[]>()
  for await (const sr of sheet.rows()) {
    const { input, aboveScaleValid } = toInput(sr.values)
    const checked = validateEnterpriseInput(input, ref, { row: sr.rowNumber, columnOf: (f) => sr.cellRefs[f] })
    const r: Row = { rowNumber: sr.rowNumber, clean: checked.value, errors: [...sr.errors, ...checked.errors], usccRef: sr.cellRefs.uscc ?? 'A' }
    warnings.push(...checked.warnings)
    if (!aboveScaleValid) {
      r.errors.push(rowError(r, 'aboveScale', sr.cellRefs.aboveScale, 'yesNo', `“是否规上”应填 是 或 否，而不是“${asText(sr.values.aboveScale ?? null)}”`, `是否规上 must be 是 or 否 (yes/no), not "${asText(sr.values.aboveScale ?? null)}"`, sr.values.aboveScale))
    }
    const county = input.countyCode.trim()
    if (ref.counties.has(county) && !scopeCoversDivision(actor.scope, county)) {
      r.errors.push(rowError(r, 'countyCode', sr.cellRefs.countyCode, 'outOfScope', `县区 ${county}（${ref.counties.get(county)}）不在您的管辖范围内`, `county ${county} (${ref.counties.get(county)}) is outside your area`, county))
    }
    if (r.errors.length) r.clean = null
    // duplicates are looked for among all well-formed codes, also on rows with other errors
    const code = checked.value?.uscc ?? (validateUscc(input.uscc).valid ? validateUscc(input.uscc).code : null)
    if (code) byUscc.set(code, [...(byUscc.get(code) ?? []), r])
    rows.push(r)
    if (rows.length % 1000 === 0) opts.onProgress?.({ phase: 'read', done: rows.length })
  }
  opts.onProgress?.({ phase: 'read', done: rows.length, total: rows.length })
  if (rows.length === 0) {
    return refuse(db, actor, opts, rows, [{ code: 'noRows', message: { zh: '文件中没有数据行（表头以下为空）', en: 'the file has no data rows below the header' } }], warnings)
  }
  for (const [uscc, same] of byUscc) {
    if (same.length < 2) continue
    for (const r of same) {
      const others = same.filter((o) => o !== r).map((o) => o.rowNumber)
      r.errors.push(rowError(r, 'uscc', r.usccRef, 'duplicateInFile', `统一社会信用代码 ${uscc} 在本文件中重复：另见第 ${others.join('、')} 行`, `USCC ${uscc} appears more than once in this file: see also row ${others.join(', ')}`, uscc))
      r.clean = null
    }
  }
  const parkCounty = (id: number) => ref.parksById.get(id)?.countyCode
  const usccs = rows.flatMap((r) => (r.clean ? [r.clean.uscc] : []))
  const existing = await loadExisting(db, usccs)
  reconcile(rows, existing, actor, present, parkCounty, header.fields)
  if (rows.some((r) => r.errors.length)) return refuse(db, actor, opts, rows, [], warnings)

  const year = new Date().getFullYear()
  if (opts.dryRun) {
    const outcomes: Record<WriteOutcome, number> = { created: 0, updated: 0, unchanged: 0 }
    for (const r of rows) if (r.clean) outcomes[planWrite(r.clean, existing, year).outcome]++
    return { batchId: null, dryRun: true, counts: countsOf(rows, outcomes), errors: [], warnings }
  }
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(IMPORT_LOCK)
      // read again under the lock: another import may have committed since the check above
      const current = await loadExisting(tx, usccs)
      reconcile(rows, current, actor, present, parkCounty, header.fields)
      if (rows.some((r) => r.errors.length)) throw new Refused()
      const batchId = await insertBatch(tx, actor, batchInput(opts), 'committed', countsOf(rows))
      const outcomes = await writeAll(tx, actor, rows, current, batchId, year, opts.onProgress)
      const counts = countsOf(rows, outcomes)
      await finishBatch(tx, batchId, counts)
      if (counts.created) await analyzeIfStale(tx, 'enterprises', counts.created)
      if (counts.created || counts.updated) await mergeNameIndex(tx)
      await recordAudit(tx, actor, { action: 'enterprise.import', entity: 'importBatch', entityId: batchId, batchId, detail: { fileName: opts.fileName, fileSha256: fileSha256(opts.data), status: 'committed', counts } })
      return { batchId, dryRun: false, counts, errors: [], warnings }
    })
  } catch (err) {
    if (err instanceof Refused) return refuse(db, actor, opts, rows, [], warnings)
    if ((err as { code?: unknown }).code === '23505') {
      throw new AppError('CONFLICT', { summary: { zh: '导入期间有企业被另行登记，请重新导入', en: 'an enterprise was registered elsewhere during the import; import again' } })
    }
    throw err
  }
}

/** Plans every row against the registry read under the lock, then writes new and changed ones in bulk. */
async function writeAll(tx: Tx, actor: Actor, rows: Row[], existing: Registered, batchId: number, year: number, onProgress: ImportOptions['onProgress']) {
  const outcomes: Record<WriteOutcome, number> = { created: 0, updated: 0, unchanged: 0 }
  const planned = rows.flatMap((r) => (r.clean ? [{ clean: r.clean, plan: planWrite(r.clean, existing, year) }] : []))
  const fresh = planned.filter((p) => p.plan.outcome === 'created')
  const changed = planned.filter((p) => p.plan.outcome === 'updated')
  outcomes.unchanged = planned.length - fresh.length - changed.length
  const total = fresh.length + changed.length
  for (let i = 0; i < fresh.length; i += CHUNK) {
    outcomes.created += await insertMany(tx, actor, fresh.slice(i, i + CHUNK), batchId)
    onProgress?.({ phase: 'write', done: outcomes.created, total })
  }
  for (let i = 0; i < changed.length; i += CHUNK) {
    outcomes.updated += await updateMany(tx, actor, changed.slice(i, i + CHUNK), batchId)
    onProgress?.({ phase: 'write', done: outcomes.created + outcomes.updated, total })
  }
  return outcomes
}

const batchInput = (opts: ImportOptions) => ({ kind: 'enterprises', fileName: opts.fileName, data: opts.data, source: opts.source })

/** The refusal: every error, the marked file, and (unless a dry run) a rejected batch with its audit entry. */
async function refuse(db: Db, actor: Actor, opts: ImportOptions, rows: Row[], fileErrors: FieldError[], warnings: FieldError[]): Promise<ImportResult> {
  const errors = [...fileErrors, ...rows.flatMap((r) => r.errors)]
  const counts = countsOf(rows)
  const errorWorkbook = rows.some((r) => r.errors.length) ? await writeErrorWorkbook(opts.data, enterpriseSheetSpec, errors, { fileName: opts.fileName }) : undefined
  let batchId: number | null = null
  if (!opts.dryRun) {
    batchId = await db.transaction(async (tx) => {
      const id = await insertBatch(tx, actor, batchInput(opts), 'rejected', counts)
      await recordAudit(tx, actor, { action: 'enterprise.import', entity: 'importBatch', entityId: id, batchId: id, detail: { fileName: opts.fileName, fileSha256: fileSha256(opts.data), status: 'rejected', counts, errorCount: errors.length } })
      return id
    })
  }
  return { batchId, dryRun: opts.dryRun, counts, errors, warnings, ...(errorWorkbook ? { errorWorkbook } : {}) }
}

/** Recent import batches of a kind: all of them for a province-wide user, one's own otherwise. */
export async function listImportBatches(tx: Tx, actor: Actor, kind: string | undefined, limit = 50) {
  const wide = actor.scope.kind === 'region' && actor.scope.prefix.length <= 2
  const conds = [kind ? eq(importBatches.kind, kind) : undefined, wide ? undefined : actor.userId === null ? sql`false` : eq(importBatches.userId, actor.userId)].filter((c) => c !== undefined)
  return tx
    .select()
    .from(importBatches)
    .where(and(...conds))
    .orderBy(desc(importBatches.startedAt), desc(importBatches.id))
    .limit(limit)
}
