import { describe, expect, it } from 'vitest'
import { evaluateLandEfficiency, type LandEnterpriseData } from './evaluate.ts'
import { explainLandResult } from './explain.ts'
import { anhuiMinmax, huaian2024, huangyan2022, landSchemePresets, shandong2019 } from './presets.ts'
import { landDataFields, validateScheme, type LandDataField } from './scheme.ts'

/** An enterprise in county 331003 (黄岩区) with the given figures; everything not given is null. */
function ent(uscc: string, values: Partial<Record<LandDataField, number>>, extra: Partial<LandEnterpriseData> = {}): LandEnterpriseData {
  const v = Object.fromEntries(landDataFields.map((f) => [f, values[f] ?? null])) as Record<LandDataField, number | null>
  return { uscc, countyCode: '331003', parkId: null, industry: '34', aboveScale: true, yearsInProduction: 10, values: v, ...extra }
}
const byUscc = <T extends { uscc: string }>(rs: T[]) => new Map(rs.map((r) => [r.uscc, r]))

describe('the presets', () => {
  it.each(landSchemePresets.map((p) => [p.id, p] as const))('%s is valid and cites its source', (_id, p) => {
    expect(validateScheme(p)).toEqual([])
    expect(p.source.document.length).toBeGreaterThan(4)
    expect(['HIGH', 'MED', 'LOW', 'UNVERIFIED']).toContain(p.source.confidence)
  })
})

describe('huangyan2022 (台州黄岩, ratios to the 2022 benchmarks, weights 30/20/20/10/10/10)', () => {
  // Every enterprise has 10 mu. "At benchmark" figures are chosen so that each indicator equals its benchmark:
  //   tax 240.97 → 24.097 万元/亩 → 30;  VA 1361.6 → 136.16 万元/亩 → 20;  energy 1361.6/2.694 tce → 2.694 → 20;
  //   emissions 1361.6/4929.81 t → 10;  employees 1361.6/18.14 → 18.14 万元/人 → 10;  R&D 302 of main revenue 10000 → 0.0302 → 10.
  const atBenchmark = { landMu: 10, tax: 240.97, valueAdded: 1361.6, energyTce: 1361.6 / 2.694, emissions: 1361.6 / 4929.81, employees: 1361.6 / 18.14, rdExpense: 302, mainRevenue: 10000 }
  const data = [
    ent('E1', atBenchmark), // 100
    // half of every benchmark: VA 680.8 over the same energy, emissions and employees halves those too → 50
    ent('E2', { ...atBenchmark, tax: 120.485, valueAdded: 680.8, rdExpense: 151 }),
    ent('E3', { ...atBenchmark, tax: 481.94 }), // tax per mu 48.194 = 2 × benchmark → 60 (no cap): 130
    // no emission data: the average above-scale points for the item, (10 + 5 + 10 + 10) / 4 = 8.75 → 90 + 8.75 = 98.75
    ent('E4', { ...atBenchmark, emissions: undefined as unknown as number }),
    // zero energy: value added per tce cannot be computed → 0; R&D 0 → 0: 100 − 20 − 10 = 70
    ent('E5', { ...atBenchmark, energyTce: 0, rdExpense: 0 }),
    // below scale, 4 mu: tax 46.3728 → 11.5932/mu → 50; electricity 46.3728/0.2352 → 0.2352 万元/万千瓦时 → 50: 100, alone in its list
    ent('E6', { landMu: 4, tax: 46.3728, electricity: 46.3728 / 0.2352 }, { aboveScale: false }),
    ent('E7', { landMu: 2, tax: 30 }, { aboveScale: false }), // below scale under 3 mu: T
  ]
  const { results, summary } = evaluateLandEfficiency({ scheme: huangyan2022, data })
  const r = byUscc(results)

  it.each([
    // ranks within 331003's above-scale list of 5; bands 20/40/35/5 by the share ranked ahead: 0 % A, 20–40 % B, 60–80 % C
    ['E3', 130, 1, 'A'],
    ['E1', 100, 2, 'B'],
    ['E4', 98.75, 3, 'B'],
    ['E5', 70, 4, 'C'],
    ['E2', 50, 5, 'C'],
    ['E6', 100, 1, 'A'],
  ] as const)('%s scores %d, rank %d, class %s', (uscc, total, rank, cls) => {
    const x = r.get(uscc)
    expect(x?.total).toBeCloseTo(total, 3)
    expect(x?.rank).toBe(rank)
    expect(x?.class).toBe(cls)
  })

  it('the zero energy and the missing emissions are traced', () => {
    const e5 = r.get('E5')?.trace.find((s) => s.indicator === 'valueAddedPerEnergy')
    expect(e5).toMatchObject({ missing: 'zeroDenominator', score: 0, value: null })
    const e4 = r.get('E4')?.trace.find((s) => s.indicator === 'valueAddedPerEmission')
    expect(e4).toMatchObject({ missing: 'denominatorMissing', averaged: true })
    expect(e4?.score).toBeCloseTo(8.75, 6)
    expect(r.get('E4')?.missing).toEqual(['emissions'])
  })

  it('T carries its reason, and the trace reads as sentences in both languages', () => {
    expect(r.get('E7')).toMatchObject({ class: 'T', rank: null, reason: { code: 'belowScaleTooSmall' } })
    expect(summary.byClass).toEqual({ A: 2, B: 2, C: 2, D: 0, T: 1 })
    const zh = explainLandResult(r.get('E3') ?? results[0]!, huangyan2022, 'zh')
    expect(zh[0]).toContain('亩均税收 = 481.94 / 10 = 48.194')
    expect(zh[0]).toContain('得分 = 48.194 / 24.097 × 30 = 60')
    expect(explainLandResult(r.get('E7') ?? results[0]!, huangyan2022, 'en')[0]).toContain('under the 3 mu threshold')
  })
})

