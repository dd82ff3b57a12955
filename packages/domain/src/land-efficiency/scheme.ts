import { msg, type Msg } from '../msg.ts'

/*
 * 亩均效益评价 (亩均论英雄): an evaluation scheme as data. A county, city or province names who is in scope, which
 * indicators count with which weights, how each is normalised, which bonuses, penalties and vetoes apply, and how
 * classes A/B/C/D are assigned; excluded enterprises are class T ("not evaluated") with their reason. Schemes are
 * versioned per region and year and cite the document they come from (policy-rules.md §4).
 */

/** The annual figures of one enterprise that indicators are computed from (money in 万元). */
export const landDataFields = [
  'landMu', 'tax', 'valueAdded', 'revenue', 'mainRevenue', 'energyTce', 'electricity', 'emissions', 'rdExpense', 'employees', 'renovationInvestment',
] as const
export type LandDataField = (typeof landDataFields)[number]

export const landDataFieldLabels: Readonly<Record<LandDataField, { zh: string; en: string; unit: string }>> = {
  landMu: { zh: '用地面积', en: 'land used', unit: '亩' },
  tax: { zh: '税收', en: 'tax paid', unit: '万元' },
  valueAdded: { zh: '工业增加值', en: 'value added', unit: '万元' },
  revenue: { zh: '营业收入', en: 'operating revenue', unit: '万元' },
  mainRevenue: { zh: '主营业务收入', en: 'main-business revenue', unit: '万元' },
  energyTce: { zh: '综合能耗', en: 'energy consumption', unit: '吨标煤' },
  electricity: { zh: '用电量', en: 'electricity', unit: '万千瓦时' },
  emissions: { zh: '主要污染物排放量', en: 'main pollutant emissions', unit: '吨' },
  rdExpense: { zh: '研发费用', en: 'R&D expense', unit: '万元' },
  employees: { zh: '年平均职工人数', en: 'average employees', unit: '人' },
  renovationInvestment: { zh: '技改投资', en: 'technical-renovation investment', unit: '万元' },
}

/** An indicator is a ratio of two annual figures. */
export const landIndicatorDefs = {
  taxPerMu: { zh: '亩均税收', en: 'tax per mu', unit: '万元/亩', num: 'tax', den: 'landMu' },
  valueAddedPerMu: { zh: '亩均增加值', en: 'value added per mu', unit: '万元/亩', num: 'valueAdded', den: 'landMu' },
  revenuePerMu: { zh: '亩均营业收入', en: 'revenue per mu', unit: '万元/亩', num: 'revenue', den: 'landMu' },
  renovationPerMu: { zh: '亩均技改投资', en: 'renovation investment per mu', unit: '万元/亩', num: 'renovationInvestment', den: 'landMu' },
  laborProductivity: { zh: '全员劳动生产率', en: 'labour productivity', unit: '万元/人', num: 'valueAdded', den: 'employees' },
  valueAddedPerEnergy: { zh: '单位能耗增加值', en: 'value added per tce', unit: '万元/吨标煤', num: 'valueAdded', den: 'energyTce' },
  revenuePerEnergy: { zh: '单位能耗营业收入', en: 'revenue per tce', unit: '万元/吨标煤', num: 'revenue', den: 'energyTce' },
  taxPerEnergy: { zh: '单位能耗税收', en: 'tax per tce', unit: '万元/吨标煤', num: 'tax', den: 'energyTce' },
  valueAddedPerEmission: { zh: '单位排放增加值', en: 'value added per tonne emitted', unit: '万元/吨', num: 'valueAdded', den: 'emissions' },
  revenuePerEmission: { zh: '单位排放营业收入', en: 'revenue per tonne emitted', unit: '万元/吨', num: 'revenue', den: 'emissions' },
  rdIntensity: { zh: 'R&D经费支出占主营业务收入之比', en: 'R&D / main-business revenue', unit: '', num: 'rdExpense', den: 'mainRevenue' },
  rdToRevenue: { zh: '研发经费投入强度', en: 'R&D / operating revenue', unit: '', num: 'rdExpense', den: 'revenue' },
  taxPerElectricity: { zh: '单位电耗税收', en: 'tax per 10⁴ kWh', unit: '万元/万千瓦时', num: 'tax', den: 'electricity' },
} as const satisfies Record<string, { zh: string; en: string; unit: string; num: LandDataField; den: LandDataField }>
export type LandIndicatorId = keyof typeof landIndicatorDefs
export const landIndicatorIds = Object.keys(landIndicatorDefs) as LandIndicatorId[]

