import { describe, expect, it } from 'vitest'
import type { Scope } from '../auth/scope.ts'
import {
  assessIndicator, checkIndicatorPeriod, checkIndicatorValue, checkUnit, createRegionResolver, findIndicator, formatIndicatorValue,
  indicatorById, indicatorCatalog, mayWriteOfficialStat, mayWriteTarget, officialStatVisible, parseTargetYear, parseUnit,
  roundPublished, targetVisible, valueText, type Indicator, type RegionRow,
} from './index.ts'

const ind = (id: string): Indicator => {
  const i = indicatorById(id)
  if (!i) throw new Error(id)
  return i
}
const VA = ind('valueAddedGrowth')
const ENERGY = ind('energyPerValueAddedChange')
const NEW = ind('newAboveScaleEnterprises')
const PROFIT = ind('profitGrowth')
const DIGITAL = ind('digitalEconomyGrowth')

describe('the catalogue', () => {
  it('ships the indicators the issue names, each complete', () => {
    expect(indicatorCatalog.map((i) => i.id)).toEqual(expect.arrayContaining([
      'valueAddedGrowth', 'industrialInvestmentGrowth', 'renovationInvestmentGrowth', 'manufacturingInvestmentGrowth',
      'digitalEconomyGrowth', 'energyPerValueAddedChange', 'newAboveScaleEnterprises', 'grossOutputGrowth', 'revenueGrowth', 'profitGrowth',
    ]))
    for (const i of indicatorCatalog) {
      expect(i.nameZh, i.id).toMatch(/[\u4e00-\u9fff]/)
      expect(i.nameEn, i.id).not.toMatch(/[\u4e00-\u9fff]/)
      expect(i.precision, i.id).toBeGreaterThanOrEqual(0)
      expect(i.plausibleRange.min, i.id).toBeLessThan(i.plausibleRange.max)
      // the thresholds are ordered the way the direction reads them
      if (i.direction === 'higherIsBetter') expect(i.thresholds.alarm, i.id).toBeLessThan(i.thresholds.excellence)
      else expect(i.thresholds.alarm, i.id).toBeGreaterThan(i.thresholds.excellence)
    }
    expect(ENERGY.direction).toBe('lowerIsBetter')
    expect(NEW).toMatchObject({ kind: 'level', unit: '家', frequency: 'annual' })
    expect(indicatorCatalog.filter((i) => i.computed).map((i) => i.id)).toEqual(['grossOutputGrowth', 'revenueGrowth', 'profitGrowth'])
  })

  it.each<[string, string | null]>([
    ['valueAddedGrowth', 'valueAddedGrowth'],
    [' valueAddedGrowth ', 'valueAddedGrowth'],
    ['VALUEADDEDGROWTH', 'valueAddedGrowth'],
    ['规模以上工业增加值增速', 'valueAddedGrowth'],
    ['规上工业增加值增速', 'valueAddedGrowth'],
    ['规上工业增加值增速（%）', 'valueAddedGrowth'],
    ['规上工业增加值增速(%)', 'valueAddedGrowth'],
    ['规 上 工 业 增 加 值 增 速', 'valueAddedGrowth'],
    ['规模以上工业增加值累计增速', 'valueAddedGrowth'],
    ['工业投资增速', 'industrialInvestmentGrowth'],
    ['技改投资增速', 'renovationInvestmentGrowth'],
    ['技术改造投资增速', 'renovationInvestmentGrowth'],
    ['制造业投资增速', 'manufacturingInvestmentGrowth'],
    ['数字经济增加值增速', 'digitalEconomyGrowth'],
    ['单位工业增加值能耗变化', 'energyPerValueAddedChange'],
    ['新增规上工业企业', 'newAboveScaleEnterprises'],
    ['新增规模以上工业企业', 'newAboveScaleEnterprises'],
    ['利润总额增速', 'profitGrowth'],
    // a 下降率 has the opposite sign: not silently taken for the change
    ['单位工业增加值能耗下降率', null],
    ['工业增加值', null],
    ['', null],
    ['   ', null],
  ])('findIndicator(%j) → %s', (text, id) => {
    expect(findIndicator(text)?.id ?? null).toBe(id)
  })
})

