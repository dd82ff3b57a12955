import { msg, type Msg } from '../msg.ts'
import {
  landIndicatorDefs, type ClassRule, type IndicatorSpec, type LandClass, type LandDataField, type LandIndicatorId, type LandScheme,
} from './scheme.ts'

/** One enterprise's annual figures as the evaluation reads them (money in 万元; null: not reported). */
export interface LandEnterpriseData {
  uscc: string
  countyCode: string
  parkId: number | null
  /** GB/T 4754 division (2 digits) */
  industry: string | null
  aboveScale: boolean
  /** whole years since production started; null: unknown (not excluded on that ground) */
  yearsInProduction: number | null
  values: Readonly<Record<LandDataField, number | null>>
  /** bonus, penalty and veto flags (e.g. 'majorSafetyAccident') */
  flags?: readonly string[]
}

export interface PreviousClass {
  uscc: string
  class: LandClass
}

export interface EvaluateInput {
  scheme: LandScheme
  data: readonly LandEnterpriseData[]
  /** last year's figures: the base of 'previousAverage' benchmarks */
  previousData?: readonly LandEnterpriseData[]
  /** last year's published classes: the migration */
  previousResults?: readonly PreviousClass[]
  /** false: results without their trace (a run that stores its results; rebuildLandResult gives one back) */
  trace?: boolean
}

export type TReason = 'outOfScopeAboveScale' | 'belowScaleNotEvaluated' | 'belowScaleTooSmall' | 'excludedIndustry' | 'tooYoung' | 'landMissing' | 'noLand' | 'landNegative' | 'notInPark'
export type MissingKind = 'numeratorMissing' | 'denominatorMissing' | 'zeroDenominator'
export type BenchmarkBasis = 'fixed' | 'unitPrevious' | 'industryPrevious' | 'unitCurrent'

/** How one indicator's points came about: the inputs, the value, the normalisation and its parameters. */
export interface TraceStep {
  indicator: LandIndicatorId
  numerator: number | null
  denominator: number | null
  value: number | null
  missing: MissingKind | null
  method: 'ratio' | 'minmax' | 'percentile'
  weight: number
  benchmark: number | null
  benchmarkBasis: BenchmarkBasis | null
  cap: number | null
  capped: boolean
  min: number | null
  max: number | null
  floor: number | null
  /** share of the unit's others with a lower value, 0..1 */
  percentile: number | null
  /** the value was negative (a tax refund): 0 points */
  negative: boolean
  /** the value could not be computed: the unit's average points for the item were given */
  averaged: boolean
  score: number
}

export interface PolicyEffect {
  policyId: string
  /** 万元 */
  amount: number
}

export interface LandResult {
  uscc: string
  countyCode: string
  parkId: number | null
  industry: string | null
  aboveScale: boolean
  /** the ranking list: the unit's code (county, city, province) or park id, and 'above' / 'below' */
  unitKey: string
  list: 'above' | 'below'
  indicators: Partial<Record<LandIndicatorId, number | null>>
  scores: Partial<Record<LandIndicatorId, number>>
  adjustments: { flag: string; points: number }[]
  veto: string | null
  total: number | null
  rank: number | null
  unitSize: number
  class: LandClass
  /** why T, or why D by veto */
  reason: Msg | null
  /** the figures the evaluation needed that were missing */
  missing: LandDataField[]
  previousClass: LandClass | null
  trace: TraceStep[]
  policyEffects: PolicyEffect[]
}

export interface LandSummary {
  total: number
  evaluated: number
  notEvaluated: number
  byClass: Record<LandClass, number>
  /** enterprises evaluated with one or more figures missing */
  incomplete: number
  /** previous class → current class → count */
  migration: Partial<Record<LandClass, Partial<Record<LandClass, number>>>>
  /** Σ of each perUnit policy's amounts, 万元 */
  policyTotals: Record<string, number>
  problems: Msg[]
}

/**
 * What an indicator's points depended on besides the enterprise's own figures, per ranking list: kept with a run so
 * that one enterprise's trace can be rebuilt later (rebuildLandResult) without storing every trace.
 */
export interface IndicatorParams {
  /** minmax: the list's lowest and highest computable value */
  min: number | null
  max: number | null
  /** ratio: the benchmark of the list and where it came from */
  benchmark: number | null
  basis: BenchmarkBasis | null
  /** ratio on an industry's previous-year average: the benchmark per industry division */
  byIndustry?: Record<string, [number | null, BenchmarkBasis | null]>
}

