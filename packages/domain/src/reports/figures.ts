/**
 * The figures of one monthly report and their checks. Money (万元) and electricity (万千瓦时) are kept as decimal
 * text with two places, as the database's numeric(16,2) holds them: never a binary float once read.
 */
import { msg, type Msg } from '../msg.ts'

/** Year-to-date values and their 上年同期 (same period of the previous year), as reported. */
export const monthlyValueFields = [
  'grossOutputCum',
  'grossOutputPriorCum',
  'revenueCum',
  'revenuePriorCum',
  'profitCum',
  'profitPriorCum',
  'electricityCum',
] as const
export type MonthlyValueField = (typeof monthlyValueFields)[number]

export type MonthlyFigures = Record<MonthlyValueField, string | null> & { employees: number | null }

/** Numbers as read from a file, before they become decimal text. */
export type MonthlyNumbers = Record<MonthlyValueField, number | null> & { employees: number | null }

const labels: Record<MonthlyValueField | 'employees', { zh: string; en: string }> = {
  grossOutputCum: { zh: '工业总产值（本年累计）', en: 'gross output (year to date)' },
  grossOutputPriorCum: { zh: '工业总产值（上年同期）', en: 'gross output (same period last year)' },
  revenueCum: { zh: '营业收入（本年累计）', en: 'revenue (year to date)' },
  revenuePriorCum: { zh: '营业收入（上年同期）', en: 'revenue (same period last year)' },
  profitCum: { zh: '利润总额（本年累计）', en: 'total profit (year to date)' },
  profitPriorCum: { zh: '利润总额（上年同期）', en: 'total profit (same period last year)' },
  electricityCum: { zh: '用电量（本年累计）', en: 'electricity (year to date)' },
  employees: { zh: '从业人员平均人数', en: 'average employees' },
}
export const monthlyFieldLabel = (f: MonthlyValueField | 'employees') => labels[f]

/** Fields that must be filled: the two figures every report of the statistics system carries. */
export const requiredMonthlyFields: readonly MonthlyValueField[] = ['grossOutputCum', 'revenueCum']
/** Profit may be negative (a loss); nothing else may. */
const SIGNED: ReadonlySet<MonthlyValueField> = new Set(['profitCum', 'profitPriorCum'])
/** numeric(16,2): 14 digits before the point. */
const LIMIT = 1e14

/** A number as decimal text rounded half away from zero to `scale` places (as PostgreSQL rounds numeric). */
export function decimalText(n: number, scale = 2): string {
  // toPrecision(15) drops binary noise (0.1 + 0.2) before rounding on the decimal digits
  const exact = Number(n.toPrecision(15))
  const sign = exact < 0 ? '-' : ''
  const [int = '0', frac = ''] = Math.abs(exact).toFixed(Math.min(20, scale + 6)).split('.')
  let digits = BigInt(int + frac.slice(0, scale).padEnd(scale, '0'))
  if (Number(frac[scale] ?? '0') >= 5) digits += 1n
  const s = digits.toString().padStart(scale + 1, '0')
  const out = scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s
  return digits === 0n ? out : sign + out
}

