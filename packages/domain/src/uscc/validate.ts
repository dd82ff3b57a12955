import { msg, type Msg } from '../msg.ts'
import { computeOrgCodeCheck, computeUsccCheck, isUsccChar, USCC_EXCLUDED_LETTERS } from './checksum.ts'
import { usccCategoryOf, usccDepartmentOf } from './departments.ts'
import { normalizeUscc } from './normalize.ts'

export type UsccParts = {
  registeringDepartment: { code: string; name: string; nameEn: string }
  category: { code: string; name: string; nameEn: string }
  /**
   * Positions 3–8: the GB/T 2260 code of the registering authority when the code was issued. A USCC never changes,
   * so this is NOT the enterprise's current location (it may have moved, or the division may have been renamed).
   */
  divisionCode: string
  /** Positions 9–17: the GB 11714 组织机构代码 (8-character body + its check). */
  organizationCode: string
  checkCharacter: string
}

export type UsccValidation = {
  /** The normalised code (what should be stored if valid). */
  code: string
  valid: boolean
  warnings: Msg[]
  errors: Msg[]
  parts: UsccParts | null
}

/**
 * Early pilot codes that are legally issued but fail the checks. Source: aarioai/id-rule `chinese_org_id.go`
 * (comment "由于早期部分试点地区推行…较早，会存在部分代码不符合国家标准的情况。但它们都是合法的代码"), which lists exactly
 * these three Fujian enterprises. Add a code here only after checking it against the national enterprise credit
 * information publicity system (国家企业信用信息公示系统).
 */
export const USCC_PILOT_WHITELIST: ReadonlySet<string> = new Set([
  '91350100M0001TGQXM', // 福建恒跃柳工机械销售有限公司
  '91350211M0000XUF46', // 厦门云上晴空航空科技有限公司
  '91350203M0001FUE2P', // 厦门黑脉网络科技有限公司
])

/**
 * Whether a code belongs to the Fujian/Xiamen pilot series, so that a failed check is a warning, not an error.
 * Rule, kept narrow so that typing errors elsewhere are still rejected: on the whitelist, or
 * department '9' (工商) AND division code in Fujian (positions 3–4 = '35') AND positions 9–12 = 'M000'.
 * All three examples in the source above share this shape; SAMR-era codes use 'MA' at positions 9–10 instead.
 */
export function isPilotUscc(code: string): boolean {
  if (USCC_PILOT_WHITELIST.has(code)) return true
  return code.length === 18 && code.charAt(0) === '9' && code.slice(2, 4) === '35' && code.slice(8, 12) === 'M000'
}

/** Structural parse of an 18-character code (normalised first). Returns null unless department and category are known and positions 3–8 are digits; checks are not verified here. */
export function parseUscc(input: string): UsccParts | null {
  const { code } = normalizeUscc(input)
  if (code.length !== 18) return null
  const dept = usccDepartmentOf(code.charAt(0))
  const cat = usccCategoryOf(code.charAt(0), code.charAt(1))
  const divisionCode = code.slice(2, 8)
  if (dept === null || cat === null || !/^\d{6}$/.test(divisionCode)) return null
  return {
    registeringDepartment: { code: dept.code, name: dept.name, nameEn: dept.nameEn },
    category: { code: code.charAt(1), name: cat.name, nameEn: cat.nameEn },
    divisionCode,
    organizationCode: code.slice(8, 17),
    checkCharacter: code.charAt(17),
  }
}

function invalidCharacterMsg(ch: string, position: number): Msg {
  const excluded = USCC_EXCLUDED_LETTERS.includes(ch)
  return msg(
    'invalidCharacter',
    excluded
      ? `第${position}位字符“${ch}”无效：统一社会信用代码不使用字母 I、O、S、V、Z`
      : `第${position}位字符“${ch}”无效：只能使用数字和除 I、O、S、V、Z 以外的大写字母`,
    excluded
      ? `Character "${ch}" at position ${position} is invalid: the letters I, O, S, V and Z are never used in a USCC`
      : `Character "${ch}" at position ${position} is invalid: only digits and upper-case letters except I, O, S, V, Z are allowed`,
    { position, char: ch },
  )
}

