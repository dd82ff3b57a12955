import { once } from 'node:events'
import { PassThrough, type Readable } from 'node:stream'
import { inArray } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import type { Db, Tx } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { recordAudit } from '../audit/service.ts'
import { enterpriseColumns, enterpriseExportExtras } from './import.ts'
import { iterateEnterprises, listEnterprises, type EnterpriseFilter, type EnterpriseListRow } from './repository.ts'
import { enterpriseScaleStatus } from './schema.ts'

export type ExportFormat = 'xlsx' | 'csv'

export interface ExportFile {
  /** e.g. 企业名录_20261123.xlsx */
  fileName: string
  contentType: string
  stream: Readable
  /** rows in scope matching the filter when the export started */
  rowCount: number
}

/** The import's columns in the import's order, then read-only columns a re-import ignores. */
export const exportHeaders: readonly string[] = [...enterpriseColumns.map((c) => c.header), ...enterpriseExportExtras]

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
}

/** Today in China (file names are read by officials in Beijing time, whatever the server's zone). */
export const chinaDate = (d = new Date()) => d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).replaceAll('-', '')

type Latest = Map<number, { year: number; reason: string | null }>

/** The latest above-scale year and reason per enterprise: exported so that a re-import compares the same year. */
async function latestScale(tx: Tx, ids: number[]): Promise<Latest> {
  const out: Latest = new Map()
  if (ids.length === 0) return out
  const rows = await tx
    .select({ id: enterpriseScaleStatus.enterpriseId, year: enterpriseScaleStatus.year, reason: enterpriseScaleStatus.reason })
    .from(enterpriseScaleStatus)
    .where(inArray(enterpriseScaleStatus.enterpriseId, ids))
  for (const r of rows) {
    const seen = out.get(r.id)
    if (!seen || r.year > seen.year) out.set(r.id, { year: r.year, reason: r.reason })
  }
  return out
}

type Cell = string | number | Date | null

/**
 * One registry row as export cells, in `exportHeaders` order. 是否规上 is left empty for an enterprise
 * with no recorded status (importing it back then leaves the status alone instead of recording 否).
 */
function cellsOf(r: EnterpriseListRow, latest: Latest): Cell[] {
  const scale = latest.get(r.id)
  const place = [r.provinceName, r.cityName, r.countyName].filter((n, i, a): n is string => !!n && a.indexOf(n) === i).join(' ')
  return [
    r.uscc,
    r.name,
    r.countyCode,
    r.parkName,
    r.industryCode,
    r.foundedOn ? new Date(`${r.foundedOn}T00:00:00Z`) : null,
    r.ownership,
    scale ? (r.aboveScale ? '是' : '否') : null,
    scale?.year ?? null,
    scale?.reason ?? null,
    r.employees,
    r.tags.length ? r.tags.join('、') : null,
    place || null,
    r.industryName,
    r.revenue === null ? null : Number(r.revenue),
  ]
}

async function* pages(db: Db, actor: Actor, filter: EnterpriseFilter) {
  for await (const page of iterateEnterprises(db, actor.scope, filter)) {
    const latest = await latestScale(db, page.map((r) => r.id))
    yield page.map((r) => cellsOf(r, latest))
  }
}

/**
 * Exports the registry of the actor's area (filtered as the list is) as .xlsx or CSV, streamed page by
 * page so that 100,000 rows never sit in memory. The export is audited (filter, format, row count)
 * before the first byte is sent: an export that the client abandons halfway has still happened.
 */
export async function exportEnterprises(db: Db, actor: Actor, filter: EnterpriseFilter, format: ExportFormat): Promise<ExportFile> {
  const { total } = await listEnterprises(db, actor.scope, filter, undefined, 1, 1)
  await recordAudit(db, actor, { action: 'enterprise.export', entity: 'enterprise', detail: { filter: { ...filter }, format, rowCount: total } })
  const out = new PassThrough()
  const produce = format === 'csv' ? writeCsv(out, pages(db, actor, filter)) : writeXlsx(out, pages(db, actor, filter))
  produce.catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))))
  return { fileName: `企业名录_${chinaDate()}.${format}`, contentType: CONTENT_TYPES[format], stream: out, rowCount: total }
}

async function drained(out: PassThrough) {
  if (out.writableNeedDrain) await once(out, 'drain')
}

// A text cell starting like a formula would run as one when the CSV is opened in Excel.
const FORMULA_START = /^[=+\-@\t\r]/

