import { describe, expect, it } from 'vitest'
import { parseMonth, periodKey } from '../reports/index.ts'
import { checkElectricityValue, electricityJumpWarning, normalizeAccountNumber, sameEnterpriseName, sumDecimals, type MonthValue } from './index.ts'

describe('parseMonth (a calendar month, January included, never a range)', () => {
  const month = (v: string | number | Date) => {
    const r = parseMonth(v)
    return r.ok ? periodKey(r.period) : r.error.code
  }
  it.each<[string | number | Date, string]>([
    ['2023-11', '2023-11'],
    ['202311', '2023-11'],
    ['2023年11月', '2023-11'],
    ['２０２３年１１月', '2023-11'],
    ['2023-01', '2023-01'],
    ['2023年1月', '2023-01'],
    ['2023年1-1月', '2023-01'],
    [202401, '2024-01'],
    [45260, '2023-11'],
    [new Date(Date.UTC(2024, 0, 31)), '2024-01'],
    ['2023年1-11月', 'monthIsRange'],
    ['2023年1—2月', 'monthIsRange'],
    ['2023年3-5月', 'monthIsRange'],
    ['2023-13', 'periodMalformed'],
    ['十一月', 'periodMalformed'],
    ['1899-11', 'periodYearOutOfRange'],
    [2023.1, 'periodAmbiguous'],
  ])('%s → %s', (input, expected) => {
    expect(month(input)).toBe(expected)
  })
  it('says a month is expected, in both languages', () => {
    const r = parseMonth('11月')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.zh).toContain('“11月”不是月份')
      expect(r.error.en).toContain('single month')
    }
  })
})

describe('checkElectricityValue', () => {
  it.each<[number | null, string | null, string | null]>([
    [0, null, '0.0000'],
    [12.34567, null, '12.3457'],
    [0.00005, null, '0.0001'],
    [9_999_999_999.9999, null, '9999999999.9999'],
    [1e10, 'valueTooLarge', null],
    [-0.01, 'valueNegative', null],
    [null, 'valueMissing', null],
  ])('%s → error %s, value %s', (v, code, text) => {
    const c = checkElectricityValue(v)
    expect(c.error?.code ?? null).toBe(code)
    expect(c.value).toBe(text)
  })
})

describe('electricityJumpWarning (against the enterprise’s own previous months)', () => {
  const prev: MonthValue[] = [
    { year: 2024, month: 10, value: '100' },
    { year: 2024, month: 11, value: '100' },
    { year: 2024, month: 12, value: '100' },
  ]
  const at = { year: 2025, month: 1 }
  it.each<[number, string | null]>([
    [500, null], // exactly 5 × the baseline
    [500.01, 'implausibleJump'],
    [20, null], // exactly 1/5
    [19.99, 'implausibleDrop'],
    [0, null], // a stoppage is not implausible
    [100, null],
  ])('%s against a baseline of 100 → %s', (v, code) => {
    expect(electricityJumpWarning(at, v, prev)?.code ?? null).toBe(code)
  })
  it('has no baseline without earlier months in the window, or with a zero baseline', () => {
    expect(electricityJumpWarning(at, 1000, [])).toBeNull()
    expect(electricityJumpWarning(at, 1000, [{ year: 2024, month: 6, value: '1' }])).toBeNull() // 7 months before: outside the window
    expect(electricityJumpWarning(at, 1000, [{ year: 2025, month: 2, value: '1' }])).toBeNull() // after: ignored
    expect(electricityJumpWarning(at, 1000, [{ year: 2024, month: 12, value: '0' }])).toBeNull()
  })
  it('takes the factor and window from the options', () => {
    expect(electricityJumpWarning(at, 250, prev, { jumpFactor: 2 })?.code).toBe('implausibleJump')
    expect(electricityJumpWarning(at, 250, [{ year: 2024, month: 7, value: '10' }], { baselineMonths: 6 })?.code).toBe('implausibleJump')
    expect(electricityJumpWarning(at, 250, [{ year: 2024, month: 7, value: '10' }], { baselineMonths: 5 })).toBeNull()
  })
})

describe('sumDecimals', () => {
  it.each<[string[], string]>([
    [[], '0.0000'],
    [['0.1', '0.2'], '0.3000'],
    [['12.3456', '7.6544'], '20.0000'],
    [['1', '-0.5'], '0.5000'],
    [['999999999999.9999', '0.0001'], '1000000000000.0000'],
  ])('%j → %s', (vs, out) => {
    expect(sumDecimals(vs)).toBe(out)
  })
})

describe('normalizeAccountNumber', () => {
  it.each<[string, string]>([
    ['0731001234', '0731001234'],
    [' 0731 0012 34 ', '0731001234'],
    ['０７３１００１２３４', '0731001234'],
    ['hn-0731-01', 'HN-0731-01'],
    ['1234', '1234'],
    ['123', 'accountNumberMalformed'],
    ['-1234', 'accountNumberMalformed'],
    ['0731/001', 'accountNumberMalformed'],
    ['户号0731', 'accountNumberMalformed'],
    ['1'.repeat(33), 'accountNumberMalformed'],
  ])('%s → %s', (input, expected) => {
    const r = normalizeAccountNumber(input)
    expect(r.ok ? r.accountNumber : r.error.code).toBe(expected)
  })
})

describe('sameEnterpriseName', () => {
  it.each<[string, string, boolean]>([
    ['长沙芙蓉精密机械有限公司', '长沙芙蓉精密机械有限公司', true],
    ['长沙芙蓉精密机械有限公司 ', '长沙芙蓉 精密机械有限公司', true],
    ['湖南（长沙）机械有限公司', '湖南(长沙)机械有限公司', true],
    ['ABC机械有限公司', 'abc机械有限公司', true],
    ['长沙芙蓉精密机械有限公司', '长沙芙蓉精密机械股份有限公司', false],
  ])('%s ~ %s → %s', (a, b, same) => {
    expect(sameEnterpriseName(a, b)).toBe(same)
  })
})
