import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeOrgCodeCheck,
  computeUsccCheck,
  isPilotUscc,
  makeUscc,
  normalizeUscc,
  parseUscc,
  USCC_ALPHABET,
  USCC_PILOT_WHITELIST,
  USCC_WEIGHTS,
  usccDepartments,
  validateUscc,
} from './index.ts'

const XIAOMI = '91110108551385082Q'
// Listed in policy-rules §5; the two 长沙 codes are synthetic but well-formed.
const VALID = [XIAOMI, '91110000600037341L', '914403001922038216', '91350200776049653A', '91430100MA4T00019U', '91430100MA4L3K2B7C']

const codesOf = (msgs: readonly { code: string }[]) => msgs.map((m) => m.code)
/** Appends the correct position-18 check, so a case isolates the one error it is about. */
const withCheck = (first17: string) => first17 + computeUsccCheck(first17)
const replaceAt = (s: string, index: number, ch: string) => s.slice(0, index) + ch + s.slice(index + 1)

describe('constants', () => {
  it('has the 31-character alphabet without I, O, S, V, Z', () => {
    expect(USCC_ALPHABET).toHaveLength(31)
    for (const ch of 'IOSVZ') expect(USCC_ALPHABET).not.toContain(ch)
  })
  it('has weights 3^(i-1) mod 31 as listed in the standard', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
  })
})

describe('worked example 91110108551385082Q (policy-rules §5)', () => {
  it('computes the check character Q (Σ = 999, 999 mod 31 = 7, 31 − 7 = 24)', () => {
    expect(computeUsccCheck(XIAOMI.slice(0, 17))).toBe('Q')
  })
  it('computes the org-code check 2 for body 55138508 (Σ = 185)', () => {
    expect(computeOrgCodeCheck('55138508')).toBe('2')
  })
  it('parses its parts', () => {
    expect(parseUscc(XIAOMI)).toEqual({
      registeringDepartment: { code: '9', name: '工商', nameEn: 'Market regulation (industry and commerce)' },
      category: { code: '1', name: '企业', nameEn: 'Enterprise' },
      divisionCode: '110108',
      organizationCode: '551385082',
      checkCharacter: 'Q',
    })
  })
})

describe('validateUscc accepts the known valid codes', () => {
  it.each(VALID)('%s', (code) => {
    expect(validateUscc(code)).toMatchObject({ code, valid: true, warnings: [], errors: [] })
  })
})

describe('computeOrgCodeCheck', () => {
  it.each([
    ['55138508', '2'],
    ['00000000', '0'], // Σ = 0 → 11 − 0 = 11 → '0'
    ['40000000', 'X'], // Σ = 12, 12 mod 11 = 1 → 10 → 'X'
    ['00100000', '2'], // Σ = 9 → 2
    ['J0000000', '9'], // GB 11714 value J = 19 (not the USCC value 18): 57 mod 11 = 2 → 9
  ])('%s → %s', (body, check) => {
    expect(computeOrgCodeCheck(body)).toBe(check)
  })
})

describe('normalizeUscc', () => {
  it.each([
    [XIAOMI, XIAOMI, []],
    ['91110108551385082q', XIAOMI, ['normalizedCase']],
    ['  91110108551385082Q\t', XIAOMI, ['normalizedWhitespace']],
    ['9111 0108 5513 8508 2Q', XIAOMI, ['normalizedWhitespace']],
    ['911101-085513850-82Q', XIAOMI, ['normalizedSeparator']],
    ['９１１１０１０８５５１３８５０８２Ｑ', XIAOMI, ['normalizedFullWidth']],
    ['９１１１０１０８５５１３８５０８２ｑ', XIAOMI, ['normalizedFullWidth', 'normalizedCase']],
    ['9111\u30000108551385082Q', XIAOMI, ['normalizedFullWidth', 'normalizedWhitespace']], // ideographic space
    ['\uFEFF91110108551385082Q\u200B', XIAOMI, ['normalizedWhitespace']], // zero-width marks from copy-paste
    ['9111－0108 5513 8508 2ｑ', XIAOMI, ['normalizedFullWidth', 'normalizedWhitespace', 'normalizedSeparator', 'normalizedCase']],
  ])('%j → %s %j', (input, code, warnings) => {
    const r = normalizeUscc(input)
    expect(r.code).toBe(code)
    expect(codesOf(r.warnings)).toEqual(warnings)
    for (const w of r.warnings) expect(w.zh.length > 0 && w.en.length > 0).toBe(true)
  })
})

