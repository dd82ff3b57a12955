import { indicatorById, peerGroupsOf, provinces, type Indicator } from '@gongxin/domain'
import { describe, expect, it } from 'vitest'
import { createRng } from '../rng.ts'
import { growthModels, periodsBetween, simulateGrowth, type GrowthModel } from './official-stats.ts'
import { growthTarget, growthTargetRules } from './targets.ts'

const ind = (id: string) => indicatorById(id) as Indicator
const key = (p: { year: number; month: number }) => `${p.year}-${p.month}`

describe('the periods official figures are published for', () => {
  it.each<[string, { year: number; month: number }, { year: number; month: number }, string[]]>([
    ['valueAddedGrowth', { year: 2024, month: 11 }, { year: 2025, month: 3 }, ['2024-11', '2024-12', '2025-2', '2025-3']],
    ['valueAddedGrowth', { year: 2025, month: 1 }, { year: 2025, month: 2 }, ['2025-2']],
    ['digitalEconomyGrowth', { year: 2024, month: 4 }, { year: 2025, month: 8 }, ['2024-6', '2024-9', '2024-12', '2025-3', '2025-6']],
  ])('%s from %j to %j', (id, start, end, expected) => {
    expect(periodsBetween(ind(id), start, end).map(key)).toEqual(expected)
  })
})

describe('the growth model', () => {
  const mainland = provinces.filter((p) => p.kind !== 'sar' && p.code !== '710000').map((p) => ({ code: p.code, parent: null }))
  const years = [2021, 2022, 2023, 2024, 2025]
  const va = growthModels.valueAddedGrowth as GrowthModel
  const run = (seed: number) => simulateGrowth(va, mainland, years, new Map(years.map((y, i) => [y, [0.3, -1, 0.5, 1.2, -0.2][i] ?? 0])), createRng(seed, 'test'))

  it('is the same for the same seed and stays within the indicator’s range', () => {
    expect(run(7)).toEqual(run(7))
    for (const byYear of run(7).values()) for (const ytd of byYear.values()) for (const v of ytd) expect(v >= va.min && v <= va.max).toBe(true)
  })

  it('moves ranks from year to year, but plausibly: December ranks correlate, not perfectly', () => {
    const rankCorrelations: number[] = []
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const sim = run(seed)
      const ranks = (y: number) => {
        const values = mainland.map((r) => sim.get(r.code)?.get(y)?.[11] ?? 0)
        const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v)
        const out = new Array<number>(values.length)
        order.forEach((o, rank) => (out[o.i] = rank))
        return out
      }
      for (let k = 1; k < years.length; k++) {
        const a = ranks(years[k - 1] ?? 0)
        const b = ranks(years[k] ?? 0)
        const n = a.length
        const d2 = a.reduce((s, r, i) => s + (r - (b[i] ?? 0)) ** 2, 0)
        rankCorrelations.push(1 - (6 * d2) / (n * (n * n - 1)))
      }
    }
    const mean = rankCorrelations.reduce((s, r) => s + r, 0) / rankCorrelations.length
    expect(mean).toBeGreaterThan(0.3)
    expect(mean).toBeLessThan(0.95)
  })

  it('lets the northeast grow slower than the west on average', () => {
    const avg = (group: string) => {
      let sum = 0
      let n = 0
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
        const sim = run(seed)
        for (const r of mainland) {
          if (!peerGroupsOf(r.code).some((g) => g.id === group)) continue
          for (const y of years) {
            sum += sim.get(r.code)?.get(y)?.[11] ?? 0
            n++
          }
        }
      }
      return sum / n
    }
    expect(avg('west')).toBeGreaterThan(avg('northeast'))
  })

  it('averages months into year-to-date figures: December moves less than February', () => {
    const sim = run(3)
    const spread = (m: number) => {
      const changes: number[] = []
      for (const byYear of sim.values()) for (const y of years) changes.push(Math.abs((byYear.get(y)?.[m] ?? 0) - (byYear.get(y)?.[m - 1] ?? 0)))
      return changes.reduce((s, c) => s + c, 0) / changes.length
    }
    expect(spread(11)).toBeLessThan(spread(2))
  })
})

describe('demo growth targets', () => {
  const rule = growthTargetRules.valueAddedGrowth
  it.each<[number | null, number, number]>([
    [null, 5, 7], // without last year's figure: near the usual target
    [6, 5.5, 7],
    [30, 10, 10], // capped
    [-20, 4, 4], // floored
  ])('last year %s → between %s and %s, in half points', (last, lo, hi) => {
    if (!rule) throw new Error('no rule')
    for (const seed of [1, 2, 3]) {
      const t = growthTarget(rule, last, createRng(seed, 't'))
      expect(t).toBeGreaterThanOrEqual(lo)
      expect(t).toBeLessThanOrEqual(hi)
      expect((t * 2) % 1).toBe(0)
    }
  })
})