/** A ranking list's key: the unit and 'a' (above-scale) or 'b' (below-scale). */
export const listKeyOf = (r: Pick<LandResult, 'unitKey' | 'list'>) => `${r.unitKey}|${r.list === 'above' ? 'a' : 'b'}`

export interface LandEvaluation {
  results: LandResult[]
  summary: LandSummary
  /** list key (listKeyOf) → indicator → its parameters */
  params: Record<string, Partial<Record<LandIndicatorId, IndicatorParams>>>
}

const tReasons: Record<TReason, (d: LandEnterpriseData, s: LandScheme) => Msg> = {
  outOfScopeAboveScale: () => msg('outOfScopeAboveScale', '本方案不评价规上企业', 'this scheme does not evaluate above-scale enterprises'),
  belowScaleNotEvaluated: () => msg('belowScaleNotEvaluated', '本方案不评价规下企业', 'this scheme does not evaluate below-scale enterprises'),
  belowScaleTooSmall: (d, s) => msg('belowScaleTooSmall', `规下企业用地 ${d.values.landMu ?? '—'} 亩，不足 ${s.scope.belowScaleMinMu} 亩的评价门槛`, `below-scale enterprise with ${d.values.landMu ?? '—'} mu, under the ${s.scope.belowScaleMinMu} mu threshold`),
  excludedIndustry: (d) => msg('excludedIndustry', `行业大类 ${d.industry} 不在评价范围（如电力、燃气、水的生产和供应业）`, `industry division ${d.industry} is excluded (e.g. utilities)`),
  tooYoung: (d, s) => msg('tooYoung', `投产 ${d.yearsInProduction} 年，不足 ${s.scope.minYearsInProduction} 年`, `in production for ${d.yearsInProduction} years, under ${s.scope.minYearsInProduction}`),
  landMissing: () => msg('landMissing', '缺少用地面积，无法计算亩均指标', 'land area missing: per-mu indicators cannot be computed'),
  noLand: () => msg('noLand', '用地面积为 0（租赁厂房、无自有用地），不参与亩均排序，另行列示', 'no land of its own (0 mu, a tenant): not ranked per mu, listed separately'),
  landNegative: (d) => msg('landNegative', `用地面积为负数（${d.values.landMu} 亩），数据有误`, `land area is negative (${d.values.landMu} mu): the data are wrong`),
  notInPark: () => msg('notInPark', '按园区评价，但企业不在任何园区', 'evaluated by park, but the enterprise is in no park'),
}

function tReasonOf(d: LandEnterpriseData, s: LandScheme, excluded: ReadonlySet<string>): TReason | null {
  const sc = s.scope
  if (d.aboveScale && !sc.aboveScale) return 'outOfScopeAboveScale'
  const land = d.values.landMu
  if (!d.aboveScale) {
    if (sc.belowScaleMinMu === null) return 'belowScaleNotEvaluated'
    if (land !== null && land >= 0 && land < sc.belowScaleMinMu) return 'belowScaleTooSmall'
  }
  if (d.industry !== null && excluded.has(d.industry)) return 'excludedIndustry'
  if (sc.minYearsInProduction !== null && d.yearsInProduction !== null && d.yearsInProduction < sc.minYearsInProduction) return 'tooYoung'
  if (land === null) return 'landMissing'
  if (land < 0) return 'landNegative'
  if (land === 0) return 'noLand'
  if (s.unit === 'park' && d.parkId === null) return 'notInPark'
  return null
}

export function unitKeyOf(d: Pick<LandEnterpriseData, 'countyCode' | 'parkId'>, unit: LandScheme['unit']): string {
  switch (unit) {
    case 'county': return d.countyCode
    case 'city': return d.countyCode.slice(0, 4) + '00'
    case 'province': return d.countyCode.slice(0, 2) + '0000'
    case 'park': return d.parkId === null ? '' : `park:${d.parkId}`
  }
}

