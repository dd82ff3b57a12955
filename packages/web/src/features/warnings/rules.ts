/**
 * The threshold as typed: a number when it reads as one, else the text itself, so that the server's
 * validation (the domain's validateWarningRule) says what is wrong with it instead of the browser guessing.
 */
export function thresholdInput(text: string): number | string | null {
  const s = text.trim()
  if (s === '') return null
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s
}
