import { describe, expect, it } from 'vitest'
import { validateCompositeScheme } from '@gongxin/domain'
import {
  backtestSeries, formFieldOf, formToScheme, intervalHit, intervalText, nowcastError, nowcastGap, placeErrors, schemeToForm, signedTerm, weightShares,
} from './assessment.ts'
import type { NowcastRegion } from './assessmentApi.ts'

const region = (over: Partial<NowcastRegion> = {}): NowcastRegion => ({
  region: '430100', name: '长沙市', electricityGrowthPct: 4, estimate: 9, low: 6.6, high: 11.4, actual: null,
  model: { n: 6, slope: 2, intercept: 1, r2: 0.946, residualSd: 1 },
  backtest: [
    { period: '2023-08', actual: 8.2, estimate: 6.9, low: 5, high: 8.9, error: -1.3 },
    { period: '2023-07', actual: 12.5, estimate: 13, low: 10.1, high: 15.9, error: 0.5 },
  ],
  backtestMae: 0.9, history: [], ...over,
})

describe('nowcast interval as shown', () => {
  it.each([
    [6.6, 11.4, '6.6 – 11.4'],
    [-2.04, 1.25, '−2.0 – 1.3'],
    [0, 0, '0.0 – 0.0'],
    [null, 11.4, '—'],
    [6.6, null, '—'],
    [Number.NaN, 1, '—'],
  ])('[%s, %s] → %s', (low, high, text) => {
    expect(intervalText(low, high)).toBe(text)
  })
})

describe('the actual against the interval (bounds count as inside)', () => {
  it.each([
    [6.6, 'inside'],
    [11.4, 'inside'],
    [9, 'inside'],
    [6.5, 'below'],
    [11.5, 'above'],
    [null, null],
  ] as const)('actual %s in 6.6 – 11.4 → %s', (actual, hit) => {
    expect(intervalHit(actual, 6.6, 11.4)).toBe(hit)
  })
  it('no interval, no verdict', () => {
    expect(intervalHit(9, null, null)).toBeNull()
  })
})

describe('nowcast error = estimate − actual, one decimal', () => {
  it.each([
    [13, 12.5, 0.5],
    [6.9, 8.2, -1.3],
    [5, 5, 0],
    [null, 5, null],
    [5, null, null],
  ])('estimate %s, actual %s → %s', (estimate, actual, error) => {
    expect(nowcastError(estimate, actual)).toBe(error)
  })
})

describe('the slope as a term of the fitted line', () => {
  it.each([
    [0.081, '+ 0.081'],
    [-0.026, '− 0.026'],
    [0, '+ 0.000'],
    [-0.0001, '+ 0.000'],
    [2, '+ 2.000'],
  ])('%s → %s', (v, text) => {
    expect(signedTerm(v)).toBe(text)
  })
})

describe('why a region has no estimate', () => {
  it.each([
    [region(), null],
    [region({ estimate: null, low: null, high: null, model: null }), 'noModel'],
    [region({ estimate: null, low: null, high: null, electricityGrowthPct: null }), 'noElectricity'],
  ])('%#', (r, gap) => {
    expect(nowcastGap(r)).toBe(gap)
  })
})

describe('backtest chart series', () => {
  it('the backtest oldest first, then the period nowcast, the band as low + width', () => {
    expect(backtestSeries(region(), '2023-11')).toEqual({
      labels: ['2023-07', '2023-08', '2023-11'],
      actual: [12.5, 8.2, null],
      estimate: [13, 6.9, 9],
      low: [10.1, 5, 6.6],
      width: [5.8, 3.9, 4.8],
    })
  })
  it('the actual of the period once the statistics arrived; a backtest row of the same period is not drawn twice', () => {
    const r = region({ actual: 8.8, backtest: [{ period: '2023-11', actual: 8.8, estimate: 9, low: 6.6, high: 11.4, error: 0.2 }] })
    expect(backtestSeries(r, '2023-11').labels).toEqual(['2023-11'])
    expect(backtestSeries(r, '2023-11').actual).toEqual([8.8])
  })
  it('no estimate and no actual: the period is left out', () => {
    const r = region({ estimate: null, low: null, high: null, model: null, backtest: [] })
    expect(backtestSeries(r, '2023-11').labels).toEqual([])
  })
})

describe('scheme editor: server field → form field', () => {
  it.each([
    ['items[0].weight', ['items', 0, 'weight']],
    ['items[12].indicator', ['items', 12, 'indicator']],
    ['items[2].direction', ['items', 2, 'direction']],
    ['items[1].precision', ['items', 1, 'indicator']],
    ['items[3]', ['items', 3, 'indicator']],
    ['name.zh', ['nameZh']],
    ['name.en', ['nameEn']],
    ['name', ['nameZh']],
    ['id', ['id']],
    ['method', ['method']],
    ['items', null],
    ['', null],
    [undefined, null],
    ['items[x].weight', null],
  ])('%s → %j', (field, name) => {
    expect(formFieldOf(field)).toEqual(name)
  })

  it('errors go to their field in the chosen language; the rest above the form', () => {
    const placed = placeErrors(
      [
        { field: 'items[0].weight', message: { zh: '第 1 项的权重应为大于 0 的数', en: 'item 1: weight must be above 0' } },
        { field: 'items[0].weight', message: { zh: '再一条', en: 'another' } },
        { field: 'items', message: { zh: '评分方案至少需要一项指标', en: 'a scoring scheme needs at least one indicator' } },
      ],
      'en-US',
    )
    expect(placed).toEqual({
      fields: [{ name: ['items', 0, 'weight'], errors: ['item 1: weight must be above 0', 'another'] }],
      general: ['a scoring scheme needs at least one indicator'],
    })
  })
})

describe('scheme editor: form ↔ scheme', () => {
  const scheme = {
    id: 'annualAssessment', name: { zh: '工业经济年度考核', en: 'Annual assessment' }, method: 'rankPoints' as const,
    items: [
      { indicator: 'valueAddedGrowth', weight: 60, direction: 'higherIsBetter' as const },
      { indicator: 'newAboveScaleEnterprises', weight: 40, direction: 'higherIsBetter' as const },
    ],
  }
  it('round trip; each item compared at its indicator’s published precision', () => {
    const out = formToScheme(schemeToForm(scheme))
    expect(out).toEqual({
      ...scheme,
      items: [
        { ...scheme.items[0], precision: 1 },
        { ...scheme.items[1], precision: 0 },
      ],
    })
    expect(validateCompositeScheme(out).ok).toBe(true)
  })
  it('an empty weight stays missing, so the domain check names it on its field', () => {
    const form = schemeToForm(scheme)
    form.items[1] = { indicator: 'valueAddedGrowth', weight: null, direction: 'higherIsBetter' }
    const v = validateCompositeScheme(JSON.parse(JSON.stringify(formToScheme(form))))
    expect(v.ok).toBe(false)
    if (v.ok) return
    expect(v.errors.map((e) => e.field).sort()).toEqual(['items[1].indicator', 'items[1].weight'])
  })
})

describe('weight shares', () => {
  it.each([
    [[30, 20, 20, 15, 15], [30, 20, 20, 15, 15]],
    [[1, 1, 1], [33.3, 33.3, 33.3]],
    [[0.6, 0.4], [60, 40]],
    [[60, null, -5], [100, null, null]],
    [[null, undefined], [null, null]],
  ])('%j → %j', (weights, shares) => {
    expect(weightShares(weights)).toEqual(shares)
  })
})
