/**
 * GB/T 4754-2017 codes: section letter (门类) → 2-digit division (大类) → 3-digit group (中类) → 4-digit class (小类).
 * We store bare digits ('39', '391', '3911') because the digits alone determine the section; forms with the section
 * letter in front ('C3911'), as printed in statistical tables, are accepted on input.
 */
import { msg, type Msg } from '../msg.ts'
import { divisions } from './divisions.ts'
import { groups } from './groups.ts'
import { isSectionLetter, sectionOfDivision, sections, type SectionLetter } from './sections.ts'

export type IndustryLevel = 1 | 2 | 3 | 4

export type IndustryEntry = {
  /** 'C' for a section, otherwise bare digits. */
  code: string
  name: string
  nameEn?: string
  level: IndustryLevel
  section: SectionLetter
  /** null for a section; a division's parent is its section letter. */
  parentCode: string | null
}

/** All entries we know: 20 sections, 97 divisions, and the partial group list. */
export const industries: readonly IndustryEntry[] = [
  ...sections.map((x): IndustryEntry => ({ code: x.code, name: x.name, nameEn: x.nameEn, level: 1, section: x.code, parentCode: null })),
  ...divisions.flatMap((d): IndustryEntry[] => {
    const section = sectionOfDivision(Number(d.code))
    return section === null ? [] : [{ code: d.code, name: d.name, nameEn: d.nameEn, level: 2, section, parentCode: section }]
  }),
  ...groups.flatMap((g): IndustryEntry[] => {
    const section = sectionOfDivision(Number(g.code.slice(0, 2)))
    return section === null ? [] : [{ code: g.code, name: g.name, level: 3, section, parentCode: g.code.slice(0, 2) }]
  }),
]

/** The same list under the name the server's reference loader uses. */
export const industryCatalog: readonly IndustryEntry[] = industries

export const industryIndex: ReadonlyMap<string, IndustryEntry> = new Map(industries.map((e) => [e.code, e]))

type ParsedIndustryCode = { code: string; level: IndustryLevel; section: SectionLetter; division: string | null }

/** Strict parse of 'C', '39', '391', '3911', 'C39', 'C3911' (upper case, no spaces); null if malformed or inconsistent. */
function parse(code: string): ParsedIndustryCode | null {
  const m = /^([A-T])?(\d{2}|\d{3}|\d{4})?$/.exec(code)
  if (m === null || code === '') return null
  const letter = m[1]
  const digits = m[2]
  if (digits === undefined) {
    return letter !== undefined && isSectionLetter(letter) ? { code: letter, level: 1, section: letter, division: null } : null
  }
  const division = digits.slice(0, 2)
  const section = sectionOfDivision(Number(division))
  if (section === null || (letter !== undefined && letter !== section)) return null
  const level: IndustryLevel = digits.length === 2 ? 2 : digits.length === 3 ? 3 : 4
  return { code: digits, level, section, division }
}

export function isValidIndustryCodeFormat(code: string): boolean {
  return parse(code) !== null
}

/** 'C3911' / '3911' / '39' / 'C' → 'C'; null if malformed. */
export function sectionOf(code: string): SectionLetter | null {
  return parse(code)?.section ?? null
}

/** The 2-digit division ('3911' → '39'); null for a bare section or a malformed code. */
export function divisionOf(code: string): string | null {
  return parse(code)?.division ?? null
}

/**
 * Whether a code is in 工业 (industry): sections B + C + D = divisions 06–46, the NBS「41个工业大类」(7 + 31 + 3;
 * docs policy-rules §7, HIGH). Note that 11 and 43 count as 第三产业 in the 三次产业 split but ARE in 工业 statistics.
 */
export function isIndustrial(code: string): boolean {
  const section = sectionOf(code)
  return section === 'B' || section === 'C' || section === 'D'
}