/** Σ numerator / Σ denominator per key, over the rows that have both (denominator > 0). */
function aggregateRatio(rows: readonly LandEnterpriseData[], spec: IndicatorSpec, keyOf: (d: LandEnterpriseData) => string): Map<string, number> {
  const def = landIndicatorDefs[spec.id]
  const sums = new Map<string, [number, number]>()
  for (const d of rows) {
    const n = d.values[def.num]
    const m = d.values[def.den]
    if (n === null || m === null || !(m > 0)) continue
    const k = keyOf(d)
    const s = sums.get(k)
    if (s) { s[0] += n; s[1] += m } else sums.set(k, [n, m])
  }
  const out = new Map<string, number>()
  for (const [k, [n, m]] of sums) out.set(k, n / m)
  return out
}

const scoreKey = (x: number) => Math.round(x * 1e6) / 1e6

/**
 * Evaluates a year: every enterprise gets its class (T with its reason when the scheme does not evaluate it), and
 * each evaluated one its indicator values, points, adjustments, total, rank within its unit and a trace of every
 * number. Pure: the caller loads the figures, last year's figures (benchmarks) and last year's classes (migration).
 */
export function evaluateLandEfficiency(input: EvaluateInput): LandEvaluation {
  const { scheme } = input
  const excluded = new Set(scheme.scope.excludeDivisions)
  const previousClass = new Map<string, LandClass>()
  for (const p of input.previousResults ?? []) previousClass.set(p.uscc, p.class)
  const vetoFlags = new Set(scheme.vetoes.map((v) => v.flag))
  const adjustments = [...scheme.bonuses, ...scheme.penalties]

  const results: LandResult[] = new Array(input.data.length)
  const lists = new Map<string, number[]>()
  input.data.forEach((d, i) => {
    const reason = tReasonOf(d, scheme, excluded)
    const list = d.aboveScale ? 'above' : 'below'
    const unitKey = unitKeyOf(d, scheme.unit)
    results[i] = {
      uscc: d.uscc, countyCode: d.countyCode, parkId: d.parkId, industry: d.industry, aboveScale: d.aboveScale, unitKey, list,
      indicators: {}, scores: {}, adjustments: [], veto: null, total: null, rank: null, unitSize: 0, class: 'T',
      reason: reason === null ? null : tReasons[reason](d, scheme), missing: [], previousClass: previousClass.get(d.uscc) ?? null, trace: [], policyEffects: [],
    }
    if (reason !== null) return
    const key = unitKey + (d.aboveScale ? '|a' : '|b')
    const members = lists.get(key)
    if (members) members.push(i)
    else lists.set(key, [i])
  })

  // previous-year benchmarks, per indicator, over last year's enterprises the scheme would have evaluated
  const prevRows = (input.previousData ?? []).filter((d) => tReasonOf(d, scheme, excluded) === null)
  const specsAll = [...scheme.indicators, ...(scheme.belowScaleIndicators ?? [])]
  const prevUnit = new Map<IndicatorSpec, Map<string, number>>()
  const prevIndustry = new Map<IndicatorSpec, Map<string, number>>()
  for (const spec of specsAll) {
    const n = spec.normalization
    if (n.kind !== 'ratio' || n.benchmark.kind !== 'previousAverage') continue
    if (n.benchmark.of === 'unit') prevUnit.set(spec, aggregateRatio(prevRows, spec, (d) => unitKeyOf(d, scheme.unit)))
    else prevIndustry.set(spec, aggregateRatio(prevRows, spec, (d) => `${unitKeyOf(d, scheme.unit)}/${d.industry}`))
  }

  const params: LandEvaluation['params'] = {}
  for (const members of lists.values()) {
    const first = results[members[0] ?? 0]
    if (!first) continue
    const specs = specsOf(scheme, first.list)
    const n = members.length
    const totals = new Float64Array(n)
    const listParams: Partial<Record<LandIndicatorId, IndicatorParams>> = (params[listKeyOf(first)] = {})
    for (const spec of specs) {
      const p: IndicatorParams = { min: null, max: null, benchmark: null, basis: null }
      scoreIndicator(spec, members, input.data, results, totals, prevUnit.get(spec), prevIndustry.get(spec), p, input.trace !== false)
      listParams[spec.id] = p
    }
    // adjustments and vetoes
    for (let j = 0; j < n; j++) {
      const i = members[j] ?? 0
      const d = input.data[i]
      const r = results[i]
      if (!d || !r) continue
      const flags = d.flags
      if (flags && flags.length) {
        for (const a of adjustments) if (flags.includes(a.flag)) { r.adjustments.push({ flag: a.flag, points: a.points }); totals[j] = (totals[j] ?? 0) + a.points }
        for (const f of flags) if (vetoFlags.has(f)) { r.veto = f; break }
      }
      r.total = scoreKey(totals[j] ?? 0)
    }
    assignClasses(scheme.classes, members, results, scheme)
  }

  // money effects of the differentiated policies
  const perUnit = scheme.policies.filter((p) => p.kind === 'perUnit')
  const policyTotals: Record<string, number> = {}
  for (const p of perUnit) policyTotals[p.id] = 0
  if (perUnit.length) {
    input.data.forEach((d, i) => {
      const r = results[i]
      if (!r) return
      for (const p of perUnit) {
        const rate = p.rates[r.class]
        const basis = d.values[p.basis]
        if (rate === undefined || rate === 0 || basis === null) continue
        const amount = Math.round(basis * rate * 100) / 100
        r.policyEffects.push({ policyId: p.id, amount })
        policyTotals[p.id] = (policyTotals[p.id] ?? 0) + amount
      }
    })
  }
  return { results, summary: summarize(results, policyTotals), params }
}

