/**
 * Checks of one figure against its indicator: the unit written beside it, the value, the period it is published
 * for, and how it compares with the indicator's alarm and excellence thresholds. Pure: the importer, the target
 * form and the dispatch call the same functions.
 */
import { msg, type Msg } from '../msg.ts'
import { periodLabel, type Period } from '../reports/period.ts'
import type { Indicator, IndicatorUnit } from './catalogue.ts'

/** Spellings of each unit found in statistics tables (compared after NFKC and without spaces or brackets). */
const UNIT_SPELLINGS: Readonly<Record<IndicatorUnit, readonly string[]>> = {
  '%': ['%', '百分比', '百分数', 'percent', 'pct'],
  家: ['家', '户', '个', '家企业', '个企业', 'enterprises', 'firms'],
}

const unitKey = (s: string) => s.normalize('NFKC').replace(/[\s()（）[\]【】]/g, '').toLowerCase()

/** The unit a written unit stands for ('％', '(%)', '百分比' → '%'; '户' → '家'), or null when it is none we know. */
export function parseUnit(text: string): IndicatorUnit | null {
  const k = unitKey(text)
  if (!k) return null
  for (const [unit, spellings] of Object.entries(UNIT_SPELLINGS) as [IndicatorUnit, readonly string[]][]) {
    if (spellings.some((s) => unitKey(s) === k)) return unit
  }
  return null
}

/** An error when a unit is written and is not the indicator's; null when it matches or is left empty. */
export function checkUnit(ind: Indicator, text: string | null | undefined): Msg | null {
  if (text === null || text === undefined || text.trim() === '') return null
  const unit = parseUnit(text)
  if (unit === ind.unit) return null
  return msg(
    'unitMismatch',
    `单位“${text.trim()}”与指标“${ind.nameZh}”的单位“${ind.unit}”不符${ind.kind === 'growth' ? '（增速按百分数填写，如 5.2 表示增长 5.2%）' : ''}`,
    `unit "${text.trim()}" does not match the unit "${ind.unit}" of ${ind.nameEn}${ind.kind === 'growth' ? ' (growth is written in per cent: 5.2 means +5.2 %)' : ''}`,
    { value: text.trim(), expected: ind.unit },
  )
}

/** Decimals kept for an indicator value (numeric(18,4)); published figures have at most 2. */
export const VALUE_SCALE = 4

export interface ValueCheck {
  errors: Msg[]
  warnings: Msg[]
}

/**
 * A figure (an official value or a target) against its indicator: a number, not below a fall of 100 %, a whole
 * non-negative count for 家; outside the plausible range only a warning (a misplaced decimal point, a rate
 * written as a fraction).
 */
export function checkIndicatorValue(ind: Indicator, value: number, what: { zh: string; en: string } = { zh: '数值', en: 'the value' }): ValueCheck {
  const out: ValueCheck = { errors: [], warnings: [] }
  if (!Number.isFinite(value)) {
    out.errors.push(msg('notANumber', `${what.zh}不是有效数字`, `${what.en} is not a valid number`))
    return out
  }
  const shown = String(value)
  const { min, max } = ind.hardRange
  if (min !== null && value < min) {
    out.errors.push(
      ind.kind === 'growth'
        ? msg('growthBelowMinus100', `${what.zh} ${shown}% 小于 -100%：增速不可能低于 -100%（下降不超过 100%）`, `${what.en} ${shown} % is below -100 %: nothing falls by more than 100 %`, { value })
        : msg('valueNegative', `${what.zh} ${shown} 不能为负数`, `${what.en} ${shown} cannot be negative`, { value }),
    )
  }
  if (max !== null && value > max) out.errors.push(msg('valueTooLarge', `${what.zh} ${shown} 大于上限 ${max}`, `${what.en} ${shown} exceeds the maximum ${max}`, { value }))
  if (ind.unit === '家' && !Number.isInteger(value)) {
    out.errors.push(msg('notAWholeNumber', `${what.zh} ${shown} 应为整数（单位：家）`, `${what.en} ${shown} must be a whole number (enterprises)`, { value }))
  }
  if (out.errors.length === 0 && (value < ind.plausibleRange.min || value > ind.plausibleRange.max)) {
    out.warnings.push(
      msg(
        'implausibleValue',
        `${what.zh} ${shown}${ind.unit} 超出“${ind.nameZh}”常见范围（${ind.plausibleRange.min}～${ind.plausibleRange.max}${ind.unit}），请核对小数点和单位`,
        `${what.en} ${shown} ${ind.unit} is outside the usual range of ${ind.nameEn} (${ind.plausibleRange.min} to ${ind.plausibleRange.max} ${ind.unit}); check the decimal point and the unit`,
        { value },
      ),
    )
  }
  return out
}

