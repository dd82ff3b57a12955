/**
 * Warning rules (预警规则). Rules are data: which are on, their thresholds and severities are kept by the server
 * and edited in the UI; these functions only evaluate them. Every threshold fires AT the boundary ("≥"): a drop of
 * exactly 20 % fires the 20 % rule. See docs/methodology.md for each rule in words.
 */
import { fenText, roundHalfUp } from './money.ts'
import type { FieldProblem } from './problems.ts'

export type WarningRuleId =
  | 'outputDrop'
  | 'stoppage'
  | 'lossMaking'
  | 'electricityDrop'
  | 'missingReport'
  | 'regionBelowTarget'
  | 'regionLossRatio'

export const warningRuleIds: readonly WarningRuleId[] = [
  'outputDrop', 'stoppage', 'lossMaking', 'electricityDrop', 'missingReport', 'regionBelowTarget', 'regionLossRatio',
]

export type WarningSeverity = 'high' | 'medium' | 'low'

export interface WarningRule {
  id: WarningRuleId
  enabled: boolean
  threshold: number | null
  severity: WarningSeverity
}

export const defaultWarningRules: readonly WarningRule[] = [
  { id: 'outputDrop', enabled: true, threshold: 20, severity: 'medium' },
  { id: 'stoppage', enabled: true, threshold: null, severity: 'high' },
  { id: 'lossMaking', enabled: true, threshold: null, severity: 'medium' },
  { id: 'electricityDrop', enabled: true, threshold: 30, severity: 'medium' },
  { id: 'missingReport', enabled: true, threshold: null, severity: 'low' },
  { id: 'regionBelowTarget', enabled: true, threshold: 1, severity: 'high' },
  { id: 'regionLossRatio', enabled: true, threshold: 25, severity: 'medium' },
]

export interface WarningRuleInfo {
  subject: 'enterprise' | 'region'
  name: { zh: string; en: string }
  /** what the rule checks, with {threshold} where the threshold goes */
  description: { zh: string; en: string }
  thresholdUnit: '%' | 'pt' | null
  /** inclusive bounds of an acceptable threshold */
  thresholdRange: [number, number] | null
}

export const warningRuleInfo: Readonly<Record<WarningRuleId, WarningRuleInfo>> = {
  outputDrop: {
    subject: 'enterprise',
    name: { zh: '产值下降', en: 'Output drop' },
    description: { zh: '工业总产值累计比上年同期下降 ≥ {threshold}%', en: 'gross output year-to-date down ≥ {threshold}% on a year earlier' },
    thresholdUnit: '%',
    thresholdRange: [1, 100],
  },
  stoppage: {
    subject: 'enterprise',
    name: { zh: '停产', en: 'Stoppage' },
    description: { zh: '本月产值为 0，而上月有产值', en: 'no output this month after a month with output' },
    thresholdUnit: null,
    thresholdRange: null,
  },
  lossMaking: {
    subject: 'enterprise',
    name: { zh: '亏损', en: 'Loss-making' },
    description: { zh: '利润总额累计为负', en: 'total profit year-to-date below zero' },
    thresholdUnit: null,
    thresholdRange: null,
  },
  electricityDrop: {
    subject: 'enterprise',
    name: { zh: '用电骤降', en: 'Electricity drop' },
    description: { zh: '本月用电量比上年同月下降 ≥ {threshold}%', en: "this month's electricity use down ≥ {threshold}% on the same month a year earlier" },
    thresholdUnit: '%',
    thresholdRange: [1, 100],
  },
  missingReport: {
    subject: 'enterprise',
    name: { zh: '未报送', en: 'Missing report' },
    description: { zh: '应报企业本期未报送月报', en: 'an enterprise due to report has not reported for the period' },
    thresholdUnit: null,
    thresholdRange: null,
  },
  regionBelowTarget: {
    subject: 'region',
    name: { zh: '低于目标', en: 'Below target' },
    description: { zh: '地区增速低于年度目标 ≥ {threshold} 个百分点', en: "the region's growth is ≥ {threshold} points below its annual target" },
    thresholdUnit: 'pt',
    thresholdRange: [0, 20],
  },
  regionLossRatio: {
    subject: 'region',
    name: { zh: '亏损面过大', en: 'High loss ratio' },
    description: { zh: '地区亏损面 ≥ {threshold}%', en: "the region's share of loss-making enterprises ≥ {threshold}%" },
    thresholdUnit: '%',
    thresholdRange: [1, 100],
  },
}


