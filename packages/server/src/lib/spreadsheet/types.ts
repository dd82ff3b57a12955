import type { FieldError } from '../errors.ts'

/**
 * How an importer describes the columns it reads. The reader finds these columns by header (canonical
 * Chinese text or an alias), wherever the header row sits, and cleans each cell according to its kind.
 */
export interface ColumnSpec {
  /** the key the importer receives the value under, e.g. 'uscc' */
  field: string
  /** the canonical header as the statistics system or the template writes it, e.g. 统一社会信用代码 */
  header: string
  /** other spellings accepted (English keys, older templates), matched the same lenient way */
  aliases?: readonly string[]
  /** a file without this column is refused, naming it */
  required?: boolean
  /**
   * text (default): a string, numbers are turned into their plain decimal text;
   * number: thousands separators and units are stripped, numbers stored as text are accepted;
   * date: Excel dates, date serials and the usual written forms (2024-03-01, 2024/3/1, 2024年3月1日, 20240301).
   */
  kind?: 'text' | 'number' | 'date'
}

export interface SheetSpec {
  columns: readonly ColumnSpec[]
  /**
   * How many known headers a row must contain to be taken as the header row (default: three, or every
   * column when the spec has fewer). Title rows above it never reach this.
   */
  minHeaderMatches?: number
  /** headers read without a warning and ignored: read-only columns an export adds (所在地区, 行业名称) */
  ignore?: readonly string[]
}

/** A cleaned cell value: what importers validate. Placeholders ('—', '-', '/', '') become null. */
export type CellValue = string | number | Date | null

/**
 * A cell as the file holds it, before cleaning (kept for the error workbook, which repeats the original
 * rows). A formula contributes its cached result; `problem` marks cells the reader could not take a value from.
 */
export type RawValue = string | number | boolean | Date | null | { problem: 'formulaWithoutValue' | 'cellError'; text: string }

export interface RawRow {
  /** the row number as the spreadsheet shows it (1-based; CSV: the record's line as Excel would show it) */
  rowNumber: number
  /** cell values by column index (0 = column A) */
  cells: RawValue[]
}

export interface SheetRow {
  rowNumber: number
  values: Record<string, CellValue>
  /** field → column letter, for error messages and the error workbook */
  cellRefs: Record<string, string>
  /** problems found while reading the cells (a formula with no cached result, an error cell, a number that is not one) */
  errors: FieldError[]
  /** the row's cells as found, by column index */
  cells: readonly RawValue[]
}

export interface HeaderColumn {
  /** 0-based column index */
  index: number
  letter: string
  /** the header text as found (two-row headers joined with '_') */
  text: string
  /** the field it was matched to, or null for a column that is not read */
  field: string | null
  /** a column the spec lists as ignored (no warning), or the error workbook's reason column */
  ignored?: true
}

export interface HeaderMap {
  /** the row numbers the header occupies (one, or two for a merged two-row header) */
  rows: number[]
  columns: HeaderColumn[]
  /** field → column letter for every field found */
  fields: Record<string, string>
}

export interface ReadOptions {
  /** used in messages only */
  fileName?: string
  /** refuse files larger than this (default 50 MiB) */
  maxBytes?: number
  /** refuse workbooks that unpack to more than this (default 1 GiB: a million formatted rows take ~60 MB) */
  maxUnpackedBytes?: number
  /** refuse files with more data rows than this (default 200,000) */
  maxRows?: number
  /** how many non-empty rows of a sheet are searched for the header (default 30) */
  headerSearchRows?: number
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024
export const DEFAULT_MAX_ROWS = 200_000
export const DEFAULT_MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
export const DEFAULT_HEADER_SEARCH_ROWS = 30

/** The header of the column the error workbook adds; the reader ignores it, so a corrected error workbook re-imports. */
export const REASON_HEADER = '错误原因 / Reason'