describe('huaian2024 (淮安, benchmark 2 × the county\'s previous-year average, weights 45/35/20)', () => {
  // 2023 in the county: tax 200 over 20 mu → 10 万元/亩; revenue 4000 / 20 mu → 200; tax 200 / 200 tce → 1.
  // Benchmarks: 20 万元/亩, 400 万元/亩, 2 万元/吨标煤.
  const previousData = [
    ent('P1', { landMu: 10, tax: 100, revenue: 1000, energyTce: 50 }),
    ent('P2', { landMu: 10, tax: 100, revenue: 3000, energyTce: 150 }),
  ]
  const data = [
    ent('C1', { landMu: 10, tax: 200, revenue: 4000, energyTce: 100 }), // 20/20×45 + 400/400×35 + 2/2×20 = 100
    ent('C2', { landMu: 10, tax: 100, revenue: 2000, energyTce: 100 }), // 22.5 + 17.5 + 10 = 50
    ent('C3', { landMu: 10, tax: 900, revenue: 9000, energyTce: 100 }, { industry: '44' }), // utility: T
    ent('C4', { landMu: 10, tax: 900, revenue: 9000, energyTce: 100 }, { yearsInProduction: 1 }), // < 2 years: T
    // a refund: tax −50 → tax per mu −5 and tax per tce −0.5 score 0; revenue 2000 → 17.5; electricity 200 万千瓦时
    ent('C5', { landMu: 10, tax: -50, revenue: 2000, energyTce: 100, electricity: 200 }),
    ent('C6', { landMu: 10, tax: 100, revenue: 2000, energyTce: 100 }, { flags: ['highTech'] }), // 50 + 2 = 52
  ]
  const { results, summary } = evaluateLandEfficiency({ scheme: huaian2024, data, previousData, previousResults: [{ uscc: 'C1', class: 'B' }] })
  const r = byUscc(results)

  it.each([
    // 4 ranked: shares ahead 0 %, 25 %, 50 %, 75 % → A, B, B, C
    ['C1', 100, 1, 'A'],
    ['C6', 52, 2, 'B'],
    ['C2', 50, 3, 'B'],
    ['C5', 17.5, 4, 'C'],
  ] as const)('%s scores %d, rank %d, class %s', (uscc, total, rank, cls) => {
    expect(r.get(uscc)?.total).toBeCloseTo(total, 6)
    expect(r.get(uscc)?.rank).toBe(rank)
    expect(r.get(uscc)?.class).toBe(cls)
  })

  it('benchmarks come from last year, refunds score 0, T has reasons, migration and the surcharge are computed', () => {
    expect(r.get('C1')?.trace[0]).toMatchObject({ benchmark: 20, benchmarkBasis: 'unitPrevious' })
    expect(r.get('C5')?.trace[0]).toMatchObject({ value: -5, negative: true, score: 0 })
    expect(r.get('C3')?.reason?.code).toBe('excludedIndustry')
    expect(r.get('C4')?.reason?.code).toBe('tooYoung')
    expect(r.get('C6')?.adjustments).toEqual([{ flag: 'highTech', points: 2 }])
    expect(summary.migration).toEqual({ B: { A: 1 } })
    // class C: 0.05 元/千瓦时 × 200 万千瓦时 = 10 万元
    expect(r.get('C5')?.policyEffects).toEqual([{ policyId: 'electricitySurcharge', amount: 10 }])
    expect(summary.policyTotals.electricitySurcharge).toBe(10)
  })
})

