import { asc, eq, inArray } from 'drizzle-orm'
import { provinceByCode } from '@gongxin/domain'
import type { Tx } from '../../db/index.ts'
import { industries } from '../../modules/industries/schema.ts'
import { divisions } from '../../modules/regions/schema.ts'
import { DEFAULT_CITY_ZIPF, provinceProfiles } from '../data/provinces.ts'
import { shortDivisionName, shortProvinceName } from '../data/names.ts'
import { zipfWeights, type Rng } from '../rng.ts'
import type { DemoCity, DemoCounty, DemoGeography, DemoIndustryCatalog, DemoStep } from '../types.ts'

interface DivisionRow {
  code: string
  name: string
  level: number
  parentCode: string | null
}

/** Relative industrial weight of a county by kind: urban districts and county-level cities carry most industry. */
const KIND_WEIGHT: Record<DemoCounty['kind'], number> = { district: 1.4, countyCity: 1.6, county: 0.8, other: 0.3 }

function countyKind(name: string): DemoCounty['kind'] {
  if (/(林区|特区)$/.test(name)) return 'other'
  if (name.endsWith('区')) return 'district'
  if (name.endsWith('市')) return 'countyCity'
  if (/[县旗]$/.test(name)) return 'county'
  return 'other'
}

/** Level-2 names the division loader synthesises (市辖区 of a municipality, 直辖县级 groups): no place name of their own. */
const isPlaceholderPrefecture = (name: string) => /(市辖区|市县|直辖县级行政区划|未列名地级区划)$/.test(name)

/**
 * Builds the province's geography from the division table: prefectures with their counties (a prefecture
 * without counties, such as 东莞市, stands for itself), each with a weight. Pure apart from the rng.
 */
export function buildGeography(provincePrefix: string, rows: readonly DivisionRow[], rng: Rng): DemoGeography {
  const provinceRow = rows.find((r) => r.level === 1)
  if (!provinceRow) throw new Error(`province ${provincePrefix}0000 is not in the division table`)
  const provinceShort = provinceByCode(provincePrefix)?.shortName ?? shortProvinceName(provinceRow.name)
  const profile = provinceProfiles[provincePrefix]
  const prefectures = rows.filter((r) => r.level === 2)
  const countyRows = rows.filter((r) => r.level === 3)

  const cities: DemoCity[] = prefectures.map((p) => {
    const shortName = isPlaceholderPrefecture(p.name) ? provinceShort : shortDivisionName(p.name)
    const own = countyRows.filter((c) => c.parentCode === p.code)
    const counties: DemoCounty[] = (own.length ? own : [p]).map((c) => {
      const short = shortDivisionName(c.name)
      return {
        code: c.code,
        name: c.name,
        // 长沙县 → 长沙 would read as the city: keep the full name when the stem repeats the city's.
        shortName: short === shortName && c.code !== p.code ? c.name : short,
        kind: own.length ? countyKind(c.name) : 'countyCity',
        cityCode: p.code,
        weight: 0,
      }
    })
    return { code: p.code, name: p.name, shortName, weight: 0, counties }
  })
  if (cities.length === 0) throw new Error(`province ${provincePrefix}0000 has no prefectures in the division table`)

  // City weights: the profile's shares, else Zipf in code order (the capital, xx01, comes first).
  const zipf = zipfWeights(cities.length, DEFAULT_CITY_ZIPF)
  const minShare = profile ? Math.min(...Object.values(profile.cityShares)) : 0
  const raw = cities.map((c, i) => (profile ? (profile.cityShares[c.code] ?? minShare) : (zipf[i] ?? 0)))
  const sum = raw.reduce((a, b) => a + b, 0)
  cities.forEach((c, i) => {
    c.weight = (raw[i] ?? 0) / sum
    // Counties: by kind, with a seeded spread so that two districts of a city are not alike. The first
    // districts (codes xxxx01–05) are the old centres, mostly commerce; later ones are former suburbs and counties.
    for (const county of c.counties) {
      const core = county.kind === 'district' && Number(county.code.slice(4)) <= 5 ? 0.7 : 1
      county.weight = KIND_WEIGHT[county.kind] * core * (profile?.countyFactors?.[county.code] ?? 1) * rng.lognormal(1, 0.35)
    }
    const cs = c.counties.reduce((a, k) => a + k.weight, 0)
    for (const county of c.counties) county.weight /= cs
  })
  cities.sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code))

  const countyByCode = new Map(cities.flatMap((c) => c.counties.map((k) => [k.code, k] as const)))
  return {
    province: { code: provinceRow.code, prefix: provincePrefix, name: provinceRow.name, shortName: provinceShort },
    cities,
    countyByCode,
    cityByCode: new Map(cities.map((c) => [c.code, c])),
  }
}

export async function loadProvinceDivisions(tx: Tx, provincePrefix: string): Promise<DivisionRow[]> {
  return tx
    .select({ code: divisions.code, name: divisions.name, level: divisions.level, parentCode: divisions.parentCode })
    .from(divisions)
    .where(eq(divisions.provinceCode, `${provincePrefix}0000`))
    .orderBy(asc(divisions.code))
}

/** Divisions of sections B, C, D and their finer codes, from catalogue rows (any order). */
export function buildIndustryCatalog(rows: readonly { code: string; name: string; level: number; section: string }[]): DemoIndustryCatalog {
  const industrial = rows.filter((r): r is typeof r & { section: 'B' | 'C' | 'D' } => r.section === 'B' || r.section === 'C' || r.section === 'D')
  const sorted = industrial.slice().sort((a, b) => a.code.localeCompare(b.code))
  const divs = sorted.filter((r) => r.level === 2).map((r) => ({ code: r.code, name: r.name, section: r.section }))
  if (divs.length === 0) throw new Error('the industry catalogue has no divisions of sections B, C, D: load the reference data first')
  const finer = new Map<string, string[]>()
  for (const r of sorted) {
    if (r.level < 3) continue
    const list = finer.get(r.code.slice(0, 2)) ?? []
    list.push(r.code)
    finer.set(r.code.slice(0, 2), list)
  }
  return { divisions: divs, finer }
}

export async function loadIndustryCatalog(tx: Tx): Promise<DemoIndustryCatalog> {
  const rows = await tx
    .select({ code: industries.code, name: industries.name, level: industries.level, section: industries.section })
    .from(industries)
    .where(inArray(industries.section, ['B', 'C', 'D']))
  return buildIndustryCatalog(rows)
}

export const referenceStep: DemoStep = {
  id: 'reference',
  title: '读取行政区划与行业分类',
  async run(ctx) {
    const rows = await loadProvinceDivisions(ctx.tx, ctx.options.province)
    ctx.state.geography = buildGeography(ctx.options.province, rows, ctx.rng)
    ctx.state.industries = await loadIndustryCatalog(ctx.tx)
    const counties = ctx.state.geography.cities.reduce((n, c) => n + c.counties.length, 0)
    ctx.progress(1, 1)
    return { cities: ctx.state.geography.cities.length, counties, industryDivisions: ctx.state.industries.divisions.length }
  },
}
