/**
 * Enterprise electricity as the grid company (电网企业) reports it: one value per customer account (用电户号) and
 * calendar month, in 万千瓦时 (10⁴ kWh), a MONTH value, not a year-to-date one. These are the checks of one value
 * against itself and against the enterprise's own previous months; the decimal text keeps four places (1 kWh).
 */
import { msg, type Msg } from '../msg.ts'
import { decimalText } from '../reports/figures.ts'

/**
 * numeric(16,4) holds 12 digits before the point; 10¹⁰ 万千瓦时 a month is a thousand times the largest plant's
 * and keeps the value within the 15 digits a float carries exactly.
 */
const LIMIT = 1e10
/** Places kept: 万千瓦时 to four places is one kWh, what a meter reads. */
export const ELECTRICITY_SCALE = 4

export interface ElectricityValueCheck {
  error: Msg | null
  /** the value as decimal text with four places, when there is no error */
  value: string | null
}

/** A month's value on its own: present, not negative, not absurdly large (a file in kWh rather than 万千瓦时). */
export function checkElectricityValue(v: number | null): ElectricityValueCheck {
  if (v === null) return { error: msg('valueMissing', '用电量不能为空（当月没有用电填 0）', 'electricity is required (0 when nothing was consumed)'), value: null }
  if (v < 0) return { error: msg('valueNegative', `用电量不能为负数（${v}）`, `electricity cannot be negative (${v})`, { value: v }), value: null }
  if (v >= LIMIT) {
    return { error: msg('valueTooLarge', `用电量 ${v} 过大（单位为万千瓦时，请检查是否误填为千瓦时）`, `electricity ${v} is too large (the unit is 10⁴ kWh: was it entered in kWh?)`, { value: v }), value: null }
  }
  return { error: null, value: decimalText(v, ELECTRICITY_SCALE) }
}

export interface MonthValue {
  year: number
  month: number
  /** decimal text */
  value: string
}

export interface ElectricityJumpOptions {
  /** a month more than this many times its baseline, or less than 1/factor of it (but not zero), is flagged; default 5 */
  jumpFactor?: number
  /** how many previous months make the baseline (default 6) */
  baselineMonths?: number
}

const monthIndex = (p: { year: number; month: number }) => p.year * 12 + p.month - 1

/**
 * Warnings on a month's value against the enterprise's own previous months (the `baselineMonths` calendar months
 * before it; months without a reading do not count). A zero is a stoppage, not an implausible value: it is left to
 * the warnings of the dispatch. Months after `at` in `previous` are ignored.
 */
export function electricityJumpWarning(at: { year: number; month: number }, value: number, previous: readonly MonthValue[], opts: ElectricityJumpOptions = {}): Msg | null {
  const factor = opts.jumpFactor ?? 5
  const span = opts.baselineMonths ?? 6
  const here = monthIndex(at)
  const window = previous.filter((p) => here - monthIndex(p) >= 1 && here - monthIndex(p) <= span).map((p) => Number(p.value))
  if (!window.length) return null
  const baseline = window.reduce((a, b) => a + b, 0) / window.length
  if (baseline <= 0 || value === 0) return null
  const ratio = value / baseline
  if (ratio > factor) {
    return msg('implausibleJump', `用电量 ${value} 约为本企业此前 ${window.length} 个月月均（${baseline.toFixed(2)}）的 ${ratio.toFixed(1)} 倍，请核实（单位为万千瓦时）`, `electricity ${value} is about ${ratio.toFixed(1)} times this enterprise's average of the ${window.length} months before (${baseline.toFixed(2)}); please check (the unit is 10⁴ kWh)`, { value, baseline: Number(baseline.toFixed(4)) })
  }
  if (ratio * factor < 1) {
    return msg('implausibleDrop', `用电量 ${value} 不到本企业此前 ${window.length} 个月月均（${baseline.toFixed(2)}）的 1/${factor}，请核实`, `electricity ${value} is less than 1/${factor} of this enterprise's average of the ${window.length} months before (${baseline.toFixed(2)}); please check`, { value, baseline: Number(baseline.toFixed(4)) })
  }
  return null
}

/** The sum of decimal texts, exact (ten-thousandths as bigint), as decimal text with four places. */
export function sumDecimals(values: readonly string[]): string {
  let total = 0n
  for (const v of values) {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(v.trim())
    if (!m) throw new Error(`not decimal text: ${v}`)
    const digits = BigInt((m[2] ?? '0') + (m[3] ?? '').padEnd(ELECTRICITY_SCALE, '0').slice(0, ELECTRICITY_SCALE))
    total += m[1] ? -digits : digits
  }
  const neg = total < 0n
  const s = (neg ? -total : total).toString().padStart(ELECTRICITY_SCALE + 1, '0')
  return `${neg ? '-' : ''}${s.slice(0, -ELECTRICITY_SCALE)}.${s.slice(-ELECTRICITY_SCALE)}`
}