describe('units', () => {
  it.each<[string, string | null]>([
    ['%', '%'], ['％', '%'], ['(%)', '%'], ['（%）', '%'], [' 百分比 ', '%'], ['家', '家'], ['户', '家'], ['个', '家'],
    ['万元', null], ['亿元', null], ['', null],
  ])('parseUnit(%j) → %s', (text, unit) => {
    expect(parseUnit(text)).toBe(unit)
  })

  it.each<[Indicator, string | null, string | null]>([
    [VA, '%', null],
    [VA, '％', null],
    [VA, null, null],
    [VA, '  ', null],
    [VA, '家', 'unitMismatch'],
    [VA, '万元', 'unitMismatch'],
    [NEW, '家', null],
    [NEW, '户', null],
    [NEW, '%', 'unitMismatch'],
  ])('checkUnit(%s, %j) → %s', (i, text, code) => {
    expect(checkUnit(i, text)?.code ?? null).toBe(code)
  })

  it('says which unit was expected, in both languages', () => {
    const m = checkUnit(VA, '万元')
    expect(m?.zh).toContain('“%”')
    expect(m?.en).toContain('"%"')
  })
})

describe('values', () => {
  const codes = (i: Indicator, v: number) => {
    const c = checkIndicatorValue(i, v)
    return [...c.errors.map((e) => e.code), ...c.warnings.map((w) => `warn:${w.code}`)]
  }
  it.each<[Indicator, number, string[]]>([
    [VA, 5.2, []],
    [VA, 0, []],
    [VA, -100, ['warn:implausibleValue']],
    [VA, -100.1, ['growthBelowMinus100']],
    [VA, -30, []],
    [VA, -30.1, ['warn:implausibleValue']],
    [VA, 40, []],
    [VA, 40.1, ['warn:implausibleValue']],
    [VA, Number.NaN, ['notANumber']],
    [VA, Number.POSITIVE_INFINITY, ['notANumber']],
    // a loss after a profit is a fall of more than 100 %: a real profit figure
    [PROFIT, -150, []],
    [PROFIT, -200.5, ['warn:implausibleValue']],
    [NEW, 0, []],
    [NEW, 1000, []],
    [NEW, -1, ['valueNegative']],
    [NEW, 12.5, ['notAWholeNumber']],
    [NEW, 20_001, ['warn:implausibleValue']],
  ])('%s = %s → %j', (i, v, expected) => {
    expect(codes(i, v)).toEqual(expected)
  })
})

describe('periods', () => {
  it.each<[Indicator, number, string | null]>([
    [VA, 2, null], [VA, 7, null], [VA, 12, null],
    [DIGITAL, 3, null], [DIGITAL, 12, null], [DIGITAL, 2, 'periodNotQuarterEnd'], [DIGITAL, 11, 'periodNotQuarterEnd'],
    [NEW, 12, null], [NEW, 6, 'periodNotAnnual'],
  ])('%s in month %s → %s', (i, month, code) => {
    expect(checkIndicatorPeriod(i, { year: 2025, month })?.code ?? null).toBe(code)
  })

  it.each<[string | number | Date | null, number | null]>([
    [2025, 2025], ['2025', 2025], ['2025年', 2025], ['2025年度', 2025], ['２０２５年', 2025], [new Date(Date.UTC(2025, 0, 1)), 2025],
    ['25', null], ['2025-01', null], ['', null], [null, null], [2025.5, null],
  ])('parseTargetYear(%j) → %s', (v, year) => {
    expect(parseTargetYear(v)).toBe(year)
  })
})

describe('rounding as published', () => {
  it.each<[number, number, number]>([
    [1.25, 1, 1.3], [-1.25, 1, -1.3], [1.249, 1, 1.2], [2.675, 2, 2.68], [12.34, 1, 12.3], [12.25, 1, 12.3], [-0.04, 1, 0], [0, 1, 0], [1000, 0, 1000], [0.5, 0, 1], [-0.5, 0, -1],
  ])('roundPublished(%s, %s) → %s', (v, d, r) => {
    expect(roundPublished(v, d)).toBe(r)
  })
  it.each<[number, string]>([[5.2, '5.2'], [5.20001, '5.2'], [-0.35, '-0.35'], [1000, '1000'], [0, '0'], [1.23456, '1.2346'], [-0.00001, '0']])('valueText(%s) → %s', (v, t) => {
    expect(valueText(v)).toBe(t)
  })
  it('formats with the unit and the published precision', () => {
    expect(formatIndicatorValue(VA, 5.25)).toBe('5.3%')
    expect(formatIndicatorValue(NEW, 1024)).toBe('1,024家')
    expect(formatIndicatorValue(NEW, 3, 'en-US')).toBe('3 enterprises')
  })
})