function scoreIndicator(
  spec: IndicatorSpec, members: readonly number[], data: readonly LandEnterpriseData[], results: LandResult[], totals: Float64Array,
  prevUnit: Map<string, number> | undefined, prevIndustry: Map<string, number> | undefined, params: IndicatorParams, withTrace: boolean,
) {
  const def = landIndicatorDefs[spec.id]
  const n = members.length
  const values = new Float64Array(n)
  // 0 computable, 1 numerator missing, 2 denominator missing, 3 zero denominator
  const missing = new Uint8Array(n)
  let min = Infinity
  let max = -Infinity
  let sumNum = 0
  let sumDen = 0
  for (let j = 0; j < n; j++) {
    const d = data[members[j] ?? 0]
    const num = d?.values[def.num] ?? null
    const den = d?.values[def.den] ?? null
    if (num === null) missing[j] = 1
    else if (den === null) missing[j] = 2
    else if (den === 0) missing[j] = 3
    if (num !== null && den !== null && den !== 0) {
      const v = num / den
      values[j] = v
      if (v < min) min = v
      if (v > max) max = v
      if (den > 0) { sumNum += num; sumDen += den }
    } else values[j] = NaN
  }
  const norm = spec.normalization
  const w = spec.weight
  // percentile: position among the computable values (ties count half)
  let sorted: Float64Array | null = null
  if (norm.kind === 'percentile') sorted = values.filter((v) => !Number.isNaN(v)).sort()
  if (norm.kind === 'minmax') { params.min = min === Infinity ? null : min; params.max = max === -Infinity ? null : max }
  // the benchmark of the list (fixed, or a multiple of the unit's previous or current average); per industry below
  const byIndustry = norm.kind === 'ratio' && norm.benchmark.kind === 'previousAverage' && norm.benchmark.of === 'industry'
  const benchmarkFor = (unitKey: string, industry: string | null): [number | null, BenchmarkBasis | null] => {
    if (norm.kind !== 'ratio') return [null, null]
    const bm = norm.benchmark
    if (bm.kind === 'fixed') return [bm.value, 'fixed']
    const prev = bm.of === 'unit' ? prevUnit?.get(unitKey) : prevIndustry?.get(`${unitKey}/${industry}`)
    if (prev !== undefined && prev > 0) return [bm.multiple * prev, bm.of === 'unit' ? 'unitPrevious' : 'industryPrevious']
    if (sumDen > 0 && sumNum > 0) return [bm.multiple * (sumNum / sumDen), 'unitCurrent']
    return [null, null]
  }
  const first = results[members[0] ?? 0]
  let listBench: [number | null, BenchmarkBasis | null] = [null, null]
  if (norm.kind === 'ratio' && !byIndustry && first) { listBench = benchmarkFor(first.unitKey, null); params.benchmark = listBench[0]; params.basis = listBench[1] }
  const industryBench: Record<string, [number | null, BenchmarkBasis | null]> | null = byIndustry ? (params.byIndustry = {}) : null
  const points = new Float64Array(n)
  let pointSum = 0
  let pointCount = 0
  for (let j = 0; j < n; j++) {
    const v = values[j] ?? NaN
    const m = missing[j] ?? 0
    let score = 0
    if (norm.kind === 'ratio') {
      let bb = listBench
      if (industryBench) {
        const d = data[members[j] ?? 0]
        const k = String(d?.industry ?? null)
        const have = industryBench[k]
        bb = have ?? (industryBench[k] = benchmarkFor(results[members[j] ?? 0]?.unitKey ?? '', d?.industry ?? null))
      }
      const b = bb[0]
      if (m === 0 && b !== null && b > 0 && v >= 0) {
        score = (w * v) / b
        if (norm.cap !== undefined && score > w * norm.cap) score = w * norm.cap
      }
    } else if (norm.kind === 'minmax') {
      if (m === 0) score = (w * (norm.floor + (100 - norm.floor) * (max > min ? (v - min) / (max - min) : 1))) / 100
    } else if (sorted && m === 0) {
      const cnt = sorted.length
      let lo = 0
      let hi = cnt
      while (lo < hi) { const mid = (lo + hi) >> 1; if ((sorted[mid] ?? 0) < v) lo = mid + 1; else hi = mid }
      let eq = lo
      while (eq < cnt && sorted[eq] === v) eq++
      score = w * (cnt > 1 ? (lo + 0.5 * (eq - lo - 1)) / (cnt - 1) : 1)
    }
    points[j] = score
    if (m === 0) { pointSum += score; pointCount++ }
  }
  const avg = pointCount ? pointSum / pointCount : 0
  const averaged = spec.whenMissing === 'unitAverage'
  for (let j = 0; j < n; j++) {
    const i = members[j] ?? 0
    const r = results[i]
    if (!r) continue
    const m = missing[j] ?? 0
    let score = points[j] ?? 0
    if (m !== 0) {
      if (averaged) score = avg
      if (m === 1 && !r.missing.includes(def.num)) r.missing.push(def.num)
      if (m === 2 && !r.missing.includes(def.den)) r.missing.push(def.den)
    }
    r.indicators[spec.id] = m === 0 ? (values[j] ?? null) : null
    r.scores[spec.id] = score
    totals[j] = (totals[j] ?? 0) + score
    if (withTrace) {
      const d = data[i]
      const v = values[j] ?? NaN
      const bb = industryBench ? (industryBench[String(d?.industry ?? null)] ?? [null, null]) : listBench
      const b = bb[0]
      const ratioScored = norm.kind === 'ratio' && m === 0 && b !== null && b > 0
      r.trace.push({
        indicator: spec.id, numerator: d?.values[def.num] ?? null, denominator: d?.values[def.den] ?? null, value: m === 0 ? v : null,
        missing: m === 0 ? null : m === 1 ? 'numeratorMissing' : m === 2 ? 'denominatorMissing' : 'zeroDenominator', method: norm.kind, weight: w,
        benchmark: b, benchmarkBasis: b === null ? null : bb[1], cap: norm.kind === 'ratio' ? (norm.cap ?? null) : null,
        capped: ratioScored && norm.kind === 'ratio' && v >= 0 && norm.cap !== undefined && (w * v) / (b ?? 1) > w * norm.cap,
        min: norm.kind === 'minmax' && m === 0 ? min : null, max: norm.kind === 'minmax' && m === 0 ? max : null, floor: norm.kind === 'minmax' ? norm.floor : null,
        percentile: norm.kind === 'percentile' && m === 0 ? (w ? (points[j] ?? 0) / w : 0) : null, negative: ratioScored && v < 0, averaged: m !== 0 && averaged, score,
      })
    }
  }
}

