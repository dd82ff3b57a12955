/**
 * Profit change under the statistics convention: a percentage is printed only against a positive base;
 * otherwise the change is said in words (扭亏为盈, 由盈转亏, 亏损扩大/收窄). See docs/methodology.md.
 *
 * Every case, with prior = priorCum and cum = the year-to-date profit (any unit, e.g. fen):
 *
 * | prior        | cum          | result                                              |
 * |--------------|--------------|-----------------------------------------------------|
 * | null or 0    | any          | noBase (无可比基数)                                   |
 * | > 0          | ≥ 0          | growth, pct = (cum / prior − 1)·100 (cum 0 ⇒ −100)  |
 * | > 0          | < 0          | turnedLoss (由盈转亏)                                  |
 * | < 0          | > 0          | turnedProfit (扭亏为盈)                                 |
 * | < 0          | < prior      | lossWidened, amountPct = (cum / prior − 1)·100 > 0  |
 * | < 0          | prior ≤ cum ≤ 0 | lossNarrowed, amountPct = (1 − cum / prior)·100 ∈ [0, 100] (cum 0 ⇒ 100: loss eliminated, 减亏 100%; cum = prior ⇒ 0: loss unchanged) |
 */
import { roundHalfUp } from './money.ts'

export type ProfitChange =
  | { kind: 'growth'; pct: number }
  | { kind: 'turnedProfit' }
  | { kind: 'turnedLoss' }
  | { kind: 'lossWidened'; amountPct: number }
  | { kind: 'lossNarrowed'; amountPct: number }
  | { kind: 'noBase' }

export function profitChange(cum: number, priorCum: number | null): ProfitChange {
  if (priorCum === null || priorCum === 0) return { kind: 'noBase' }
  if (priorCum > 0) {
    if (cum < 0) return { kind: 'turnedLoss' }
    return { kind: 'growth', pct: ((cum - priorCum) / priorCum) * 100 }
  }
  if (cum > 0) return { kind: 'turnedProfit' }
  if (cum < priorCum) return { kind: 'lossWidened', amountPct: ((cum - priorCum) / priorCum) * 100 }
  return { kind: 'lossNarrowed', amountPct: ((priorCum - cum) / priorCum) * 100 + 0 }
}

/**
 * The change as it is printed: '增长 12.3%', '下降 5.0%', '持平', '扭亏为盈', '由盈转亏', '亏损扩大 8.1%',
 * '亏损收窄 8.1%', '亏损额持平', '上年同期无可比基数'. Percentages at `precision` decimals (default 1), rounded
 * half away from zero; a value that rounds to zero is said as unchanged.
 */
export function describeProfitChange(c: ProfitChange, precision = 1): { zh: string; en: string } {
  const f = (x: number) => roundHalfUp(Math.abs(x), precision).toFixed(precision)
  switch (c.kind) {
    case 'growth': {
      const r = roundHalfUp(c.pct, precision)
      if (r === 0) return { zh: '持平', en: 'unchanged' }
      return r > 0 ? { zh: `增长 ${f(c.pct)}%`, en: `up ${f(c.pct)}%` } : { zh: `下降 ${f(c.pct)}%`, en: `down ${f(c.pct)}%` }
    }
    case 'turnedProfit':
      return { zh: '扭亏为盈', en: 'turned from loss to profit' }
    case 'turnedLoss':
      return { zh: '由盈转亏', en: 'turned from profit to loss' }
    case 'lossWidened':
      if (roundHalfUp(c.amountPct, precision) === 0) return { zh: '亏损额持平', en: 'loss unchanged' }
      return { zh: `亏损扩大 ${f(c.amountPct)}%`, en: `loss widened by ${f(c.amountPct)}%` }
    case 'lossNarrowed':
      if (roundHalfUp(c.amountPct, precision) === 0) return { zh: '亏损额持平', en: 'loss unchanged' }
      return { zh: `亏损收窄 ${f(c.amountPct)}%`, en: `loss narrowed by ${f(c.amountPct)}%` }
    case 'noBase':
      return { zh: '上年同期无可比基数', en: 'no comparable base a year earlier' }
  }
}
