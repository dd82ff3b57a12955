/**
 * Reporting periods of the monthly enterprise statistics (规上工业企业月度主要指标). A report holds year-to-date
 * (1—本月累计) values, so a period is a year and the month the cumulation ends with. January and February are
 * reported together: the first period of a year is February (1—2月); a January period exists only in sources
 * that really have one (the caller says so with `allowJanuary`).
 */
import { msg, type Msg } from '../msg.ts'

export interface Period {
  year: number
  /** the last month of the cumulation: 2..12, or 1 where the source reports January on its own */
  month: number
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; error: Msg }

export interface PeriodOptions {
  /** accept January as a period of its own (default false: 1—2月 is the first period) */
  allowJanuary?: boolean
}

export const MIN_PERIOD_YEAR = 1990
export const MAX_PERIOD_YEAR = 2100

const EXPECTED = { zh: '应为 2023-11、202311、2023年11月 或 2023年1-11月 这样的报告期', en: 'expected a period such as 2023-11, 202311, 2023年11月 or 2023年1-11月' }

const malformed = (shown: string) =>
  msg('periodMalformed', `“${shown}”不是报告期：${EXPECTED.zh}`, `"${shown}" is not a reporting period: ${EXPECTED.en}`, { value: shown })

function checked(year: number, month: number, shown: string, opts: PeriodOptions): PeriodResult {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return { ok: false, error: malformed(shown) }
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) {
    return { ok: false, error: msg('periodYearOutOfRange', `报告期“${shown}”的年份 ${year} 不在 ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR} 之间`, `the year ${year} of period "${shown}" is not between ${MIN_PERIOD_YEAR} and ${MAX_PERIOD_YEAR}`, { value: shown }) }
  }
  if (month === 1 && !opts.allowJanuary) {
    return {
      ok: false,
      error: msg('januaryNotReported', `1月与2月合并报送，报告期“${shown}”应写作 ${year}年1-2月`, `January is reported together with February: write period "${shown}" as ${year}-02 (1—2月)`, { value: shown }),
    }
  }
  return { ok: true, period: { year, month } }
}

// Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included); serials in this range are 1990..2100.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const SERIAL_MIN = 32874
const SERIAL_MAX = 73415

function fromDate(d: Date, shown: string, opts: PeriodOptions): PeriodResult {
  if (Number.isNaN(d.getTime())) return { ok: false, error: malformed(shown) }
  // spreadsheet dates are read as UTC midnight: the UTC calendar fields are the ones the cell shows
  return checked(d.getUTCFullYear(), d.getUTCMonth() + 1, shown, opts)
}

function fromNumber(n: number, opts: PeriodOptions): PeriodResult {
  const shown = String(n)
  if (Number.isInteger(n)) {
    if (n >= 199001 && n <= 210012) return checked(Math.floor(n / 100), n % 100, shown, opts)
    if (n >= SERIAL_MIN && n <= SERIAL_MAX) return fromDate(new Date(EXCEL_EPOCH_MS + n * 86_400_000), shown, opts)
    return { ok: false, error: malformed(shown) }
  }
  // "2023.11" typed into a cell becomes the number 2023.11; but "2023.10" becomes 2023.1, which cannot be told from January
  const hundredths = Math.round(n * 100)
  if (Math.abs(n * 100 - hundredths) > 1e-6) return { ok: false, error: malformed(shown) }
  const year = Math.floor(hundredths / 100)
  const month = hundredths % 100
  if (month % 10 === 0) {
    return {
      ok: false,
      error: msg('periodAmbiguous', `报告期“${shown}”是数字，无法区分 ${year}年${month / 10}月 与 ${year}年${month}月；请把单元格设为文本并写作 ${year}-${String(month).padStart(2, '0')}`, `period "${shown}" is a number and could mean month ${month / 10} or ${month} of ${year}; format the cell as text and write e.g. ${year}-${String(month).padStart(2, '0')}`, { value: shown }),
    }
  }
  return checked(year, month, shown, opts)
}

const YEAR_MONTH = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:月份?)?$/
const RANGE = /^(\d{4})\s*年?\s*(\d{1,2})\s*月?\s*[-—–~～至到]+\s*(\d{1,2})\s*月份?$/
const COMPACT = /^(\d{4})(\d{2})$/
const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/

/**
 * Reads a period as sources write it: 2023-11, 2023/11, 2023.11, 202311, 2023年11月, 2023年1-11月 (any dash, ～, 至),
 * a date (2023-11-30, or an Excel date cell or serial: its month), a number 202311 or 2023.11.
 * A range must start in January (the values are year-to-date); 1-2月 is February.
 */