function csvField(v: Cell): string {
  if (v === null) return ''
  if (typeof v === 'number') return String(v)
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : FORMULA_START.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** UTF-8 with a BOM: without it Excel opens the file as GBK and the Chinese is garbled. */
async function writeCsv(out: PassThrough, rows: AsyncIterable<Cell[][]>) {
  out.write('\ufeff' + exportHeaders.map(csvField).join(',') + '\r\n')
  for await (const page of rows) {
    out.write(page.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n')
    await drained(out)
  }
  out.end()
}

const WIDTHS = [22, 36, 12, 24, 10, 12, 16, 10, 10, 14, 10, 24, 24, 30, 14]

async function writeXlsx(out: PassThrough, rows: AsyncIterable<Cell[][]>) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const ws = wb.addWorksheet('企业名录', { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = exportHeaders.map((h, i) => ({ header: h, width: WIDTHS[i] ?? 14 }))
  ws.getRow(1).font = { bold: true }
  ws.getRow(1).commit()
  const dateColumn = exportHeaders.indexOf('成立日期') + 1
  for await (const page of rows) {
    for (const cells of page) {
      const row = ws.addRow(cells)
      row.getCell(dateColumn).numFmt = 'yyyy-mm-dd'
      row.commit()
    }
    await drained(out)
  }
  ws.commit()
  await wb.commit()
}

/**
 * The import template: the header row (required columns in red), drop-downs and checks where Excel can
 * help (是/否, whole numbers, code lengths), code columns formatted as text so Excel keeps leading zeros
 * and all 18 characters, and a 说明 sheet listing every column.
 */
export async function enterpriseTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Gongxin 工信'
  const ws = wb.addWorksheet('企业名录', { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = enterpriseColumns.map((c, i) => ({ header: c.header, key: c.field, width: WIDTHS[i] ?? 14 }))
  enterpriseColumns.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1)
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } }
    cell.note = `${c.required ? '必填' : '选填'}：${c.format.zh}\n例：${c.example}`
  })
  const ROWS = 5000
  const col = (field: string) => enterpriseColumns.findIndex((c) => c.field === field) + 1
  for (const f of ['uscc', 'countyCode', 'industryCode']) ws.getColumn(col(f)).numFmt = '@'
  ws.getColumn(col('foundedOn')).numFmt = 'yyyy-mm-dd'
  for (let r = 2; r <= ROWS + 1; r++) {
    const row = ws.getRow(r)
    row.getCell(col('aboveScale')).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true, errorTitle: '是否规上', error: '请选择 是 或 否' }
    row.getCell(col('employees')).dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: '从业人员应为非负整数' }
    row.getCell(col('aboveScaleYear')).dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [1998, 2100], showErrorMessage: true, error: '规上年度应为 4 位年份' }
    row.getCell(col('uscc')).dataValidation = { type: 'textLength', operator: 'equal', allowBlank: true, formulae: [18], showErrorMessage: true, error: '统一社会信用代码应为 18 位' }
    row.getCell(col('countyCode')).dataValidation = { type: 'textLength', operator: 'equal', allowBlank: true, formulae: [6], showErrorMessage: true, error: '县区代码应为 6 位数字' }
  }

  const info = wb.addWorksheet('说明')
  info.columns = [
    { header: '列名', width: 18 },
    { header: '是否必填', width: 10 },
    { header: '格式', width: 56 },
    { header: '示例', width: 26 },
    { header: '也可写作', width: 40 },
  ]
  info.getRow(1).font = { bold: true }
  for (const c of enterpriseColumns) info.addRow([c.header, c.required ? '必填' : '选填', c.format.zh, c.example, (c.aliases ?? []).join('、')])
  info.addRow([])
  for (const line of [
    '每行一个企业，以统一社会信用代码识别：已登记的企业按本表更新，未登记的新增；重复导入同一文件不会产生任何变化。',
    '表头之上可以有标题行；表头也可以是两行合并的表头。列的顺序不限，列名不区分全角半角、大小写和括号内的单位。',
    '文件中缺少的选填列保持系统中的原值不变；已有的列中留空的单元格会清空该值（“是否规上”留空表示不改变）。',
    '“—”“-”“/”等占位符视为空。也可导入 CSV（UTF-8 或 GBK 编码，逗号、分号或制表符分隔）。',
    '任何一行有错误时整个文件都不会写入；系统会返回标出错误单元格的文件，改正后可直接重新导入。',
    '导出文件末尾的“所在地区”“行业名称”“营业收入（万元）”为只读列，导入时忽略。',
  ]) {
    info.addRow([line])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
