import dayjs from 'dayjs'
import type { Locale } from '../api/types.ts'

/** Display formats. Values stay as the server sent them; these only decide how they look. */

export function formatDate(value: string | null | undefined): string {
  if (!value) return ''
  const d = dayjs(value)
  return d.isValid() ? d.format('YYYY-MM-DD') : value
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return ''
  const d = dayjs(value)
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : value
}

/** 万元 amounts come as decimal strings; show them grouped with two decimals. */
export function formatAmount(value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return ''
  const n = Number(value)
  if (!Number.isFinite(n)) return value
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)
}

/** Any JSON value of an audit entry as one short line. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '∅'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}