export type LandClass = 'A' | 'B' | 'C' | 'D' | 'T'
export const landClasses: readonly LandClass[] = ['A', 'B', 'C', 'D', 'T']
export type EvaluationUnit = 'county' | 'city' | 'province' | 'park'

export type Benchmark =
  | { kind: 'fixed'; value: number }
  /** multiple × (Σ numerator / Σ denominator) of the previous year's evaluated enterprises in the same unit (or unit and industry division) */
  | { kind: 'previousAverage'; multiple: number; of: 'unit' | 'industry' }

export type Normalization =
  /** weight × value / benchmark, at most weight × cap when a cap is given; a negative value scores 0 */
  | { kind: 'ratio'; benchmark: Benchmark; cap?: number }
  /** weight × [floor + (100 − floor) × (value − min) / (max − min)] / 100 over the unit's evaluated enterprises (旌德: floor 20) */
  | { kind: 'minmax'; floor: number }
  /** weight × share of the unit's other enterprises with a lower value (ties count half) */
  | { kind: 'percentile' }

export interface IndicatorSpec {
  id: LandIndicatorId
  weight: number
  normalization: Normalization
  /** a value that cannot be computed (figure missing, zero denominator): 0 points, or the unit's average points for it (黄岩: emissions) */
  whenMissing?: 'zero' | 'unitAverage'
}

/** A bonus (points > 0) or penalty (points < 0) granted when the enterprise's data carry the flag. */
export interface AdjustmentSpec {
  flag: string
  points: number
  label: { zh: string; en: string }
}

/** A flag that puts the enterprise in class D whatever its score (a major safety or environmental accident). */
export interface VetoSpec {
  flag: string
  label: { zh: string; en: string }
}

export interface RankBand {
  class: 'A' | 'B' | 'C' | 'D'
  /** share of the unit's evaluated enterprises ranked ahead, in per cent: the band holds from ≤ share < to */
  from: number
  to: number
}

export interface ScoreLine {
  class: 'A' | 'B' | 'C' | 'D'
  /** the lowest total of the class; null for the last class (everyone else) */
  min: number | null
}

export type ClassRule =
  | { kind: 'rankBands'; bands: RankBand[] }
  | { kind: 'scoreLines'; lines: ScoreLine[]; limits?: { maxShareA?: number; minShareD?: number } }

/** A differentiated policy tied to the classes (差别化政策), with its money effect per enterprise where it has one. */
export type ClassPolicy =
  /** rate per unit of a figure, by class: e.g. electricity surcharge 元/千瓦时 × 用电量 万千瓦时 = 万元 */
  | { id: string; kind: 'perUnit'; basis: LandDataField; rates: Partial<Record<LandClass, number>>; rateUnit: string; label: { zh: string; en: string } }
  /** a measure without a money amount (land-supply priority, award eligibility) */
  | { id: string; kind: 'measure'; measures: Partial<Record<LandClass, { zh: string; en: string }>>; label: { zh: string; en: string } }

export interface LandScope {
  aboveScale: boolean
  /** below-scale enterprises with at least this much land are evaluated; null: none */
  belowScaleMinMu: number | null
  /** industry divisions (GB/T 4754, 2 digits) not evaluated, e.g. 44–46 utilities */
  excludeDivisions: string[]
  /** enterprises producing for fewer years than this are not evaluated; null: no limit */
  minYearsInProduction: number | null
}

export interface SchemeSource {
  document: string
  date: string
  confidence: 'HIGH' | 'MED' | 'LOW' | 'UNVERIFIED'
  note: { zh: string; en: string }
}

export interface LandScheme {
  id: string
  name: { zh: string; en: string }
  /** the division code the scheme belongs to ('' for a preset that any region may adopt) */
  region: string
  /** the data year it evaluates (the 2022-year evaluation reads 2022 data) */
  year: number
  source: SchemeSource
  scope: LandScope
  indicators: IndicatorSpec[]
  /** below-scale enterprises scored with their own indicators and ranked in their own list (黄岩: 亩均税收, 单位电耗税收); absent: the same as above-scale */
  belowScaleIndicators?: IndicatorSpec[]
  unit: EvaluationUnit
  classes: ClassRule
  bonuses: AdjustmentSpec[]
  penalties: AdjustmentSpec[]
  vetoes: VetoSpec[]
  policies: ClassPolicy[]
}

export interface SchemeIssue {
  field: string
  message: Msg
}

