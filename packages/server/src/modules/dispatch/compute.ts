import {
  addTo, contributionPct, currentMonth, describeProfitChange, emptyAggregate, enterpriseWarnings, fenText, growthPct, merge,
  profitChange, pullPct, rank, rankChange, regionWarnings, roundHalfUp, sectionOfDivision, targetStatus, toFen,
  type Aggregate, type WarningHit, type WarningRule,
} from '@gongxin/domain'
import type { CountySums, DivisionInfo, EnterpriseFactRow } from './repository.ts'

/*
 * The dispatch of one period, computed in memory from the period's reports (one row per enterprise): sums by
 * region (province, city, county), park and industry (section, division, group), same-scope growth, pulls and
 * contributions, ranks among siblings with the change against the previous period, targets and official figures,
 * and the warnings. Pure given its inputs: the service reads them and keeps the result.
 */

export const INDICATORS = ['grossOutput', 'revenue', 'profit', 'electricity'] as const
export type IndicatorKey = (typeof INDICATORS)[number]
/** the indicators regions are ranked on */
export const RANKED = ['grossOutput', 'revenue', 'profit'] as const
type Ranked = (typeof RANKED)[number]

/** Growth is published to 0.1 percentage point; pulls to 0.01 point; contributions to 0.1 %. */
const GROWTH_DP = 1
const PULL_DP = 2

interface Sums {
  agg: Record<IndicatorKey, Aggregate>
  reporting: number
  lossMaking: number
  /** Σ −profitCum of loss-making enterprises, fen; and the same of the prior-year values that were losses */
  lossAmount: number
  lossAmountPrior: number
  /** current-month gross output, fen (enterprises whose previous month is known, or 1—2月) */
  outputMonth: number
  outputMonthKnown: number
}

function emptySums(): Sums {
  return {
    agg: { grossOutput: emptyAggregate(), revenue: emptyAggregate(), profit: emptyAggregate(), electricity: emptyAggregate() },
    reporting: 0, lossMaking: 0, lossAmount: 0, lossAmountPrior: 0, outputMonth: 0, outputMonthKnown: 0,
  }
}

interface FactValues {
  go: number | null
  goP: number | null
  rv: number | null
  rvP: number | null
  pf: number | null
  pfP: number | null
  el: number | null
  elP: number | null
  outMonth: number | null
}

function addValues(s: Sums, v: FactValues) {
  addTo(s.agg.grossOutput, v.go, v.goP)
  addTo(s.agg.revenue, v.rv, v.rvP)
  addTo(s.agg.profit, v.pf, v.pfP)
  addTo(s.agg.electricity, v.el, v.elP)
  s.reporting++
  if (v.pf !== null && v.pf < 0) {
    s.lossMaking++
    s.lossAmount -= v.pf
  }
  if (v.pfP !== null && v.pfP < 0) s.lossAmountPrior -= v.pfP
  if (v.outMonth !== null) {
    s.outputMonth += v.outMonth
    s.outputMonthKnown++
  }
}

export interface IndicatorFigures {
  /** year-to-date over the enterprises with a comparable base, 万元 */
  cum: string
  priorCum: string
  growthPct: number | null
  /** enterprises reporting the indicator */
  enterprises: number
  /** of which without a comparable base (counted, not in cum/priorCum) */
  withoutBase: number
  /** year-to-date over every reporting enterprise, 万元 */
  cumAll: string
}

const figuresOf = (a: Aggregate): IndicatorFigures => {
  const g = growthPct(a.cum, a.priorCum)
  return {
    cum: fenText(a.cum), priorCum: fenText(a.priorCum), growthPct: g === null ? null : roundHalfUp(g, GROWTH_DP),
    enterprises: a.enterprises, withoutBase: a.withoutBase, cumAll: fenText(a.cumAll),
  }
}

export interface TargetInput {
  regionCode: string
  indicator: string
  kind: 'growth' | 'level'
  target: number
  unit: string
  name: { zh: string; en: string }
}

export interface OfficialInput {
  regionCode: string
  indicator: string
  value: number
  unit: string
  name: { zh: string; en: string }
  /** where a previous period's value exists, for the trend */
  previous: number | null
}

