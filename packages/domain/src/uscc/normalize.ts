/**
 * Cleaning a USCC as people type or paste it (Excel cells, Word documents, IME full-width mode). Each change is
 * reported as a warning so an import can show the operator what was altered instead of silently rewriting data.
 */
import { msg, type Msg } from '../msg.ts'

export type UsccNormalization = { code: string; warnings: Msg[] }

// Full-width ASCII block U+FF01–U+FF5E maps to U+0021–U+007E by a fixed offset; U+3000 is the ideographic space.
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g
// \s covers ASCII and Unicode spaces incl. NBSP; zero-width characters come with text copied from web pages.
const WHITESPACE = /[\s\u200B-\u200D\u2060\uFEFF]/g
// ASCII hyphen plus the Unicode dashes that word processors substitute for it.
const SEPARATORS = /[-\u2010-\u2015\u2212]/g
const LOWER_ASCII = /[a-z]/g

export function normalizeUscc(input: string): UsccNormalization {
  const warnings: Msg[] = []

  const halfWidth = input.replace(FULL_WIDTH, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  )
  if (halfWidth !== input) {
    warnings.push(msg('normalizedFullWidth', '已将全角字符转换为半角字符', 'Converted full-width characters to half-width'))
  }

  const noSpace = halfWidth.replace(WHITESPACE, '')
  if (noSpace !== halfWidth) {
    warnings.push(msg('normalizedWhitespace', '已删除空格', 'Removed spaces'))
  }

  const noSeparator = noSpace.replace(SEPARATORS, '')
  if (noSeparator !== noSpace) {
    warnings.push(msg('normalizedSeparator', '已删除连字符', 'Removed hyphens'))
  }

  // Only ASCII letters: String#toUpperCase would also change non-Latin text (ß → SS) and shift positions in errors.
  const upper = noSeparator.replace(LOWER_ASCII, (ch) => ch.toUpperCase())
  if (upper !== noSeparator) {
    warnings.push(msg('normalizedCase', '已将小写字母转换为大写', 'Converted lower-case letters to upper case'))
  }

  return { code: upper, warnings }
}
