/**
 * Plans the demo's enterprises in memory (no IO): where they are, what they make, how big they are, what
 * they are called, their codes and their above-scale history. The step only inserts what this returns.
 */
import { divisionProfiles, exportFactor, groupWords, hiTechFactor, ownershipShares, sectionWords, type DivisionProfile } from '../data/industries.ts'
import { provinceProfiles } from '../data/provinces.ts'
import { apportion, sampler, type Rng, type Sampler } from '../rng.ts'
import type { DemoCity, DemoCounty, DemoEnterprise, DemoGeography, DemoIndustryCatalog, DemoOptions, DemoPark } from '../types.ts'
import { NameMaker, UsccMaker } from './identity.ts'
import { ABOVE_SCALE_LINE, drawEmployees, drawFoundedOn, drawRevenue, extendRevenuePath, revenuePath, scaleHistory } from './revenue.ts'

export type PlannedEnterprise = Omit<DemoEnterprise, 'id'>

export interface EnterprisePlanInput {
  geography: DemoGeography
  industries: DemoIndustryCatalog
  parks: readonly DemoPark[]
  options: Pick<DemoOptions, 'province' | 'enterprises' | 'year'>
  rng: Rng
  /** codes and names already in the database, to be avoided (only when adding to existing data) */
  takenUsccs?: ReadonlySet<string>
  takenNames?: Iterable<string>
}

/** Share of the generated enterprises that are above-scale in the latest year (the rest is the pipeline). */
export const ABOVE_SCALE_SHARE = 0.83
/** Share of enterprises inside a park, when parks cover enough of the province's counties. */
export const PARK_SHARE = 0.55
/**
 * Above-scale histories cover the latest 5 years (the five years of monthly reports); one more year of revenue
 * is drawn so that the first one has a reason too, and so that the first year's reports have a prior-year base.
 */
export const HISTORY_YEARS = 5
/**
 * The latest years of the revenue path are drawn from the attributes' stream, as when the history covered three
 * years; the older ones from a stream of their own, so that lengthening the history changed no enterprise.
 */
const RECENT_PATH_YEARS = 4

const DEFAULT_PROFILE: DivisionProfile = { weight: 0.3, scale: 1, productivity: 80, words: [] }
const profileOf = (division: string) => divisionProfiles[division] ?? DEFAULT_PROFILE

/** Enterprises per county: cities by weight (each at least its number of counties), counties by weight (each ≥ 1). */
export function countyQuotas(geo: DemoGeography, total: number): { county: DemoCounty; city: DemoCity; count: number }[] {
  const countyTotal = geo.cities.reduce((n, c) => n + c.counties.length, 0)
  const cityCounts = total >= countyTotal
    ? apportionWithFloor(total, geo.cities.map((c) => c.weight), geo.cities.map((c) => c.counties.length))
    : apportion(total, geo.cities.map((c) => c.weight))
  return geo.cities.flatMap((city, i) => {
    const n = cityCounts[i] ?? 0
    const perCounty = apportion(n, city.counties.map((k) => k.weight), 1)
    return city.counties.map((county, j) => ({ county, city, count: perCounty[j] ?? 0 }))
  })
}

/** apportion with a floor per part (total ≥ Σ floors): parts whose share falls short take their floor, the rest share the remainder. */
function apportionWithFloor(total: number, weights: readonly number[], floors: readonly number[]): number[] {
  const fixed = weights.map(() => false)
  for (;;) {
    const free = total - floors.reduce((a, f, i) => a + (fixed[i] ? f : 0), 0)
    if (fixed.every(Boolean)) return apportion(free, weights).map((n, i) => n + (floors[i] ?? 0))
    const shares = apportion(free, weights.map((w, i) => (fixed[i] ? 0 : w)))
    const short = shares.map((n, i) => !fixed[i] && n < (floors[i] ?? 0))
    if (!short.some(Boolean)) return shares.map((n, i) => (fixed[i] ? (floors[i] ?? 0) : n))
    short.forEach((s, i) => {
      if (s) fixed[i] = true
    })
  }
}

/** The division mix of each city: base weights × the city's specialisation, or × a seeded spread. */
function industrySamplers(geo: DemoGeography, catalog: DemoIndustryCatalog, rng: Rng): Map<string, Sampler<DemoIndustryCatalog['divisions'][number]>> {
  const profile = provinceProfiles[geo.province.prefix]
  const spread = profile ? 0.2 : 0.4
  const out = new Map<string, Sampler<DemoIndustryCatalog['divisions'][number]>>()
  for (const city of geo.cities) {
    const spec = profile?.specialisations[city.code] ?? {}
    // The spread varies what a city is not known for; its specialisations are deliberate and kept exact.
    const weights = catalog.divisions.map((d) => {
      const noise = rng.lognormal(1, spread)
      const factor = spec[d.code]
      return profileOf(d.code).weight * (factor ?? noise)
    })
    out.set(city.code, sampler(catalog.divisions, weights))
  }
  return out
}

