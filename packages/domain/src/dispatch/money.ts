/**
 * Money in the dispatch layer. Values arrive as decimal text in 万元 with at most 2 decimals (as PostgreSQL
 * `numeric(…, 2)` prints them) and are summed exactly as integer fen (hundredths of a 万元) held in JS numbers,
 * which are exact up to Number.MAX_SAFE_INTEGER (≈ 9.0e15 fen ≈ 9.0e13 万元). Never sum money as floats.
 */
import { msg, type Msg } from '../msg.ts'

/** A value that is not decimal text with at most 2 decimals, or is too large to be held exactly. */
export class DecimalTextError extends RangeError {
  readonly msg: Msg
  constructor(m: Msg) {
    super(`${m.zh} / ${m.en}`)
    this.name = 'DecimalTextError'
    this.msg = m
  }
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/

/**
 * Decimal text → integer fen: '12.3' → 1230, '-0.05' → -5, '7' → 700; null/undefined → null.
 * Throws DecimalTextError on anything else: text that is not a decimal, more than 2 significant decimals
 * ('1.005'; trailing zeros such as '1.500' are accepted), or a magnitude beyond exact integer range.
 */
export function toFen(v: string | null | undefined): number | null {
  if (v === null || v === undefined) return null
  const s = v.trim()
  const m = DECIMAL.exec(s)
  if (!m) {
    throw new DecimalTextError(msg('notDecimal', `“${v}”不是十进制数`, `"${v}" is not a decimal number`, { value: v }))
  }
  const frac = m[3] ?? ''
  if (/[1-9]/.test(frac.slice(2))) {
    throw new DecimalTextError(
      msg('tooManyDecimals', `“${v}”的小数超过 2 位（金额以万元计，最多到分）`, `"${v}" has more than 2 decimals (money in 万元 is kept to 2 decimals)`, { value: v }),
    )
  }
  const digits = (m[2] ?? '0') + frac.slice(0, 2).padEnd(2, '0')
  const abs = Number(digits)
  if (!Number.isSafeInteger(abs)) {
    throw new DecimalTextError(msg('decimalTooLarge', `“${v}”超出可精确计算的范围`, `"${v}" is too large to be summed exactly`, { value: v }))
  }
  return m[1] === '-' && abs !== 0 ? -abs : abs
}

/** Integer fen → decimal text with 2 decimals: 1230 → '12.30', -5 → '-0.05', 0 → '0.00'. */
export function fenText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fenText needs a safe integer number of fen, got ${fen}`)
  const neg = fen < 0
  const s = String(Math.abs(fen)).padStart(3, '0')
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12]

/**
 * Round to `decimals` places, halves away from zero, on the shortest decimal representation of x (so binary noise
 * such as 1.005 = 1.00499999… or 0.1 + 0.2 does not decide the result): 1.25 → 1.3, -1.25 → -1.3, 1.005 → 1.01
 * (2 places). This is how published figures are rounded (四舍五入). Never returns -0. NaN and ±Infinity pass through.
 */
export function roundHalfUp(x: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw new RangeError(`roundHalfUp: decimals must be an integer 0–12, got ${decimals}`)
  }
  if (!Number.isFinite(x)) return x
  const abs = Math.abs(x)
  if (abs === 0) return 0
  const f = POW10[decimals] as number
  // 15 significant digits of the shifted value drop the binary noise of arithmetic and of the shift itself
  // (12.349999999999998 → 123.5 → 124; 1.005 · 100 = 100.49999999999999 → 100.5 → 101) before rounding; numbers only,
  // no string round trip per digit: the dispatch rounds hundreds of thousands of figures
  const shifted = abs * f
  const r = Math.round(shifted < 1e15 ? Number(shifted.toPrecision(15)) : shifted) / f
  return x < 0 && r !== 0 ? -r : r
}
