import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Aggregate, addTo, contributionPct, currentMonth, emptyAggregate, growthPct, merge, pullPct, roundHalfUp } from './index.ts'

const agg = (...rows: [number | null, number | null][]): Aggregate => {
  const a = emptyAggregate()
  for (const [cum, prior] of rows) addTo(a, cum, prior)
  return a
}

describe('addTo: who is in the scope and who has a base', () => {
  it.each<[string, [number | null, number | null][], Aggregate]>([
    ['nobody', [], { cum: 0, priorCum: 0, cumAll: 0, enterprises: 0, withBase: 0, withoutBase: 0 }],
    ['one with a base', [[120, 100]], { cum: 120, priorCum: 100, cumAll: 120, enterprises: 1, withBase: 1, withoutBase: 0 }],
    ['one without a base (new enterprise): counted, cum kept apart', [[50, null]], { cum: 0, priorCum: 0, cumAll: 50, enterprises: 1, withBase: 0, withoutBase: 1 }],
    ['did not report the indicator: not counted at all', [[null, 100]], { cum: 0, priorCum: 0, cumAll: 0, enterprises: 0, withBase: 0, withoutBase: 0 }],
    ['a zero base is a base', [[30, 0]], { cum: 30, priorCum: 0, cumAll: 30, enterprises: 1, withBase: 1, withoutBase: 0 }],
    ['negative values (profit) are summed as they are', [[-20, 10], [5, -15]], { cum: -15, priorCum: -5, cumAll: -15, enterprises: 2, withBase: 2, withoutBase: 0 }],
    ['mixed', [[120, 100], [50, null], [null, null], [80, 100]], { cum: 200, priorCum: 200, cumAll: 250, enterprises: 3, withBase: 2, withoutBase: 1 }],
  ])('%s', (_, rows, want) => expect(agg(...rows)).toEqual(want))

  it('merge adds every field', () => {
    const a = agg([120, 100], [50, null])
    merge(a, agg([80, 100], [null, 3]))
    expect(a).toEqual({ cum: 200, priorCum: 200, cumAll: 250, enterprises: 3, withBase: 2, withoutBase: 1 })
  })
})

describe('growthPct', () => {
  it.each<[number, number, number | null]>([
    [110, 100, 10],
    [90, 100, -10],
    [100, 100, 0],
    [0, 100, -100],
    [-50, 100, -150],
    [100, 0, null], // zero base: no meaningful growth
    [100, -100, null], // negative base: no meaningful growth (see profitChange)
    [0, 0, null],
  ])('cum %d over prior %d → %j', (cum, prior, want) => {
    const g = growthPct(cum, prior)
    if (want === null) expect(g).toBeNull()
    else expect(g).toBeCloseTo(want, 12)
  })

  it('a region where every enterprise lacks a base has no growth, yet its enterprises are counted', () => {
    const a = agg([100, null], [200, null])
    expect(growthPct(a.cum, a.priorCum)).toBeNull()
    expect(a).toMatchObject({ enterprises: 2, withoutBase: 2, cumAll: 300 })
  })

  it('is computed over the enterprises with a base only (same scope)', () => {
    const a = agg([110, 100], [1000, null])
    expect(growthPct(a.cum, a.priorCum)).toBeCloseTo(10, 12)
  })
})

