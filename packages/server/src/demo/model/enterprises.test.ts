import { afterEach, describe, expect, it, vi } from 'vitest'
import { industryCatalog, validateUscc } from '@gongxin/domain'
import { divisionRowsFromPackage } from '../../modules/reference/load.ts'
import { AVOIDED_BRANDS, BRANDS, shortDivisionName, shortProvinceName } from '../data/names.ts'
import { rngFor } from '../rng.ts'
import { buildGeography, buildIndustryCatalog } from '../steps/reference.ts'
import { planParks } from '../steps/parks.ts'
import { planUsers } from '../steps/users.ts'
import type { DemoEnterprise, DemoPark } from '../types.ts'
import { HISTORY_YEARS, planEnterprises, type PlannedEnterprise } from './enterprises.ts'
import { ABOVE_SCALE_LINE } from './revenue.ts'

// Pure planning on the real divisions and catalogue, without a database: the distributions at full size.
const allDivisions = divisionRowsFromPackage()
const catalog = buildIndustryCatalog(industryCatalog)
const YEAR = 2025

function plan(province: string, enterprises: number, seed: number) {
  const rows = allDivisions.filter((d) => d.provinceCode === `${province}0000`)
  const geo = buildGeography(province, rows, rngFor(seed, 'reference'))
  const parks: DemoPark[] = planParks(geo, rngFor(seed, 'parks')).map((p, i) => ({ ...p, id: i + 1 }))
  const list = planEnterprises({ geography: geo, industries: catalog, parks, options: { province, enterprises, year: YEAR }, rng: rngFor(seed, 'enterprises') })
  return { geo, parks, list }
}

const share = (list: readonly PlannedEnterprise[], f: (e: PlannedEnterprise) => boolean) => list.filter(f).length / list.length