describe('thresholds', () => {
  // valueAddedGrowth: alarm below 0, excellent from 8; energy change: alarm above 0, excellent at −4 or below
  it.each<[Indicator, number, string, number | null]>([
    [VA, -0.1, 'alarm', 0],
    [VA, -0.04, 'normal', null], // −0.04 is published as −0.0, which is not below 0
    [VA, 0, 'normal', null],
    [VA, 7.9, 'normal', null],
    [VA, 7.95, 'excellent', 8], // published as 8.0
    [VA, 8, 'excellent', 8],
    [VA, 8.1, 'excellent', 8],
    [ENERGY, 0.1, 'alarm', 0],
    [ENERGY, 0, 'normal', null],
    [ENERGY, -3.9, 'normal', null],
    [ENERGY, -4, 'excellent', -4],
    [ENERGY, -4.1, 'excellent', -4],
    [NEW, -10.1, 'alarm', -10], // schedule pace in points
    [NEW, -10, 'normal', null],
    [NEW, 5, 'excellent', 5],
  ])('%s at %s → %s (threshold %s)', (i, v, level, threshold) => {
    const a = assessIndicator(i, v)
    expect([a.level, a.threshold]).toEqual([level, threshold])
    expect(a.reason.zh).toContain(i.nameZh)
  })
  it('takes a province’s own thresholds', () => {
    expect(assessIndicator(VA, 3, { alarm: 4, excellence: 9 }).level).toBe('alarm')
  })
})

const rows: RegionRow[] = [
  { code: '110000', name: '北京市', level: 1, parentCode: null },
  { code: '110100', name: '北京市市辖区', level: 2, parentCode: '110000' },
  { code: '110105', name: '朝阳区', level: 3, parentCode: '110100' },
  { code: '220000', name: '吉林省', level: 1, parentCode: null },
  { code: '220100', name: '长春市', level: 2, parentCode: '220000' },
  { code: '220104', name: '朝阳区', level: 3, parentCode: '220100' },
  { code: '220200', name: '吉林市', level: 2, parentCode: '220000' },
  { code: '210000', name: '辽宁省', level: 1, parentCode: null },
  { code: '211300', name: '朝阳市', level: 2, parentCode: '210000' },
  { code: '430000', name: '湖南省', level: 1, parentCode: null },
  { code: '430100', name: '长沙市', level: 2, parentCode: '430000' },
  { code: '430121', name: '长沙县', level: 3, parentCode: '430100' },
  { code: '430181', name: '浏阳市', level: 3, parentCode: '430100' },
  { code: '433100', name: '湘西土家族苗族自治州', level: 2, parentCode: '430000' },
  { code: '433101', name: '吉首市', level: 3, parentCode: '433100' },
  { code: '450000', name: '广西壮族自治区', level: 1, parentCode: null },
]

