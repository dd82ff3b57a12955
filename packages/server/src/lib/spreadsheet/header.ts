import type { FieldError } from '../errors.ts'
import { columnLetter, headerKey, rawText } from './normalize.ts'
import { REASON_HEADER, type ColumnSpec, type HeaderColumn, type HeaderMap, type RawRow, type SheetSpec } from './types.ts'

/** Header text → field, by the lenient key of the canonical header and of every alias. */
export function headerLookup(spec: SheetSpec): Map<string, ColumnSpec> {
  const m = new Map<string, ColumnSpec>()
  for (const c of spec.columns) {
    for (const name of [c.header, c.field, ...(c.aliases ?? [])]) {
      const k = headerKey(name)
      if (k && !m.has(k)) m.set(k, c)
    }
  }
  return m
}

interface Match {
  columns: HeaderColumn[]
  matched: Set<string>
  /** two-row headers only: whether any match needed the upper row (otherwise the upper row is just a title) */
  usedParent: boolean
}

const texts = (row: RawRow) => row.cells.map(rawText)

/** A header cell to match: its text, and for a two-row header the lower text alone as a second try. */
interface HeaderText {
  text: string
  child?: string
  /** the text includes the upper row's (a parent over a child, or a parent merged down alone) */
  fromParent?: boolean
}

function matchTexts(cols: readonly HeaderText[], lookup: Map<string, ColumnSpec>, ignored: ReadonlySet<string>, reasonKey: string): Match {
  const columns: HeaderColumn[] = []
  const matched = new Set<string>()
  let usedParent = false
  cols.forEach((c, index) => {
    if (!c.text) return
    let field: string | null = null
    let skip = false
    const tries = c.child === undefined ? [c.text] : [c.text, c.child]
    for (const [i, t] of tries.entries()) {
      const key = headerKey(t)
      if (key === reasonKey) field = REASON_HEADER
      if (key === reasonKey || ignored.has(key)) {
        skip = true
        break
      }
      const spec = lookup.get(key)
      // a field found twice keeps its first column; the second is reported as a repeated column
      if (spec && !matched.has(spec.field)) {
        field = spec.field
        matched.add(spec.field)
        if (i === 0 && c.fromParent) usedParent = true
        break
      }
    }
    columns.push({ index, letter: columnLetter(index), text: c.text, field, ...(skip ? { ignored: true as const } : {}) })
  })
  return { columns, matched, usedParent }
}

/**
 * Joins a two-row header: a parent cell merged across several columns holds its text in the first of
 * them only, so the parent is carried right over the columns that have a child text below
 * (工业总产值 over 本年累计 | 上年同期 → 工业总产值_本年累计, 工业总产值_上年同期). A parent merged down over
 * both rows (企业名称) has no child and stands alone. When parent_child is not a known header the child
 * alone is tried (a grouping row such as 基本信息 over 企业名称).
 */
function combine(upper: readonly string[], lower: readonly string[]): HeaderText[] {
  const out: HeaderText[] = []
  let carried = ''
  const n = Math.max(upper.length, lower.length)
  for (let i = 0; i < n; i++) {
    const p = upper[i] ?? ''
    const c = lower[i] ?? ''
    if (p) carried = p
    else if (!c) carried = ''
    const parent = p || (c ? carried : '')
    if (parent && c) out.push({ text: `${parent}_${c}`, child: c, fromParent: true })
    else if (parent) out.push({ text: parent, fromParent: true })
    else out.push({ text: c })
  }
  return out
}

export interface FoundHeader {
  /** index into the searched rows of the first header row */
  start: number
  rowCount: 1 | 2
  header: HeaderMap
  matched: number
}

/**
 * The header among the first rows of a sheet: the first row (or pair of rows, for a merged two-row header)
 * holding enough known headers. Title rows above it ("2024年规上工业企业名录", "单位：万元") never do.
 * Returns the best partial match too, so a refusal can say which columns were missing.
 */