const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const shown = (v: unknown) => (typeof v === 'string' ? `text "${v}"` : v === undefined ? '(missing)' : Number.isNaN(v) ? 'NaN' : JSON.stringify(v) ?? String(v))
const shownZh = (v: unknown) => (typeof v === 'string' ? `文本“${v}”` : v === undefined ? '（缺失）' : Number.isNaN(v) ? 'NaN' : JSON.stringify(v) ?? String(v))
const unitZh = (u: '%' | 'pt' | null) => (u === 'pt' ? ' 个百分点' : u ?? '')
const unitEn = (u: '%' | 'pt' | null) => (u === 'pt' ? ' points' : u ?? '')

/**
 * Checks a rule as it comes from the editor. Rejected, each with the field and the reason: an unknown id; enabled
 * not true/false; an unknown severity; for a rule with a threshold: a missing threshold, text (even "20"), NaN,
 * ±Infinity, a negative number, a number outside the rule's range; for a rule without one: any threshold.
 */
export function validateWarningRule(
  input: unknown,
): { ok: true; rule: WarningRule } | { ok: false; errors: FieldProblem[] } {
  const errors: FieldProblem[] = []
  const err = (field: string, zh: string, en: string) => errors.push({ field, message: { zh, en } })
  if (!isObj(input)) {
    err('', `预警规则应为对象，而不是 ${shownZh(input)}`, `a warning rule must be an object, not ${shown(input)}`)
    return { ok: false, errors }
  }
  const id = input.id
  const known = typeof id === 'string' && (warningRuleIds as readonly string[]).includes(id)
  if (!known) {
    err('id', `未知的预警规则 ${shownZh(id)}，应为 ${warningRuleIds.join('、')} 之一`, `unknown warning rule ${shown(id)}; expected one of ${warningRuleIds.join(', ')}`)
  }
  if (typeof input.enabled !== 'boolean') {
    err('enabled', `是否启用应为 true 或 false，而不是 ${shownZh(input.enabled)}`, `enabled must be true or false, not ${shown(input.enabled)}`)
  }
  const sev = input.severity
  if (sev !== 'high' && sev !== 'medium' && sev !== 'low') {
    err('severity', `级别应为 high（高）、medium（中）或 low（低），而不是 ${shownZh(sev)}`, `severity must be high, medium or low, not ${shown(sev)}`)
  }
  let threshold: number | null = null
  if (known) {
    const info = warningRuleInfo[id as WarningRuleId]
    const t = input.threshold
    const name = info.name
    if (info.thresholdRange === null) {
      if (t !== null && t !== undefined) {
        err('threshold', `规则“${name.zh}”没有阈值，不应设置阈值（收到 ${shownZh(t)}）`, `rule "${name.en}" has no threshold; none may be set (got ${shown(t)})`)
      }
    } else {
      const [lo, hi] = info.thresholdRange
      const range = { zh: `${lo}–${hi}${unitZh(info.thresholdUnit)}`, en: `${lo}–${hi}${unitEn(info.thresholdUnit)}` }
      if (t === null || t === undefined) {
        err('threshold', `规则“${name.zh}”需要阈值（${range.zh}）`, `rule "${name.en}" needs a threshold (${range.en})`)
      } else if (typeof t !== 'number') {
        err('threshold', `规则“${name.zh}”的阈值应为数字，而不是 ${shownZh(t)}`, `the threshold of rule "${name.en}" must be a number, not ${shown(t)}`)
      } else if (!Number.isFinite(t)) {
        err('threshold', `规则“${name.zh}”的阈值应为有限数字，而不是 ${shownZh(t)}`, `the threshold of rule "${name.en}" must be a finite number, not ${shown(t)}`)
      } else if (t < 0) {
        err('threshold', `规则“${name.zh}”的阈值不能为负数（收到 ${t}），应在 ${range.zh} 之间`, `the threshold of rule "${name.en}" cannot be negative (got ${t}); it must be within ${range.en}`)
      } else if (t < lo || t > hi) {
        err('threshold', `规则“${name.zh}”的阈值 ${t} 超出范围，应在 ${range.zh} 之间`, `the threshold ${t} of rule "${name.en}" is out of range; it must be within ${range.en}`)
      } else threshold = t
    }
  }
  if (errors.length) return { ok: false, errors }
  return { ok: true, rule: { id: id as WarningRuleId, enabled: input.enabled as boolean, threshold, severity: sev as WarningSeverity } }
}

