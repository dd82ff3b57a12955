/**
 * The two check computations inside a 统一社会信用代码: the GB 32100-2015 mod-31 check (position 18) and the
 * GB 11714 mod-11 check of the embedded 组织机构代码 (position 17). See docs policy-rules §5.
 */
import { usccCategoryOf } from './departments.ts'

/** The 31 characters of GB 32100: digits and upper-case letters without I, O, S, V, Z. Value = index. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** Letters that look like digits (I/1, O/0, S/5, V/U, Z/2) and are never used in a USCC. */
export const USCC_EXCLUDED_LETTERS: readonly string[] = ['I', 'O', 'S', 'V', 'Z']

/** W_i = 3^(i−1) mod 31, i = 1..17. Every weight is non-zero mod the prime 31, which is why any single substitution is caught. */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1
  for (let k = 0; k < i; k++) w = (w * 3) % 31
  return w
})

/** GB 11714 weights for the 8-character body of a 组织机构代码. */
export const ORG_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2]

export function isUsccChar(ch: string): boolean {
  return ch.length === 1 && USCC_ALPHABET.includes(ch)
}

/** Position 18 for the first 17 characters. Throws RangeError on malformed input (a programming error: validate first). */
export function computeUsccCheck(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`computeUsccCheck needs 17 characters, got ${first17.length}`)
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const ch = first17.charAt(i)
    const v = USCC_ALPHABET.indexOf(ch)
    if (v < 0) throw new RangeError(`character "${ch}" at position ${i + 1} is not in the USCC alphabet`)
    sum += v * (USCC_WEIGHTS[i] ?? 0)
  }
  // A remainder of 0 must give '0', not ALPHABET[31]: hence the second mod (the pitfall noted for npm stdnum).
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31)
}

/**
 * GB 11714 value of a body character: 0–9, then A=10 … Z=35 over the full Latin alphabet. This differs from the USCC
 * value (where J=18, not 19), so the two checks must not share a lookup.
 */
function orgCodeValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55
  return -1
}

/** Position 9 of a 组织机构代码 (position 17 of a USCC) for its 8-character body: '0'–'9' or 'X'. */
export function computeOrgCodeCheck(body8: string): string {
  if (body8.length !== 8) throw new RangeError(`computeOrgCodeCheck needs 8 characters, got ${body8.length}`)
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const ch = body8.charAt(i)
    const v = orgCodeValue(ch)
    if (v < 0) throw new RangeError(`character "${ch}" at position ${i + 1} is not valid in an organization code`)
    sum += v * (ORG_CODE_WEIGHTS[i] ?? 0)
  }
  const c = 11 - (sum % 11)
  if (c === 10) return 'X'
  if (c === 11) return '0'
  return String(c)
}

/**
 * Builds a code that validateUscc accepts, for the demo generator and tests. Given 16 characters (department,
 * category, 6-digit division, 8-character body in the 31-char set) it appends the org-code check and the USCC check;
 * given 17 it appends only the USCC check, and the 17th must already be the right org-code check.
 * The org check may be 'X': X is in the 31-char set, so the result is always a well-formed USCC.
 */
export function makeUscc(first16or17: string): string {
  const s = first16or17
  if (s.length !== 16 && s.length !== 17) throw new RangeError(`makeUscc needs 16 or 17 characters, got ${s.length}`)
  for (let i = 0; i < s.length; i++) {
    if (!isUsccChar(s.charAt(i))) throw new RangeError(`character "${s.charAt(i)}" at position ${i + 1} is not in the USCC alphabet`)
  }
  if (usccCategoryOf(s.charAt(0), s.charAt(1)) === null) {
    throw new RangeError(`unknown registering department / category "${s.slice(0, 2)}"`)
  }
  if (!/^\d{6}$/.test(s.slice(2, 8))) throw new RangeError(`positions 3–8 must be a 6-digit division code, got "${s.slice(2, 8)}"`)
  const orgCheck = computeOrgCodeCheck(s.slice(8, 16))
  if (s.length === 17 && s.charAt(16) !== orgCheck) {
    throw new RangeError(`position 17 must be the organization-code check "${orgCheck}", got "${s.charAt(16)}"`)
  }
  const first17 = s.slice(0, 16) + orgCheck
  return first17 + computeUsccCheck(first17)
}
