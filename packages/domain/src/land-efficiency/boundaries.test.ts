import { describe, expect, it } from 'vitest'
import { classChanges, landLeaders, parkEfficiency } from './aggregate.ts'
import { evaluateLandEfficiency, type LandEnterpriseData } from './evaluate.ts'
import { bandsFromWidths, huaian2024 } from './presets.ts'
import { landDataFields, validateScheme, type LandDataField, type LandScheme } from './scheme.ts'

function ent(uscc: string, values: Partial<Record<LandDataField, number | null>>, extra: Partial<LandEnterpriseData> = {}): LandEnterpriseData {
  const v = Object.fromEntries(landDataFields.map((f) => [f, values[f] ?? null])) as Record<LandDataField, number | null>
  return { uscc, countyCode: '430102', parkId: null, industry: '34', aboveScale: true, yearsInProduction: null, values: v, ...extra }
}

/** One indicator, tax per mu against a fixed benchmark of 10 with weight 100: the total is 10 × tax per mu. */
const simple: LandScheme = {
  id: 'simple', name: { zh: '测试', en: 'test' }, region: '', year: 2025,
  source: { document: 'test', date: '2025', confidence: 'UNVERIFIED', note: { zh: '', en: '' } },
  scope: { aboveScale: true, belowScaleMinMu: null, excludeDivisions: [], minYearsInProduction: null },
  indicators: [{ id: 'taxPerMu', weight: 100, normalization: { kind: 'ratio', benchmark: { kind: 'fixed', value: 10 } } }],
  unit: 'county', classes: { kind: 'rankBands', bands: bandsFromWidths(20, 40, 35, 5) },
  bonuses: [], penalties: [], vetoes: [{ flag: 'majorSafetyAccident', label: { zh: '重大安全事故', en: 'major accident' } }], policies: [],
}
/** enterprises with the given tax on 1 mu: totals 10 × tax */
const withTaxes = (taxes: number[], extra: Partial<LandEnterpriseData> = {}) => taxes.map((t, i) => ent(`E${i + 1}`, { landMu: 1, tax: t }, extra))
const classes = (scheme: LandScheme, data: LandEnterpriseData[]) => evaluateLandEfficiency({ scheme, data }).results.map((r) => r.class).join('')

describe('class assignment by rank bands (A 0–20 %, B 20–60 %, C 60–95 %, D 95–100 % of the list ranked ahead)', () => {
  it.each([
    ['one enterprise (fewer than bands)', [5], 'A'],
    ['two: the second has 50 % ahead', [5, 4], 'AB'],
    ['three', [5, 4, 3], 'ABC'],
    ['twenty: 19th has 90 % ahead → C, 20th 95 % → D', Array.from({ length: 20 }, (_, i) => 20 - i), 'AAAABBBBBBBBCCCCCCCD'],
    // ten: rank 2 has 10 % ahead (A); a tie for 2nd and 3rd shares rank 2, so both are A although A then holds 30 %
    ['ten with a tie at the A/B edge', [10, 9, 9, 8, 7, 6, 5, 4, 3, 2], 'AAABBBCCCC'],
    // the tie at rank 3 (20 % ahead) is B for both
    ['ten with a tie right after the edge', [10, 9, 8, 8, 7, 6, 5, 4, 3, 2], 'AABBBBCCCC'],
    ['everyone equal', [3, 3, 3, 3], 'AAAA'],
  ])('%s', (_name, taxes, expected) => {
    expect(classes(simple, withTaxes(taxes))).toBe(expected)
  })
})