describe('the demo province of 湖南 (20,000 enterprises, seed 1)', () => {
  const { geo, parks, list } = plan('43', 20_000, 1)

  it('covers every county, with very different city weights', () => {
    expect(list).toHaveLength(20_000)
    const counties = new Set(list.map((e) => e.countyCode))
    for (const c of geo.cities.flatMap((x) => x.counties)) expect(counties.has(c.code), c.name).toBe(true)
    const byCity = (code: string) => share(list, (e) => e.cityCode === code)
    expect(byCity('430100')).toBeGreaterThan(0.26) // 长沙
    expect(byCity('430100')).toBeLessThan(0.29)
    expect(byCity('430800')).toBeLessThan(0.015) // 张家界
    expect(geo.cities[0]?.name).toBe('长沙市')
  })

  it('has 80–85 % above-scale enterprises, a pipeline under the line and a heavy tail', () => {
    const above = share(list, (e) => e.aboveScale)
    expect(above).toBeGreaterThan(0.8)
    expect(above).toBeLessThan(0.86)
    for (const e of list) expect(e.aboveScale).toBe(e.revenue >= ABOVE_SCALE_LINE)
    const revenues = list.map((e) => e.revenue).sort((a, b) => a - b)
    const median = revenues[revenues.length / 2] ?? 0
    expect(median).toBeGreaterThan(5000)
    expect(median).toBeLessThan(8000)
    const giants = list.filter((e) => e.revenue >= 1_000_000).length
    expect(giants).toBeGreaterThanOrEqual(5)
    expect(giants).toBeLessThan(80)
    expect(Math.max(...revenues)).toBeLessThanOrEqual(6_000_000)
    const pipeline = list.filter((e) => !e.aboveScale)
    expect(share(pipeline, (e) => e.revenue >= 1200)).toBeGreaterThan(0.6)
  })

  it('spreads over B, C, D like an inland manufacturing province, with city specialisations', () => {
    const b = share(list, (e) => e.section === 'B')
    const d = share(list, (e) => e.section === 'D')
    expect(b).toBeGreaterThan(0.055)
    expect(b).toBeLessThan(0.085)
    expect(d).toBeGreaterThan(0.03)
    expect(d).toBeLessThan(0.05)
    const inCity = (city: string, division: string) => {
      const local = list.filter((e) => e.cityCode === city)
      return local.filter((e) => e.industryDivision === division).length / local.length
    }
    const overall = (division: string) => share(list, (e) => e.industryDivision === division)
    expect(inCity('430200', '37')).toBeGreaterThan(3 * overall('37')) // 株洲 轨道交通
    expect(inCity('430300', '31')).toBeGreaterThan(3 * overall('31')) // 湘潭 钢铁
    expect(inCity('430600', '25')).toBeGreaterThan(3 * overall('25')) // 岳阳 石化
    expect(inCity('431000', '32')).toBeGreaterThan(2.5 * overall('32')) // 郴州 有色
    for (const e of list) expect(e.industryCode.startsWith(e.industryDivision)).toBe(true)
  })

  it('gives every enterprise a unique name and a unique valid USCC of its place', () => {
    expect(new Set(list.map((e) => e.name)).size).toBe(list.length)
    expect(new Set(list.map((e) => e.uscc)).size).toBe(list.length)
    for (const e of list) {
      const v = validateUscc(e.uscc)
      expect(v.valid, `${e.uscc} ${JSON.stringify(v.errors)}`).toBe(true)
      expect(e.uscc.slice(0, 2)).toBe('91')
      expect(e.uscc.slice(2, 4)).toBe('43')
      expect(e.name).toMatch(/(有限公司|有限责任公司|厂)$/)
    }
    expect(share(list, (e) => e.uscc.slice(8, 10) === 'MA')).toBeGreaterThan(0.2)
    expect(list.filter((e) => e.revenue >= 500_000).every((e) => /集团|股份/.test(e.name))).toBe(true)
  })

  it('keeps histories consistent with the latest status and founding dates in range', () => {
    for (const e of list) {
      const latest = e.scaleHistory.at(-1)
      expect(latest?.year).toBe(YEAR)
      expect(latest?.aboveScale).toBe(e.aboveScale)
      expect(e.foundedOn >= '1985-01-01' && e.foundedOn <= `${YEAR}-12-31`).toBe(true)
      for (const s of e.scaleHistory) {
        if (s.reason === '入规') expect(s.aboveScale).toBe(true)
        if (s.reason === '退规') expect(s.aboveScale).toBe(false)
        if (s.reason === '新建投产') expect(s.year).toBeGreaterThanOrEqual(Number(e.foundedOn.slice(0, 4)))
      }
    }
    const latest = list.map((e) => e.scaleHistory.at(-1)?.reason)
    const entered = latest.filter((r) => r === '入规' || r === '新建投产').length / list.length
    expect(entered).toBeGreaterThan(0.04)
    expect(entered).toBeLessThan(0.14)
  })

  it('keeps five years of above-scale status agreeing with the revenue history, the set changing every year', () => {
    const wrong: string[] = []
    for (const e of list) {
      const founded = Number(e.foundedOn.slice(0, 4))
      const years = e.scaleHistory.map((s) => s.year)
      const expected = Array.from({ length: HISTORY_YEARS }, (_, i) => YEAR - HISTORY_YEARS + 1 + i).filter((y) => y >= founded)
      if (e.revenueHistory.length !== HISTORY_YEARS + 1 || JSON.stringify(e.revenueByYear) !== JSON.stringify(e.revenueHistory.slice(-3))) wrong.push(`${e.uscc} revenue`)
      if (JSON.stringify(years) !== JSON.stringify(expected)) wrong.push(`${e.uscc} years ${years.join(',')}`)
      for (const s of e.scaleHistory) {
        const r = e.revenueHistory[s.year - (YEAR - HISTORY_YEARS)]
        if (r === null || r === undefined || r >= ABOVE_SCALE_LINE !== s.aboveScale) wrong.push(`${e.uscc} ${s.year}`)
      }
    }
    expect(wrong).toEqual([])
    for (let y = YEAR - HISTORY_YEARS + 1; y <= YEAR; y++) {
      const of = list.map((e) => e.scaleHistory.find((s) => s.year === y))
      const above = of.filter((s) => s?.aboveScale).length
      const entered = of.filter((s) => s?.reason === '入规' || s?.reason === '新建投产').length / above
      const exited = of.filter((s) => s?.reason === '退规').length / above
      expect(entered, `${y}`).toBeGreaterThan(0.05)
      expect(entered, `${y}`).toBeLessThan(0.2)
      expect(exited, `${y}`).toBeGreaterThan(0.01)
      expect(exited, `${y}`).toBeLessThan(0.08)
    }
  })

  it('puts 2–6 parks in every prefecture and about 55 % of the enterprises in parks of their county', () => {
    for (const c of geo.cities) {
      const n = parks.filter((p) => p.cityCode === c.code).length
      expect(n, c.name).toBeGreaterThanOrEqual(2)
      expect(n, c.name).toBeLessThanOrEqual(6)
    }
    expect(new Set(parks.map((p) => p.name)).size).toBe(parks.length)
    const parkCounty = new Map(parks.map((p) => [p.id, p.countyCode]))
    for (const e of list) if (e.parkId !== null) expect(parkCounty.get(e.parkId)).toBe(e.countyCode)
    expect(share(list, (e) => e.parkId !== null)).toBeGreaterThan(0.5)
    expect(share(list, (e) => e.parkId !== null)).toBeLessThan(0.6)
    expect(parks.find((p) => p.level === 'national')?.name).toMatch(/^长沙/)
  })

  it('plans one user per role, the enterprise user in the county official’s county', () => {
    const users = planUsers(geo, list.map((e, i): DemoEnterprise => ({ ...e, id: i + 1 })))
    expect(users.map((u) => u.username)).toEqual(['admin', 'changsha', 'liuyang', 'handler', 'officer', 'leader', 'qiye'])
    const county = users.find((u) => u.role === 'countyOfficial')?.scopePrefix
    const firm = list.find((e) => e.uscc === users.find((u) => u.role === 'enterprise')?.enterpriseUscc)
    expect(firm?.countyCode).toBe(county)
    expect(firm?.aboveScale).toBe(true)
  })
})