/** Decimal text → hundredths as a bigint (exact arithmetic for cumulative differences). */
function toHundredths(s: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s.trim())
  if (!m) throw new Error(`not decimal text: ${s}`)
  const frac = (m[3] ?? '').padEnd(2, '0').slice(0, 2)
  const v = BigInt((m[2] ?? '0') + frac)
  return m[1] ? -v : v
}
function fromHundredths(v: bigint): string {
  const neg = v < 0n
  const s = (neg ? -v : v).toString().padStart(3, '0')
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`
}

/**
 * The month's own value from two year-to-date values: cum − prevCum. `prevCum` null means the report is the
 * first period of its year (1—2月, or January), whose cumulative is its own value. Null when `cum` is null.
 * The caller passes null for prevCum only for a first period: a missing previous month is not a zero.
 */
export function currentMonthValue(cum: string | null, prevCum: string | null): string | null {
  if (cum === null) return null
  if (prevCum === null) return fromHundredths(toHundredths(cum))
  return fromHundredths(toHundredths(cum) - toHundredths(prevCum))
}

export interface FigureIssue {
  field: MonthlyValueField | 'employees'
  message: Msg
}

export interface MonthlyCheck {
  errors: FigureIssue[]
  warnings: FigureIssue[]
  /** the figures as decimal text, when there is no error */
  figures: MonthlyFigures | null
}

export interface MonthlyCheckOptions {
  /**
   * A month whose own value is more than this many times the average month before it (or a year-to-date value
   * more than this many times its 上年同期, or less than 1/factor of it) is flagged as implausible. Default 5.
   */
  jumpFactor?: number
}

export interface PreviousReport {
  /** the month of the previous report of the same year */
  month: number
  figures: Pick<MonthlyFigures, 'grossOutputCum' | 'revenueCum' | 'electricityCum'>
}

const JUMP_CHECKED = ['grossOutputCum', 'revenueCum', 'electricityCum'] as const
const PRIOR_OF = { grossOutputCum: 'grossOutputPriorCum', revenueCum: 'revenuePriorCum' } as const

/**
 * Checks one monthly report. Errors: a missing required figure, a negative output, revenue, electricity or head
 * count (profit may be negative), a head count that is not whole, a value too large to store. Warnings (corrections
 * happen, so these never refuse a file): a cumulative smaller than the enterprise's previous report of the same
 * year, a month far above the months before it, a year-to-date far from its 上年同期.
 */
export function checkMonthlyReport(values: MonthlyNumbers, month: number, previous: PreviousReport | null, opts: MonthlyCheckOptions = {}): MonthlyCheck {
  const factor = opts.jumpFactor ?? 5
  const errors: FigureIssue[] = []
  const warnings: FigureIssue[] = []
  const figures = {} as Record<MonthlyValueField, string | null>
  for (const f of monthlyValueFields) {
    const v = values[f]
    const l = labels[f]
    figures[f] = null
    if (v === null) {
      if (requiredMonthlyFields.includes(f)) errors.push({ field: f, message: msg('valueMissing', `${l.zh}不能为空（没有生产时填 0）`, `${l.en} is required (0 when nothing was produced)`) })
      continue
    }
    if (Math.abs(v) >= LIMIT) {
      errors.push({ field: f, message: msg('valueTooLarge', `${l.zh} ${v} 过大（单位为万元/万千瓦时，请检查是否误填为元）`, `${l.en} ${v} is too large (the unit is 10⁴ yuan / 10⁴ kWh: was it entered in yuan?)`, { value: v }) })
      continue
    }
    if (v < 0 && !SIGNED.has(f)) {
      errors.push({ field: f, message: msg('valueNegative', `${l.zh}不能为负数（${v}）`, `${l.en} cannot be negative (${v})`, { value: v }) })
      continue
    }
    figures[f] = decimalText(v)
  }
  const emp = values.employees
  if (emp !== null && (!Number.isInteger(emp) || emp < 0 || emp > 2_000_000_000)) {
    errors.push({ field: 'employees', message: msg('employeesInvalid', `从业人员平均人数应为非负整数，而不是 ${emp}`, `average employees must be a whole number ≥ 0, not ${emp}`, { value: emp }) })
  }
  if (errors.length) return { errors, warnings, figures: null }

  for (const f of JUMP_CHECKED) {
    const cum = values[f]
    const before = previous?.figures[f]
    if (cum === null || previous === null || before === null || before === undefined) continue
    const prev = Number(before)
    const l = labels[f]
    if (cum < prev) {
      warnings.push({ field: f, message: msg('cumulativeDecreased', `${l.zh} ${cum} 小于本企业 ${previous.month} 月的累计值 ${before}（累计值一般不会减少，请核实是否为更正）`, `${l.en} ${cum} is less than this enterprise's cumulative of month ${previous.month} (${before}); cumulative values rarely fall: is this a correction?`, { value: cum, previous: before }) })
      continue
    }
    const months = month - previous.month
    if (prev > 0 && months > 0 && previous.month > 0) {
      const perMonthBefore = prev / previous.month
      const perMonthNow = (cum - prev) / months
      if (perMonthNow > factor * perMonthBefore) {
        warnings.push({ field: f, message: msg('implausibleJump', `${l.zh}的月度值约为此前月均的 ${(perMonthNow / perMonthBefore).toFixed(1)} 倍，请核实`, `${l.en}: the month's value is about ${(perMonthNow / perMonthBefore).toFixed(1)} times the average month before it; please check`, { value: cum, previous: before }) })
      }
    }
  }
  for (const [f, p] of Object.entries(PRIOR_OF) as [keyof typeof PRIOR_OF, MonthlyValueField][]) {
    const cum = values[f]
    const prior = values[p]
    if (cum === null || prior === null || prior <= 0 || cum <= 0) continue
    if (cum > factor * prior || cum * factor < prior) {
      const l = labels[f]
      warnings.push({ field: f, message: msg('implausibleYoy', `${l.zh} ${cum} 与上年同期 ${prior} 相差超过 ${factor} 倍，请核实`, `${l.en} ${cum} differs from the same period last year (${prior}) by more than ${factor} times; please check`, { value: cum, prior }) })
    }
  }
  return { errors, warnings, figures: { ...figures, employees: emp } }
}
