import { growthPct, roundHalfUp, toFen } from '@gongxin/domain'
import type { LocalizedText, Locale } from '../../api/types.ts'

/** Pure display helpers of the monthly dispatch: units, growth, ranks and the region path. */

/**
 * 万元 (decimal text) → 亿元 with 2 decimals, rounded half up: the rule of the bulletin (server
 * modules/dispatch/bulletin.ts `yi`), so that the screen and the Word document show the same figures.
 * The same conversion turns 万千瓦时 into 亿千瓦时.
 */
export function yi(wan: string | null | undefined): string {
  if (wan === null || wan === undefined || wan === '') return '—'
  let fen: number | null
  try {
    fen = toFen(wan)
  } catch {
    return wan // not a decimal of at most 2 places: shown as sent rather than hidden
  }
  return fen === null ? '—' : roundHalfUp(fen / 1_000_000, 2).toFixed(2)
}

/** The number an exported cell carries for a 亿元 figure (null when there is none). */
export function yiNumber(wan: string | null | undefined): number | null {
  const n = Number(yi(wan))
  return Number.isFinite(n) ? n : null
}

/** A percentage or a point value at the given decimals ('—' when missing). */
export function fixed(v: number | null | undefined, decimals = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(decimals)
}

/** A signed value: +1.2 / −0.3 / 0.0 (U+2212 minus, as printed statistics do). */
export function signed(v: number | null | undefined, decimals = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  const s = Math.abs(v).toFixed(decimals)
  if (Number(s) === 0) return s
  return v > 0 ? `+${s}` : `−${s}`
}

/**
 * A rank change as the arrow the table shows: the change is the previous rank minus the current one
 * (up is better), null when there was no previous rank.
 */
export function rankArrow(change: number | null | undefined): { symbol: string; tone: 'up' | 'down' | 'same' | 'new' } {
  if (change === null || change === undefined) return { symbol: '—', tone: 'new' }
  if (change > 0) return { symbol: `↑${change}`, tone: 'up' }
  if (change < 0) return { symbol: `↓${-change}`, tone: 'down' }
  return { symbol: '→', tone: 'same' }
}

export function localized(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return ''
  return locale === 'en-US' ? text.en : text.zh
}

/** The region level of a 6-digit code: 1 province, 2 city (prefecture), 3 county. */
export function levelOf(code: string): 1 | 2 | 3 {
  if (code.endsWith('0000')) return 1
  if (code.endsWith('00')) return 2
  return 3
}

/** The breadcrumb of a region: its province, its city and itself ('430102' → 430000, 430100, 430102). */
export function regionPath(code: string): string[] {
  const level = levelOf(code)
  const out = [`${code.slice(0, 2)}0000`]
  if (level >= 2) out.push(`${code.slice(0, 4)}00`)
  if (level === 3) out.push(code)
  return out
}

/**
 * The part of the breadcrumb a user may open: the path from the root of their area down ('4301' sees
 * 430100 and below; the province and the country are not theirs).
 */
export function visiblePath(code: string, scopePrefix: string | null | undefined): string[] {
  const prefix = scopePrefix ?? ''
  return regionPath(code).filter((c) => c.replace(/(00)+$/, '').startsWith(prefix))
}

/** `YYYY-MM` → { year, month } (null when malformed). */
export function parsePeriod(p: string | null | undefined): { year: number; month: number } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(p ?? '')
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null
}

/** The periods before `period` in the list (oldest first), at most `count`, `period` included last. */
export function trailingPeriods(periods: readonly string[], period: string, count: number): string[] {
  const i = periods.indexOf(period)
  if (i < 0) return []
  return periods.slice(Math.max(0, i - count + 1), i + 1)
}

/**
 * The colour of a growth on the map: red below zero, blue above, paler near zero; the scale is symmetric
 * around zero up to `extent` (the largest absolute growth shown), so that the same colour means the same
 * growth on one map. Null (no comparable base) is grey.
 */
export function growthColor(value: number | null | undefined, extent: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '#e5e7eb'
  const e = extent > 0 ? extent : 1
  const t = Math.min(1, Math.abs(value) / e)
  const [r, g, b] = value < 0 ? [220, 38, 38] : [29, 78, 216]
  const mix = (c: number) => Math.round(255 + (c - 255) * (0.15 + 0.85 * t))
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`
}

/** Text on a tile of that colour: white on the strong colours, dark on the pale ones. */
export function textOn(value: number | null | undefined, extent: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '#374151'
  return Math.abs(value) / (extent > 0 ? extent : 1) > 0.5 ? '#ffffff' : '#111827'
}

/** An enterprise's own year-to-date growth (%, 1 decimal) from its report; null without a positive base. */
export function enterpriseGrowth(cum: string | null, priorCum: string | null): number | null {
  try {
    const c = toFen(cum)
    const b = toFen(priorCum)
    if (c === null || b === null) return null
    const g = growthPct(c, b)
    return g === null ? null : roundHalfUp(g, 1)
  } catch {
    return null
  }
}