describe('planning', () => {
  afterEach(() => vi.restoreAllMocks())

  it('is deterministic and never uses Math.random', () => {
    const spy = vi.spyOn(Math, 'random')
    const a = plan('43', 800, 42).list
    const b = plan('43', 800, 42).list
    expect(b).toEqual(a)
    expect(plan('43', 800, 43).list.map((e) => e.uscc)).not.toEqual(a.map((e) => e.uscc))
    expect(spy).not.toHaveBeenCalled()
  })

  it.each([
    ['36', '江西'],
    ['11', '北京'], // a municipality: one synthesised prefecture
    ['42', '湖北'], // 省直辖县级 counties
    ['44', '广东'], // 东莞, 中山: prefectures without counties
    ['65', '新疆'],
  ])('works on the divisions of province %s (%s)', (province, short) => {
    const { geo, list, parks } = plan(province, 3000, 1)
    expect(geo.province.shortName).toBe(short)
    expect(list).toHaveLength(3000)
    const counties = new Set(list.map((e) => e.countyCode))
    expect(geo.cities.flatMap((c) => c.counties).every((c) => counties.has(c.code))).toBe(true)
    expect(parks.length).toBeGreaterThanOrEqual(geo.cities.length)
    for (const e of list.slice(0, 200)) {
      expect(e.name).not.toMatch(/undefined|null|市辖|直辖/)
      expect(validateUscc(e.uscc).valid).toBe(true)
    }
  })
})

describe('names', () => {
  it('shortens division names the way company names use them', () => {
    expect(shortDivisionName('长沙市')).toBe('长沙')
    expect(shortDivisionName('浏阳市')).toBe('浏阳')
    expect(shortDivisionName('湘西土家族苗族自治州')).toBe('湘西')
    expect(shortDivisionName('城步苗族自治县')).toBe('城步')
    expect(shortDivisionName('靖州苗族侗族自治县')).toBe('靖州')
    expect(shortDivisionName('道县')).toBe('道县')
    expect(shortDivisionName('津市市')).toBe('津市')
    expect(shortDivisionName('岳阳楼区')).toBe('岳阳楼')
    expect(shortProvinceName('广西壮族自治区')).toBe('广西')
    expect(shortProvinceName('湖南省')).toBe('湖南')
  })

  it('never composes a famous real brand', () => {
    for (const b of BRANDS) expect(AVOIDED_BRANDS.has(b)).toBe(false)
    expect(BRANDS.length).toBeGreaterThan(1000)
  })
})