/** Ranks the list (ties share the better rank) and assigns the classes; a veto puts the enterprise in D outside the ranking. */
function assignClasses(rule: ClassRule, members: readonly number[], results: LandResult[], scheme: LandScheme) {
  const ranked: LandResult[] = []
  for (const i of members) {
    const r = results[i]
    if (!r) continue
    if (r.veto !== null) {
      r.class = 'D'
      const v = scheme.vetoes.find((x) => x.flag === r.veto)
      r.reason = msg('veto', `一票否决：${v?.label.zh ?? r.veto}，直接评为 D 类`, `veto: ${v?.label.en ?? r.veto}, class D whatever the score`)
    } else ranked.push(r)
  }
  ranked.sort((a, b) => (b.total ?? 0) - (a.total ?? 0))
  const n = ranked.length
  for (const r of results.length ? members : []) { const x = results[r]; if (x) x.unitSize = n }
  for (let k = 0; k < n; k++) {
    const r = ranked[k]
    if (!r) continue
    const prev = ranked[k - 1]
    r.rank = prev && prev.total === r.total ? (prev.rank ?? k + 1) : k + 1
  }
  if (rule.kind === 'rankBands') {
    for (const r of ranked) {
      const share = (((r.rank ?? 1) - 1) / n) * 100
      let cls: LandResult['class'] = rule.bands[rule.bands.length - 1]?.class ?? 'D'
      for (const b of rule.bands) if (share >= b.from && share < b.to) { cls = b.class; break }
      r.class = cls
    }
    return
  }
  for (const r of ranked) {
    let cls: LandResult['class'] = 'D'
    for (const l of rule.lines) if (l.min === null || (r.total ?? 0) >= l.min) { cls = l.class; break }
    r.class = cls
  }
  const lim = rule.limits
  if (lim?.maxShareA !== undefined) {
    const allowed = Math.floor((n * lim.maxShareA) / 100 + 1e-9)
    // ties at the limit all move down, so that A never exceeds its share
    for (const r of ranked) if (r.class === 'A' && (r.rank ?? 1) > allowed) r.class = 'B'
  }
  if (lim?.minShareD !== undefined) {
    const needed = Math.ceil((n * lim.minShareD) / 100 - 1e-9)
    let d = ranked.filter((r) => r.class === 'D').length
    for (let k = n - 1; k >= 0 && d < needed; k--) {
      const r = ranked[k]
      if (!r || r.class === 'D') continue
      const tieRank = r.rank
      // the whole tie moves, so that equal totals never fall in different classes
      for (let t = k; t >= 0 && ranked[t]?.rank === tieRank; t--) { const x = ranked[t]; if (x && x.class !== 'D') { x.class = 'D'; d++ } }
    }
  }
}