export function parsePeriod(value: string | number | Date, opts: PeriodOptions = {}): PeriodResult {
  if (value instanceof Date) return fromDate(value, Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10), opts)
  if (typeof value === 'number') return fromNumber(value, opts)
  const shown = value.trim()
  const s = shown.normalize('NFKC').replace(/\s+/g, ' ')
  const compact = COMPACT.exec(s)
  if (compact) return checked(Number(compact[1]), Number(compact[2]), shown, opts)
  const ym = YEAR_MONTH.exec(s)
  if (ym) return checked(Number(ym[1]), Number(ym[2]), shown, opts)
  const range = RANGE.exec(s)
  if (range) {
    const from = Number(range[2])
    const to = Number(range[3])
    if (from !== 1 || to < 1 || to > 12) {
      return {
        ok: false,
        error: msg('periodNotYearToDate', `报告期“${shown}”应从 1 月起累计（如 ${range[1]}年1-${to}月）`, `period "${shown}" must cumulate from January (e.g. ${range[1]}年1-${to}月)`, { value: shown }),
      }
    }
    // 1-1月 is January itself; 1-2月 is the combined first period
    return checked(Number(range[1]), to, shown, opts)
  }
  const date = DATE_TEXT.exec(s)
  if (date) return checked(Number(date[1]), Number(date[2]), shown, opts)
  return { ok: false, error: malformed(shown) }
}

/** 2023-11 (the key an API and a database use). */
export const periodKey = (p: Period) => `${p.year}-${String(p.month).padStart(2, '0')}`

/** 2023年1-11月, or 2023年1月 for a January of its own. */
export const periodLabel = (p: Period) => (p.month === 1 ? `${p.year}年1月` : `${p.year}年1-${p.month}月`)

export const comparePeriods = (a: Period, b: Period) => a.year - b.year || a.month - b.month

// China has kept UTC+8 without daylight saving since 1991.
const CHINA_OFFSET_MS = 8 * 3600 * 1000

/** The month it is in China at `now`. */
export function currentPeriod(now: Date): Period {
  const d = new Date(now.getTime() + CHINA_OFFSET_MS)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 }
}

/**
 * A period that has not begun yet (in China). The current month itself is not future: key enterprises file
 * their 快报 in the last days of the month it covers.
 */
export const isFuturePeriod = (p: Period, now: Date) => comparePeriods(p, currentPeriod(now)) > 0

/** The first period of a year: February (1—2月), or January where the source reports it on its own. */
export const firstPeriodMonth = (opts: PeriodOptions = {}) => (opts.allowJanuary ? 1 : 2)

/** The periods of a year in order, February to December (with January first when allowed). */
export function periodsOfYear(year: number, opts: PeriodOptions = {}): Period[] {
  const out: Period[] = []
  for (let m = firstPeriodMonth(opts); m <= 12; m++) out.push({ year, month: m })
  return out
}

const MONTH_EXPECTED = { zh: '应为 2023-11、202311 或 2023年11月 这样的单个月份', en: 'expected a single month such as 2023-11, 202311 or 2023年11月' }

/**
 * Reads a calendar month as sources of month values (the grid's electricity) write it: the same forms as
 * parsePeriod (2023-11, 202311, 2023年11月, a date or Excel date cell), January included. A range such as
 * 2023年1-11月 is a year-to-date period, not a month, and is refused (`monthIsRange`) rather than read as November.
 */
export function parseMonth(value: string | number | Date): PeriodResult {
  if (typeof value === 'string') {
    const shown = value.trim()
    const range = RANGE.exec(shown.normalize('NFKC').replace(/\s+/g, ' '))
    if (range && Number(range[2]) !== Number(range[3])) {
      return {
        ok: false,
        error: msg('monthIsRange', `“${shown}”是累计期，此处按月填报：${MONTH_EXPECTED.zh}`, `"${shown}" is a year-to-date period; a single month is expected here: ${MONTH_EXPECTED.en}`, { value: shown }),
      }
    }
  }
  const r = parsePeriod(value, { allowJanuary: true })
  if (r.ok || r.error.code !== 'periodMalformed') return r
  const shown = String(r.error.params?.value ?? value)
  return { ok: false, error: msg('periodMalformed', `“${shown}”不是月份：${MONTH_EXPECTED.zh}`, `"${shown}" is not a month: ${MONTH_EXPECTED.en}`, { value: shown }) }
}

/** 2023年11月: a calendar month (a month value, not a cumulation). */
export const monthLabel = (p: Period) => `${p.year}年${p.month}月`

/** The month before (2024-01 → 2023-12) and after. */
export const previousMonth = (p: Period): Period => (p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 })
export const nextMonth = (p: Period): Period => (p.month === 12 ? { year: p.year + 1, month: 1 } : { year: p.year, month: p.month + 1 })
