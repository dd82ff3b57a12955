import type { Locale } from '../../api/types.ts'

/** 万千瓦时 values come as decimal text with four places; shown grouped with two (a kWh is too fine to read). */
export function formatKwh(value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return ''
  const n = Number(value)
  if (!Number.isFinite(n)) return value
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)
}