function summarize(results: readonly LandResult[], policyTotals: Record<string, number>): LandSummary {
  const byClass: Record<LandClass, number> = { A: 0, B: 0, C: 0, D: 0, T: 0 }
  const migration: LandSummary['migration'] = {}
  let incomplete = 0
  for (const r of results) {
    byClass[r.class]++
    if (r.missing.length) incomplete++
    if (r.previousClass) {
      const row = (migration[r.previousClass] ??= {})
      row[r.class] = (row[r.class] ?? 0) + 1
    }
  }
  const problems: Msg[] = []
  const evaluated = results.length - byClass.T
  if (results.length && !evaluated) problems.push(msg('nobodyEvaluated', `${results.length} 家企业都不在本方案的评价范围内（均为 T 类），请检查评价范围`, `none of the ${results.length} enterprises is in the scheme's scope (all class T): check the scope`))
  if (!results.length) problems.push(msg('noData', '该年度没有亩均效益年度数据，请先导入', 'no annual land-efficiency data for the year: import them first'))
  for (const k of Object.keys(policyTotals)) policyTotals[k] = Math.round((policyTotals[k] ?? 0) * 100) / 100
  return { total: results.length, evaluated, notEvaluated: byClass.T, byClass, incomplete, migration, policyTotals, problems }
}

/** The indicators a list is scored on: below-scale enterprises have their own when the scheme gives them. */
export function specsOf(scheme: LandScheme, list: LandResult['list']): readonly IndicatorSpec[] {
  return list === 'below' && scheme.belowScaleIndicators?.length ? scheme.belowScaleIndicators : scheme.indicators
}

/** Why an enterprise is not evaluated (class T) under a scheme, or null when it is. */
export function landTReason(d: LandEnterpriseData, scheme: LandScheme): Msg | null {
  const reason = tReasonOf(d, scheme, new Set(scheme.scope.excludeDivisions))
  return reason === null ? null : tReasons[reason](d, scheme)
}

/** What a run keeps of one result: enough, with the figures it read and the run's IndicatorParams, to rebuild the rest. */
export interface StoredLandResult {
  unitKey: string
  list: LandResult['list']
  class: LandClass
  total: number | null
  rank: number | null
  unitSize: number
  previousClass: LandClass | null
  /** the points of each indicator of the list, in the scheme's order (specsOf) */
  scores: readonly number[]
}