describe('validateUscc errors', () => {
  it.each([
    ['empty', '', 'empty', /为空/],
    ['blank', '   ', 'empty', /为空/],
    ['17 characters', XIAOMI.slice(0, 17), 'length', /实际为17位/],
    ['19 characters', `${XIAOMI}1`, 'length', /实际为19位/],
    ['10 characters', '9111010855', 'length', /实际为10位/],
    ['I at position 5', replaceAt(XIAOMI, 4, 'I'), 'invalidCharacter', /第5位字符“I”.*I、O、S、V、Z/],
    ['O at position 9', replaceAt(XIAOMI, 8, 'O'), 'invalidCharacter', /第9位字符“O”/],
    ['S at position 10', replaceAt(XIAOMI, 9, 'S'), 'invalidCharacter', /第10位字符“S”/],
    ['V at position 18', replaceAt(XIAOMI, 17, 'V'), 'invalidCharacter', /第18位字符“V”/],
    ['Z at position 1', replaceAt(XIAOMI, 0, 'Z'), 'invalidCharacter', /第1位字符“Z”/],
    ['punctuation', replaceAt(XIAOMI, 12, '#'), 'invalidCharacter', /第13位字符“#”/],
    ['a Chinese character counts as one position', replaceAt(XIAOMI, 3, '中'), 'invalidCharacter', /第4位字符“中”/],
    ['department 0', withCheck(`0${XIAOMI.slice(1, 17)}`), 'unknownDepartment', /第1位登记管理部门代码“0”/],
    ['department B', withCheck(`B${XIAOMI.slice(1, 17)}`), 'unknownDepartment', /“B”/],
    ['category 4 under department 9', withCheck(`94${XIAOMI.slice(2, 17)}`), 'unknownCategory', /第2位机构类别代码“4”.*工商/],
    ['category 9 under department 9', withCheck(`99${XIAOMI.slice(2, 17)}`), 'unknownCategory', /“9”/],
    ['category 6 under department 5', withCheck(`56${XIAOMI.slice(2, 17)}`), 'unknownCategory', /民政/],
    ['letters in the division code', withCheck(`91A10108${XIAOMI.slice(8, 17)}`), 'invalidDivisionCode', /第3–8位/],
    ['org-code check', withCheck(`${XIAOMI.slice(0, 16)}3`), 'orgCodeCheck', /第17位.*应为“2”，实际为“3”/],
    ['org-code check X expected', withCheck('9143010040000000' + '0'), 'orgCodeCheck', /应为“X”，实际为“0”/],
    ['check character', `${XIAOMI.slice(0, 17)}R`, 'checkCharacter', /第18位校验码应为“Q”，实际为“R”/],
    ['check character 0 vs O typo', `${XIAOMI.slice(0, 17)}0`, 'checkCharacter', /应为“Q”，实际为“0”/],
  ])('%s', (_label, input, code, zh) => {
    const r = validateUscc(input)
    expect(r.valid).toBe(false)
    expect(codesOf(r.errors)).toEqual([code])
    expect(r.errors[0]?.zh).toMatch(zh)
    expect(r.errors[0]?.en.length).toBeGreaterThan(0)
  })

  it('reports every invalid character with its position', () => {
    const r = validateUscc('9I11010855138508ZQ')
    expect(r.errors.map((e) => e.params)).toEqual([{ position: 2, char: 'I' }, { position: 17, char: 'Z' }])
  })
  it('reports the length and the characters together', () => {
    expect(codesOf(validateUscc('9111010855138508OQX').errors)).toEqual(['length', 'invalidCharacter'])
  })
  it('names the found length in English too', () => {
    expect(validateUscc(XIAOMI.slice(0, 17)).errors[0]?.en).toMatch(/found 17/)
  })
  it('still returns the parts when only a check fails, so the UI can show department and division', () => {
    expect(validateUscc(`${XIAOMI.slice(0, 17)}R`).parts?.divisionCode).toBe('110108')
  })
  it('returns no parts when the length or a character is wrong', () => {
    expect(validateUscc(replaceAt(XIAOMI, 16, 'I')).parts).toBeNull()
    expect(validateUscc(XIAOMI.slice(0, 17)).parts).toBeNull()
  })
})

describe('validateUscc warnings on codes that are valid after normalisation', () => {
  it.each([
    ['lower case', '91110108551385082q', ['normalizedCase']],
    ['spaces', ' 9111 0108 5513 8508 2Q ', ['normalizedWhitespace']],
    ['full width', '９１１１０１０８５５１３８５０８２Ｑ', ['normalizedFullWidth']],
  ])('%s', (_label, input, warnings) => {
    const r = validateUscc(input)
    expect(r).toMatchObject({ code: XIAOMI, valid: true, errors: [] })
    expect(codesOf(r.warnings)).toEqual(warnings)
  })
})

describe('early pilot codes (Fujian/Xiamen M000 series)', () => {
  it.each([...USCC_PILOT_WHITELIST])('%s is accepted with a pilotCode warning and the failed check kept visible', (code) => {
    const r = validateUscc(code)
    expect(r.valid).toBe(true)
    expect(r.errors).toEqual([])
    expect(codesOf(r.warnings)).toEqual(['pilotCode', 'checkCharacter'])
  })

  it.each([
    ['pilot shape, not on the whitelist', '91350100M0009ABCX1', true],
    ['Hunan division', '91430100M0001TGQXM', false],
    ['department 5', '51350100M0001TGQXM', false],
    ['M001 instead of M000', '91350100M0011TGQXM', false],
    ['MA series (SAMR era)', '91350100MA0001TGQX', false],
  ])('%s: %s → valid %s', (_label, code, valid) => {
    const r = validateUscc(code)
    expect(r.valid).toBe(valid)
    expect(codesOf(valid ? r.warnings : r.errors)).toContain(valid ? 'pilotCode' : 'checkCharacter')
  })

  it('is not a licence for other errors: a pilot-shaped code with an unknown category is rejected', () => {
    const r = validateUscc(withCheck('94350100M0001TGQX'))
    expect(r.valid).toBe(false)
    expect(codesOf(r.errors)).toEqual(['unknownCategory'])
  })
  it('is recognised by isPilotUscc only in the narrow shape', () => {
    expect(isPilotUscc('91350203M0001FUE2P')).toBe(true)
    expect(isPilotUscc(XIAOMI)).toBe(false)
  })
})

describe('makeUscc', () => {
  it.each([
    ['9143010055138508', '91430100551385082H'], // independently computed
    ['91110108551385082', XIAOMI],
  ])('%s → %s', (input, code) => {
    expect(makeUscc(input)).toBe(code)
    expect(validateUscc(code).valid).toBe(true)
  })
  it('computes X as the org check when needed (X is in the 31-char set)', () => {
    const code = makeUscc('9143010040000000')
    expect(code.charAt(16)).toBe('X')
    expect(validateUscc(code)).toMatchObject({ valid: true, errors: [] })
  })
  it.each([
    ['too short', '914301005513850'],
    ['letter I', '914301005513850I'],
    ['unknown category', '9443010055138508'],
    ['letters in division', '91A3010055138508'],
    ['wrong given org check', '91430100551385083'],
  ])('rejects %s', (_label, input) => {
    expect(() => makeUscc(input)).toThrow(RangeError)
  })
})

/** Random well-formed codes: any department/category pair of the table, any 6 digits, any body in the 31-char set. */
const deptCategoryPairs = Object.values(usccDepartments).flatMap((d) => Object.keys(d.categories).map((c) => d.code + c))
const validCode = fc
  .tuple(
    fc.constantFrom(...deptCategoryPairs),
    fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 6 }),
    fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 8, maxLength: 8 }),
  )
  .map(([dc, division, body]) => makeUscc(dc + division.join('') + body.join('')))

