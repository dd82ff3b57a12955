import { describe, expect, it } from 'vitest'
import { comparePeriods, currentPeriod, isFuturePeriod, parsePeriod, periodKey, periodLabel, periodsOfYear } from './index.ts'

const ok = (v: string | number | Date, allowJanuary = false) => {
  const r = parsePeriod(v, { allowJanuary })
  return r.ok ? periodKey(r.period) : r.error.code
}

describe('parsePeriod', () => {
  it.each<[string | number | Date, string]>([
    ['2023-11', '2023-11'],
    ['2023-02', '2023-02'],
    ['2023/3', '2023-03'],
    ['2023.11', '2023-11'],
    ['2023.10', '2023-10'],
    ['202311', '2023-11'],
    ['２０２３１１', '2023-11'],
    [' 2023年11月 ', '2023-11'],
    ['2023年11月份', '2023-11'],
    ['2023年1-11月', '2023-11'],
    ['2023年1—11月', '2023-11'],
    ['2023年1–11月', '2023-11'],
    ['2023年1～11月', '2023-11'],
    ['2023年1至11月', '2023-11'],
    ['2023年1-2月', '2023-02'],
    ['2023年 1 - 12 月', '2023-12'],
    ['2023-11-30', '2023-11'],
    ['2023年11月30日', '2023-11'],
    [202311, '2023-11'],
    [2023.11, '2023-11'],
    [2023.02, '2023-02'],
    [45260, '2023-11'], // Excel serial of 2023-11-30
    [new Date(Date.UTC(2023, 10, 1)), '2023-11'],
    // refusals
    ['2023年1月', 'januaryNotReported'],
    ['2023-01', 'januaryNotReported'],
    ['2023年1-1月', 'januaryNotReported'],
    ['2023年3-5月', 'periodNotYearToDate'],
    ['2023-13', 'periodMalformed'],
    ['2023-00', 'periodMalformed'],
    ['202313', 'periodMalformed'],
    ['23-11', 'periodMalformed'],
    ['十一月', 'periodMalformed'],
    ['', 'periodMalformed'],
    ['1899-11', 'periodYearOutOfRange'],
    [2023.1, 'periodAmbiguous'],
    [2023, 'periodMalformed'],
    [2023.111, 'periodMalformed'],
    [new Date(Number.NaN), 'periodMalformed'],
  ])('%s → %s', (input, expected) => {
    expect(ok(input)).toBe(expected)
  })

  it('accepts January only where the source has one', () => {
    expect(ok('2023-01', true)).toBe('2023-01')
    expect(ok('2023年1月', true)).toBe('2023-01')
    expect(ok('2023年1-2月', true)).toBe('2023-02')
  })

  it('explains a refusal in both languages, quoting the text', () => {
    const r = parsePeriod('2023年13月')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.zh).toContain('2023年13月')
      expect(r.error.en).toContain('expected a period')
    }
  })
})

describe('period helpers', () => {
  it('labels and orders periods', () => {
    expect(periodLabel({ year: 2023, month: 11 })).toBe('2023年1-11月')
    expect(periodLabel({ year: 2023, month: 1 })).toBe('2023年1月')
    expect(comparePeriods({ year: 2023, month: 12 }, { year: 2024, month: 2 })).toBeLessThan(0)
    expect(periodsOfYear(2024).map((p) => p.month)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(periodsOfYear(2024, { allowJanuary: true })).toHaveLength(12)
  })

  it.each<[string, string, boolean]>([
    // [now (UTC), period, future?]: the month is China's (UTC+8)
    ['2024-03-15T00:00:00Z', '2024-03', false],
    ['2024-03-15T00:00:00Z', '2024-04', true],
    ['2024-03-31T15:59:59Z', '2024-04', true],
    ['2024-03-31T16:00:00Z', '2024-04', false], // already 1 April in Beijing
    ['2024-12-31T16:00:00Z', '2025-01', false],
    ['2024-12-31T15:00:00Z', '2025-02', true],
    ['2024-03-15T00:00:00Z', '2023-12', false],
  ])('at %s, %s is future: %s', (now, p, future) => {
    const [y, m] = p.split('-').map(Number)
    expect(isFuturePeriod({ year: y ?? 0, month: m ?? 0 }, new Date(now))).toBe(future)
  })

  it('currentPeriod is the month in Beijing', () => {
    expect(currentPeriod(new Date('2024-01-31T17:00:00Z'))).toEqual({ year: 2024, month: 2 })
  })
})