function parksByCounty(parks: readonly DemoPark[]): Map<string, { parks: DemoPark[]; weights: number[] }> {
  const out = new Map<string, { parks: DemoPark[]; weights: number[] }>()
  for (const p of parks) {
    const entry = out.get(p.countyCode) ?? { parks: [], weights: [] }
    entry.parks.push(p)
    entry.weights.push(p.level === 'national' ? 3 : p.level === 'provincial' ? 2 : 1)
    out.set(p.countyCode, entry)
  }
  return out
}

export function planEnterprises(input: EnterprisePlanInput): PlannedEnterprise[] {
  const { geography: geo, industries: catalog, options, rng } = input
  const year = options.year
  const mixRng = rng.fork('mix')
  const samplers = industrySamplers(geo, catalog, mixRng)
  const quotas = countyQuotas(geo, options.enterprises)
  const inPark = parksByCounty(input.parks)
  const covered = quotas.reduce((n, q) => n + (inPark.has(q.county.code) ? q.count : 0), 0)
  // Enterprises in a county with a park join one with this probability, so that ≈ PARK_SHARE of all are in parks.
  const parkChance = covered > 0 ? Math.min(0.95, (PARK_SHARE * options.enterprises) / covered) : 0
  const ownership = sampler(ownershipShares.map(([o]) => o), ownershipShares.map(([, w]) => w))
  const names = new NameMaker(input.takenNames)
  const usccs = new UsccMaker(input.takenUsccs)
  const attr = rng.fork('attributes')
  const naming = rng.fork('names')
  const codes = rng.fork('uscc')
  const older = rng.fork('older-history')

  const out: PlannedEnterprise[] = []
  for (const { county, city, count } of quotas) {
    const mix = samplers.get(city.code)
    if (!mix) continue
    const parkEntry = inPark.get(county.code)
    for (let i = 0; i < count; i++) {
      const division = mix.draw(attr)
      const profile = profileOf(division.code)
      const finer = catalog.finer.get(division.code) ?? []
      const industryCode = finer.length && attr.chance(0.7) ? attr.pick(finer) : division.code

      const above = attr.chance(ABOVE_SCALE_SHARE)
      const revenue = drawRevenue(attr, profile.scale, above, Math.sqrt(city.weight * geo.cities.length))
      const foundedOn = drawFoundedOn(attr, revenue, year)
      const foundedYear = Number(foundedOn.slice(0, 4))
      const recent = revenuePath(attr, revenue, foundedYear, year, RECENT_PATH_YEARS)
      const path = extendRevenuePath(older, recent, foundedYear, year, HISTORY_YEARS + 1)
      const history = scaleHistory(path, foundedYear, year)
      const employees = drawEmployees(attr, revenue, profile.productivity)
      const owner = ownership.draw(attr)
      const parkId = parkEntry && attr.chance(parkChance) ? attr.weighted(parkEntry.parks, parkEntry.weights).id : null

      const tags: string[] = []
      const hiTech = (above ? 0.22 : 0.06) * (hiTechFactor[division.code] ?? 0.6)
      if (attr.chance(Math.min(0.8, hiTech))) tags.push('高新技术企业')
      const exporter = (owner === '外商投资企业' || owner === '港澳台商投资企业' ? 0.45 : 0.08) * (exportFactor[division.code] ?? 1)
      if (attr.chance(Math.min(0.8, exporter))) tags.push('出口企业')

      const words = groupWords[industryCode.slice(0, 3)] ?? (profile.words.length ? profile.words : sectionWords[division.section])
      const name = names.make(naming, {
        city: city.shortName,
        county: county.kind === 'county' || county.kind === 'countyCity' ? county.shortName : null,
        province: geo.province.shortName,
        words,
        ownership: owner,
        revenue,
      })
      // Registered mostly by the county's bureau, some by the city's or (large firms) the province's.
      const u = codes.next()
      const registeredAt = u < 0.7 ? county.code : u < 0.95 || revenue < 100_000 ? `${city.code.slice(0, 4)}00` : `${geo.province.prefix}0000`
      const uscc = usccs.make(codes, registeredAt, foundedYear >= 2016)

      out.push({
        uscc,
        name,
        countyCode: county.code,
        cityCode: city.code,
        parkId,
        industryCode,
        industryDivision: division.code,
        section: division.section,
        foundedOn,
        ownership: owner,
        tags,
        revenueByYear: path.slice(-3),
        revenueHistory: path,
        revenue,
        employees,
        aboveScale: revenue >= ABOVE_SCALE_LINE,
        scaleHistory: history,
      })
    }
  }
  // Interleave places and sizes, so that ids (insertion order) do not follow the map.
  return rng.fork('order').shuffle(out)
}