describe('property: the mod-31 check catches every single-character substitution', () => {
  it('because every weight times every non-zero difference is non-zero mod the prime 31', () => {
    for (const w of USCC_WEIGHTS) for (let d = 1; d < 31; d++) expect((w * d) % 31).not.toBe(0)
  })

  it('makeUscc output always validates cleanly', () => {
    fc.assert(fc.property(validCode, (code) => {
      const r = validateUscc(code)
      return r.valid && r.errors.length === 0 && r.warnings.length === 0
    }), { numRuns: 300 })
  })

  it('every substitution at every position by any other alphabet character fails the check-character test', () => {
    fc.assert(fc.property(validCode, (code) => {
      // Plain loops and one assertion at the end: 540 substitutions per code make per-case expect() too slow.
      const missed: string[] = []
      for (let pos = 0; pos < 18; pos++) {
        for (const ch of USCC_ALPHABET) {
          if (ch === code.charAt(pos)) continue
          const sub = replaceAt(code, pos, ch)
          // The check-character test itself must fail…
          if (computeUsccCheck(sub.slice(0, 17)) === sub.charAt(17)) missed.push(sub)
          // …and validateUscc must report it: as an error, or (pilot shape only) as a warning next to pilotCode.
          const r = validateUscc(sub)
          const reported = isPilotUscc(sub)
            ? codesOf(r.warnings).includes('checkCharacter')
            : !r.valid && codesOf(r.errors).includes('checkCharacter')
          if (!reported) missed.push(sub)
        }
      }
      expect(missed).toEqual([])
    }), { numRuns: 100 })
  })
})
