/**
 * Finding a region (any level, anywhere in China) by the name a statistics table gives it. Tables write
 * 湖南省 or 湖南, 长沙市 or 长沙, sometimes 湖南省长沙市; county names repeat across the country (朝阳区 is in
 * 北京 and in 长春), so a bare county name may be ambiguous: then the answer names the candidates, and a code
 * or a qualified name (吉林省长春市朝阳区) settles it. Pure: the caller passes the division rows.
 */
import { msg, type Msg } from '../msg.ts'
import { divisionCodeOfScopePrefix, scopePrefixOf } from '../regions/divisionCode.ts'
import { provinceByCode } from '../regions/provinces.ts'

export interface RegionRow {
  code: string
  name: string
  level: number
  parentCode: string | null
}

export type RegionResolution = { ok: true; code: string } | { ok: false; error: Msg }

/**
 * Ethnic names before 自治州 (longest first, so that 土家族 wins over 土族): 湘西土家族苗族自治州 → 湘西, 湘西州.
 * A prefecture's short name is its name without 市 / 地区 / 盟, or without its ethnic names and 自治州.
 */
const ETHNIC = [
  '柯尔克孜族', '柯尔克孜', '哈萨克族', '哈萨克', '维吾尔族', '达斡尔族', '鄂温克族', '鄂伦春族', '塔吉克族', '布依族',
  '仡佬族', '纳西族', '傈僳族', '景颇族', '拉祜族', '哈尼族', '土家族', '朝鲜族', '蒙古族', '毛南族', '仫佬族', '撒拉族',
  '保安族', '东乡族', '裕固族', '锡伯族', '普米族', '独龙族', '阿昌族', '蒙古', '苗族', '侗族', '瑶族', '壮族', '回族',
  '彝族', '藏族', '白族', '傣族', '满族', '黎族', '畲族', '羌族', '水族', '佤族', '土族', '怒族', '京族', '各族', '回',
]
const AUTONOMOUS_PREFECTURE = new RegExp(`(?:${ETHNIC.join('|')})+自治州$`)

/** Prefectures the division table synthesises to give every county a parent: they have no name of their own. */
const isPlaceholder = (r: RegionRow) => r.level === 2 && /(市辖区|市县|直辖县级行政区划|未列名地级区划)$/.test(r.name)

/** How a name is compared: full-width folded, spaces and separators gone. */
export const regionNameKey = (s: string) => s.normalize('NFKC').replace(/[\s/\\·・.,，、|_-]+/g, '')

/** The short forms of a name, by level: 湖南省 → 湖南; 长沙市 → 长沙; 湘西土家族苗族自治州 → 湘西, 湘西州; 浏阳市 → 浏阳. */
function shortNames(r: RegionRow): string[] {
  if (r.level === 1) {
    const p = provinceByCode(r.code)
    return p && p.shortName !== r.name ? [p.shortName] : []
  }
  if (isPlaceholder(r)) return []
  const out: string[] = []
  const autonomous = r.name.replace(AUTONOMOUS_PREFECTURE, '')
  if (autonomous !== r.name && autonomous.length >= 2) out.push(autonomous, `${autonomous}州`)
  const stem = r.name.replace(r.level === 2 ? /(?:市|地区|盟)$/ : /(?:市|县|区|旗)$/, '')
  if (stem !== r.name && stem.length >= 2) out.push(stem)
  return out
}

interface Match {
  row: RegionRow
  /** 0 the full name, 1 a short form */
  short: 0 | 1
}

export interface RegionResolver {
  /** A region by its name, short name or qualified name (湖南省长沙市浏阳市, 湖南/长沙). */
  byName(name: string): RegionResolution
  /** A region by its code: 6 digits, or a 2- or 4-digit prefix ('43' → 430000). */
  byCode(code: string): RegionResolution
  /** The full name from the province down, without synthesised prefectures: 湖南省长沙市浏阳市. */
  fullName(code: string): string
  row(code: string): RegionRow | null
}