export interface ComputeInput {
  year: number
  month: number
  facts: readonly EnterpriseFactRow[]
  missing: readonly { enterpriseId: number; uscc: string; name: string; countyCode: string }[]
  previousCounties: readonly CountySums[]
  divisions: readonly DivisionInfo[]
  parks: readonly { id: number; name: string; countyCode: string }[]
  industryNames: ReadonlyMap<string, { name: string }>
  rules: readonly WarningRule[]
  targets: readonly TargetInput[]
  official: readonly OfficialInput[]
  /** level-target actuals computed from the registry by county (e.g. newAboveScaleEnterprises), rolled up here */
  levelCounts: readonly { indicator: string; countyCode: string; value: number }[]
}

export interface Hit extends WarningHit {
  subjectKind: 'enterprise' | 'region'
  subject: string
  enterpriseId: number | null
  regionCode: string
  name: string
}

export interface RegionResult {
  regionCode: string
  level: number
  payload: Record<string, unknown>
}

const regionKey = (code: string) => code.padEnd(6, '0')

/** The chain of a county: [province, city, county] codes present in the divisions (a prefecture without counties stands for itself). */
function chainOf(code: string, byCode: ReadonlyMap<string, DivisionInfo>): string[] {
  const out: string[] = []
  let c: string | null = code
  const seen = new Set<string>()
  while (c && !seen.has(c)) {
    seen.add(c)
    const d = byCode.get(c)
    if (!d) break
    out.unshift(c)
    c = d.parentCode
  }
  if (!out.length) {
    // a code unknown to the reference data still counts for its province and city by its digits
    const province = code.slice(0, 2) + '0000'
    const city = code.slice(0, 4) + '00'
    return [...new Set([province, city, code])]
  }
  return out
}