/** Checks that need a well-formed 18-character code: department, category, division digits, both check characters. */
function structuralErrors(code: string): Msg[] {
  const errors: Msg[] = []
  const deptChar = code.charAt(0)
  const catChar = code.charAt(1)
  const dept = usccDepartmentOf(deptChar)
  if (dept === null) {
    errors.push(msg('unknownDepartment', `第1位登记管理部门代码“${deptChar}”不存在`,
      `Unknown registering department "${deptChar}" at position 1`, { position: 1, char: deptChar }))
  } else if (usccCategoryOf(deptChar, catChar) === null) {
    const allowed = Object.keys(dept.categories).join('、')
    errors.push(msg('unknownCategory', `第2位机构类别代码“${catChar}”不适用于登记管理部门“${dept.name}”（可用：${allowed}）`,
      `Category "${catChar}" at position 2 does not exist for registering department ${deptChar} (${dept.nameEn}); allowed: ${allowed}`,
      { position: 2, char: catChar, department: deptChar }))
  }
  const division = code.slice(2, 8)
  if (!/^\d{6}$/.test(division)) {
    errors.push(msg('invalidDivisionCode', `第3–8位登记管理机关行政区划码“${division}”应为6位数字`,
      `Positions 3–8 must be a 6-digit division code, found "${division}"`, { division }))
  }
  const orgExpected = computeOrgCodeCheck(code.slice(8, 16))
  const orgFound = code.charAt(16)
  if (orgExpected !== orgFound) {
    errors.push(msg('orgCodeCheck', `第17位组织机构代码校验码应为“${orgExpected}”，实际为“${orgFound}”`,
      `Organization-code check (position 17) should be "${orgExpected}", found "${orgFound}"`,
      { position: 17, expected: orgExpected, found: orgFound }))
  }
  const expected = computeUsccCheck(code.slice(0, 17))
  const found = code.charAt(17)
  if (expected !== found) {
    errors.push(msg('checkCharacter', `第18位校验码应为“${expected}”，实际为“${found}”`,
      `Check character (position 18) should be "${expected}", found "${found}"`, { position: 18, expected, found }))
  }
  return errors
}

const CHECK_ERRORS = new Set(['orgCodeCheck', 'checkCharacter'])

export function validateUscc(input: string): UsccValidation {
  const { code, warnings } = normalizeUscc(input)
  const errors: Msg[] = []
  // Code points, not UTF-16 units, so that a pasted Chinese character or emoji counts as one position.
  const chars = Array.from(code)

  if (chars.length === 0) {
    errors.push(msg('empty', '统一社会信用代码为空', 'The unified social credit code is empty'))
    return { code, valid: false, warnings, errors, parts: null }
  }
  if (chars.length !== 18) {
    errors.push(msg('length', `统一社会信用代码应为18位，实际为${chars.length}位`,
      `A unified social credit code has 18 characters, found ${chars.length}`, { length: chars.length }))
  }
  chars.forEach((ch, i) => {
    if (!isUsccChar(ch)) errors.push(invalidCharacterMsg(ch, i + 1))
  })
  // Positions only mean something in an 18-character code of valid characters; otherwise stop at the errors above.
  if (errors.length > 0) return { code, valid: false, warnings, errors, parts: null }

  errors.push(...structuralErrors(code))
  const parts = parseUscc(code)

  if (errors.length > 0 && errors.every((e) => CHECK_ERRORS.has(e.code)) && isPilotUscc(code)) {
    // Legally issued before the standard was final: accept, but keep the failed checks visible as warnings.
    warnings.push(msg('pilotCode', '该代码属于早期试点地区（福建/厦门 M000 系列）签发的代码，未通过校验但为合法代码，已接受',
      'Early pilot-region code (Fujian/Xiamen M000 series): it fails the check but was legally issued, so it is accepted'))
    warnings.push(...errors)
    return { code, valid: true, warnings, errors: [], parts }
  }
  return { code, valid: errors.length === 0, warnings, errors, parts }
}