describe('anhuiMinmax (min-max with a 20-point floor, 铜陵 bands 20/45/30/5)', () => {
  // A1 is the county's maximum on all seven indicators, A3 the minimum, A2 exactly half-way on each:
  // A1 = Σ w × (20 + 80) / 100 = 100; A3 = Σ w × 20 / 100 = 20; A2 = Σ w × (20 + 40) / 100 = 60.
  const data = [
    ent('A1', { landMu: 10, tax: 300, revenue: 3000, renovationInvestment: 300, valueAdded: 1000, employees: 10, emissions: 10, rdExpense: 300, energyTce: 100 }),
    ent('A2', { landMu: 10, tax: 200, revenue: 2000, renovationInvestment: 200, valueAdded: 600, employees: 10, emissions: 10, rdExpense: 100, energyTce: 100 }),
    ent('A3', { landMu: 10, tax: 100, revenue: 1000, renovationInvestment: 100, valueAdded: 200, employees: 10, emissions: 10, rdExpense: 0, energyTce: 100 }),
  ]
  const r = byUscc(evaluateLandEfficiency({ scheme: anhuiMinmax, data }).results)
  it.each([
    // 3 ranked: shares ahead 0 %, 33.3 %, 66.7 % → A (0–20), B (20–65), C (65–95)
    ['A1', 100, 'A'],
    ['A2', 60, 'B'],
    ['A3', 20, 'C'],
  ] as const)('%s scores %d, class %s', (uscc, total, cls) => {
    expect(r.get(uscc)?.total).toBeCloseTo(total, 6)
    expect(r.get(uscc)?.class).toBe(cls)
  })
})

describe('shandong2019 (鲁政字〔2019〕235号: previous-year county average, capped at 2×)', () => {
  // 2018: one enterprise, tax/mu 10, revenue/tce 10, revenue/t 100, R&D/revenue 0.02, VA/person 10: the benchmarks.
  const previousData = [ent('P', { landMu: 10, tax: 100, revenue: 1000, energyTce: 100, emissions: 10, rdExpense: 20, valueAdded: 100, employees: 10 })]
  const base = { landMu: 10, tax: 100, revenue: 1000, energyTce: 100, emissions: 10, rdExpense: 20, valueAdded: 100, employees: 10 }
  const data = [
    ent('S1', { ...base, tax: 300 }), // tax/mu 30 = 3 × benchmark, capped at 2 × 30 = 60; the rest 70: 130
    ent('S2', { ...base, emissions: undefined as unknown as number }), // emissions missing: the unit's average points (15): 100
    ent('S3', base, { industry: '45' }), // gas supply (section D): T
  ]
  const { results } = evaluateLandEfficiency({ scheme: shandong2019, data, previousData })
  const r = byUscc(results)
  it('caps, averages and excludes utilities', () => {
    expect(r.get('S1')?.total).toBeCloseTo(130, 6)
    expect(r.get('S1')?.trace[0]).toMatchObject({ capped: true, score: 60 })
    expect(r.get('S2')?.total).toBeCloseTo(100, 6)
    expect(r.get('S1')?.class).toBe('A')
    expect(r.get('S2')?.class).toBe('B')
    expect(r.get('S3')).toMatchObject({ class: 'T', reason: { code: 'excludedIndustry' } })
  })
})
