import { describe, expect, it } from 'vitest'
import { formValuesOf, type OwnReport } from '../reports/selfReportApi.ts'
import { yoyPercent } from './api.ts'
import { formatKwh } from './format.ts'

describe('yoyPercent (against the same month a year before)', () => {
  it.each<[string, string | null, number | null]>([
    ['110.0000', '100.0000', 10],
    ['70.0000', '100.0000', -30],
    ['0.0000', '100.0000', -100],
    ['100.0000', '100.0000', 0],
    ['100.0000', '0.0000', null], // no base
    ['100.0000', null, null],
    ['100.0000', '-5', null],
    ['33.3333', '30.0000', 11.1],
  ])('%s vs %s → %s', (now, prior, out) => {
    expect(yoyPercent(now, prior)).toBe(out)
  })
})

describe('formatKwh', () => {
  it.each<[string | null, 'zh-CN' | 'en-US', string]>([
    ['1234.5678', 'zh-CN', '1,234.57'],
    ['0.0000', 'en-US', '0.00'],
    [null, 'zh-CN', ''],
    ['x', 'zh-CN', 'x'],
  ])('%s (%s) → %s', (v, locale, out) => {
    expect(formatKwh(v, locale)).toBe(out)
  })
})

describe('formValuesOf (a report back into the self-report form)', () => {
  it('turns decimal text into numbers and keeps empty fields empty', () => {
    const r: OwnReport = {
      year: 2025, month: 11, revision: 2, source: 'selfReport', grossOutputCum: '1100.00', grossOutputPriorCum: null, revenueCum: '1050.50', revenuePriorCum: '990.00',
      profitCum: '-12.00', profitPriorCum: null, electricityCum: null, employees: 120, batchId: 3, recordedAt: '2025-12-01T00:00:00Z', supersededAt: null, revisionReason: null,
    }
    expect(formValuesOf(r)).toEqual({ grossOutputCum: 1100, grossOutputPriorCum: null, revenueCum: 1050.5, revenuePriorCum: 990, profitCum: -12, profitPriorCum: null, electricityCum: null, employees: 120 })
  })
})
