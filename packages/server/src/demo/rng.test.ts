import { describe, expect, it } from 'vitest'
import { apportion, createRng, hash32, rngFor, sampler, zipfWeights } from './rng.ts'

const draws = (n: number, f: () => number) => Array.from({ length: n }, f)
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const sd = (xs: readonly number[]) => {
  const m = mean(xs)
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length)
}
const median = (xs: readonly number[]) => {
  const s = xs.slice().sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

describe('createRng', () => {
  it('gives the same sequence for the same seed and label, and another for another seed or label', () => {
    const a = draws(100, createRng(1, 'x').next)
    expect(draws(100, createRng(1, 'x').next)).toEqual(a)
    expect(draws(100, createRng(2, 'x').next)).not.toEqual(a)
    expect(draws(100, createRng(1, 'y').next)).not.toEqual(a)
  })

  it('derives step streams from the seed and the step id only', () => {
    expect(draws(20, rngFor(7, 'enterprises').next)).toEqual(draws(20, rngFor(7, 'enterprises').next))
    expect(draws(20, rngFor(7, 'enterprises').next)).not.toEqual(draws(20, rngFor(7, 'parks').next))
    const f1 = createRng(3, 's').fork('names')
    const f2 = createRng(3, 's').fork('names')
    expect(draws(20, f1.next)).toEqual(draws(20, f2.next))
  })

  it('keeps a known sequence (a change of algorithm changes every demo database: do it on purpose)', () => {
    expect(draws(3, createRng(1, 'demo:enterprises').next).map((x) => x.toFixed(8))).toEqual(['0.39154211', '0.90343710', '0.34794063'])
    expect(hash32('')).toBe(0x811c9dc5)
    expect(hash32('a')).toBe(0xe40c292c)
  })

  it('draws uniform numbers in [0, 1) and integers in [min, max]', () => {
    const r = createRng(5)
    const xs = draws(20_000, r.next)
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThan(1)
    expect(mean(xs)).toBeCloseTo(0.5, 1)
    const ints = draws(6000, () => r.int(1, 6))
    expect(new Set(ints)).toEqual(new Set([1, 2, 3, 4, 5, 6]))
    for (let k = 1; k <= 6; k++) expect(ints.filter((x) => x === k).length / 6000).toBeCloseTo(1 / 6, 1)
  })

  it('draws normal, lognormal and exponential values with the right moments', () => {
    const r = createRng(11)
    const n = draws(20_000, () => r.normal(10, 2))
    expect(mean(n)).toBeCloseTo(10, 1)
    expect(sd(n)).toBeGreaterThan(1.9)
    expect(sd(n)).toBeLessThan(2.1)
    const ln = draws(20_000, () => r.lognormal(6000, 1.2))
    expect(median(ln)).toBeGreaterThan(5600)
    expect(median(ln)).toBeLessThan(6400)
    expect(Math.min(...ln)).toBeGreaterThan(0)
    const ex = draws(20_000, () => r.exponential(3))
    expect(mean(ex)).toBeGreaterThan(2.85)
    expect(mean(ex)).toBeLessThan(3.15)
  })

  it('chooses by weight, with chance, and Zipf ranks', () => {
    const r = createRng(13)
    const picks = draws(30_000, () => r.weightedIndex([1, 2, 7]))
    expect(picks.filter((i) => i === 2).length / 30_000).toBeCloseTo(0.7, 1)
    expect(picks.filter((i) => i === 0).length / 30_000).toBeCloseTo(0.1, 1)
    expect(r.weighted(['a', 'b'], [0, 1])).toBe('b')
    expect(draws(10_000, () => (r.chance(0.3) ? 1 : 0)).reduce((a, b) => a + b, 0) / 10_000).toBeCloseTo(0.3, 1)
    const ranks = draws(30_000, () => r.zipf(10, 1))
    const ones = ranks.filter((k) => k === 1).length
    const twos = ranks.filter((k) => k === 2).length
    expect(ones / twos).toBeGreaterThan(1.8)
    expect(ones / twos).toBeLessThan(2.2)
    expect(Math.max(...ranks)).toBe(10)
    expect(Math.min(...ranks)).toBe(1)
  })

  it('refuses weights it cannot use', () => {
    const r = createRng(1)
    expect(() => r.weightedIndex([0, 0])).toThrow(RangeError)
    expect(() => r.weightedIndex([1, -1])).toThrow(RangeError)
    expect(() => r.pick([])).toThrow(RangeError)
  })

  it('shuffles into a permutation, deterministically', () => {
    const items = Array.from({ length: 50 }, (_, i) => i)
    const a = createRng(9).shuffle(items)
    expect(a).not.toEqual(items)
    expect(a.slice().sort((x, y) => x - y)).toEqual(items)
    expect(createRng(9).shuffle(items)).toEqual(a)
  })
})

describe('sampler', () => {
  it('draws items in proportion to their weights', () => {
    const s = sampler(['B', 'C', 'D'], [7, 89, 4])
    const r = createRng(21)
    const out = draws(40_000, () => s.drawIndex(r))
    expect(out.filter((i) => i === 1).length / 40_000).toBeCloseTo(0.89, 1)
    expect(out.filter((i) => i === 2).length / 40_000).toBeGreaterThan(0.03)
    expect(out.filter((i) => i === 2).length / 40_000).toBeLessThan(0.05)
  })
})

describe('zipfWeights and apportion', () => {
  it('gives Zipf weights k^-s', () => {
    expect(zipfWeights(3, 1)).toEqual([1, 0.5, 1 / 3])
  })

  it('splits a total exactly, in proportion, with a floor per part', () => {
    expect(apportion(10, [1, 1, 2])).toEqual([3, 2, 5])
    expect(apportion(100, [0.27, 0.01, 0.72]).reduce((a, b) => a + b, 0)).toBe(100)
    const floored = apportion(20, [100, 1, 1], 2)
    expect(floored.reduce((a, b) => a + b, 0)).toBe(20)
    expect(Math.min(...floored)).toBeGreaterThanOrEqual(2)
    // Below the sum of the floors, the floor is dropped rather than the total exceeded.
    expect(apportion(2, [1, 1, 1], 1).reduce((a, b) => a + b, 0)).toBe(2)
    expect(apportion(0, [])).toEqual([])
  })
})
