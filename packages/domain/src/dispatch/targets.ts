/**
 * Target status. A growth target (e.g. 规上工业增加值增长 6%) is compared by its gap in percentage points;
 * a level target (e.g. investment 500 亿元, 新增规上企业 300 家) by schedule pace: the share of the annual target
 * reached so far against the elapsed share of the year (M/12), said as 超/落后时序进度 N 个百分点.
 *
 * Figures are compared as they are published: the actual growth, the pace and the elapsed share are rounded to
 * `precision` decimals (default 1) before the difference is taken, so the printed numbers always subtract to the
 * printed gap (6.0 − 5.4 = 0.6, never 0.7). All returned figures are at that precision.
 */
import { roundHalfUp } from './money.ts'

export type TargetKind = 'growth' | 'level'

export interface TargetStatus {
  kind: TargetKind
  target: number
  actual: number | null
  /** growth: actual − target in percentage points (positive = above target) */
  gapPts?: number | null
  /** level: actual (year-to-date) / target · 100; null when the target is ≤ 0 or actual is unknown */
  pacePct?: number | null
  /** level: month / 12 · 100 */
  elapsedPct?: number
  /** level: pacePct − elapsedPct (positive = 超时序进度, negative = 落后时序进度) */
  aheadPts?: number | null
  text: { zh: string; en: string }
}

const fmt = (x: number, p: number) => Math.abs(x).toFixed(p)

export function targetStatus(kind: TargetKind, target: number, actual: number | null, month: number, precision = 1): TargetStatus {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`targetStatus: month must be 1–12, got ${month}`)
  if (!Number.isFinite(target)) throw new RangeError(`targetStatus: target must be a finite number, got ${target}`)
  if (kind === 'growth') {
    if (actual === null || !Number.isFinite(actual)) {
      return { kind, target, actual, gapPts: null, text: { zh: '暂无实际值', en: 'no actual figure yet' } }
    }
    const gap = roundHalfUp(roundHalfUp(actual, precision) - target, precision)
    const text =
      gap === 0
        ? { zh: '与目标持平', en: 'on target' }
        : gap > 0
          ? { zh: `高于目标 ${fmt(gap, precision)} 个百分点`, en: `${fmt(gap, precision)} points above target` }
          : { zh: `低于目标 ${fmt(gap, precision)} 个百分点`, en: `${fmt(gap, precision)} points below target` }
    return { kind, target, actual, gapPts: gap, text }
  }
  const elapsed = roundHalfUp((month / 12) * 100, precision)
  if (actual === null || !Number.isFinite(actual)) {
    return { kind, target, actual, pacePct: null, elapsedPct: elapsed, aheadPts: null, text: { zh: '暂无实际值', en: 'no actual figure yet' } }
  }
  if (!(target > 0)) {
    return {
      kind, target, actual, pacePct: null, elapsedPct: elapsed, aheadPts: null,
      text: { zh: `目标值 ${target} 不大于 0，无法计算进度`, en: `the target ${target} is not above 0: no pace can be computed` },
    }
  }
  const pace = roundHalfUp((actual / target) * 100, precision)
  const ahead = roundHalfUp(pace - elapsed, precision)
  const done = { zh: `完成全年目标的 ${pace.toFixed(precision)}%`, en: `${pace.toFixed(precision)}% of the annual target reached` }
  const text =
    ahead === 0
      ? { zh: `${done.zh}，与时序进度持平`, en: `${done.en}, on schedule` }
      : ahead > 0
        ? { zh: `${done.zh}，超时序进度 ${fmt(ahead, precision)} 个百分点`, en: `${done.en}, ${fmt(ahead, precision)} points ahead of schedule` }
        : { zh: `${done.zh}，落后时序进度 ${fmt(ahead, precision)} 个百分点`, en: `${done.en}, ${fmt(ahead, precision)} points behind schedule` }
  return { kind, target, actual, pacePct: pace, elapsedPct: elapsed, aheadPts: ahead, text }
}
