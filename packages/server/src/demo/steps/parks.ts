import { parks } from '../../modules/parks/schema.ts'
import { bulkInsert } from '../bulk.ts'
import type { Rng } from '../rng.ts'
import { need, type DemoCity, type DemoCounty, type DemoGeography, type DemoPark, type DemoStep } from '../types.ts'

export type PlannedPark = Omit<DemoPark, 'id'> & { areaKm2: number }

const NATIONAL_KINDS = ['经济技术开发区', '高新技术产业开发区'] as const

/** The park's name from the place and kind. A pattern, not the real list of the province's parks. */
function parkName(city: DemoCity, county: DemoCounty, kind: string, national: boolean): string {
  if (national) return `${city.shortName}${kind}`
  // A district's name alone reads oddly (雨花经济开发区): real zones in districts carry the city's name first.
  const ownName = county.kind !== 'district' || county.code === city.code || county.shortName.startsWith(city.shortName)
  const place = ownName ? county.shortName : `${city.shortName}${county.shortName}`
  return `${place}${kind}`
}

/**
 * 2–6 parks per prefecture, more in heavier ones. The heaviest cities get national zones (经济技术开发区,
 * 高新技术产业开发区, named after the city, in its heaviest districts); provincial zones go to the heaviest
 * counties and county-level cities, one per county. Names already in `taken` are avoided.
 */
export function planParks(geo: DemoGeography, rng: Rng, taken: ReadonlySet<string> = new Set()): PlannedPark[] {
  const out: PlannedPark[] = []
  const names = new Set(taken)
  const maxWeight = Math.max(...geo.cities.map((c) => c.weight))
  const nationalCities = Math.max(1, Math.ceil(geo.cities.length / 3))
  geo.cities.forEach((city, rank) => {
    const wanted = Math.min(6, Math.max(2, Math.round(2 + 4 * Math.sqrt(city.weight / maxWeight)) - (rng.chance(0.3) ? 1 : 0)))
    const byWeight = city.counties.slice().sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code))
    // A zone named after the city sits in one of its districts (醴陵 would not host 株洲经开区).
    const seats = [...byWeight.filter((c) => c.kind === 'district'), ...byWeight.filter((c) => c.kind !== 'district')]
    const national = rank === 0 ? 2 : rank < nationalCities ? 1 : 0
    const used = new Set<string>()
    const add = (county: DemoCounty, kind: string, level: PlannedPark['level']) => {
      const name = parkName(city, county, kind, level === 'national')
      if (names.has(name)) return false
      names.add(name)
      used.add(county.code)
      const areaKm2 = level === 'national' ? rng.int(30, 150) : level === 'provincial' ? rng.int(8, 45) : rng.int(3, 15)
      out.push({ name, countyCode: county.code, cityCode: city.code, level, kind, areaKm2 })
      return true
    }
    const kinds = rng.chance(0.5) ? [...NATIONAL_KINDS] : [...NATIONAL_KINDS].reverse()
    for (let i = 0; i < national; i++) {
      const county = seats[i]
      if (county) add(county, kinds[i] ?? '经济技术开发区', 'national')
    }
    let count = out.filter((p) => p.cityCode === city.code).length
    for (const county of byWeight) {
      if (count >= wanted) break
      if (used.has(county.code)) continue
      const u = rng.next()
      const [kind, level]: [string, PlannedPark['level']] =
        u < 0.55 ? ['经济开发区', 'provincial'] : u < 0.8 ? ['高新技术产业开发区', 'provincial'] : u < 0.92 ? ['工业园区', 'provincial'] : ['工业集中区', 'other']
      if (add(county, kind, level)) count++
    }
    // A prefecture with a single county (东莞市 has none of its own) still gets its two zones.
    for (const kind of ['高新技术产业开发区', '工业园区', '经济开发区']) {
      const county = byWeight[0]
      if (count >= 2 || !county) break
      if (add(county, kind, 'provincial')) count++
    }
  })
  return out
}

export const parksStep: DemoStep = {
  id: 'parks',
  title: '生成开发区（园区）',
  dependsOn: ['reference'],
  async run(ctx) {
    const geo = need(ctx, 'geography')
    const taken = ctx.addingToExistingData ? new Set((await ctx.tx.select({ name: parks.name }).from(parks)).map((r) => r.name)) : new Set<string>()
    const planned = planParks(geo, ctx.rng, taken)
    const rows = await bulkInsert<{ id: number; name: string }>(
      ctx.tx,
      parks,
      [
        { column: parks.name, values: planned.map((p) => p.name) },
        { column: parks.countyCode, values: planned.map((p) => p.countyCode) },
        { column: parks.level, values: planned.map((p) => p.level) },
        { column: parks.kind, values: planned.map((p) => p.kind) },
        { column: parks.areaKm2, values: planned.map((p) => p.areaKm2) },
      ],
      { returning: [parks.id, parks.name] },
    )
    const idByName = new Map(rows.map((r) => [r.name, Number(r.id)]))
    ctx.state.parks = planned.map(({ areaKm2: _area, ...p }) => ({ ...p, id: idByName.get(p.name) ?? 0 }))
    ctx.progress(planned.length, planned.length)
    return { parks: planned.length, national: planned.filter((p) => p.level === 'national').length }
  },
}