describe('region names', () => {
  const r = createRegionResolver(rows)
  const byName = (n: string) => {
    const x = r.byName(n)
    return x.ok ? x.code : x.error.code
  }
  it.each<[string, string]>([
    ['湖南省', '430000'],
    ['湖南', '430000'],
    [' 湖 南 ', '430000'],
    ['广西', '450000'],
    ['广西壮族自治区', '450000'],
    ['长沙市', '430100'],
    // 长沙 is the city (长沙县 is written in full)
    ['长沙', '430100'],
    ['长沙县', '430121'],
    ['浏阳市', '430181'],
    ['浏阳', '430181'],
    ['湘西土家族苗族自治州', '433100'],
    ['湘西州', '433100'],
    ['湘西', '433100'],
    // 吉林 is the province; the city is 吉林市
    ['吉林', '220000'],
    ['吉林市', '220200'],
    ['北京市', '110000'],
    ['北京', '110000'],
    ['朝阳市', '211300'],
    ['朝阳', '211300'],
    ['朝阳区', 'regionAmbiguous'],
    ['北京市朝阳区', '110105'],
    ['吉林省长春市朝阳区', '220104'],
    ['长春市朝阳区', '220104'],
    ['吉林/长春/朝阳区', '220104'],
    ['湖南省长沙市浏阳市', '430181'],
    ['湖南长沙', '430100'],
    ['株洲市', 'regionUnknown'],
    ['', 'regionUnknown'],
  ])('%j → %s', (name, expected) => {
    expect(byName(name)).toBe(expected)
  })

  it('names every candidate of an ambiguous name, with its province, and how to settle it', () => {
    const x = r.byName('朝阳区')
    expect(x.ok).toBe(false)
    if (x.ok) return
    expect(x.error.zh).toContain('北京市朝阳区（110105）')
    expect(x.error.zh).toContain('吉林省长春市朝阳区（220104）')
    expect(x.error.en).toContain('(110105)')
    expect(x.error.params?.candidates).toBe('110105,220104')
  })

  it.each<[string, string]>([
    ['430181', '430181'], ['43', '430000'], ['4301', '430100'], [' 430100 ', '430100'], ['４３０１８１', '430181'],
    ['439999', 'regionCodeUnknown'], ['4300', 'regionCodeUnknown'], ['43018', 'regionCodeMalformed'], ['长沙', 'regionCodeMalformed'],
  ])('code %j → %s', (code, expected) => {
    const x = r.byCode(code)
    expect(x.ok ? x.code : x.error.code).toBe(expected)
  })

  it('writes full names from the province down, without synthesised prefectures', () => {
    expect(r.fullName('110105')).toBe('北京市朝阳区')
    expect(r.fullName('433101')).toBe('湖南省湘西土家族苗族自治州吉首市')
  })
})

describe('where official figures and targets may be read and written', () => {
  const province: Scope = { kind: 'region', prefix: '43' }
  const nation: Scope = { kind: 'region', prefix: '' }
  const city: Scope = { kind: 'region', prefix: '4301' }
  const county: Scope = { kind: 'region', prefix: '430181' }
  const firm: Scope = { kind: 'enterprise', uscc: '91430100MA4L16JQ9A' }
  it.each<[string, Scope, string, boolean]>([
    ['province reads its own province', province, '430000', true],
    ['province reads a peer province', province, '420000', true],
    ['province reads its cities', province, '430200', true],
    ['province reads another province’s city', province, '420100', true],
    ['city reads the province', city, '430000', true],
    ['city reads a peer province', city, '440000', true],
    ['city reads itself', city, '430100', true],
    ['city reads its county', city, '430181', true],
    ['city does not read a sister city', city, '430200', false],
    ['city does not read a sister city’s county', city, '430202', false],
    ['city reads another province’s city', city, '420100', true],
    ['county reads itself', county, '430181', true],
    ['county does not read its city', county, '430100', false],
    ['nation reads all', nation, '430202', true],
    ['enterprise reads provinces', firm, '430000', true],
    ['enterprise reads no city', firm, '430100', false],
    ['malformed code', province, '43010', false],
  ])('read: %s', (_, scope, code, expected) => {
    expect(officialStatVisible(scope, code)).toBe(expected)
  })
  it.each<[string, Scope, string, boolean]>([
    ['province writes itself', province, '430000', true],
    ['province writes its county', province, '430181', true],
    ['province writes a peer province', province, '420000', true],
    ['province does not write another province’s city', province, '420100', false],
    ['city writes itself and its counties', city, '430181', true],
    ['city does not write the province', city, '430000', false],
    ['city does not write a peer province', city, '420000', false],
    ['nation writes anything', nation, '420100', true],
    ['enterprise writes nothing', firm, '430000', false],
  ])('import: %s', (_, scope, code, expected) => {
    expect(mayWriteOfficialStat(scope, code)).toBe(expected)
  })
  it.each<[string, Scope, string, boolean, boolean]>([
    ['province sets its own target', province, '430000', true, true],
    ['province sets a city’s', province, '430100', true, true],
    ['province sets a county’s', province, '430181', true, true],
    ['province neither reads nor sets another province’s', province, '420000', false, false],
    ['city reads but does not set its own (the province does)', city, '430100', true, false],
    ['city sets its county’s', city, '430181', true, true],
    ['city neither reads nor sets a sister city’s county', city, '430202', false, false],
    ['city does not read the province’s', city, '430000', false, false],
    ['county reads its own, sets none', county, '430181', true, false],
    ['enterprise: nothing', firm, '430100', false, false],
  ])('targets: %s', (_, scope, code, read, write) => {
    expect([targetVisible(scope, code), mayWriteTarget(scope, code)]).toEqual([read, write])
  })
})
