/**
 * GB/T 2260 行政区划代码: 6 digits, positions 1–2 province, 3–4 prefecture, 5–6 county (docs policy-rules §6).
 * Scopes are written as prefixes ('43', '4301', '430102') because "everything in 长沙" is then a string prefix test,
 * which the database can index.
 */
import { provinceByCode } from './provinces.ts'

export type DivisionLevel = 1 | 2 | 3

/**
 * Six digits, a known province, and no county part under a '00' prefecture part (4300xx is not a code).
 * NBS statistics-only x7x codes pass this check; use isStatisticsOnlyCode to tell them apart.
 */
export function isValidDivisionCodeFormat(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false
  if (provinceByCode(code.slice(0, 2)) === null) return false
  return !(code.slice(2, 4) === '00' && code.slice(4) !== '00')
}

/** 1 province (xx0000), 2 prefecture (xxxx00), 3 county; null if the code is malformed. */
export function divisionLevel(code: string): DivisionLevel | null {
  if (!isValidDivisionCodeFormat(code)) return null
  if (code.endsWith('0000')) return 1
  if (code.endsWith('00')) return 2
  return 3
}

/** The code one level up (430102 → 430100 → 430000 → null); null for a province or a malformed code. */
export function parentCode(code: string): string | null {
  const level = divisionLevel(code)
  if (level === 3) return `${code.slice(0, 4)}00`
  if (level === 2) return `${code.slice(0, 2)}0000`
  return null
}

/** The province a code lies in, as a 6-digit code; null if malformed. */
export function provinceCodeOf(code: string): string | null {
  return isValidDivisionCodeFormat(code) ? `${code.slice(0, 2)}0000` : null
}

/** '430000' → '43', '430100' → '4301', '430102' → '430102'; null if malformed. */
export function scopePrefixOf(code: string): string | null {
  const level = divisionLevel(code)
  if (level === null) return null
  return code.slice(0, level * 2)
}

/** Inverse of scopePrefixOf: '43' → '430000', '4301' → '430100'; null for '' (whole country) or a non-canonical prefix. */
export function divisionCodeOfScopePrefix(prefix: string): string | null {
  if (prefix.length !== 2 && prefix.length !== 4 && prefix.length !== 6) return null
  const code = prefix.padEnd(6, '0')
  return scopePrefixOf(code) === prefix ? code : null
}

/**
 * '' (whole country) or the canonical prefix of a valid division. '4300' and '430100' are rejected: they would match
 * only the province or prefecture row itself, never its children, which is never what a scope means.
 */
export function isValidScopePrefix(prefix: string): boolean {
  return prefix === '' || divisionCodeOfScopePrefix(prefix) !== null
}

/** Whether a division lies within a scope prefix ('' = whole country). False for malformed input on either side. */
export function isWithinScope(scopePrefix: string, code: string): boolean {
  return isValidScopePrefix(scopePrefix) && isValidDivisionCodeFormat(code) && code.startsWith(scopePrefix)
}

/**
 * NBS 统计用区划代码 adds county-part 71–79 codes for development zones and management areas (e.g. 430371 湘潭高新区,
 * 430671 屈原管理区). They are not GB/T 2260 codes, so they must not become divisions of their own.
 */
export function isStatisticsOnlyCode(code: string): boolean {
  if (divisionLevel(code) !== 3) return false
  const county = Number(code.slice(4))
  return county >= 71 && county <= 79
}