describe('pullPct and contributionPct', () => {
  const whole = agg([130, 100], [90, 100]) // +20 on 200 = +10 %
  it.each<[string, Aggregate, number | null, number | null]>([
    ['a growing part', agg([130, 100]), 15, 150],
    ['a shrinking part pulls down and contributes negatively', agg([90, 100]), -5, -50],
    ['a part without a base pulls nothing', agg([500, null]), 0, 0],
  ])('%s', (_, part, pull, contribution) => {
    expect(pullPct(part, whole)).toBeCloseTo(pull as number, 12)
    expect(contributionPct(part, whole)).toBeCloseTo(contribution as number, 12)
  })

  it('an industry with zero prior-year output still pulls on the whole', () => {
    const industry = agg([40, 0])
    const all = agg([40, 0], [100, 100])
    expect(growthPct(industry.cum, industry.priorCum)).toBeNull()
    expect(pullPct(industry, all)).toBeCloseTo(40, 12)
    expect(contributionPct(industry, all)).toBeCloseTo(100, 12)
  })

  it('null when the whole has no base, or no change', () => {
    expect(pullPct(agg([10, 5]), agg([10, 0]))).toBeNull()
    expect(pullPct(agg([10, 5]), agg([10, -5]))).toBeNull()
    expect(contributionPct(agg([10, 5]), agg([10, 5], [5, 10]))).toBeNull()
  })

  const partition = fc.array(
    fc.array(fc.tuple(fc.integer({ min: 0, max: 1e10 }), fc.option(fc.integer({ min: 0, max: 1e10 }), { nil: null })), { maxLength: 8 }),
    { minLength: 1, maxLength: 8 },
  )

  it('the pulls of a complete partition add up to the growth (property)', () => {
    fc.assert(
      fc.property(partition, (parts) => {
        const aggs = parts.map((rows) => agg(...rows))
        const whole = emptyAggregate()
        for (const a of aggs) merge(whole, a)
        const g = growthPct(whole.cum, whole.priorCum)
        const pulls = aggs.map((a) => pullPct(a, whole))
        if (g === null) return pulls.every((p) => p === null)
        const sum = pulls.reduce<number>((s, p) => s + (p as number), 0)
        return Math.abs(sum - g) <= 1e-9 * Math.max(1, Math.abs(g))
      }),
    )
  })

  it('the contributions of a complete partition add up to 100 (property)', () => {
    fc.assert(
      fc.property(partition, (parts) => {
        const aggs = parts.map((rows) => agg(...rows))
        const whole = emptyAggregate()
        for (const a of aggs) merge(whole, a)
        const cs = aggs.map((a) => contributionPct(a, whole))
        if (whole.cum === whole.priorCum) return cs.every((c) => c === null)
        const sum = cs.reduce<number>((s, c) => s + (c as number), 0)
        // contributions of parts moving against the whole are large when the whole barely moves: relative check
        const scale = Math.max(100, ...cs.map((c) => Math.abs(c as number)))
        return Math.abs(sum - 100) <= 1e-9 * scale
      }),
    )
  })

  it('published pulls: a worked example (three industries of a city)', () => {
    const c39 = agg([1_150_000, 1_000_000]) // 计算机通信: +15 %
    const c26 = agg([560_000, 600_000]) // 化工: −6.7 %
    const c13 = agg([420_000, 400_000]) // 农副食品: +5 %
    const city = emptyAggregate()
    for (const a of [c39, c26, c13]) merge(city, a)
    expect(roundHalfUp(growthPct(city.cum, city.priorCum) as number, 1)).toBe(6.5)
    expect([c39, c26, c13].map((a) => roundHalfUp(pullPct(a, city) as number, 1))).toEqual([7.5, -2, 1])
    expect([c39, c26, c13].map((a) => roundHalfUp(contributionPct(a, city) as number, 1))).toEqual([115.4, -30.8, 15.4])
  })
})

describe('currentMonth: the month itself from year-to-date values', () => {
  it.each<[number | null, number | null, number, number | null]>([
    [500, 320, 5, 180],
    [500, null, 5, null], // previous month unknown: the month's value is unknown, not the cumulative
    [null, 320, 5, null],
    [200, null, 2, 200], // 1—2月 is one period: its value is the cumulative
    [200, 90, 2, 200], // even if a January figure exists
    [90, null, 1, 90],
    [260, 200, 3, 60], // March = Jan–Mar minus Jan–Feb
    [300, 320, 4, -20], // a downward correction shows as a negative month
    [0, 0, 12, 0],
  ])('cum %j, previous %j, month %d → %j', (cum, prev, month, want) => expect(currentMonth(cum, prev, month)).toBe(want))

  it.each([0, 13, 2.5])('month %d is refused', (m) => expect(() => currentMonth(1, 1, m)).toThrow(RangeError))
})
