import { describe, expect, it } from 'vitest'
import {
  divisionCodeOfScopePrefix,
  divisionLevel,
  isStatisticsOnlyCode,
  isValidDivisionCodeFormat,
  isValidScopePrefix,
  isWithinScope,
  parentCode,
  provinceByCode,
  provinceCodeOf,
  provinces,
  scopePrefixOf,
} from './index.ts'

describe('isValidDivisionCodeFormat', () => {
  it.each([
    ['430000', true],
    ['430100', true],
    ['430102', true],
    ['433100', true], // 湘西州: prefecture part 31
    ['430371', true], // statistics-only codes are well-formed; isStatisticsOnlyCode tells them apart
    ['810000', true],
    ['000000', false],
    ['100000', false], // used in USCCs for national registrations, but not a GB/T 2260 division
    ['990000', false],
    ['430001', false], // county part under a 00 prefecture part
    ['43010', false],
    ['4301020', false],
    ['43010a', false],
    ['', false],
  ])('%j → %s', (code, ok) => {
    expect(isValidDivisionCodeFormat(code)).toBe(ok)
  })
})

describe('divisionLevel / parentCode / scopePrefixOf / provinceCodeOf', () => {
  it.each([
    ['430000', 1, null, '43', '430000'],
    ['430100', 2, '430000', '4301', '430000'],
    ['430102', 3, '430100', '430102', '430000'],
    ['433101', 3, '433100', '433101', '430000'],
    ['429004', 3, '429000', '429004', '420000'], // 仙桃市 under 省直辖县级行政区划
    ['110101', 3, '110100', '110101', '110000'],
    ['bad', null, null, null, null],
    ['430001', null, null, null, null],
  ])('%s', (code, level, parent, prefix, province) => {
    expect(divisionLevel(code)).toBe(level)
    expect(parentCode(code)).toBe(parent)
    expect(scopePrefixOf(code)).toBe(prefix)
    expect(provinceCodeOf(code)).toBe(province)
  })
})

describe('scope prefixes', () => {
  it.each([
    ['', true, null],
    ['43', true, '430000'],
    ['4301', true, '430100'],
    ['430102', true, '430102'],
    ['4300', false, null], // would match only the province row itself
    ['430100', false, null], // should be written '4301'
    ['4', false, null],
    ['99', false, null],
    ['43a1', false, null],
  ])('%j valid %s', (prefix, ok, code) => {
    expect(isValidScopePrefix(prefix)).toBe(ok)
    expect(divisionCodeOfScopePrefix(prefix)).toBe(code)
  })

  it.each([
    ['', '430102', true],
    ['', '110101', true],
    ['43', '430102', true],
    ['43', '430000', true],
    ['43', '420100', false],
    ['4301', '430102', true],
    ['4301', '430100', true],
    ['4301', '430202', false],
    ['4301', '430000', false], // a city official does not see the province total
    ['430102', '430102', true],
    ['430102', '430103', false],
    ['4300', '430000', false], // non-canonical prefix is rejected, not silently widened
    ['43', 'abc', false],
    ['43', '43', false], // a prefix is not a division code
  ])('isWithinScope(%j, %j) → %s', (prefix, code, ok) => {
    expect(isWithinScope(prefix, code)).toBe(ok)
  })
})

describe('isStatisticsOnlyCode (NBS x7x)', () => {
  it.each([
    ['430371', true], // 湘潭高新区
    ['430671', true], // 屈原管理区
    ['430179', true],
    ['430170', false],
    ['430180', false],
    ['430181', false], // 浏阳市
    ['430121', false], // 长沙县
    ['430100', false],
    ['437100', false], // a prefecture-level code is not a county
    ['xx0371', false],
  ])('%s → %s', (code, ok) => {
    expect(isStatisticsOnlyCode(code)).toBe(ok)
  })
})

describe('provinces', () => {
  it('has the 34 province-level divisions with unique codes', () => {
    expect(provinces).toHaveLength(34)
    expect(new Set(provinces.map((p) => p.code)).size).toBe(34)
    for (const p of provinces) expect(divisionLevel(p.code)).toBe(1)
  })
  it.each([
    ['43', '湖南省'],
    ['430000', '湖南省'],
    ['45', '广西壮族自治区'],
    ['44', '广东省'],
    ['99', null],
  ])('provinceByCode(%s)', (code, name) => {
    expect(provinceByCode(code)?.name ?? null).toBe(name)
  })
})