const bandOrder = ['A', 'B', 'C', 'D'] as const

/** Checks a scheme before it is stored or run; every issue names the field (a JSON path) and says what is wrong. */
export function validateScheme(s: LandScheme): SchemeIssue[] {
  const out: SchemeIssue[] = []
  const add = (field: string, code: string, zh: string, en: string, params?: Record<string, string | number>) => out.push({ field, message: msg(code, zh, en, params) })
  checkIndicators(s.indicators, 'indicators', add)
  if (s.belowScaleIndicators?.length) checkIndicators(s.belowScaleIndicators, 'belowScaleIndicators', add)
  const c = s.classes
  if (c.kind === 'rankBands') {
    const bands = c.bands
    if (!bands.length) add('classes.bands', 'noBands', '没有分类档次', 'no class bands')
    bands.forEach((b, i) => {
      const f = `classes.bands[${i}]`
      if (b.class !== bandOrder[i]) add(`${f}.class`, 'bandOrder', `第 ${i + 1} 档应为 ${bandOrder[i] ?? '—'} 类，实为 ${b.class} 类（按 A、B、C、D 顺序）`, `band ${i + 1} should be class ${bandOrder[i] ?? '—'}, not ${b.class} (A, B, C, D in order)`)
      if (!(b.to > b.from)) add(`${f}.to`, 'bandEmpty', `${b.class} 类档次 ${b.from}%–${b.to}% 为空或倒置`, `class ${b.class} band ${b.from}%–${b.to}% is empty or reversed`)
      const prevTo = i === 0 ? 0 : (bands[i - 1]?.to ?? 0)
      if (b.from < prevTo) add(`${f}.from`, 'bandsOverlap', `${b.class} 类从 ${b.from}% 起，与上一档（至 ${prevTo}%）重叠`, `class ${b.class} starts at ${b.from}%, overlapping the band before it (to ${prevTo}%)`)
      else if (b.from > prevTo) add(`${f}.from`, 'bandsGap', `${prevTo}%–${b.from}% 没有对应的类别（${b.class} 类应从 ${prevTo}% 起）`, `no class covers ${prevTo}%–${b.from}% (class ${b.class} should start at ${prevTo}%)`)
    })
    const last = bands[bands.length - 1]
    if (last && last.to !== 100) add(`classes.bands[${bands.length - 1}].to`, 'bandsNot100', `最后一档至 ${last.to}%，应至 100%（${last.to}%–100% 没有对应的类别）`, `the last band ends at ${last.to}%, not 100% (no class covers ${last.to}%–100%)`)
  } else {
    const lines = c.lines
    if (!lines.length) add('classes.lines', 'noLines', '没有分类分数线', 'no class score lines')
    lines.forEach((l, i) => {
      const f = `classes.lines[${i}]`
      if (l.class !== bandOrder[i]) add(`${f}.class`, 'bandOrder', `第 ${i + 1} 条分数线应为 ${bandOrder[i] ?? '—'} 类，实为 ${l.class} 类`, `line ${i + 1} should be class ${bandOrder[i] ?? '—'}, not ${l.class}`)
      const isLast = i === lines.length - 1
      if (isLast && l.min !== null) add(`${f}.min`, 'lastLineNotOpen', `最后一类（${l.class}）应为“其余”（分数线留空），否则低于 ${l.min} 分的企业没有类别`, `the last class (${l.class}) must take everyone else (no line), or enterprises under ${l.min} have no class`)
      if (!isLast && l.min === null) add(`${f}.min`, 'lineMissing', `${l.class} 类缺少分数线`, `class ${l.class} has no score line`)
      const prev = lines[i - 1]?.min
      if (i > 0 && l.min !== null && prev !== null && prev !== undefined && l.min >= prev) {
        add(`${f}.min`, 'linesOverlap', `${l.class} 类分数线 ${l.min} 不低于上一类的 ${prev}，两类重叠`, `class ${l.class}'s line ${l.min} is not below the class before it (${prev}): the classes overlap`)
      }
    })
    const lim = c.limits
    if (lim?.maxShareA !== undefined && !(lim.maxShareA > 0 && lim.maxShareA <= 100)) add('classes.limits.maxShareA', 'limitOutOfRange', `A 类比例上限 ${lim.maxShareA}% 应在 0–100% 之间`, `the A share limit ${lim.maxShareA}% must be within 0–100%`)
    if (lim?.minShareD !== undefined && !(lim.minShareD >= 0 && lim.minShareD < 100)) add('classes.limits.minShareD', 'limitOutOfRange', `D 类比例下限 ${lim.minShareD}% 应在 0–100% 之间`, `the D share minimum ${lim.minShareD}% must be within 0–100%`)
  }
  if (!s.scope.aboveScale && s.scope.belowScaleMinMu === null) {
    add('scope', 'scopeEmpty', '评价范围既不含规上企业也不含规下企业，没有企业可评价', 'the scope takes neither above-scale nor below-scale enterprises: nobody would be evaluated')
  }
  if (s.scope.belowScaleMinMu !== null && !(s.scope.belowScaleMinMu >= 0)) add('scope.belowScaleMinMu', 'minMuNegative', `规下企业用地门槛 ${s.scope.belowScaleMinMu} 亩不能为负`, `the below-scale land threshold ${s.scope.belowScaleMinMu} mu cannot be negative`)
  s.policies.forEach((p, i) => {
    if (p.kind === 'perUnit') for (const [k, v] of Object.entries(p.rates)) {
      if (!Number.isFinite(v)) add(`policies[${i}].rates.${k}`, 'rateInvalid', `政策“${p.label.zh}”${k} 类费率不是数字`, `policy "${p.label.en}": the class ${k} rate is not a number`)
    }
  })
  return out
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6
}

