import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { FieldError } from '../errors.ts'
import { columnLetter } from './normalize.ts'
import { openSpreadsheet } from './reader.ts'
import { REASON_HEADER, type RawValue, type ReadOptions, type SheetSpec } from './types.ts'

// Excel's own "Bad" cell style: light red fill, dark red text (readable, and what officials recognise).
const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } }
const BAD_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } }
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true }

function writable(v: RawValue): ExcelJS.CellValue {
  if (v === null) return null
  if (typeof v === 'object' && !(v instanceof Date)) {
    // a formula without a result is written back as the formula: Excel computes it when the file is opened
    return v.problem === 'formulaWithoutValue' ? { formula: v.text, date1904: false } : v.text
  }
  return v
}

const reasonText = (errs: readonly FieldError[]) =>
  `${errs.map((e) => (e.column ? `[${e.column}] ` : '') + e.message.zh).join('；')}\n${errs.map((e) => (e.column ? `[${e.column}] ` : '') + e.message.en).join('; ')}`

/**
 * The file sent back when an import is refused: every original row at its original row number (so
 * "row 12" means the same row in both files), the cells in error filled red with the reason as a
 * comment, and a "错误原因 / Reason" column in Chinese and English. Rows without errors are kept, so the
 * official can correct this file and import it again (the reader ignores the reason column).
 * Written with ExcelJS's streaming writer.
 */
export async function writeErrorWorkbook(data: Buffer, spec: SheetSpec, errors: readonly FieldError[], opts: ReadOptions = {}): Promise<Buffer> {
  const byRow = new Map<number, FieldError[]>()
  for (const e of errors) {
    if (e.row === undefined) continue
    const list = byRow.get(e.row)
    if (list) list.push(e)
    else byRow.set(e.row, [e])
  }
  const sheet = await openSpreadsheet(data, spec, opts)
  const header = sheet.header
  if (!header) {
    await sheet.close()
    throw new Error('writeErrorWorkbook: the file has no header; report its errors without a workbook')
  }
  const existingReason = header.columns.find((c) => c.field === REASON_HEADER)
  const reasonIndex = existingReason?.index ?? (header.columns.at(-1)?.index ?? -1) + 1
  const width = reasonIndex

  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const ws = wb.addWorksheet((sheet.sheetName ?? '数据').slice(0, 31))
  ws.getColumn(reasonIndex + 1).width = 60

  const headerRows = new Set(header.rows)
  for (const raw of sheet.preamble) {
    const row = ws.getRow(raw.rowNumber)
    raw.cells.slice(0, width).forEach((v, i) => {
      row.getCell(i + 1).value = writable(v)
    })
    if (headerRows.has(raw.rowNumber)) row.font = HEADER_FONT
    if (raw.rowNumber === header.rows[0]) {
      const cell = row.getCell(reasonIndex + 1)
      cell.value = REASON_HEADER
      cell.font = { ...HEADER_FONT, ...BAD_FONT }
    }
    row.commit()
  }

  for await (const r of sheet.rows()) {
    const row = ws.getRow(r.rowNumber)
    r.cells.slice(0, width).forEach((v, i) => {
      const cell = row.getCell(i + 1)
      cell.value = writable(v)
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd'
    })
    const errs = byRow.get(r.rowNumber)
    if (errs) {
      const byColumn = new Map<string, FieldError[]>()
      for (const e of errs) {
        if (!e.column) continue
        byColumn.set(e.column, [...(byColumn.get(e.column) ?? []), e])
      }
      for (let i = 0; i < width; i++) {
        const list = byColumn.get(columnLetter(i))
        if (!list) continue
        const cell = row.getCell(i + 1)
        cell.fill = BAD_FILL
        cell.font = BAD_FONT
        cell.note = list.map((e) => `${e.message.zh}\n${e.message.en}`).join('\n')
      }
      const reason = row.getCell(reasonIndex + 1)
      reason.value = reasonText(errs)
      reason.font = BAD_FONT
      reason.alignment = { wrapText: true, vertical: 'top' }
    } else if (existingReason) {
      row.getCell(reasonIndex + 1).value = null
    }
    row.commit()
  }
  ws.commit()
  await wb.commit()
  await finished
  return Buffer.concat(chunks)
}