/** Facts of one enterprise for one period. Money in integer fen; electricity in 万千瓦时 × 100. */
export interface EnterpriseFacts {
  outputCum: number | null
  outputPriorCum: number | null
  /** this month's output (see currentMonth) */
  outputMonth: number | null
  /** the previous month's own output */
  outputPreviousMonth: number | null
  profitCum: number | null
  electricityMonth: number | null
  electricityMonthPriorYear: number | null
  /** reported for the period */
  reported: boolean
  /** due to report for the period (in the register, active) */
  expected: boolean
}

export interface RegionFacts {
  growthPct: number | null
  targetPct: number | null
  lossRatioPct: number | null
}

export interface WarningHit {
  rule: WarningRuleId
  severity: WarningSeverity
  figures: Record<string, number | null>
  threshold: number | null
  reason: { zh: string; en: string }
}

/** Tolerance for "≥" on computed percentages: a drop of exactly 20 % fires at 20 whatever the float noise. */
const EPS = 1e-9
/** decline in % of `now` against `before` (> 0); computed as an integer-over-integer quotient when possible */
const dropPct = (now: number, before: number) => ((before - now) * 100) / before
const pct1 = (x: number) => roundHalfUp(x, 1).toFixed(1)

/**
 * The enterprise rules that fire for these facts, in the order of `rules` (disabled and region rules skipped).
 * An enterprise that has not reported can only raise missingReport: its other facts are not of this period.
 * - outputDrop: outputPriorCum > 0 and (prior − cum)/prior·100 ≥ threshold
 * - stoppage: outputMonth = 0 and outputPreviousMonth > 0
 * - lossMaking: profitCum < 0
 * - electricityDrop: electricityMonthPriorYear > 0 and (prior − month)/prior·100 ≥ threshold
 * - missingReport: expected and not reported
 */
