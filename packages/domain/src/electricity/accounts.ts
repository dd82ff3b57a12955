/**
 * The grid company's customer numbers (用电户号). An enterprise may have several accounts (one per site or
 * transformer); an account belongs to one enterprise at a time. Numbers are digits, sometimes with letters or a
 * dash, and leading zeros matter: they are codes, never numbers.
 */
import { msg, type Msg } from '../msg.ts'

const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/g
const ACCOUNT = /^[0-9A-Z][0-9A-Z-]{3,31}$/

export type AccountNumberResult = { ok: true; accountNumber: string } | { ok: false; error: Msg }

/** Full-width and half-width alike, spaces dropped, upper case; 4–32 characters of digits, letters and '-'. */
export function normalizeAccountNumber(input: string): AccountNumberResult {
  const s = input.normalize('NFKC').replace(INVISIBLE, '').toUpperCase()
  if (ACCOUNT.test(s)) return { ok: true, accountNumber: s }
  return {
    ok: false,
    error: msg('accountNumberMalformed', `用电户号“${input.trim()}”格式有误：应为 4–32 位数字或字母（可含“-”）`, `account number "${input.trim()}" is malformed: expected 4–32 digits or letters (a '-' allowed)`, { value: input.trim() }),
  }
}

const BRACKETS: Record<string, string> = { '（': '(', '）': ')', '【': '(', '】': ')', '[': '(', ']': ')' }

/** Whether two enterprise names are the same name as people write it: width, spaces, bracket style and case aside. */
export function sameEnterpriseName(a: string, b: string): boolean {
  const key = (s: string) => s.normalize('NFKC').replace(INVISIBLE, '').replace(/[（）【】[\]]/g, (c) => BRACKETS[c] ?? c).toLowerCase()
  return key(a) === key(b)
}
