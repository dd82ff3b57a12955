import { assessIndicator, indicatorById, indicatorCatalog, roundPublished, type Assessment, type Indicator } from '@gongxin/domain'
import type { Locale } from '../../api/types.ts'

/** Pure helpers of the official statistics and targets tabs: names, published precision, the region × indicator grid. */

export const indicatorName = (ind: Indicator, locale: Locale) => (locale === 'en-US' ? ind.nameEn : ind.nameZh)

/** The unit as a column header shows it: '%', or 家 (enterprises in English). */
export const unitLabel = (ind: Indicator, locale: Locale) => (ind.unit === '家' && locale === 'en-US' ? 'enterprises' : ind.unit)

/** A figure as published: the indicator's decimals, grouped digits, no unit (the column header carries it). */
export function figureText(ind: Indicator, value: string | number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return ''
  const n = Number(value)
  if (!Number.isFinite(n)) return String(value)
  return new Intl.NumberFormat(locale, { minimumFractionDigits: ind.precision, maximumFractionDigits: ind.precision }).format(roundPublished(n, ind.precision))
}

/** Where a figure stands against the catalogue's thresholds; null for indicators judged on schedule pace. */
export function figureLevel(ind: Indicator, value: string | number | null | undefined): Assessment | null {
  if (value === null || value === undefined || value === '' || ind.thresholds.basis !== 'value') return null
  const n = Number(value)
  return Number.isFinite(n) ? assessIndicator(ind, n).level : null
}

export interface GridRow<T> {
  regionCode: string
  regionName: string
  cells: Partial<Record<string, T>>
}

/**
 * Rows of (region, indicator) figures as a grid: one row per region (in the order first met), one cell per
 * indicator; `indicators` are those present, in the catalogue's order.
 */
export function toGrid<T extends { regionCode: string; regionName: string; indicatorId: string }>(rows: readonly T[]): { indicators: Indicator[]; rows: GridRow<T>[] } {
  const byRegion = new Map<string, GridRow<T>>()
  const present = new Set<string>()
  for (const r of rows) {
    let g = byRegion.get(r.regionCode)
    if (!g) byRegion.set(r.regionCode, (g = { regionCode: r.regionCode, regionName: r.regionName, cells: {} }))
    g.cells[r.indicatorId] = r
    present.add(r.indicatorId)
  }
  return { indicators: indicatorCatalog.filter((i) => present.has(i.id)), rows: [...byRegion.values()] }
}

/** What the target form accepts for an indicator: a growth in per cent (two decimals) or a whole amount. */
export function targetBounds(ind: Indicator): { min: number | undefined; max: number | undefined; precision: number } {
  if (ind.kind === 'level') return { min: ind.hardRange.min ?? 0, max: ind.hardRange.max ?? undefined, precision: 0 }
  return { min: ind.hardRange.min ?? undefined, max: ind.hardRange.max ?? undefined, precision: 2 }
}

/** The indicator of an id the server sent (the catalogue is shared, so an unknown id is a programming error). */
export function indicatorOf(id: string): Indicator {
  const ind = indicatorById(id)
  if (!ind) throw new Error(`indicator ${id} is not in the catalogue`)
  return ind
}