describe('score lines with class limits (A ≤ 20 %, D ≥ 5 %)', () => {
  const lines: LandScheme = { ...simple, classes: { kind: 'scoreLines', lines: [{ class: 'A', min: 80 }, { class: 'B', min: 60 }, { class: 'C', min: 40 }, { class: 'D', min: null }], limits: { maxShareA: 20, minShareD: 5 } } }
  it.each([
    // totals 100..10: by lines 3 A (100, 90, 80); the limit keeps floor(10 × 20 %) = 2; D needs ceil(0.5) = 1 and has 3 already
    // 100, 90 stay A, 80 moves to B; 70, 60 B; 50, 40 C; 30, 20, 10 D
    ['ten spread', [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 'AABBBCCDDD'],
    // everyone over the A line: 2 stay A; nobody under the D line, so the last becomes D
    ['ten all high', [10, 10, 9.9, 9.8, 9.7, 9.6, 9.5, 9.4, 9.3, 9.2], 'AABBBBBBBD'],
    // four enterprises: floor(4 × 20 %) = 0 may be A, so the 80 moves to B
    ['four, A limited to none', [8, 6, 4, 3.999], 'BBCD'],
  ])('%s', (_name, taxes, expected) => {
    expect(classes(lines, withTaxes(taxes))).toBe(expected)
  })
  it('a total exactly on a line is in the class above it (no limits)', () => {
    const open: LandScheme = { ...lines, classes: { ...lines.classes, limits: {} } as LandScheme['classes'] }
    expect(classes(open, withTaxes([8, 6, 4, 3.999]))).toBe('ABCD')
  })
})

describe('data the evaluation cannot use as given', () => {
  it.each([
    ['zero land (a tenant)', { landMu: 0, tax: 5 }, 'T', 'noLand'],
    ['negative land', { landMu: -3, tax: 5 }, 'T', 'landNegative'],
    ['missing land', { landMu: null, tax: 5 }, 'T', 'landMissing'],
  ] as const)('%s → %s (%s)', (_n, values, cls, code) => {
    const r = evaluateLandEfficiency({ scheme: simple, data: [ent('X', values)] }).results[0]
    expect(r?.class).toBe(cls)
    expect(r?.reason?.code).toBe(code)
  })

  it('a negative tax (refunds) scores 0 and ranks last; a missing tax scores 0 and is listed as missing', () => {
    const { results } = evaluateLandEfficiency({ scheme: simple, data: [ent('R', { landMu: 2, tax: -10 }), ent('M', { landMu: 2 }), ent('P', { landMu: 2, tax: 4 })] })
    expect(results.map((r) => [r.uscc, r.total, r.rank])).toEqual([['R', 0, 2], ['M', 0, 2], ['P', 20, 1]])
    expect(results[0]?.trace[0]).toMatchObject({ value: -5, negative: true })
    expect(results[1]?.missing).toEqual(['tax'])
  })

  it('a veto puts the enterprise in D outside the ranking', () => {
    const { results } = evaluateLandEfficiency({ scheme: simple, data: [ent('V', { landMu: 1, tax: 99 }, { flags: ['majorSafetyAccident'] }), ent('W', { landMu: 1, tax: 1 })] })
    expect(results[0]).toMatchObject({ class: 'D', rank: null, reason: { code: 'veto' } })
    expect(results[1]).toMatchObject({ class: 'A', rank: 1, unitSize: 1 })
  })

  it('a scope that excludes everyone at run time says so', () => {
    const { summary } = evaluateLandEfficiency({ scheme: simple, data: withTaxes([1, 2], { aboveScale: false }) })
    expect(summary.evaluated).toBe(0)
    expect(summary.problems[0]?.code).toBe('nobodyEvaluated')
  })

  it('units rank separately; leaders and parks aggregate', () => {
    const data = [...withTaxes([5, 4]), ent('O', { landMu: 1, tax: 1 }, { countyCode: '430103', parkId: 7 }), ent('Q', { landMu: 3, tax: 9 }, { countyCode: '430103', parkId: 7 })]
    const { results } = evaluateLandEfficiency({ scheme: simple, data })
    expect(results.find((r) => r.uscc === 'O')).toMatchObject({ rank: 2, class: 'B', unitKey: '430103' })
    expect([...landLeaders(results, 1, 'unit')].map(([k, v]) => [k, v.map((r) => r.uscc)])).toEqual([['430102', ['E1']], ['430103', ['Q']]])
    expect(parkEfficiency(data)).toEqual([expect.objectContaining({ parkId: 7, enterprises: 2, landMu: 4, taxPerMu: 2.5, rank: 1 })])
  })

  it('counts class changes between two runs', () => {
    expect(classChanges([{ uscc: 'a', class: 'B' }, { uscc: 'b', class: 'C' }, { uscc: 'c', class: 'A' }], [{ uscc: 'a', class: 'A' }, { uscc: 'b', class: 'D' }, { uscc: 'c', class: 'A' }]))
      .toMatchObject({ changed: 2, up: 1, down: 1 })
  })
})

describe('the scheme validator names the field', () => {
  const bands = (b: [string, number, number][]) => ({ ...simple, classes: { kind: 'rankBands' as const, bands: b.map(([c, from, to]) => ({ class: c as 'A', from, to })) } })
  it.each([
    ['weights summing to 90', { ...simple, indicators: [{ ...simple.indicators[0]!, weight: 90 }] }, 'indicators', 'weightsNot100'],
    ['a zero benchmark', { ...simple, indicators: [{ id: 'taxPerMu' as const, weight: 100, normalization: { kind: 'ratio' as const, benchmark: { kind: 'fixed' as const, value: 0 } } }] }, 'indicators[0].normalization.benchmark.value', 'benchmarkNotPositive'],
    ['overlapping bands', bands([['A', 0, 30], ['B', 20, 60], ['C', 60, 95], ['D', 95, 100]]), 'classes.bands[1].from', 'bandsOverlap'],
    ['a gap between bands', bands([['A', 0, 20], ['B', 25, 60], ['C', 60, 95], ['D', 95, 100]]), 'classes.bands[1].from', 'bandsGap'],
    ['bands short of 100 %', bands([['A', 0, 20], ['B', 20, 60], ['C', 60, 90]]), 'classes.bands[2].to', 'bandsNot100'],
    ['a scope that excludes everyone', { ...simple, scope: { ...simple.scope, aboveScale: false } }, 'scope', 'scopeEmpty'],
    ['score lines that overlap', { ...simple, classes: { kind: 'scoreLines' as const, lines: [{ class: 'A' as const, min: 80 }, { class: 'B' as const, min: 85 }, { class: 'C' as const, min: null }] } }, 'classes.lines[1].min', 'linesOverlap'],
  ])('%s', (_name, scheme, field, code) => {
    const issues = validateScheme(scheme as LandScheme)
    expect(issues).toContainEqual({ field, message: expect.objectContaining({ code }) })
    expect(issues.every((i) => i.message.zh.length > 0 && i.message.en.length > 0)).toBe(true)
  })
  it('the presets pass', () => {
    expect(validateScheme(huaian2024)).toEqual([])
  })
})
