import { describe, expect, it } from 'vitest'
import { type CompositeScheme, type RankInput, compositeScores, rank, rankChange, validateCompositeScheme } from './index.ts'

const ranks = (items: RankInput[], direction: 'higherIsBetter' | 'lowerIsBetter' = 'higherIsBetter', precision = 1) => {
  const r = rank(items, { precision, direction })
  return { ranked: r.ranked.map((x) => `${x.key}:${x.rank}`), unranked: r.unranked }
}

describe('rank: competition ranking at published precision', () => {
  it.each<[string, RankInput[], 'higherIsBetter' | 'lowerIsBetter', number, string[], string[]]>([
    ['distinct values', [{ key: 'a', value: 5 }, { key: 'b', value: 9 }, { key: 'c', value: 7 }], 'higherIsBetter', 1, ['b:1', 'c:2', 'a:3'], []],
    ['12.34 and 12.25 both publish as 12.3: a tie', [{ key: 'x', value: 12.34 }, { key: 'y', value: 12.25 }, { key: 'z', value: 11 }], 'higherIsBetter', 1, ['x:1', 'y:1', 'z:3'], []],
    ['12.34 and 12.35 publish as 12.3 and 12.4: no tie', [{ key: 'x', value: 12.34 }, { key: 'y', value: 12.35 }], 'higherIsBetter', 1, ['y:1', 'x:2'], []],
    ['ties at the top skip the next rank (1, 1, 3)', [{ key: 'a', value: 8 }, { key: 'b', value: 8 }, { key: 'c', value: 7 }, { key: 'd', value: 6 }], 'higherIsBetter', 1, ['a:1', 'b:1', 'c:3', 'd:4'], []],
    ['a tie in the middle (1, 2, 2, 4)', [{ key: 'a', value: 9 }, { key: 'b', value: 8 }, { key: 'c', value: 8 }, { key: 'd', value: 7 }], 'higherIsBetter', 1, ['a:1', 'b:2', 'c:2', 'd:4'], []],
    ['negative growth: −1.25 → −1.3 ties with −1.3', [{ key: 'p', value: -1.25 }, { key: 'q', value: -1.3 }, { key: 'r', value: -1.24 }], 'higherIsBetter', 1, ['r:1', 'p:2', 'q:2'], []],
    ['lowerIsBetter (e.g. energy per unit)', [{ key: 'a', value: 0.52 }, { key: 'b', value: 0.31 }, { key: 'c', value: 0.48 }], 'lowerIsBetter', 2, ['b:1', 'c:2', 'a:3'], []],
    ['lowerIsBetter with a tie', [{ key: 'a', value: 3 }, { key: 'b', value: 1 }, { key: 'c', value: 1.04 }], 'lowerIsBetter', 1, ['b:1', 'c:1', 'a:3'], []],
    ['null values are listed apart, unranked', [{ key: 'a', value: null }, { key: 'b', value: 2 }, { key: 'c', value: Number.NaN }], 'higherIsBetter', 1, ['b:1'], ['a', 'c']],
    ['everyone missing', [{ key: 'a', value: null }], 'higherIsBetter', 1, [], ['a']],
    ['nobody', [], 'higherIsBetter', 1, [], []],
    ['ties sorted by key', [{ key: '430300', value: 5 }, { key: '430100', value: 5 }], 'higherIsBetter', 1, ['430100:1', '430300:1'], []],
    ['precision 0', [{ key: 'a', value: 2.5 }, { key: 'b', value: 3.4 }], 'higherIsBetter', 0, ['a:1', 'b:1'], []],
  ])('%s', (_, items, direction, precision, ranked, unranked) => {
    expect(ranks(items, direction, precision)).toEqual({ ranked, unranked })
  })

  it('gives the published value and keeps the raw one', () => {
    expect(rank([{ key: 'x', value: 12.25 }], { precision: 1, direction: 'higherIsBetter' }).ranked).toEqual([{ key: 'x', value: 12.3, rank: 1, raw: 12.25 }])
  })
})

describe('rankChange', () => {
  it.each<[number | null, number | null, number | null]>([
    [3, 5, 2], // moved up two places
    [5, 3, -2],
    [1, 1, 0],
    [null, 3, null],
    [3, null, null],
  ])('now %j, before %j → %j', (c, p, want) => expect(rankChange(c, p)).toBe(want))
})

const scheme = (over: Partial<CompositeScheme> = {}): CompositeScheme => ({
  id: 'annual2023',
  name: { zh: '2023 年度考核', en: '2023 annual assessment' },
  method: 'rankPoints',
  items: [
    { indicator: 'valueAddedGrowth', weight: 60, direction: 'higherIsBetter' },
    { indicator: 'energyPerUnit', weight: 40, direction: 'lowerIsBetter', precision: 2 },
  ],
  ...over,
})

