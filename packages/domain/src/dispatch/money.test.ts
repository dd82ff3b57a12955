import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DecimalTextError, fenText, roundHalfUp, toFen } from './index.ts'

describe('toFen: decimal text in 万元 → integer fen', () => {
  it.each<[string | null | undefined, number | null]>([
    ['12.3', 1230],
    ['12.30', 1230],
    ['12.300', 1230],
    ['7', 700],
    ['0', 0],
    ['0.00', 0],
    ['-0.00', 0],
    ['-0.05', -5],
    ['0.01', 1],
    ['+3.5', 350],
    [' 42.07 ', 4207],
    ['90071992547409.91', 9007199254740991],
    [null, null],
    [undefined, null],
  ])('%j → %j', (v, fen) => {
    const r = toFen(v)
    expect(r).toBe(fen)
    if (r === 0) expect(Object.is(r, -0)).toBe(false)
  })

  it.each<[string, string]>([
    ['abc', 'notDecimal'],
    ['', 'notDecimal'],
    ['1e3', 'notDecimal'],
    ['1,000.00', 'notDecimal'],
    ['.5', 'notDecimal'],
    ['12.3.4', 'notDecimal'],
    ['NaN', 'notDecimal'],
    ['1.005', 'tooManyDecimals'],
    ['-0.001', 'tooManyDecimals'],
    ['90071992547409.92', 'decimalTooLarge'],
  ])('%j is refused (%s), saying so in both languages', (v, code) => {
    try {
      toFen(v)
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(DecimalTextError)
      const m = (e as DecimalTextError).msg
      expect(m.code).toBe(code)
      expect(m.zh).toContain(v)
      expect(m.en).toContain(v)
    }
  })
})

describe('fenText', () => {
  it.each<[number, string]>([
    [1230, '12.30'],
    [-5, '-0.05'],
    [0, '0.00'],
    [-0, '0.00'],
    [1, '0.01'],
    [-100, '-1.00'],
    [9007199254740991, '90071992547409.91'],
  ])('%d → %s', (fen, text) => expect(fenText(fen)).toBe(text))

  it('refuses a fractional fen', () => expect(() => fenText(1.5)).toThrow(RangeError))

  it('round-trips with toFen', () => {
    fc.assert(fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => toFen(fenText(n)) === n + 0))
  })

  it('sums money exactly where floats do not (0.1 + 0.2)', () => {
    expect(fenText((toFen('0.1') ?? 0) + (toFen('0.2') ?? 0))).toBe('0.30')
    expect(0.1 + 0.2).not.toBe(0.3)
  })
})

describe('roundHalfUp: published precision, halves away from zero', () => {
  it.each<[number, number, number]>([
    [1.25, 1, 1.3],
    [-1.25, 1, -1.3],
    [1.35, 1, 1.4],
    [-1.35, 1, -1.4],
    [1.24, 1, 1.2],
    [-1.24, 1, -1.2],
    [12.34, 1, 12.3],
    [12.25, 1, 12.3],
    [12.35, 1, 12.4],
    [0.05, 1, 0.1],
    [-0.05, 1, -0.1],
    [0.04, 1, 0],
    [1.005, 2, 1.01], // 1.005 is 1.00499999… in binary; the decimal meaning wins
    [-1.005, 2, -1.01],
    [2.675, 2, 2.68],
    [0.1 + 0.2, 1, 0.3],
    [(8 / 7 - 1) * 100, 1, 14.3],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [1234.5678, 2, 1234.57],
    [1e-7, 1, 0],
    [123456789.15, 1, 123456789.2],
    [0, 1, 0],
  ])('%d at %d decimals → %d', (x, d, want) => {
    expect(roundHalfUp(x, d)).toBe(want)
  })

  it('never returns -0', () => {
    expect(Object.is(roundHalfUp(-0.04, 1), 0)).toBe(true)
    expect(Object.is(roundHalfUp(-0, 1), 0)).toBe(true)
  })

  it('passes NaN and infinities through and refuses nonsense decimals', () => {
    expect(roundHalfUp(Number.NaN, 1)).toBeNaN()
    expect(roundHalfUp(Infinity, 1)).toBe(Infinity)
    expect(() => roundHalfUp(1, -1)).toThrow(RangeError)
    expect(() => roundHalfUp(1, 1.5)).toThrow(RangeError)
  })

  it('is symmetric: roundHalfUp(−x) = −roundHalfUp(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) =>
        roundHalfUp(-x, d) + roundHalfUp(x, d) === 0,
      ),
    )
  })
})
