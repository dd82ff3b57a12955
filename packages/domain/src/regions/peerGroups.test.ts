import { describe, expect, it } from 'vitest'
import { peerGroupById, peerGroupIds, peerGroups, peerGroupsOf, peerGroupYears, provinceByCode } from './index.ts'

const names = (codes: readonly string[] | undefined) => (codes ?? []).map((code) => provinceByCode(code)?.shortName)

describe('peer group data', () => {
  it.each([
    ['east', 10],
    ['central', 6],
    ['central6', 6],
    ['west', 12],
    ['northeast', 3],
    ['yangtzeDelta', 4],
    ['jingJinJi', 3],
    ['greaterBay', 3],
    ['top10Economies', 10],
  ])('%s has %i members', (id, n) => {
    expect(peerGroupById(id)?.members).toHaveLength(n)
  })

  it('every member is a known province, every group has a source', () => {
    for (const g of peerGroups) {
      for (const m of g.members) expect(provinceByCode(m), `${g.id} ${m}`).not.toBeNull()
      expect(new Set(g.members).size).toBe(g.members.length)
      expect(g.source.length).toBeGreaterThan(0)
    }
  })

  it('east + central + west + northeast partition the 31 mainland provinces', () => {
    const all = ['east', 'central', 'west', 'northeast'].flatMap((id) => peerGroupById(id)?.members ?? [])
    expect(all).toHaveLength(31)
    expect(new Set(all).size).toBe(31)
    for (const code of ['710000', '810000', '820000']) expect(all).not.toContain(code)
  })

  it('central and central6 have the same members', () => {
    expect(peerGroupById('central6')?.members).toEqual(peerGroupById('central')?.members)
    expect(names(peerGroupById('中部六省')?.members)).toEqual(['山西', '安徽', '江西', '河南', '湖北', '湖南'])
  })

  it('the Greater Bay Area includes Hong Kong and Macao and only 9 cities of Guangdong', () => {
    const g = peerGroupById('粤港澳大湾区')
    expect(g?.members).toEqual(['440000', '810000', '820000'])
    expect(g?.partialMembers?.['440000']).toHaveLength(9)
  })

  it('top-10 lists are marked MED with a note, and exist for 2021–2024', () => {
    expect(peerGroupYears('top10Economies')).toEqual([2021, 2022, 2023, 2024])
    expect(peerGroupYears('east')).toEqual([])
    for (const year of [2021, 2022, 2023, 2024]) {
      const g = peerGroupById('top10Economies', year)
      expect(g?.year).toBe(year)
      expect(g?.confidence).toBe('MED')
      expect(g?.source).toContain('国家统计局')
    }
  })

  it.each([
    [2021, ['广东', '江苏', '山东', '浙江', '河南', '四川', '湖北', '福建', '湖南', '上海']],
    [2022, ['广东', '江苏', '山东', '浙江', '河南', '四川', '湖北', '福建', '湖南', '安徽']],
    [2023, ['广东', '江苏', '山东', '浙江', '四川', '河南', '湖北', '福建', '湖南', '上海']],
    [2024, ['广东', '江苏', '山东', '浙江', '四川', '河南', '湖北', '福建', '上海', '湖南']],
  ])('top 10 of %i in rank order', (year, expected) => {
    expect(names(peerGroupById('经济十强省', year)?.members)).toEqual(expected)
  })
})

describe('peerGroupById', () => {
  it.each([
    ['east', 'east', undefined],
    ['东部', 'east', undefined],
    ['东部地区', 'east', undefined],
    ['中部', 'central', undefined],
    ['中部六省', 'central6', undefined],
    ['西部', 'west', undefined],
    ['东北', 'northeast', undefined],
    ['长三角', 'yangtzeDelta', undefined],
    ['京津冀', 'jingJinJi', undefined],
    ['大湾区', 'greaterBay', undefined],
    [' 经济十强省 ', 'top10Economies', 2024], // latest when no year is given
    ['top10Economies', 'top10Economies', 2024],
  ])('%j → %s', (query, id, year) => {
    const g = peerGroupById(query)
    expect(g?.id).toBe(id)
    expect(g?.year).toBe(year)
  })

  it.each([
    [2022, 2022],
    [2025, 2024], // not published yet: the latest list before it
    [2030, 2024],
    [2020, null], // before the data
  ])('经济十强省 for %i → list of %s', (year, used) => {
    expect(peerGroupById('经济十强省', year)?.year ?? null).toBe(used)
  })

  it('ignores the year for groups that do not change', () => {
    expect(peerGroupById('长三角', 1999)?.id).toBe('yangtzeDelta')
  })

  it.each(['', '南部', 'East', 'toString', '__proto__'])('unknown %j → null', (query) => {
    expect(peerGroupById(query)).toBeNull()
  })
})

describe('peerGroupsOf', () => {
  const ids = (code: string, year?: number) => peerGroupsOf(code, year).map((g) => g.id)
  it.each([
    ['430000', 2023, ['central', 'central6', 'top10Economies']],
    ['43', 2023, ['central', 'central6', 'top10Economies']],
    ['340000', 2022, ['central', 'central6', 'yangtzeDelta', 'top10Economies']],
    ['340000', 2023, ['central', 'central6', 'yangtzeDelta']],
    ['310000', 2022, ['east', 'yangtzeDelta']],
    ['310000', 2024, ['east', 'yangtzeDelta', 'top10Economies']],
    ['130000', 2024, ['east', 'jingJinJi']],
    ['440000', 2024, ['east', 'greaterBay', 'top10Economies']],
    ['810000', 2024, ['greaterBay']],
    ['210000', 2024, ['northeast']],
    ['650000', 2024, ['west']],
    ['990000', 2024, []],
  ])('%s in %i → %j', (code, year, expected) => {
    expect(ids(code, year)).toEqual(expected)
  })

  it('returns groups in the order of peerGroupIds', () => {
    const order = peerGroupsOf('340000', 2022).map((g) => peerGroupIds.indexOf(g.id))
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })
})