describe('validateCompositeScheme', () => {
  it('accepts a good scheme', () => {
    const r = validateCompositeScheme(scheme())
    expect(r.ok && r.scheme).toEqual(scheme())
  })

  it.each<[string, unknown, string[]]>([
    ['not an object', 'abc', ['']],
    ['bad id', { ...scheme(), id: 'a b' }, ['id']],
    ['missing English name', { ...scheme(), name: { zh: '考核' } }, ['name.en']],
    ['unknown method', { ...scheme(), method: 'average' }, ['method']],
    ['no items', { ...scheme(), items: [] }, ['items']],
    ['negative weight', { ...scheme(), items: [{ indicator: 'g', weight: -1, direction: 'higherIsBetter' }] }, ['items[0].weight']],
    ['zero weight', { ...scheme(), items: [{ indicator: 'g', weight: 0, direction: 'higherIsBetter' }] }, ['items[0].weight']],
    ['text weight', { ...scheme(), items: [{ indicator: 'g', weight: '30', direction: 'higherIsBetter' }] }, ['items[0].weight']],
    ['NaN weight', { ...scheme(), items: [{ indicator: 'g', weight: Number.NaN, direction: 'higherIsBetter' }] }, ['items[0].weight']],
    ['bad direction', { ...scheme(), items: [{ indicator: 'g', weight: 1, direction: 'up' }] }, ['items[0].direction']],
    ['duplicate indicator', { ...scheme(), items: [{ indicator: 'g', weight: 1, direction: 'higherIsBetter' }, { indicator: 'g', weight: 1, direction: 'higherIsBetter' }] }, ['items[1].indicator']],
    ['bad precision', { ...scheme(), items: [{ indicator: 'g', weight: 1, direction: 'higherIsBetter', precision: 1.5 }] }, ['items[0].precision']],
    ['several problems at once', { id: '', name: null, method: 'x', items: 'none' }, ['id', 'name', 'method', 'items']],
  ])('refuses %s', (_, input, fields) => {
    const r = validateCompositeScheme(input)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors.map((e) => e.field)).toEqual(fields)
      for (const e of r.errors) expect(e.message.zh.length && e.message.en.length).toBeTruthy()
    }
  })

  it('says what was wrong', () => {
    const r = validateCompositeScheme({ ...scheme(), items: [{ indicator: 'g', weight: -1, direction: 'higherIsBetter' }] })
    expect(!r.ok && r.errors[0]?.message).toEqual({
      zh: '第 1 项的权重应为大于 0、不超过 1000 的数，而不是 -1',
      en: 'item 1: weight must be a number above 0 and at most 1000, not -1',
    })
  })
})

describe('compositeScores', () => {
  const values = {
    valueAddedGrowth: [
      { key: 'A', value: 8.0 },
      { key: 'B', value: 6.0 },
      { key: 'C', value: 6.04 }, // ties with B at 0.1
      { key: 'D', value: 5.0 },
    ],
    energyPerUnit: [
      { key: 'A', value: 0.9 },
      { key: 'B', value: 0.5 },
      { key: 'C', value: 0.7 },
      { key: 'D', value: null }, // missing ⇒ 0 points for this item
    ],
  }

  it('rankPoints: weight × (n − rank + 1)/n, weights normalised', () => {
    const r = compositeScores(scheme(), values)
    // growth: A 1st 4/4, B and C 2nd 3/4, D 4th 1/4 → ×60; energy among 3: B 3/3, C 2/3, A 1/3 → ×40; ÷100 ×100
    const want: Record<string, [number, number | null, number | null]> = {
      A: [60 + 40 / 3, 60, 40 / 3],
      B: [45 + 40, 45, 40],
      C: [45 + 80 / 3, 45, 80 / 3],
      D: [15, 15, null],
    }
    expect(r.map((x) => [x.key, x.rank])).toEqual([['B', 1], ['A', 2], ['C', 3], ['D', 4]])
    for (const x of r) {
      const [score, g, e] = want[x.key] as [number, number | null, number | null]
      expect(x.score).toBeCloseTo(score, 10)
      expect(x.parts.valueAddedGrowth).toBeCloseTo(g as number, 10)
      if (e === null) expect(x.parts.energyPerUnit).toBeNull()
      else expect(x.parts.energyPerUnit).toBeCloseTo(e, 10)
    }
  })

  it('minMax: normalised between the worst and the best, lowerIsBetter reversed', () => {
    const r = compositeScores(scheme({ method: 'minMax' }), values)
    const by = Object.fromEntries(r.map((x) => [x.key, x]))
    // growth 8, 6, 6, 5 → 1, 1/3, 1/3, 0; energy 0.9, 0.5, 0.7 → 0, 1, 0.5
    expect(by.A?.score).toBeCloseTo(60, 10)
    expect(by.B?.score).toBeCloseTo(20 + 40, 10)
    expect(by.C?.score).toBeCloseTo(20 + 20, 10)
    expect(by.D?.score).toBeCloseTo(0, 10)
    expect(r.map((x) => [x.key, x.rank])).toEqual([['A', 1], ['B', 1], ['C', 3], ['D', 4]])
  })

  it('the same scheme with weights 0.6/0.4 gives the same scores', () => {
    const a = compositeScores(scheme(), values)
    const b = compositeScores(scheme({ items: scheme().items.map((i) => ({ ...i, weight: i.weight / 100 })) }), values)
    expect(b.map((x) => x.score)).toEqual(a.map((x) => expect.closeTo(x.score, 10) as unknown as number))
  })

  it('all equal under minMax: everyone gets the full points', () => {
    const r = compositeScores(scheme({ method: 'minMax', items: [{ indicator: 'g', weight: 1, direction: 'higherIsBetter' }] }), {
      g: [{ key: 'A', value: 5 }, { key: 'B', value: 5 }],
    })
    expect(r).toEqual([
      { key: 'A', score: 100, rank: 1, parts: { g: 100 } },
      { key: 'B', score: 100, rank: 1, parts: { g: 100 } },
    ])
  })

  it('an indicator with no values gives everyone 0 for it', () => {
    const r = compositeScores(scheme({ items: [...scheme().items, { indicator: 'absent', weight: 100, direction: 'higherIsBetter' }] }), values)
    for (const x of r) expect(x.parts.absent).toBeNull()
    expect(r[0]?.score).toBeCloseTo(85 / 2, 10)
  })
})
