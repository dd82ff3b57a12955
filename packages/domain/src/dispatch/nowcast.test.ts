import { describe, expect, it } from 'vitest'
import { type NowcastPoint, backtestNowcast, fitNowcast, predictNowcast, studentTCdf, studentTQuantile } from './index.ts'

const period = (i: number) => `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
/** a deterministic pseudo-random sequence (LCG), so the tests do not depend on chance */
function lcg(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}
/** roughly standard normal noise: sum of 12 uniforms − 6 */
const gauss = (u: () => number) => Array.from({ length: 12 }, u).reduce((a, b) => a + b, 0) - 6

function synthetic(n: number, intercept: number, slope: number, sd: number, seed = 7): NowcastPoint[] {
  const u = lcg(seed)
  return Array.from({ length: n }, (_, i) => {
    const x = -10 + 25 * u()
    return { period: period(i), x, y: intercept + slope * x + sd * gauss(u) }
  })
}

describe('Student t', () => {
  it.each<[number, number, number]>([
    [0.95, 1, 6.313752],
    [0.95, 4, 2.131847],
    [0.975, 10, 2.228139],
    [0.95, 30, 1.697261],
    [0.995, 5, 4.032143],
    [0.05, 4, -2.131847],
    [0.5, 7, 0],
  ])('quantile %d with %d df = %d', (p, df, want) => expect(studentTQuantile(p, df)).toBeCloseTo(want, 5))

  it('CDF and quantile agree', () => {
    for (const df of [1, 2, 5, 20, 100]) for (const p of [0.6, 0.9, 0.95, 0.999]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9)
  })

  it.each([0, 1, -0.1, Number.NaN])('refuses p = %d', (p) => expect(() => studentTQuantile(p, 3)).toThrow(RangeError))
})

describe('fitNowcast', () => {
  it('recovers slope and intercept exactly from exact data', () => {
    const m = fitNowcast(synthetic(24, 1.5, 0.8, 0))
    expect(m?.slope).toBeCloseTo(0.8, 10)
    expect(m?.intercept).toBeCloseTo(1.5, 10)
    expect(m?.residualSd).toBeCloseTo(0, 10)
    expect(m?.r2).toBeCloseTo(1, 10)
    expect(m?.n).toBe(24)
  })

  it('recovers them from noisy data within their standard errors', () => {
    const m = fitNowcast(synthetic(120, 2.0, 0.6, 1.0))
    expect(m).not.toBeNull()
    if (!m) return
    const seSlope = m.residualSd / Math.sqrt(m.sxx)
    expect(Math.abs(m.slope - 0.6)).toBeLessThan(4 * seSlope)
    expect(Math.abs(m.intercept - 2.0)).toBeLessThan(0.5)
    expect(m.residualSd).toBeGreaterThan(0.7)
    expect(m.residualSd).toBeLessThan(1.3)
  })

  it('a worked example by hand', () => {
    // x 0..5, y = 1 + 2x with residuals +1, −1, 0, 0, −1, +1 (orthogonal to 1 and x)
    const pts = [1 + 1, 3 - 1, 5, 7, 9 - 1, 11 + 1].map((y, x) => ({ period: period(x), x, y }))
    const m = fitNowcast(pts)
    expect(m).toMatchObject({ n: 6, meanX: 2.5, sxx: 17.5 })
    expect(m?.slope).toBeCloseTo(2, 12)
    expect(m?.intercept).toBeCloseTo(1, 12)
    expect(m?.residualSd).toBeCloseTo(1, 12) // SSE 4 over 4 df
    expect(m?.r2).toBeCloseTo(1 - 4 / (4 * 17.5 + 4), 12)
  })

  it.each<[string, NowcastPoint[]]>([
    ['fewer than 6 points', synthetic(5, 1, 1, 0.5)],
    ['x without variance', Array.from({ length: 10 }, (_, i) => ({ period: period(i), x: 3, y: i }))],
    ['6 points of which one is not finite', [...synthetic(5, 1, 1, 0.5), { period: '2030-01', x: Number.NaN, y: 1 }]],
  ])('null for %s', (_, pts) => expect(fitNowcast(pts)).toBeNull())
})

describe('predictNowcast', () => {
  const m = fitNowcast(synthetic(36, 1, 0.7, 1.2))
  if (!m) throw new Error('fit failed')

  it('the interval contains the estimate and widens away from the mean of x', () => {
    const widths = [0, 5, 10, 20, 40].map((d) => {
      const p = predictNowcast(m, m.meanX + d)
      expect(p.low).toBeLessThan(p.estimate)
      expect(p.high).toBeGreaterThan(p.estimate)
      expect(p.estimate).toBeCloseTo(m.intercept + m.slope * (m.meanX + d), 12)
      return p.high - p.low
    })
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThan(widths[i - 1] as number)
    // symmetric about the mean
    const l = predictNowcast(m, m.meanX - 7)
    const r = predictNowcast(m, m.meanX + 7)
    expect(l.high - l.low).toBeCloseTo(r.high - r.low, 10)
  })

  it('a higher level gives a wider interval', () => {
    const a = predictNowcast(m, 3, 0.8)
    const b = predictNowcast(m, 3, 0.9)
    const c = predictNowcast(m, 3, 0.99)
    expect(b.high - b.low).toBeGreaterThan(a.high - a.low)
    expect(c.high - c.low).toBeGreaterThan(b.high - b.low)
  })

  it('matches the textbook formula on the worked example', () => {
    const pts = [2, 2, 5, 7, 8, 12].map((y, x) => ({ period: period(x), x, y }))
    const w = fitNowcast(pts)
    if (!w) throw new Error('fit failed')
    const p = predictNowcast(w, 4, 0.9)
    const half = 2.131847 * 1 * Math.sqrt(1 + 1 / 6 + (4 - 2.5) ** 2 / 17.5)
    expect(p.estimate).toBeCloseTo(9, 10)
    expect(p.high - p.estimate).toBeCloseTo(half, 5)
  })

  it('covers about the level of fresh observations', () => {
    const u = lcg(99)
    let inside = 0
    const trials = 2000
    for (let i = 0; i < trials; i++) {
      const x = -10 + 25 * u()
      const y = 1 + 0.7 * x + 1.2 * gauss(u)
      const p = predictNowcast(m, x, 0.9)
      if (y >= p.low && y <= p.high) inside++
    }
    expect(inside / trials).toBeGreaterThan(0.85)
    expect(inside / trials).toBeLessThan(0.96)
  })

  it.each([0, 1, 1.5])('refuses level %d', (level) => expect(() => predictNowcast(m, 1, level)).toThrow(RangeError))
})

describe('backtestNowcast', () => {
  const history = synthetic(30, 1, 0.7, 1)

  it('predicts each point from the points before it only, in period order', () => {
    const shuffled = [...history].reverse()
    const bt = backtestNowcast(shuffled)
    expect(bt).toHaveLength(30 - 6)
    expect(bt[0]?.period).toBe(history[6]?.period)
    for (const [k, row] of bt.entries()) {
      const i = k + 6
      const m = fitNowcast(history.slice(0, i))
      if (!m) throw new Error('fit failed')
      const p = predictNowcast(m, (history[i] as NowcastPoint).x)
      expect(row.estimate).toBeCloseTo(p.estimate, 12)
      expect(row.low).toBeCloseTo(p.low, 12)
      expect(row.actual).toBe(history[i]?.y)
      expect(row.error).toBeCloseTo(row.estimate - row.actual, 12)
    }
  })

  it('changing a later point does not change earlier predictions', () => {
    const changed = history.map((p, i) => (i === 20 ? { ...p, y: p.y + 100 } : p))
    const a = backtestNowcast(history)
    const b = backtestNowcast(changed)
    const upTo = a.findIndex((r) => r.period === history[20]?.period)
    expect(b.slice(0, upTo + 1).map((r) => r.estimate)).toEqual(a.slice(0, upTo + 1).map((r) => r.estimate))
    expect(b[upTo + 1]?.estimate).not.toBe(a[upTo + 1]?.estimate)
  })

  it('minTrain sets the first predicted point; never fewer than 6 training points', () => {
    expect(backtestNowcast(history, 12)[0]?.period).toBe(history[12]?.period)
    expect(backtestNowcast(history, 2)[0]?.period).toBe(history[6]?.period)
    expect(backtestNowcast(history.slice(0, 6))).toEqual([])
  })
})