type Add = (field: string, code: string, zh: string, en: string, params?: Record<string, string | number>) => void

function checkIndicators(list: readonly IndicatorSpec[], field: string, add: Add) {
  if (!list.length) add(field, 'noIndicators', '评价方案没有任何指标', 'the scheme has no indicators')
  const sum = list.reduce((a, i) => a + i.weight, 0)
  if (list.length && Math.abs(sum - 100) > 1e-6) {
    add(field, 'weightsNot100', `各指标权重之和为 ${round(sum)}，应为 100`, `the indicator weights sum to ${round(sum)}, not 100`, { sum: round(sum) })
  }
  const seen = new Set<string>()
  list.forEach((ind, i) => {
    const f = `${field}[${i}]`
    if (!(ind.id in landIndicatorDefs)) add(`${f}.id`, 'unknownIndicator', `第 ${i + 1} 个指标“${ind.id}”不是已知指标`, `indicator ${i + 1} "${ind.id}" is not a known indicator`)
    else if (seen.has(ind.id)) add(`${f}.id`, 'duplicateIndicator', `指标“${landIndicatorDefs[ind.id].zh}”重复`, `indicator "${landIndicatorDefs[ind.id].en}" appears twice`)
    seen.add(ind.id)
    const name = ind.id in landIndicatorDefs ? landIndicatorDefs[ind.id] : { zh: ind.id, en: ind.id }
    if (!(ind.weight > 0)) add(`${f}.weight`, 'weightNotPositive', `指标“${name.zh}”的权重 ${ind.weight} 应大于 0`, `the weight of "${name.en}" is ${ind.weight}; it must be above 0`)
    const n = ind.normalization
    if (n.kind === 'ratio') {
      if (n.benchmark.kind === 'fixed' && !(n.benchmark.value > 0)) {
        add(`${f}.normalization.benchmark.value`, 'benchmarkNotPositive', `指标“${name.zh}”的基准值为 ${n.benchmark.value}，应大于 0（除以基准值）`, `the benchmark of "${name.en}" is ${n.benchmark.value}; it must be above 0 (scores divide by it)`)
      }
      if (n.benchmark.kind === 'previousAverage' && !(n.benchmark.multiple > 0)) {
        add(`${f}.normalization.benchmark.multiple`, 'benchmarkNotPositive', `指标“${name.zh}”的基准倍数为 ${n.benchmark.multiple}，应大于 0`, `the benchmark multiple of "${name.en}" is ${n.benchmark.multiple}; it must be above 0`)
      }
      if (n.cap !== undefined && !(n.cap > 0)) add(`${f}.normalization.cap`, 'capNotPositive', `指标“${name.zh}”的封顶倍数 ${n.cap} 应大于 0`, `the cap of "${name.en}" is ${n.cap}; it must be above 0`)
    } else if (n.kind === 'minmax' && !(n.floor >= 0 && n.floor < 100)) {
      add(`${f}.normalization.floor`, 'floorOutOfRange', `指标“${name.zh}”的保底分 ${n.floor} 应在 0 到 100 之间`, `the floor of "${name.en}" is ${n.floor}; it must be from 0 to under 100`)
    }
  })
}
