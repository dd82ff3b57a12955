import { AppError, type FieldError } from '../errors.ts'
import { detectDelimiter, sniff } from './detect.ts'
import { checkHeader, findHeader, noHeaderError, type FoundHeader } from './header.ts'
import { cellError, cleanCell } from './normalize.ts'
import { csvSheet, xlsxSheets, type RawSheet } from './sources.ts'
import { checkZip, type ZipCheck } from './zip.ts'
import {
  DEFAULT_HEADER_SEARCH_ROWS, DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, DEFAULT_MAX_UNPACKED_BYTES,
  type CellValue, type ColumnSpec, type HeaderMap, type RawRow, type ReadOptions, type SheetRow, type SheetSpec,
} from './types.ts'

/** An opened table: where its header is, what was wrong with it, and its data rows as a stream. */
export interface Spreadsheet {
  format: 'xlsx' | 'csv'
  /** the sheet read (xlsx), null for CSV */
  sheetName: string | null
  /** CSV only: the encoding and delimiter detected */
  encoding: string | null
  delimiter: string | null
  /** null when no header row was found (then `errors` says so) */
  header: HeaderMap | null
  /** the rows above the data: title rows and the header row(s), as found (the error workbook repeats them) */
  preamble: readonly RawRow[]
  /** file-level refusals: no header, missing required columns. When any is present, do not read rows. */
  errors: FieldError[]
  /** unknown or repeated columns, ignored */
  warnings: FieldError[]
  /** the data rows below the header, empty rows skipped; may be iterated once */
  rows(): AsyncGenerator<SheetRow>
  /** stops reading (needed only when rows() is not iterated to the end) */
  close(): Promise<void>
}

export const unreadableFile = (fileName: string | undefined, reason: { zh: string; en: string }) =>
  new AppError('FILE_UNREADABLE', { file: fileName ?? '', summary: reason })

/** Wraps whatever a parser throws on a damaged file into the one error a user can act on. */
function asUnreadable(err: unknown, fileName: string | undefined): AppError {
  if (err instanceof AppError) return err
  const detail = err instanceof Error ? err.message.split('\n')[0]?.slice(0, 200) ?? '' : String(err).slice(0, 200)
  return unreadableFile(fileName, {
    zh: `文件已损坏或格式不正确，无法读取（${detail}）；请在 Excel 中重新保存后再导入`,
    en: `the file is damaged or malformed and cannot be read (${detail}); save it again in Excel and retry`,
  })
}

function zipProblem(z: Exclude<ZipCheck, { ok: true }>): { zh: string; en: string } {
  switch (z.problem) {
    case 'encrypted':
      return { zh: '工作簿已加密，请取消密码后再导入', en: 'the workbook is encrypted; remove the password and import again' }
    case 'tooLarge':
      return { zh: '工作簿解压后过大，请拆分文件后分批导入', en: 'the workbook unpacks to too much data; split it and import the parts' }
    case 'unsupported':
      return { zh: `工作簿使用了不支持的压缩方式（${z.detail}）；请在 Excel 中另存为 .xlsx 后再导入`, en: `the workbook uses an unsupported compression (${z.detail}); save it again as .xlsx in Excel` }
    default:
      return { zh: `文件已损坏或不完整（${z.detail}），可能上传中断；请重新保存后再导入`, en: `the file is damaged or incomplete (${z.detail}), perhaps cut short in upload; save it again and retry` }
  }
}

const isEmptyRow = (r: RawRow) => r.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))

/**
 * Opens a spreadsheet (.xlsx or CSV, decided by content) and finds the header on the first visible
 * sheet that has one. Throws FILE_UNREADABLE (AppError) when the file is not a readable table; header
 * problems are returned in `errors` so that they can be reported with the row errors of other files.
 */
