import { describe, expect, it } from 'vitest'
import {
  divisionOf,
  divisions,
  groups,
  industries,
  industryCodeInfo,
  industryIndex,
  isIndustrial,
  isValidIndustryCodeFormat,
  sectionOf,
  sections,
  type IndustryEntry,
} from './index.ts'

const byLevel = (level: number) => industries.filter((e) => e.level === level)

describe('catalogue', () => {
  it('has 20 sections A–T and 97 divisions 01–97', () => {
    expect(sections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST')
    expect(byLevel(1)).toHaveLength(20)
    expect(byLevel(2)).toHaveLength(97)
    expect(divisions.map((d) => d.code)).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')))
  })

  it('section ranges cover 01–97 without gaps or overlaps', () => {
    let next = 1
    for (const s of sections) {
      expect(s.divisions[0]).toBe(next)
      next = s.divisions[1] + 1
    }
    expect(next).toBe(98)
  })

  it('has 41 industrial divisions: 7 in B, 31 in C, 3 in D', () => {
    const industrial = byLevel(2).filter((e) => isIndustrial(e.code))
    expect(industrial).toHaveLength(41)
    const count = (s: string) => industrial.filter((e) => e.section === s).length
    expect([count('B'), count('C'), count('D')]).toEqual([7, 31, 3])
    expect(industrial.map((e) => e.code)).toEqual(Array.from({ length: 41 }, (_, i) => String(i + 6).padStart(2, '0')))
  })

  it.each([
    ['06', '煤炭开采和洗选业', 'B'],
    ['11', '开采专业及辅助性活动', 'B'],
    ['12', '其他采矿业', 'B'],
    ['13', '农副食品加工业', 'C'],
    ['26', '化学原料和化学制品制造业', 'C'],
    ['36', '汽车制造业', 'C'],
    ['39', '计算机、通信和其他电子设备制造业', 'C'],
    ['43', '金属制品、机械和设备修理业', 'C'],
    ['44', '电力、热力生产和供应业', 'D'],
    ['46', '水的生产和供应业', 'D'],
    ['47', '房屋建筑业', 'E'],
    ['65', '软件和信息技术服务业', 'I'],
    ['97', '国际组织', 'T'],
  ])('division %s %s in section %s', (code, name, section) => {
    expect(industryIndex.get(code)).toMatchObject({ code, name, level: 2, section, parentCode: section })
  })

  it('has unique codes, and every group sits under a known division of the same section', () => {
    expect(new Set(industries.map((e) => e.code)).size).toBe(industries.length)
    for (const g of byLevel(3)) {
      const parent = industryIndex.get(g.parentCode ?? '')
      expect(parent?.level).toBe(2)
      expect(parent?.section).toBe(g.section)
      expect(g.code.startsWith(g.parentCode ?? 'x')).toBe(true)
    }
  })

  it.each([
    ['26', 8],
    ['34', 9],
    ['35', 9],
    ['36', 7],
    ['38', 8],
    ['39', 9],
  ])('has the groups of division %s (%i)', (division, n) => {
    expect(groups.filter((g) => g.code.startsWith(division))).toHaveLength(n)
  })

  it('names some groups as in the standard', () => {
    expect(industryIndex.get('396')?.name).toBe('智能消费设备制造')
    expect(industryIndex.get('384')?.name).toBe('电池制造')
    expect(industryIndex.get('367')?.name).toBe('汽车零部件及配件制造')
  })
})

describe('isIndustrial', () => {
  it.each([
    ['05', false],
    ['06', true],
    ['12', true],
    ['13', true],
    ['43', true], // 第三产业 in the 三次产业 split, but in 工业 statistics
    ['44', true],
    ['46', true],
    ['47', false],
    ['01', false],
    ['97', false],
    ['A', false],
    ['B', true],
    ['C', true],
    ['D', true],
    ['E', false],
    ['3911', true],
    ['C3911', true],
    ['C39', true],
    ['B3911', false], // inconsistent section: not a valid code at all
    ['391', true],
    ['4610', true],
    ['4710', false],
    ['98', false],
    ['00', false],
    ['', false],
    ['c39', false], // strict: use industryCodeInfo to read user input
  ])('%j → %s', (code, ok) => {
    expect(isIndustrial(code)).toBe(ok)
  })
})

describe('format, sectionOf, divisionOf', () => {
  it.each([
    ['C', true, 'C', null],
    ['T', true, 'T', null],
    ['U', false, null, null],
    ['39', true, 'C', '39'],
    ['391', true, 'C', '39'],
    ['3911', true, 'C', '39'],
    ['C3911', true, 'C', '39'],
    ['C39', true, 'C', '39'],
    ['D4411', true, 'D', '44'],
    ['A3911', false, null, null],
    ['39111', false, null, null],
    ['3', false, null, null],
    ['98', false, null, null],
    ['00', false, null, null],
    ['01', true, 'A', '01'],
    ['CC39', false, null, null],
    [' 39', false, null, null],
    ['', false, null, null],
  ])('%j valid %s, section %s, division %s', (code, ok, section, division) => {
    expect(isValidIndustryCodeFormat(code)).toBe(ok)
    expect(sectionOf(code)).toBe(section)
    expect(divisionOf(code)).toBe(division)
  })
})

describe('industryCodeInfo', () => {
  const codes = (msgs: readonly { code: string }[]) => msgs.map((m) => m.code)

  it.each([
    ['C3911', '3911', 4, 'C', '39', true, ['notInReferenceList']],
    ['3911', '3911', 4, 'C', '39', true, ['notInReferenceList']],
    ['C39', '39', 2, 'C', '39', true, []],
    ['391', '391', 3, 'C', '39', true, []],
    ['C', 'C', 1, 'C', null, true, []],
    ['c391', '391', 3, 'C', '39', true, ['normalizedCase']],
    [' C 39 ', '39', 2, 'C', '39', true, ['normalizedWhitespace']],
    ['65', '65', 2, 'I', '65', false, []],
    ['131', '131', 3, 'C', '13', true, ['notInReferenceList']], // real group, not in our partial list
  ])('%j → %s', (input, code, level, section, division, industrial, warnings) => {
    const info = industryCodeInfo(input)
    expect(info).toMatchObject({ input, code, valid: true, level, section, division, industrial, errors: [] })
    expect(codes(info.warnings)).toEqual(warnings)
  })

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['3', 'invalidFormat'],
    ['39111', 'invalidFormat'],
    ['C-39', 'invalidFormat'],
    ['制造业', 'invalidFormat'],
    ['U39', 'unknownSection'],
    ['Z', 'unknownSection'],
    ['98', 'unknownDivision'],
    ['00', 'unknownDivision'],
    ['B3911', 'sectionMismatch'],
    ['A06', 'sectionMismatch'],
  ])('%j → error %s', (input, error) => {
    const info = industryCodeInfo(input)
    expect(info.valid).toBe(false)
    expect(info.code).toBeNull()
    expect(codes(info.errors)).toEqual([error])
    expect(info.errors[0]?.zh.length).toBeGreaterThan(0)
  })

  it('names the expected section on a mismatch', () => {
    expect(industryCodeInfo('B3911').errors[0]?.zh).toContain('门类C')
  })

  it('looks names up in a catalogue passed by the caller', () => {
    const entry: IndustryEntry = { code: '3911', name: '计算机整机制造', level: 4, section: 'C', parentCode: '391' }
    const info = industryCodeInfo('C3911', new Map([['3911', entry]]))
    expect(info.entry).toEqual(entry)
    expect(info.warnings).toEqual([])
    // …and still knows sections and divisions when the caller's catalogue lacks them
    expect(industryCodeInfo('39', new Map()).entry?.name).toBe('计算机、通信和其他电子设备制造业')
  })
})
