import { describe, expect, it } from 'vitest'
import { checkMonthlyReport, currentMonthValue, decimalText, type MonthlyNumbers, type PreviousReport } from './index.ts'

const base: MonthlyNumbers = {
  grossOutputCum: 1100, grossOutputPriorCum: 1000, revenueCum: 1050, revenuePriorCum: 980,
  profitCum: 60, profitPriorCum: 55, electricityCum: 120, employees: 300,
}
const prev = (month: number, grossOutputCum: string | null, revenueCum: string | null = '950.00', electricityCum: string | null = '100.00'): PreviousReport => ({
  month, figures: { grossOutputCum, revenueCum, electricityCum },
})
const codes = (issues: readonly { field: string; message: { code: string } }[]) => issues.map((i) => `${i.field}:${i.message.code}`)

describe('decimalText', () => {
  it.each<[number, string]>([
    [0, '0.00'], [1, '1.00'], [1.005, '1.01'], [0.1 + 0.2, '0.30'], [-1.005, '-1.01'], [-0.001, '0.00'],
    [12345678901234.5, '12345678901234.50'], [2.675, '2.68'], [1e-7, '0.00'], [99.999, '100.00'],
  ])('%s → %s', (n, s) => expect(decimalText(n)).toBe(s))
})

describe('currentMonthValue', () => {
  it.each<[string | null, string | null, string | null]>([
    ['1100.50', '1000.25', '100.25'],
    ['100.00', null, '100.00'], // first period of the year: its cumulative is its own value
    ['90.00', '100.00', '-10.00'], // a correction makes the month negative: reported as such, not hidden
    [null, '100.00', null],
    ['-5.00', '-12.50', '7.50'], // profits
    ['0.1', '0.2', '-0.10'],
  ])('%s − %s = %s', (cum, prevCum, out) => expect(currentMonthValue(cum, prevCum)).toBe(out))
})

describe('checkMonthlyReport', () => {
  it('accepts a plain report and returns decimal text', () => {
    const r = checkMonthlyReport(base, 11, prev(10, '1000.00'))
    expect(r.errors).toEqual([])
    expect(r.warnings).toEqual([])
    expect(r.figures).toMatchObject({ grossOutputCum: '1100.00', profitCum: '60.00', employees: 300 })
  })

  it.each<[string, Partial<MonthlyNumbers>, string[]]>([
    ['negative output', { grossOutputCum: -1 }, ['grossOutputCum:valueNegative']],
    ['negative revenue', { revenueCum: -0.01 }, ['revenueCum:valueNegative']],
    ['negative prior revenue', { revenuePriorCum: -3 }, ['revenuePriorCum:valueNegative']],
    ['negative electricity', { electricityCum: -3 }, ['electricityCum:valueNegative']],
    ['a loss is allowed', { profitCum: -80, profitPriorCum: -10 }, []],
    ['output missing', { grossOutputCum: null }, ['grossOutputCum:valueMissing']],
    ['optional prior missing', { grossOutputPriorCum: null, electricityCum: null, employees: null }, []],
    ['zero output (stopped)', { grossOutputCum: 0, revenueCum: 0, grossOutputPriorCum: 0, revenuePriorCum: 0 }, []],
    ['fractional head count', { employees: 12.5 }, ['employees:employeesInvalid']],
    ['negative head count', { employees: -1 }, ['employees:employeesInvalid']],
    ['entered in yuan', { revenueCum: 1e15 }, ['revenueCum:valueTooLarge']],
  ])('%s', (_name, over, expected) => {
    expect(codes(checkMonthlyReport({ ...base, ...over }, 11, null).errors)).toEqual(expected)
  })

  it.each<[string, number, PreviousReport | null, Partial<MonthlyNumbers>, string[]]>([
    ['cumulative below last month', 11, prev(10, '1200.00'), {}, ['grossOutputCum:cumulativeDecreased']],
    ['equal to last month (stopped)', 11, prev(10, '1100.00', '1050.00', '120.00'), {}, []],
    ['no previous report', 11, null, {}, []],
    // Jan–Oct averaged 100 a month; November alone 2,000 (> 5 × 100)
    ['jump', 11, prev(10, '1000.00'), { grossOutputCum: 3000, grossOutputPriorCum: 2900 }, ['grossOutputCum:implausibleJump']],
    // 4.9 × the average month is still plausible
    ['just under the factor', 11, prev(10, '1000.00'), { grossOutputCum: 1490, grossOutputPriorCum: 1400 }, []],
    // a gap of two months spreads the increase over both
    ['gap of months', 12, prev(10, '1000.00'), { grossOutputCum: 1900, grossOutputPriorCum: 1800 }, []],
    ['far above last year', 11, null, { revenueCum: 6000 }, ['revenueCum:implausibleYoy']],
    ['far below last year', 11, null, { grossOutputCum: 150 }, ['grossOutputCum:implausibleYoy']],
    ['previous of zero never divides', 11, prev(10, '0.00', '0.00', '0.00'), {}, []],
  ])('%s', (_name, month, previous, over, expected) => {
    const r = checkMonthlyReport({ ...base, ...over }, month, previous)
    expect(r.errors).toEqual([])
    expect(codes(r.warnings)).toEqual(expected)
    expect(r.figures).not.toBeNull()
  })

  it('takes a configurable factor', () => {
    const r = checkMonthlyReport({ ...base, grossOutputCum: 1300, grossOutputPriorCum: 1250 }, 11, prev(10, '1000.00'), { jumpFactor: 2 })
    expect(codes(r.warnings)).toEqual(['grossOutputCum:implausibleJump'])
  })
})
