/**
 * GB/T 2260 division codes, as the web app needs them: 6 digits, province `43xxxx` → city `4301xx` →
 * county `430102`. A user's scope is a code prefix ('43', '4301', '430102'; '' for the whole country).
 */
export type RegionLevel = 1 | 2 | 3

export function levelOfCode(code: string): RegionLevel {
  if (code.endsWith('0000')) return 1
  if (code.endsWith('00')) return 2
  return 3
}

/** The scope prefix that a region stands for: '430000' → '43', '430100' → '4301', '430102' → '430102'. */
export function prefixOfCode(code: string): string {
  const level = levelOfCode(code)
  return level === 1 ? code.slice(0, 2) : level === 2 ? code.slice(0, 4) : code
}

/** The region code of a scope prefix, or null for the whole country or a malformed prefix. */
export function codeOfPrefix(prefix: string | null | undefined): string | null {
  if (!prefix || !/^\d+$/.test(prefix) || ![2, 4, 6].includes(prefix.length)) return null
  return prefix.padEnd(6, '0')
}

/** The codes from the province down to the region itself: '430102' → ['430000', '430100', '430102']. */
export function pathOfCode(code: string): string[] {
  const level = levelOfCode(code)
  const path = [`${code.slice(0, 2)}0000`]
  if (level >= 2) path.push(`${code.slice(0, 4)}00`)
  if (level === 3) path.push(code)
  return path
}

/** True when `code` lies inside `ancestor` (or is it). */
export function isWithin(code: string, ancestor: string): boolean {
  return code.startsWith(prefixOfCode(ancestor))
}