/** Gives the event loop a turn: the computation runs on the server's main thread and /health must keep answering. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function computeDispatch(input: ComputeInput): Promise<{ regions: RegionResult[]; hits: Hit[] }> {
  const { year, month } = input
  const period = `${year}-${String(month).padStart(2, '0')}`
  const byCode = new Map(input.divisions.map((d) => [d.code, d]))
  const chains = new Map<string, string[]>()
  const chain = (county: string) => {
    let c = chains.get(county)
    if (!c) chains.set(county, (c = chainOf(county, byCode)))
    return c
  }

  // sums by region, by region × industry (section, division, group), by park
  const regionSums = new Map<string, Sums>()
  const industrySums = new Map<string, Map<string, Sums>>() // region → industry code → sums
  const parkSums = new Map<number, Sums>()
  const at = <K>(m: Map<K, Sums>, k: K) => {
    let s = m.get(k)
    if (!s) m.set(k, (s = emptySums()))
    return s
  }
  const hits: Hit[] = []
  const rule = (id: string) => input.rules.find((r) => r.id === id)

  let seen = 0
  for (const f of input.facts) {
    if (++seen % 1000 === 0) await yieldToLoop()
    const go = toFen(f.grossOutputCum)
    const goP = toFen(f.grossOutputPriorCum)
    const rv = toFen(f.revenueCum)
    const rvP = toFen(f.revenuePriorCum)
    const pf = toFen(f.profitCum)
    const pfP = toFen(f.profitPriorCum)
    const el = toFen(f.electricityCum)
    const elP = toFen(f.electricityPriorCum)
    const prev1 = toFen(f.grossOutputCumPrev1)
    const outMonth = currentMonth(go, prev1, month)
    // added straight into every total the enterprise belongs to: its region chain, region × industry, its park
    const v: FactValues = { go, goP, rv, rvP, pf, pfP, el, elP, outMonth }
    const codes = chain(f.countyCode)
    const div = f.division || f.industryCode.slice(0, 2)
    const section = sectionOfDivision(Number(div)) ?? '?'
    const group = f.industryCode.length >= 3 ? f.industryCode.slice(0, 3) : null
    for (let level = 0; level < codes.length; level++) {
      const c = codes[level] as string
      addValues(at(regionSums, c), v)
      let m = industrySums.get(c)
      if (!m) industrySums.set(c, (m = new Map()))
      addValues(at(m, section), v)
      addValues(at(m, div), v)
      // industry groups (3-digit) are kept for the province and the cities, where the drill-down goes that deep
      if (group && level < 2) addValues(at(m, group), v)
    }
    if (f.parkId !== null) addValues(at(parkSums, f.parkId), v)

    // enterprise warnings
    const prev2 = toFen(f.grossOutputCumPrev2)
    const outPrevMonth = month >= 3 ? currentMonth(prev1, prev2, month - 1) : null
    const elPrev = toFen(f.electricityCumPrev1)
    const elPPrev = toFen(f.electricityPriorCumPrev1)
    const elMonth = currentMonth(el, elPrev, month)
    const elMonthPrior = currentMonth(elP, elPPrev, month)
    const enterpriseHits = enterpriseWarnings(
      {
        outputCum: go, outputPriorCum: goP, outputMonth: outMonth, outputPreviousMonth: outPrevMonth, profitCum: pf,
        electricityMonth: elMonth, electricityMonthPriorYear: elMonthPrior, reported: true, expected: true,
      },
      input.rules,
    )
    for (const h of enterpriseHits) hits.push({ ...h, subjectKind: 'enterprise', subject: f.uscc, enterpriseId: f.enterpriseId, regionCode: f.countyCode, name: f.name })
  }
  if (rule('missingReport')?.enabled) {
    for (const m of input.missing) {
      for (const h of enterpriseWarnings(
        { outputCum: null, outputPriorCum: null, outputMonth: null, outputPreviousMonth: null, profitCum: null, electricityMonth: null, electricityMonthPriorYear: null, reported: false, expected: true },
        input.rules,
      )) {
        hits.push({ ...h, subjectKind: 'enterprise', subject: m.uscc, enterpriseId: m.enterpriseId, regionCode: m.countyCode, name: m.name })
      }
    }
  }
  const expectedOf = new Map<string, number>()
  for (const m of input.missing) for (const c of chain(m.countyCode)) expectedOf.set(c, (expectedOf.get(c) ?? 0) + 1)

  // the previous period's growth by region, for the rank change
  const prevSums = new Map<string, Record<Ranked, Aggregate>>()
  for (const c of input.previousCounties) {
    const one = { grossOutput: emptyAggregate(), revenue: emptyAggregate(), profit: emptyAggregate() }
    const pairs: [Ranked, string | null, string | null][] = [
      ['grossOutput', c.grossOutputCum, c.grossOutputPriorCum], ['revenue', c.revenueCum, c.revenuePriorCum], ['profit', c.profitCum, c.profitPriorCum],
    ]
    for (const [k, cum, prior] of pairs) {
      const a = one[k]
      a.cum = toFen(cum) ?? 0
      a.priorCum = toFen(prior) ?? 0
      a.cumAll = a.cum
    }
    for (const code of chain(c.countyCode)) {
      let t = prevSums.get(code)
      if (!t) prevSums.set(code, (t = { grossOutput: emptyAggregate(), revenue: emptyAggregate(), profit: emptyAggregate() }))
      for (const k of RANKED) merge(t[k], one[k])
    }
  }

  const levelActuals = new Map<string, Map<string, number>>()
  for (const l of input.levelCounts) {
    for (const c of chain(l.countyCode)) {
      let m = levelActuals.get(c)
      if (!m) levelActuals.set(c, (m = new Map()))
      m.set(l.indicator, (m.get(l.indicator) ?? 0) + l.value)
    }
  }

  const nameOf = (code: string) => byCode.get(code)?.name ?? code
  const childrenOf = new Map<string, string[]>()
  for (const code of regionSums.keys()) {
    const parent = byCode.get(code)?.parentCode
    if (parent && regionSums.has(parent)) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), code])
  }
  for (const list of childrenOf.values()) list.sort()

  const growthOf = (a: Aggregate | undefined) => {
    if (!a) return null
    const g = growthPct(a.cum, a.priorCum)
    return g === null ? null : roundHalfUp(g, GROWTH_DP)
  }

  /** ranks of `codes` on each ranked indicator, and the change against the previous period */
  function ranksAmong(codes: readonly string[], current: (c: string) => Record<Ranked, Aggregate> | undefined, previous: (c: string) => Record<Ranked, Aggregate> | undefined) {
    const out = new Map<string, { rank: Partial<Record<Ranked, number>>; rankChange: Partial<Record<Ranked, number | null>> }>()
    for (const c of codes) out.set(c, { rank: {}, rankChange: {} })
    for (const k of RANKED) {
      const now = rank(codes.map((c) => ({ key: c, value: growthOf(current(c)?.[k]) })), { precision: GROWTH_DP, direction: 'higherIsBetter' })
      const before = rank(codes.map((c) => ({ key: c, value: growthOf(previous(c)?.[k]) })), { precision: GROWTH_DP, direction: 'higherIsBetter' })
      const beforeRank = new Map(before.ranked.map((r) => [r.key, r.rank]))
      for (const r of now.ranked) {
        const o = out.get(r.key)
        if (!o) continue
        o.rank[k] = r.rank
        o.rankChange[k] = rankChange(r.rank, beforeRank.get(r.key) ?? null)
      }
    }
    return out
  }

  const indicatorsOf = (s: Sums) => {
    const o: Record<string, unknown> = {}
    for (const k of INDICATORS) o[k] = figuresOf(s.agg[k])
    const pc = profitChange(s.agg.profit.cum, s.agg.profit.priorCum > 0 || s.agg.profit.priorCum < 0 ? s.agg.profit.priorCum : null)
    ;(o.profit as Record<string, unknown>).change = { ...pc, text: describeProfitChange(pc, GROWTH_DP) }
    return o
  }
  const lossOf = (s: Sums) => {
    const ratio = s.reporting ? roundHalfUp((s.lossMaking / s.reporting) * 100, GROWTH_DP) : null
    const amountGrowth = growthPct(s.lossAmount, s.lossAmountPrior)
    return {
      lossMaking: s.lossMaking,
      lossRatioPct: ratio,
      lossAmount: fenText(s.lossAmount),
      lossAmountPrior: fenText(s.lossAmountPrior),
      lossAmountGrowthPct: amountGrowth === null ? null : roundHalfUp(amountGrowth, GROWTH_DP),
    }
  }
  const industryList = (region: Sums, m: Map<string, Sums> | undefined, level: 'section' | 'division' | 'group') => {
    if (!m) return []
    const whole = region.agg.grossOutput
    const rows: Record<string, unknown>[] = []
    for (const [code, s] of m) {
      const isSection = /^[A-Z?]$/.test(code)
      if ((level === 'section') !== isSection) continue
      if (level === 'division' && code.length !== 2) continue
      if (level === 'group' && code.length !== 3) continue
      const a = s.agg.grossOutput
      const pull = pullPct(a, whole)
      const contribution = contributionPct(a, whole)
      rows.push({
        code, name: input.industryNames.get(code)?.name ?? code,
        ...(level !== 'section' ? { section: sectionOfDivision(Number(code.slice(0, 2))) ?? null } : {}),
        ...(level === 'group' ? { division: code.slice(0, 2) } : {}),
        growthPct: growthOf(a),
        pullPct: pull === null ? null : roundHalfUp(pull, PULL_DP),
        contributionPct: contribution === null ? null : roundHalfUp(contribution, GROWTH_DP),
        enterprises: a.enterprises, withoutBase: a.withoutBase, cum: fenText(a.cum), priorCum: fenText(a.priorCum),
        revenueGrowthPct: growthOf(s.agg.revenue), profitGrowthPct: growthOf(s.agg.profit), lossMaking: s.lossMaking,
      })
    }
    return rows.sort((x, y) => String(x.code).localeCompare(String(y.code)))
  }

  // targets and official figures by region
  const targetsBy = new Map<string, TargetInput[]>()
  for (const t of input.targets) targetsBy.set(regionKey(t.regionCode), [...(targetsBy.get(regionKey(t.regionCode)) ?? []), t])
  const officialBy = new Map<string, OfficialInput[]>()
  for (const o of input.official) officialBy.set(regionKey(o.regionCode), [...(officialBy.get(regionKey(o.regionCode)) ?? []), o])
  const computedGrowth = (s: Sums | undefined, indicator: string): number | null => {
    if (!s) return null
    if (indicator === 'grossOutputGrowth') return growthOf(s.agg.grossOutput)
    if (indicator === 'revenueGrowth') return growthOf(s.agg.revenue)
    if (indicator === 'profitGrowth') return growthOf(s.agg.profit)
    return null
  }

  const regions: RegionResult[] = []
  let done = 0
  for (const [code, s] of regionSums) {
    if (++done % 3 === 0) await yieldToLoop()
    const d = byCode.get(code)
    const level = d?.level ?? (code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3)
    const kids = childrenOf.get(code) ?? []
    const kidRanks = ranksAmong(kids, (c) => regionSums.get(c)?.agg, (c) => prevSums.get(c))
    const subRegions = kids.map((c) => {
      const ks = regionSums.get(c) ?? emptySums()
      const r = kidRanks.get(c)
      return {
        region: c, name: nameOf(c), indicators: indicatorsOf(ks), rank: r?.rank ?? {}, rankChange: r?.rankChange ?? {},
        reporting: ks.reporting, expected: ks.reporting + (expectedOf.get(c) ?? 0), ...lossOf(ks),
        pullPct: (() => {
          const p = pullPct(ks.agg.grossOutput, s.agg.grossOutput)
          return p === null ? null : roundHalfUp(p, PULL_DP)
        })(),
      }
    })
    const inRegion = input.parks.filter((p) => p.countyCode.startsWith(code.replace(/(00)+$/, '')))
    const parkCodes = inRegion.filter((p) => parkSums.has(p.id)).map((p) => String(p.id))
    const parkRanks = ranksAmong(parkCodes, (c) => parkSums.get(Number(c))?.agg, () => undefined)
    const parks = inRegion
      .filter((p) => parkSums.has(p.id))
      .map((p) => {
        const ps = parkSums.get(p.id) ?? emptySums()
        return { id: p.id, name: p.name, countyCode: p.countyCode, indicators: indicatorsOf(ps), rank: parkRanks.get(String(p.id))?.rank ?? {}, reporting: ps.reporting, ...lossOf(ps) }
      })

    const targets = (targetsBy.get(code) ?? []).map((t) => {
      const official = (officialBy.get(code) ?? []).find((o) => o.indicator === t.indicator)
      const fromRegistry = levelActuals.get(code)?.get(t.indicator)
      const actual = official?.value ?? (t.kind === 'growth' ? computedGrowth(s, t.indicator) : (fromRegistry ?? null))
      const status = targetStatus(t.kind, t.target, actual, month)
      const actualSource = official ? 'official' : actual === null ? null : 'computed'
      return { indicator: t.indicator, name: t.name, unit: t.unit, ...status, actualSource }
    })
    const official = (officialBy.get(code) ?? []).map((o) => {
      const computed = computedGrowth(s, o.indicator)
      return { indicator: o.indicator, name: o.name, unit: o.unit, value: o.value, previous: o.previous, computed, differencePts: computed === null ? null : roundHalfUp(computed - o.value, GROWTH_DP) }
    })

    // region warnings: below a growth target, loss ratio
    const loss = lossOf(s)
    const growthTargets = targets.filter((t) => t.kind === 'growth')
    const regionFacts = growthTargets.length
      ? growthTargets.map((t) => ({ growthPct: t.actual, targetPct: t.target, lossRatioPct: loss.lossRatioPct, indicator: t.indicator }))
      : [{ growthPct: null, targetPct: null, lossRatioPct: loss.lossRatioPct, indicator: null }]
    const seen = new Set<string>()
    for (const rf of regionFacts) {
      for (const h of regionWarnings(rf, input.rules)) {
        const subject = h.rule === 'regionBelowTarget' ? `${code}:${rf.indicator ?? ''}` : code
        if (seen.has(h.rule + subject)) continue
        seen.add(h.rule + subject)
        hits.push({ ...h, subjectKind: 'region', subject, enterpriseId: null, regionCode: code, name: nameOf(code) })
      }
    }
    const regionSection = industrySums.get(code)
    regions.push({
      regionCode: code,
      level,
      payload: {
        period, region: code, name: nameOf(code), level, parent: d?.parentCode ?? null,
        indicators: indicatorsOf(s),
        currentMonth: { grossOutput: s.outputMonthKnown ? fenText(s.outputMonth) : null, enterprises: s.outputMonthKnown },
        reporting: s.reporting, expected: s.reporting + (expectedOf.get(code) ?? 0),
        ...loss,
        targets, official, subRegions, parks,
        industries: industryList(s, regionSection, 'division'),
        sections: industryList(s, regionSection, 'section'),
        groups: industryList(s, regionSection, 'group'),
      },
    })
  }
  return { regions, hits }
}
