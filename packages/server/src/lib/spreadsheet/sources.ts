import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import type { RawRow, RawValue } from './types.ts'

/** One sheet as a stream of raw rows, in file order. */
export interface RawSheet {
  name: string | null
  hidden: boolean
  rows: AsyncIterable<RawRow>
}

/**
 * The worksheets of an .xlsx, streamed with ExcelJS's WorkbookReader: rows are parsed as the zip is
 * inflated and never collected into a workbook model. Sheets come in the order the file stores them,
 * which is the tab order unless the tabs were dragged around after the sheets were created.
 */
export async function* xlsxSheets(data: Buffer): AsyncGenerator<RawSheet> {
  const input = Readable.from([data])
  // styles are cached so that date-formatted numbers arrive as dates; hyperlinks and entries are not needed
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' })
  try {
    for await (const ws of reader) {
      // the reader sets name and state from workbook.xml; its type declarations do not list them
      const meta = ws as unknown as { name?: unknown; state?: unknown }
      yield {
        name: typeof meta.name === 'string' ? meta.name : null,
        hidden: meta.state === 'hidden' || meta.state === 'veryHidden',
        rows: xlsxRows(ws),
      }
    }
  } finally {
    input.destroy()
  }
}

/** Excel's last row: a sheet claiming more rows is crafted or broken, and reading on would only burn time. */
const EXCEL_MAX_ROWS = 1_048_576

async function* xlsxRows(ws: ExcelJS.stream.xlsx.WorksheetReader): AsyncGenerator<RawRow> {
  let seen = 0
  for await (const row of ws) {
    if (++seen > EXCEL_MAX_ROWS || row.number > EXCEL_MAX_ROWS) throw new Error(`the sheet has more than ${EXCEL_MAX_ROWS} rows`)
    // formatted but empty rows (whole columns styled down to row 1,048,576) end here, cheaply
    if (!row.hasValues) continue
    const cells: RawValue[] = []
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = xlsxValue(cell.value)
    })
    // eachCell leaves holes for empty cells; the reader wants explicit nulls
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null
    yield { rowNumber: row.number, cells }
  }
}

function xlsxValue(v: ExcelJS.CellValue): RawValue {
  if (v === null || v === undefined) return null
  if (typeof v === 'number') return Number.isFinite(v) ? v : { problem: 'cellError', text: '#NUM!' }
  if (typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v
  if ('error' in v) return { problem: 'cellError', text: String(v.error) }
  if ('richText' in v) return v.richText.map((r) => r.text ?? '').join('')
  if ('formula' in v || 'sharedFormula' in v) {
    const formula = 'formula' in v ? v.formula : v.sharedFormula
    const result: unknown = v.result
    if (result === undefined || result === null) return { problem: 'formulaWithoutValue', text: String(formula ?? '') }
    if (typeof result === 'number') return Number.isFinite(result) ? result : { problem: 'cellError', text: '#VALUE!' }
    if (typeof result === 'string' || typeof result === 'boolean' || result instanceof Date) return result
    if (typeof result === 'object' && 'error' in result) return { problem: 'cellError', text: String(result.error) }
    return null
  }
  if ('text' in v) {
    const t: unknown = v.text
    if (typeof t === 'string') return t
    if (t && typeof t === 'object' && 'richText' in t && Array.isArray(t.richText)) {
      return t.richText.map((r: { text?: unknown }) => (typeof r.text === 'string' ? r.text : '')).join('')
    }
  }
  return null
}

/** A CSV text as one sheet; row numbers count records the way Excel shows them (a `sep=` line is not a row). */
export function csvSheet(text: string, delimiter: string, skipLines: number): RawSheet {
  const body = skipLines > 0 ? text.replace(/^[^\n]*\n/, '') : text
  return { name: null, hidden: false, rows: csvRows(body, delimiter) }
}

async function* csvRows(text: string, delimiter: string): AsyncGenerator<RawRow> {
  const parser = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  })
  let n = 0
  for await (const record of parser as AsyncIterable<string[]>) {
    n++
    yield { rowNumber: n, cells: record }
  }
}