export function findHeader(rows: readonly RawRow[], spec: SheetSpec): { found?: FoundHeader; best?: FoundHeader } {
  const lookup = headerLookup(spec)
  const reasonKey = headerKey(REASON_HEADER)
  const ignored = new Set((spec.ignore ?? []).map(headerKey))
  const min = spec.minHeaderMatches ?? Math.min(3, spec.columns.length)
  let best: FoundHeader | undefined
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]
    if (!row) continue
    const single = matchTexts(texts(row).map((text): HeaderText => ({ text })), lookup, ignored, reasonKey)
    let candidate: FoundHeader = { start: i, rowCount: 1, header: toMap([row.rowNumber], single.columns), matched: single.matched.size }
    const next = rows[i + 1]
    if (next && next.rowNumber === row.rowNumber + 1) {
      const double = matchTexts(combine(texts(row), texts(next)), lookup, ignored, reasonKey)
      if (double.usedParent && double.matched.size > single.matched.size) {
        candidate = { start: i, rowCount: 2, header: toMap([row.rowNumber, next.rowNumber], double.columns), matched: double.matched.size }
      }
    }
    if (candidate.matched >= min) return { found: candidate, best: candidate }
    if (!best || candidate.matched > best.matched) best = candidate
  }
  return best ? { best } : {}
}

function toMap(rowNumbers: number[], columns: HeaderColumn[]): HeaderMap {
  const fields: Record<string, string> = {}
  for (const c of columns) if (c.field && !c.ignored) fields[c.field] = c.letter
  return { rows: rowNumbers, columns, fields }
}

const listHeaders = (cols: readonly ColumnSpec[]) => cols.map((c) => `“${c.header}”`).join('、')
const listHeadersEn = (cols: readonly ColumnSpec[]) => cols.map((c) => `"${c.header}" (${c.field})`).join(', ')

/** Unknown and repeated columns (warnings: they are ignored) and missing required columns (errors). */
export function checkHeader(header: HeaderMap, spec: SheetSpec, sheetName: string | null): { errors: FieldError[]; warnings: FieldError[] } {
  const errors: FieldError[] = []
  const warnings: FieldError[] = []
  const lookup = headerLookup(spec)
  const row = header.rows[header.rows.length - 1]
  for (const c of header.columns) {
    if (c.field !== null || c.ignored) continue
    const spec = lookup.get(headerKey(c.text))
    warnings.push(
      spec
        ? { row, column: c.letter, field: spec.field, code: 'duplicateColumn', message: { zh: `第 ${c.letter} 列“${c.text}”与前面的“${spec.header}”列重复，已忽略`, en: `column ${c.letter} "${c.text}" repeats the "${spec.header}" column before it and is ignored` } }
        : { row, column: c.letter, code: 'unknownColumn', message: { zh: `第 ${c.letter} 列“${c.text}”不是可导入的列，已忽略`, en: `column ${c.letter} "${c.text}" is not a column this import knows; it is ignored` }, value: c.text },
    )
  }
  const missing = spec.columns.filter((c) => c.required && !(c.field in header.fields))
  const where = sheetName ? { zh: `工作表“${sheetName}”`, en: `sheet "${sheetName}"` } : { zh: '文件', en: 'the file' }
  for (const c of missing) {
    const aka = c.aliases?.length ? { zh: `（也可写作 ${c.aliases.join('、')}）`, en: ` (or ${c.aliases.join(', ')})` } : { zh: '', en: '' }
    errors.push({
      field: c.field,
      code: 'missingColumn',
      message: { zh: `${where.zh}缺少必填列“${c.header}”${aka.zh}`, en: `${where.en} lacks the required column "${c.header}"${aka.en}` },
    })
  }
  return { errors, warnings }
}

/** The refusal when no row of any sheet looks like the header. */
export function noHeaderError(spec: SheetSpec, searched: number): FieldError {
  const required = spec.columns.filter((c) => c.required)
  const shown = required.length ? required : spec.columns.slice(0, 4)
  return {
    code: 'noHeader',
    message: {
      zh: `未找到表头：在各工作表的前 ${searched} 行中没有一行包含 ${listHeaders(shown)} 等列名；请使用导入模板的表头`,
      en: `no header row found: none of the first ${searched} rows of any sheet names the columns ${listHeadersEn(shown)}; use the headers of the import template`,
    },
  }
}