export async function openSpreadsheet(data: Buffer, spec: SheetSpec, opts: ReadOptions = {}): Promise<Spreadsheet> {
  const fileName = opts.fileName
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS
  const searchRows = opts.headerSearchRows ?? DEFAULT_HEADER_SEARCH_ROWS
  if (data.length > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
    throw unreadableFile(fileName, { zh: `文件大小 ${mb(data.length)} MB 超过上限 ${mb(maxBytes)} MB`, en: `the file is ${mb(data.length)} MB, more than the limit of ${mb(maxBytes)} MB` })
  }
  const kind = sniff(data)
  if (kind.format === 'unreadable') throw unreadableFile(fileName, kind.reason)

  let sheets: AsyncIterator<RawSheet>
  let delimiter: string | null = null
  if (kind.format === 'csv') {
    const d = detectDelimiter(kind.text)
    delimiter = d.delimiter
    sheets = (async function* () {
      yield csvSheet(kind.text, d.delimiter, d.skipLines)
    })()
  } else {
    const zip = await checkZip(data, opts.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES)
    if (!zip.ok) throw unreadableFile(fileName, zipProblem(zip))
    sheets = xlsxSheets(data)
  }
  const close = async () => {
    await sheets.return?.()
  }

  try {
    let best: { found: FoundHeader; sheet: RawSheet; rows: RawRow[] } | undefined
    let sawVisibleSheet = false
    for (let s = await sheets.next(); !s.done; s = await sheets.next()) {
      const sheet = s.value
      if (sheet.hidden) continue
      sawVisibleSheet = true
      const it = sheet.rows[Symbol.asyncIterator]()
      const head: RawRow[] = []
      while (head.length < searchRows) {
        const r = await it.next()
        if (r.done) break
        if (!isEmptyRow(r.value)) head.push(r.value)
      }
      const { found, best: partial } = findHeader(head, spec)
      if (found) {
        const end = found.start + found.rowCount
        return opened({ kind: kind.format, encoding: kind.format === 'csv' ? kind.encoding : null, delimiter, sheet, header: found.header, preamble: head.slice(0, end), pending: head.slice(end), rest: it, spec, fileName, maxRows, close })
      }
      if (partial && (!best || partial.matched > best.found.matched)) best = { found: partial, sheet, rows: head }
      await it.return?.()
    }
    await close()
    if (!sawVisibleSheet) {
      throw unreadableFile(fileName, { zh: '工作簿中没有可见的工作表', en: 'the workbook has no visible worksheet' })
    }
    // Nothing reached the threshold: if some row held a few known headers, name what it lacks.
    const errors = best && best.found.matched > 0 ? checkHeader(best.found.header, spec, best.sheet.name).errors : []
    return {
      format: kind.format,
      sheetName: best?.sheet.name ?? null,
      encoding: kind.format === 'csv' ? kind.encoding : null,
      delimiter,
      header: null,
      preamble: [],
      errors: errors.length ? errors : [noHeaderError(spec, searchRows)],
      warnings: [],
      rows: async function* () {},
      close: async () => {},
    }
  } catch (err) {
    await close().catch(() => {})
    throw asUnreadable(err, fileName)
  }
}

interface OpenedParts {
  kind: 'xlsx' | 'csv'
  encoding: string | null
  delimiter: string | null
  sheet: RawSheet
  header: HeaderMap
  preamble: RawRow[]
  pending: RawRow[]
  rest: AsyncIterator<RawRow>
  spec: SheetSpec
  fileName: string | undefined
  maxRows: number
  close: () => Promise<void>
}

function opened(p: OpenedParts): Spreadsheet {
  const { errors, warnings } = checkHeader(p.header, p.spec, p.sheet.name)
  const byField = new Map<string, ColumnSpec>(p.spec.columns.map((c) => [c.field, c]))
  const mapped = p.header.columns
    .filter((c) => c.field !== null && byField.has(c.field))
    .map((c) => ({ index: c.index, letter: c.letter, field: c.field as string, kind: byField.get(c.field as string)?.kind }))
  // the same letters for every row: one shared, frozen object
  const cellRefs = Object.freeze({ ...p.header.fields })

  function toSheetRow(raw: RawRow): SheetRow | null {
    const values: Record<string, CellValue> = {}
    const rowErrors: FieldError[] = []
    let any = false
    for (const m of mapped) {
      const c = cleanCell(raw.cells[m.index] ?? null, m.kind, `${m.letter}${raw.rowNumber}`)
      values[m.field] = c.value
      if ('error' in c) rowErrors.push(cellError(raw.rowNumber, m.letter, m.field, c.error, raw.cells[m.index]))
      if (c.value !== null || 'error' in c) any = true
    }
    // a row with text only under ignored columns (a remark, a signature) carries no data
    if (!any) return null
    for (const f of byField.keys()) if (!(f in values)) values[f] = null
    return { rowNumber: raw.rowNumber, values, cellRefs, errors: rowErrors, cells: raw.cells }
  }

  let consumed = false
  return {
    format: p.kind,
    sheetName: p.sheet.name,
    encoding: p.encoding,
    delimiter: p.delimiter,
    header: p.header,
    preamble: p.preamble,
    errors,
    warnings,
    close: p.close,
    rows: async function* () {
      if (consumed) throw new Error('Spreadsheet.rows() may be iterated once')
      consumed = true
      let count = 0
      const emit = (raw: RawRow): SheetRow | null => {
        if (isEmptyRow(raw)) return null
        const row = toSheetRow(raw)
        if (row && ++count > p.maxRows) {
          throw unreadableFile(p.fileName, { zh: `数据超过 ${p.maxRows} 行的上限，请拆分文件后分批导入`, en: `the file has more than ${p.maxRows} data rows; split it and import the parts` })
        }
        return row
      }
      try {
        for (const raw of p.pending) {
          const row = emit(raw)
          if (row) yield row
        }
        for (let r = await p.rest.next(); !r.done; r = await p.rest.next()) {
          const row = emit(r.value)
          if (row) yield row
        }
      } catch (err) {
        throw asUnreadable(err, p.fileName)
      } finally {
        await p.rest.return?.()
        await p.close()
      }
    },
  }
}