export function enterpriseWarnings(f: EnterpriseFacts, rules: readonly WarningRule[]): WarningHit[] {
  const hits: WarningHit[] = []
  for (const r of rules) {
    if (!r.enabled || warningRuleInfo[r.id].subject !== 'enterprise') continue
    const hit = (figures: WarningHit['figures'], zh: string, en: string) =>
      hits.push({ rule: r.id, severity: r.severity, figures, threshold: r.threshold, reason: { zh, en } })
    if (r.id === 'missingReport') {
      if (f.expected && !f.reported) hit({}, '本期应报未报', 'due to report for the period but has not reported')
      continue
    }
    if (!f.reported) continue
    switch (r.id) {
      case 'outputDrop': {
        const { outputCum: cum, outputPriorCum: prior } = f
        if (r.threshold === null || cum === null || prior === null || !(prior > 0)) break
        const d = dropPct(cum, prior)
        if (d >= r.threshold - EPS) {
          hit(
            { outputCumFen: cum, outputPriorCumFen: prior, dropPct: d },
            `工业总产值累计 ${fenText(cum)} 万元，比上年同期 ${fenText(prior)} 万元下降 ${pct1(d)}%，达到预警阈值（下降 ≥ ${r.threshold}%）`,
            `gross output year-to-date ${fenText(cum)} (10k yuan) is down ${pct1(d)}% on ${fenText(prior)} a year earlier, reaching the threshold (down ≥ ${r.threshold}%)`,
          )
        }
        break
      }
      case 'stoppage': {
        const { outputMonth: now, outputPreviousMonth: before } = f
        if (now === 0 && before !== null && before > 0) {
          hit(
            { outputMonthFen: now, outputPreviousMonthFen: before },
            `本月工业总产值为 0，上月为 ${fenText(before)} 万元（疑似停产）`,
            `gross output this month is 0 after ${fenText(before)} (10k yuan) the month before (possible stoppage)`,
          )
        }
        break
      }
      case 'lossMaking': {
        const p = f.profitCum
        if (p !== null && p < 0) {
          hit({ profitCumFen: p }, `利润总额累计 ${fenText(p)} 万元，为亏损`, `total profit year-to-date is ${fenText(p)} (10k yuan): a loss`)
        }
        break
      }
      case 'electricityDrop': {
        const { electricityMonth: now, electricityMonthPriorYear: prior } = f
        if (r.threshold === null || now === null || prior === null || !(prior > 0)) break
        const d = dropPct(now, prior)
        if (d >= r.threshold - EPS) {
          hit(
            { electricityMonth: now, electricityMonthPriorYear: prior, dropPct: d },
            `本月用电量 ${fenText(now)} 万千瓦时，比上年同月 ${fenText(prior)} 万千瓦时下降 ${pct1(d)}%，达到预警阈值（下降 ≥ ${r.threshold}%）`,
            `electricity use this month ${fenText(now)} (10k kWh) is down ${pct1(d)}% on ${fenText(prior)} in the same month a year earlier, reaching the threshold (down ≥ ${r.threshold}%)`,
          )
        }
        break
      }
    }
  }
  return hits
}

/**
 * The region rules that fire, in the order of `rules`.
 * - regionBelowTarget: target − growth ≥ threshold, growth taken at its published precision (0.1 point), so the
 *   gap is the one a reader computes from the printed figures;
 * - regionLossRatio: lossRatioPct ≥ threshold.
 */
export function regionWarnings(f: RegionFacts, rules: readonly WarningRule[]): WarningHit[] {
  const hits: WarningHit[] = []
  for (const r of rules) {
    if (!r.enabled || r.threshold === null || warningRuleInfo[r.id].subject !== 'region') continue
    if (r.id === 'regionBelowTarget') {
      const { growthPct: g, targetPct: t } = f
      if (g === null || t === null || !Number.isFinite(g)) continue
      const published = roundHalfUp(g, 1)
      const gap = roundHalfUp(t - published, 6)
      if (gap >= r.threshold - EPS && gap > 0) {
        hits.push({
          rule: r.id, severity: r.severity, threshold: r.threshold,
          figures: { growthPct: published, targetPct: t, gapPts: gap },
          reason: {
            zh: `增速 ${published.toFixed(1)}%，低于目标 ${t}% ${roundHalfUp(gap, 1).toFixed(1)} 个百分点，达到预警阈值（低于目标 ≥ ${r.threshold} 个百分点）`,
            en: `growth ${published.toFixed(1)}% is ${roundHalfUp(gap, 1).toFixed(1)} points below the target ${t}%, reaching the threshold (≥ ${r.threshold} points below)`,
          },
        })
      }
    } else if (r.id === 'regionLossRatio') {
      const l = f.lossRatioPct
      if (l === null || !Number.isFinite(l)) continue
      if (l >= r.threshold - EPS) {
        hits.push({
          rule: r.id, severity: r.severity, threshold: r.threshold,
          figures: { lossRatioPct: l },
          reason: {
            zh: `亏损面 ${pct1(l)}%，达到预警阈值（≥ ${r.threshold}%）`,
            en: `${pct1(l)}% of reporting enterprises are loss-making, reaching the threshold (≥ ${r.threshold}%)`,
          },
        })
      }
    }
  }
  return hits
}
