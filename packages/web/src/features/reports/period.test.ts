import { describe, expect, it } from 'vitest'
import type { TFunction } from 'i18next'
import { chartCounties, completenessCsv, percent, periodsBackFrom, periodLabel } from './period.ts'

const t = ((key: string, params?: Record<string, unknown>) => `${key}:${JSON.stringify(params)}`) as unknown as TFunction

describe('monthly periods', () => {
  it('walks back across the year boundary', () => {
    expect(periodsBackFrom({ year: 2025, month: 2 }, 3)).toEqual([
      { year: 2025, month: 2 },
      { year: 2025, month: 1 },
      { year: 2024, month: 12 },
    ])
  })
  it('labels 1—2月, January alone and 1—N月', () => {
    expect(periodLabel({ year: 2024, month: 2 }, t, 'zh-CN')).toBe('reports.period.janFeb:{"year":2024}')
    expect(periodLabel({ year: 2024, month: 1 }, t, 'zh-CN')).toBe('reports.period.january:{"year":2024}')
    expect(periodLabel({ year: 2024, month: 11 }, t, 'zh-CN')).toBe('reports.period.range:{"year":2024,"month":"11"}')
    expect(periodLabel({ year: 2024, month: 11 }, t, 'en-US')).toBe('reports.period.range:{"year":2024,"month":"Nov"}')
  })
  it('rounds shares to one decimal', () => {
    expect(percent(0.8756)).toBe(87.6)
    expect(percent(1)).toBe(100)
  })
})

describe('completeness chart', () => {
  it('keeps every county up to the limit, else the lowest shares', () => {
    const cs = [{ share: 1 }, { share: 0.5 }, { share: 0.9 }]
    expect(chartCounties(cs, 3)).toEqual(cs)
    expect(chartCounties(cs, 2)).toEqual([{ share: 0.5 }, { share: 0.9 }])
  })
})

describe('completeness CSV', () => {
  it('quotes cells with commas or quotes and lists the missing enterprises', () => {
    const csv = completenessCsv(
      [{ countyCode: '430102', countyName: '芙蓉区', expected: 2, reported: 1, share: 0.5, missing: [{ uscc: '91430102MA4L000000', name: 'A "B", C' }] }],
      ['code', 'county', 'expected', 'reported', 'share', 'missing'],
    )
    expect(csv).toBe('\uFEFFcode,county,expected,reported,share,missing\r\n430102,芙蓉区,2,1,50%,"91430102MA4L000000 A ""B"", C"\r\n')
  })
})