/** Months a figure of the indicator's frequency is published for. */
export function publicationMonths(ind: Indicator): readonly number[] {
  if (ind.frequency === 'annual') return [12]
  if (ind.frequency === 'quarterly') return [3, 6, 9, 12]
  return [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
}

/**
 * An error when the period is not one the indicator is published for: a quarterly figure belongs to March, June,
 * September or December (1—3月 … 1—12月); an annual figure to December (write the year, or 2024年1-12月).
 */
export function checkIndicatorPeriod(ind: Indicator, p: Period): Msg | null {
  if (ind.frequency === 'monthly' || publicationMonths(ind).includes(p.month)) return null
  if (ind.frequency === 'annual') {
    return msg(
      'periodNotAnnual',
      `“${ind.nameZh}”按年公布，报告期应为全年（写作 ${p.year} 或 ${p.year}年1-12月），不是 ${periodLabel(p)}`,
      `${ind.nameEn} is published for the year: write the period as ${p.year} (or ${p.year}-12), not ${p.year}-${String(p.month).padStart(2, '0')}`,
      { month: p.month },
    )
  }
  return msg(
    'periodNotQuarterEnd',
    `“${ind.nameZh}”按季度公布，报告期应为 1—3、1—6、1—9 或 1—12 月，不是 ${periodLabel(p)}`,
    `${ind.nameEn} is published quarterly: the period must end in March, June, September or December, not ${p.year}-${String(p.month).padStart(2, '0')}`,
    { month: p.month },
  )
}

/**
 * A number rounded half away from zero to `decimals` places, as statistics tables round. Works on the decimal
 * digits (toPrecision first), so that 1.25 → 1.3 and 2.675 → 2.68 whatever the binary float holds.
 */
export function roundPublished(value: number, decimals: number): number {
  const exact = Number(value.toPrecision(15))
  const f = 10 ** decimals
  const scaled = Number((Math.abs(exact) * f).toPrecision(15))
  const r = Math.floor(scaled + 0.5) / f
  return exact < 0 && r !== 0 ? -r : r
}

/** Decimal text of a value as stored: at most VALUE_SCALE decimals, no trailing zeros ('5.2', '-0.35', '1000'). */
export function valueText(value: number): string {
  const r = roundPublished(value, VALUE_SCALE)
  return r.toFixed(VALUE_SCALE).replace(/\.?0+$/, '') || '0'
}

/** A value as published: rounded to the indicator's precision, with its unit ('5.2%', '1,024家'). */
export function formatIndicatorValue(ind: Indicator, value: number, locale: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  const n = new Intl.NumberFormat(locale, { minimumFractionDigits: ind.precision, maximumFractionDigits: ind.precision }).format(roundPublished(value, ind.precision))
  if (ind.unit === '%') return `${n}%`
  return locale === 'en-US' ? `${n} enterprises` : `${n}家`
}

export type Assessment = 'alarm' | 'normal' | 'excellent'

export interface AssessmentResult {
  level: Assessment
  /** the figure compared (the value, or the schedule pace in points), at the published precision */
  compared: number
  /** the threshold that decided (alarm or excellence), null for normal */
  threshold: number | null
  reason: { zh: string; en: string }
}

/**
 * Where a figure stands against the indicator's thresholds, compared at the published precision: with
 * higherIsBetter, below `alarm` is an alarm and at or above `excellence` excellent; with lowerIsBetter, above
 * `alarm` is an alarm and at or below `excellence` excellent. For a schedulePace indicator pass the pace in
 * points (actual share of the target minus share of the year elapsed).
 */
export function assessIndicator(ind: Indicator, figure: number, thresholds: { alarm: number; excellence: number } = ind.thresholds): AssessmentResult {
  const compared = roundPublished(figure, ind.thresholds.basis === 'value' ? ind.precision : 1)
  const higher = ind.direction === 'higherIsBetter'
  const unit = ind.thresholds.basis === 'value' ? ind.unit : '个百分点'
  const unitEn = ind.thresholds.basis === 'value' ? ` ${ind.unit}` : ' points'
  const what = ind.thresholds.basis === 'value' ? { zh: ind.nameZh, en: ind.nameEn } : { zh: `${ind.nameZh}时序进度`, en: `schedule pace of ${ind.nameEn}` }
  const alarm = higher ? compared < thresholds.alarm : compared > thresholds.alarm
  if (alarm) {
    return {
      level: 'alarm', compared, threshold: thresholds.alarm,
      reason: {
        zh: `${what.zh} ${compared}${unit}，${higher ? '低于' : '高于'}预警线 ${thresholds.alarm}${unit}`,
        en: `${what.en} ${compared}${unitEn} is ${higher ? 'below' : 'above'} the alarm line ${thresholds.alarm}${unitEn}`,
      },
    }
  }
  const excellent = higher ? compared >= thresholds.excellence : compared <= thresholds.excellence
  if (excellent) {
    return {
      level: 'excellent', compared, threshold: thresholds.excellence,
      reason: {
        zh: `${what.zh} ${compared}${unit}，${higher ? '达到或高于' : '达到或低于'}优秀线 ${thresholds.excellence}${unit}`,
        en: `${what.en} ${compared}${unitEn} is at or ${higher ? 'above' : 'below'} the excellence line ${thresholds.excellence}${unitEn}`,
      },
    }
  }
  return {
    level: 'normal', compared, threshold: null,
    reason: {
      zh: `${what.zh} ${compared}${unit}，在预警线 ${thresholds.alarm}${unit} 与优秀线 ${thresholds.excellence}${unit} 之间`,
      en: `${what.en} ${compared}${unitEn} lies between the alarm line ${thresholds.alarm}${unitEn} and the excellence line ${thresholds.excellence}${unitEn}`,
    },
  }
}

/** The year of a target: 2025, '2025', '2025年', '2025年度'; null when it is none. */
export function parseTargetYear(value: string | number | Date | null): number | null {
  if (value === null) return null
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getUTCFullYear()
  const m = /^(\d{4})\s*(?:年度?)?$/.exec(String(value).normalize('NFKC').trim())
  return m ? Number(m[1]) : null
}