/**
 * One enterprise's full result (indicator values, trace, adjustments, veto, reason, missing figures, money effects)
 * rebuilt from the figures the run read, the run's parameters of its list and what the run stored: the same as the
 * evaluator produced (a test checks it on every preset), for the score card of one enterprise.
 */
export function rebuildLandResult(d: LandEnterpriseData, scheme: LandScheme, stored: StoredLandResult, params: Partial<Record<LandIndicatorId, IndicatorParams>> | undefined): LandResult {
  const r: LandResult = {
    uscc: d.uscc, countyCode: d.countyCode, parkId: d.parkId, industry: d.industry, aboveScale: d.aboveScale, unitKey: stored.unitKey, list: stored.list,
    indicators: {}, scores: {}, adjustments: [], veto: null, total: stored.total, rank: stored.rank, unitSize: stored.unitSize, class: stored.class,
    reason: null, missing: [], previousClass: stored.previousClass, trace: [], policyEffects: [],
  }
  if (stored.class === 'T') {
    r.reason = landTReason(d, scheme)
  } else {
    specsOf(scheme, stored.list).forEach((spec, k) => {
      const def = landIndicatorDefs[spec.id]
      const p = params?.[spec.id]
      const num = d.values[def.num]
      const den = d.values[def.den]
      const m: MissingKind | null = num === null ? 'numeratorMissing' : den === null ? 'denominatorMissing' : den === 0 ? 'zeroDenominator' : null
      const v = m === null && num !== null && den !== null ? num / den : NaN
      const score = stored.scores[k] ?? 0
      const norm = spec.normalization
      const w = spec.weight
      const step: TraceStep = {
        indicator: spec.id, numerator: num, denominator: den, value: m === null ? v : null, missing: m, method: norm.kind, weight: w,
        benchmark: null, benchmarkBasis: null, cap: null, capped: false, min: null, max: null, floor: null, percentile: null, negative: false, averaged: false, score: 0,
      }
      if (norm.kind === 'ratio') {
        const [b, basis] = norm.benchmark.kind === 'previousAverage' && norm.benchmark.of === 'industry'
          ? (p?.byIndustry?.[String(d.industry)] ?? [null, null])
          : [p?.benchmark ?? null, p?.basis ?? null]
        if (b !== null) { step.benchmark = b; step.benchmarkBasis = basis }
        step.cap = norm.cap ?? null
        if (m === null && b !== null && b > 0) {
          if (v < 0) step.negative = true
          else if (norm.cap !== undefined && (w * v) / b > w * norm.cap) step.capped = true
        }
      } else if (norm.kind === 'minmax') {
        step.floor = norm.floor
        if (m === null) { step.min = p?.min ?? null; step.max = p?.max ?? null }
      } else if (m === null) step.percentile = w ? score / w : 0
      step.score = score
      if (m !== null) {
        if (spec.whenMissing === 'unitAverage') step.averaged = true
        if (m === 'numeratorMissing' && !r.missing.includes(def.num)) r.missing.push(def.num)
        if (m === 'denominatorMissing' && !r.missing.includes(def.den)) r.missing.push(def.den)
      }
      r.indicators[spec.id] = step.value
      r.scores[spec.id] = score
      r.trace.push(step)
    })
    const flags = d.flags
    if (flags && flags.length) {
      for (const a of [...scheme.bonuses, ...scheme.penalties]) if (flags.includes(a.flag)) r.adjustments.push({ flag: a.flag, points: a.points })
      const vetoFlags = new Set(scheme.vetoes.map((x) => x.flag))
      for (const f of flags) if (vetoFlags.has(f)) { r.veto = f; break }
    }
    if (r.veto !== null) {
      const v = scheme.vetoes.find((x) => x.flag === r.veto)
      r.reason = msg('veto', `一票否决：${v?.label.zh ?? r.veto}，直接评为 D 类`, `veto: ${v?.label.en ?? r.veto}, class D whatever the score`)
    }
  }
  for (const p of scheme.policies) {
    if (p.kind !== 'perUnit') continue
    const rate = p.rates[r.class]
    const basis = d.values[p.basis]
    if (rate === undefined || rate === 0 || basis === null) continue
    r.policyEffects.push({ policyId: p.id, amount: Math.round(basis * rate * 100) / 100 })
  }
  return r
}