export function createRegionResolver(rows: readonly RegionRow[]): RegionResolver {
  const byCodeMap = new Map(rows.map((r) => [r.code, r]))
  const index = new Map<string, Match[]>()
  const add = (key: string, m: Match) => {
    const k = regionNameKey(key)
    if (!k) return
    const list = index.get(k) ?? []
    if (!list.some((x) => x.row.code === m.row.code)) list.push(m)
    index.set(k, list)
  }
  for (const r of rows) add(r.name, { row: r, short: 0 })
  for (const r of rows) for (const s of shortNames(r)) add(s, { row: r, short: 1 })

  const fullName = (code: string): string => {
    const parts: string[] = []
    for (let r = byCodeMap.get(code); r; r = r.parentCode ? byCodeMap.get(r.parentCode) : undefined) {
      if (!isPlaceholder(r)) parts.unshift(r.name)
    }
    return parts.join('') || code
  }
  const within = (inner: RegionRow, outer: RegionRow) => {
    const prefix = scopePrefixOf(outer.code)
    return inner.level > outer.level && prefix !== null && inner.code.startsWith(prefix)
  }

  /**
   * The best candidates among matches: full names before short forms; among those, when one candidate contains
   * all the others (北京市 and its 北京市市辖区), the outermost; otherwise the highest level wins only for short
   * forms (吉林 is the province, not 吉林市), and full names of the same rank stay ambiguous (朝阳区).
   */
  function best(matches: readonly Match[]): RegionRow[] {
    if (matches.length <= 1) return matches.map((m) => m.row)
    const full = matches.filter((m) => m.short === 0)
    const pool = (full.length ? full : matches).map((m) => m.row)
    const outer = pool.filter((r) => pool.every((o) => o === r || within(o, r)))
    if (outer.length === 1) return outer
    if (full.length === 0) {
      const top = Math.min(...pool.map((r) => r.level))
      return pool.filter((r) => r.level === top)
    }
    return pool
  }

  /** Every row a key can mean, qualified names included (memoised per call). */
  function candidates(key: string, memo: Map<string, RegionRow[]>): RegionRow[] {
    const hit = memo.get(key)
    if (hit) return hit
    memo.set(key, [])
    const direct = index.get(key) ?? []
    let out = best(direct)
    if (out.length !== 1) {
      // a qualified name: an ancestor's name followed by the region's own
      const found = new Map<string, Match>()
      for (let i = 2; i <= key.length - 2; i++) {
        const tail = index.get(key.slice(i))
        if (!tail) continue
        const heads = candidates(key.slice(0, i), memo)
        if (!heads.length) continue
        for (const m of tail) if (heads.some((h) => within(m.row, h))) found.set(m.row.code, m)
      }
      const qualified = best([...found.values()])
      if (qualified.length === 1 || (out.length === 0 && qualified.length > 0)) out = qualified
    }
    memo.set(key, out)
    return out
  }

  return {
    byName(name) {
      const shown = name.trim()
      const key = regionNameKey(shown)
      const found = key ? candidates(key, new Map()) : []
      if (found.length === 1 && found[0]) return { ok: true, code: found[0].code }
      if (found.length === 0) {
        return { ok: false, error: msg('regionUnknown', `地区名称“${shown}”不在行政区划表中；请核对名称，或填写地区代码`, `region name "${shown}" is not in the division table; check it, or give the region code`, { value: shown }) }
      }
      const list = found.slice(0, 8).map((r) => `${fullName(r.code)}（${r.code}）`)
      const listEn = found.slice(0, 8).map((r) => `${fullName(r.code)} (${r.code})`)
      const more = found.length > 8 ? { zh: ` 等 ${found.length} 处`, en: ` and ${found.length - 8} more` } : { zh: '', en: '' }
      return {
        ok: false,
        error: msg(
          'regionAmbiguous',
          `地区名称“${shown}”有 ${found.length} 个同名地区：${list.join('、')}${more.zh}；请填写地区代码，或写出上级地区（如“${fullName(found[0]?.code ?? '')}”）`,
          `region name "${shown}" matches ${found.length} regions: ${listEn.join(', ')}${more.en}; give the region code, or qualify the name (e.g. "${fullName(found[0]?.code ?? '')}")`,
          { value: shown, candidates: found.map((r) => r.code).join(',') },
        ),
      }
    },
    byCode(code) {
      const shown = code.trim()
      const c = shown.normalize('NFKC').replace(/\s+/g, '')
      const six = /^\d{6}$/.test(c) ? c : /^\d{2}$|^\d{4}$/.test(c) ? divisionCodeOfScopePrefix(c) : null
      if (six && byCodeMap.has(six)) return { ok: true, code: six }
      if (!/^\d{2}$|^\d{4}$|^\d{6}$/.test(c)) {
        return { ok: false, error: msg('regionCodeMalformed', `地区代码“${shown}”应为 6 位行政区划代码（如 430000、430100、430181）`, `region code "${shown}" must be a 6-digit division code (e.g. 430000, 430100, 430181)`, { value: shown }) }
      }
      return { ok: false, error: msg('regionCodeUnknown', `地区代码“${shown}”不在行政区划表中`, `region code "${shown}" is not in the division table`, { value: shown }) }
    },
    fullName,
    row: (code) => byCodeMap.get(code) ?? null,
  }
}