export type IndustryCodeInfo = {
  input: string
  /** Canonical form: section letter for level 1, bare digits otherwise; null if the input could not be read. */
  code: string | null
  valid: boolean
  level: IndustryLevel | null
  section: SectionLetter | null
  division: string | null
  industrial: boolean
  entry: IndustryEntry | null
  errors: Msg[]
  warnings: Msg[]
}

/**
 * Reads an industry code as typed or imported, with bilingual errors and warnings. `known` is the catalogue to look
 * names up in (default: ours; the server can pass a fuller table with 小类). A well-formed group or class missing from
 * the catalogue is a warning, not an error, because our 中类 list is partial and we have no 小类 list.
 */
export function industryCodeInfo(input: string, known: ReadonlyMap<string, IndustryEntry> = industryIndex): IndustryCodeInfo {
  const warnings: Msg[] = []
  const errors: Msg[] = []
  const cleaned = input.replace(/\s/g, '')
  if (cleaned !== input) warnings.push(msg('normalizedWhitespace', '已删除空格', 'Removed spaces'))
  const upper = cleaned.toUpperCase()
  if (upper !== cleaned) warnings.push(msg('normalizedCase', '已将小写字母转换为大写', 'Converted lower-case letters to upper case'))

  const invalid = (): IndustryCodeInfo =>
    ({ input, code: null, valid: false, level: null, section: null, division: null, industrial: false, entry: null, errors, warnings })

  if (upper === '') {
    errors.push(msg('empty', '行业代码为空', 'The industry code is empty'))
    return invalid()
  }
  const m = /^([A-Z])?(\d*)$/.exec(upper)
  const digits = m?.[2] ?? ''
  if (m === null || (m[1] === undefined && digits === '') || digits.length === 1 || digits.length > 4) {
    errors.push(msg('invalidFormat', `行业代码“${input}”格式不正确：应为门类字母（A–T）或2–4位数字，如 C、39、391、3911、C3911`,
      `Industry code "${input}" is malformed: expected a section letter (A–T) or 2–4 digits, e.g. C, 39, 391, 3911, C3911`))
    return invalid()
  }
  const letter = m[1]
  if (letter !== undefined && !isSectionLetter(letter)) {
    errors.push(msg('unknownSection', `门类“${letter}”不存在（GB/T 4754-2017 门类为 A–T）`,
      `Section "${letter}" does not exist (GB/T 4754-2017 sections are A–T)`, { section: letter }))
    return invalid()
  }
  if (digits !== '') {
    const division = digits.slice(0, 2)
    const expected = sectionOfDivision(Number(division))
    if (expected === null) {
      errors.push(msg('unknownDivision', `大类“${division}”不存在（GB/T 4754-2017 大类为 01–97）`,
        `Division "${division}" does not exist (GB/T 4754-2017 divisions are 01–97)`, { division }))
      return invalid()
    }
    if (letter !== undefined && letter !== expected) {
      errors.push(msg('sectionMismatch', `门类“${letter}”与大类“${division}”不符：大类${division}属于门类${expected}`,
        `Section "${letter}" does not match division ${division}, which belongs to section ${expected}`,
        { section: letter, division, expected }))
      return invalid()
    }
  }

  const parsed = parse(upper)
  if (parsed === null) {
    // Every malformed shape was reported above; this keeps the types honest if the two parsers ever drift apart.
    errors.push(msg('invalidFormat', `行业代码“${input}”格式不正确`, `Industry code "${input}" is malformed`))
    return invalid()
  }
  const entry = known.get(parsed.code) ?? industryIndex.get(parsed.code) ?? null
  if (entry === null) {
    warnings.push(msg('notInReferenceList', `行业代码“${parsed.code}”格式正确，但不在内置行业目录中（中类目录不完整，无小类目录），请核对名称`,
      `Industry code "${parsed.code}" is well-formed but not in the built-in catalogue (partial groups, no classes); check its name`,
      { code: parsed.code }))
  }
  return {
    input, code: parsed.code, valid: true, level: parsed.level, section: parsed.section, division: parsed.division,
    industrial: isIndustrial(parsed.code), entry, errors, warnings,
  }
}
