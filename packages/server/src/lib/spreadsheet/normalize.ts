import type { FieldError } from '../errors.ts'
import type { CellValue, ColumnSpec, RawValue } from './types.ts'

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

// Zero-width characters and the BOM survive copy-paste from web pages and Word into cells.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g
const FULLWIDTH_DIGIT = /[\uff10-\uff19]/g
// Statisticians write these for "no value"; none of them is a value.
const PLACEHOLDER = /^[-—–―‐‑－─/／\\]+$/

/**
 * The key a header is matched by: full-width and half-width forms alike (NFKC), case, spaces, separators,
 * required-markers and a parenthesised unit ("营业收入（万元）") do not count.
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/[([{【〔〖][^)\]}】〕〗]*[)\]}】〕〗]/g, '')
    .replace(/[\s_\-—–/\\:：*※·.。,，、]/g, '')
}

/** Trims (including the ideographic space), drops invisible characters and turns full-width digits half-width. */
export function cleanText(s: string): string {
  return s
    .replace(INVISIBLE, '')
    .replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .trim()
}

export const isPlaceholder = (s: string) => s === '' || PLACEHOLDER.test(s)

/** A number as plain decimal text: no exponent for whole numbers, no binary noise (0.1 + 0.2 → "0.3"). */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0)
  return String(Number(n.toPrecision(15)))
}

const dateText = (d: Date) => {
  const iso = d.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
}

/** The text a raw cell shows (for headers and text fields). */
export function rawText(v: RawValue): string {
  if (v === null) return ''
  if (typeof v === 'string') return cleanText(v)
  if (typeof v === 'number') return numberText(v)
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dateText(v)
  return ''
}

/** Parses a number written by hand: "1,234.5", "１２３", "(1,234)", "12.5%", "+3". Undefined when it is not one. */
export function parseNumber(text: string): number | undefined {
  let s = text.normalize('NFKC').replace(/[\s,_']/g, '')
  let negative = false
  const paren = /^\((.*)\)$/.exec(s)
  if (paren) {
    negative = true
    s = paren[1] ?? ''
  }
  let scale = 1
  if (s.endsWith('%')) {
    scale = 0.01
    s = s.slice(0, -1)
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined
  const n = Number(s) * scale
  if (!Number.isFinite(n)) return undefined
  return negative ? -n : n
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30)
const DAY = 86_400_000

function utcDate(y: number, m: number, d: number): Date | undefined {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return undefined
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined
}

/**
 * An Excel serial day number (1900 system) or a yyyymmdd number, as a UTC date. A bare year (1800–2200) is
 * refused rather than read as a day of 1904–1906: it is what people type when they do not know the day.
 */
function dateFromNumber(n: number): Date | undefined {
  if (n >= 19000101 && n <= 99991231 && Number.isInteger(n)) {
    return utcDate(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100)
  }
  if (Number.isInteger(n) && n >= 1800 && n <= 2200) return undefined
  if (n >= 1 && n < 2958466) return new Date(EXCEL_EPOCH + Math.floor(n) * DAY)
  return undefined
}

/** Dates as officials type them: 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301, optionally with a time. */
export function parseDate(text: string): Date | undefined {
  const s = text.normalize('NFKC').trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '')
  const ymd = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s)
  if (ymd) return utcDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]))
  if (/^\d{4,8}(\.\d+)?$/.test(s)) return dateFromNumber(Number(s))
  return undefined
}

export type Cleaned = { value: CellValue } | { value: null; error: { code: string; zh: string; en: string } }

const problemError = (v: Extract<RawValue, { problem: string }>, ref: string) =>
  v.problem === 'formulaWithoutValue'
    ? {
        code: 'formulaWithoutValue',
        zh: `单元格 ${ref} 是公式（=${v.text}）但没有保存计算结果；请在 Excel 中打开并保存后重新导入，或把公式粘贴为数值`,
        en: `cell ${ref} holds a formula (=${v.text}) without a saved result; open and save the file in Excel, or paste the values, then import again`,
      }
    : { code: 'cellError', zh: `单元格 ${ref} 是错误值 ${v.text}`, en: `cell ${ref} holds the error value ${v.text}` }

/** Cleans one cell for a column of the given kind; `ref` (e.g. "C12") is used in messages. */
export function cleanCell(v: RawValue, kind: ColumnSpec['kind'], ref: string): Cleaned {
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) return { value: null, error: problemError(v, ref) }
  if (kind === 'number') {
    if (typeof v === 'number') return { value: v }
    if (typeof v === 'boolean') return { value: v ? 1 : 0 }
    const text = rawText(v)
    if (isPlaceholder(text)) return { value: null }
    const n = v instanceof Date ? undefined : parseNumber(text)
    if (n === undefined) {
      return { value: null, error: { code: 'notANumber', zh: `单元格 ${ref} 的“${text}”不是数字`, en: `cell ${ref}: "${text}" is not a number` } }
    }
    return { value: n }
  }
  if (kind === 'date') {
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? { value: null } : { value: v }
    const d = typeof v === 'number' ? dateFromNumber(v) : undefined
    if (d) return { value: d }
    const text = rawText(v)
    if (isPlaceholder(text)) return { value: null }
    const parsed = parseDate(text)
    if (!parsed) {
      return {
        value: null,
        error: { code: 'notADate', zh: `单元格 ${ref} 的“${text}”不是日期（应为 2024-03-01 这样的格式）`, en: `cell ${ref}: "${text}" is not a date (expected e.g. 2024-03-01)` },
      }
    }
    return { value: parsed }
  }
  const text = rawText(v)
  return { value: isPlaceholder(text) ? null : text }
}

/** A row error located at a cell. */
export function cellError(row: number, column: string, field: string, e: { code: string; zh: string; en: string }, value?: unknown): FieldError {
  return { row, column, field, code: e.code, message: { zh: e.zh, en: e.en }, ...(value !== undefined ? { value } : {}) }
}

const YES = new Set(['是', 'true', '1', 'y', 'yes', '√', '✓', 't'])
const NO = new Set(['否', 'false', '0', 'n', 'no', '×', '✗', 'f'])

/** 是/否, true/false, 1/0, Y/N, yes/no. Null for an empty cell, undefined when the text is none of these. */
export function parseYesNo(v: CellValue): boolean | null | undefined {
  if (v === null) return null
  if (v instanceof Date) return undefined
  const s = (typeof v === 'number' ? numberText(v) : v).normalize('NFKC').trim().toLowerCase()
  if (s === '') return null
  if (YES.has(s)) return true
  if (NO.has(s)) return false
  return undefined
}

/** Splits a list cell on the separators people use: , ， ; ； 、 (and line breaks). */
export function splitList(v: CellValue): string[] {
  if (v === null) return []
  const s = typeof v === 'string' ? v : typeof v === 'number' ? numberText(v) : dateText(v)
  return s
    .split(/[,，;；、\n]/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
}

/** A cleaned value as text (a date as YYYY-MM-DD), or null. */
export function asText(v: CellValue): string | null {
  if (v === null) return null
  if (typeof v === 'string') return v
  if (typeof v === 'number') return numberText(v)
  return dateText(v)
}
