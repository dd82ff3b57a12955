import { findIndicator, type CompositeItem, type CompositeScheme } from '@gongxin/domain'
import type { FieldError } from '../../api/types.ts'
import type { NowcastRegion } from './assessmentApi.ts'

/** Pure helpers of the nowcast panel and the composite-score (年度考核) view and its scheme editor. */

// ---- nowcast ---------------------------------------------------------------------------------------------

/** The interval as printed: "6.6 – 11.4" (U+2212 for a negative bound), '—' when either bound is missing. */
export function intervalText(low: number | null | undefined, high: number | null | undefined, decimals = 1): string {
  const f = (v: number) => (v < 0 ? `−${Math.abs(v).toFixed(decimals)}` : v.toFixed(decimals))
  if (low === null || low === undefined || high === null || high === undefined || !Number.isFinite(low) || !Number.isFinite(high)) return '—'
  return `${f(low)} – ${f(high)}`
}

/**
 * Where the actual growth fell against the interval: inside (bounds included), above or below; null while the
 * statistics have not arrived or there is no interval.
 */
export function intervalHit(actual: number | null, low: number | null, high: number | null): 'inside' | 'above' | 'below' | null {
  if (actual === null || low === null || high === null) return null
  if (actual < low) return 'below'
  if (actual > high) return 'above'
  return 'inside'
}

/** Estimate − actual, in points at one decimal (positive = over-estimated); null when either is missing. */
export function nowcastError(estimate: number | null, actual: number | null): number | null {
  if (estimate === null || actual === null) return null
  return Math.round((estimate - actual) * 10) / 10
}

/** A term of the fitted line as written after another: '+ 0.081', '− 0.026' (U+2212), at `decimals`. */
export function signedTerm(v: number, decimals = 3): string {
  const s = Math.abs(v).toFixed(decimals)
  return v < 0 && Number(s) !== 0 ? `− ${s}` : `+ ${s}`
}

/** Why a region has no estimate, for the message shown in its place. */
export function nowcastGap(r: NowcastRegion): 'noModel' | 'noElectricity' | null {
  if (r.estimate !== null) return null
  if (r.model === null) return 'noModel'
  return 'noElectricity'
}

export interface BacktestSeries {
  labels: string[]
  actual: (number | null)[]
  estimate: (number | null)[]
  low: (number | null)[]
  /** high − low: the band is drawn as `low` plus this width stacked on it */
  width: (number | null)[]
}

/**
 * The series of the backtest chart: each backtested period (oldest first), then the period being nowcast with its
 * estimate and interval (and its actual once the statistics arrived).
 */
export function backtestSeries(r: NowcastRegion, period: string): BacktestSeries {
  const rows = [...r.backtest].sort((a, b) => a.period.localeCompare(b.period)).filter((b) => b.period !== period)
  const out: BacktestSeries = { labels: [], actual: [], estimate: [], low: [], width: [] }
  const push = (label: string, actual: number | null, estimate: number | null, low: number | null, high: number | null) => {
    out.labels.push(label)
    out.actual.push(actual)
    out.estimate.push(estimate)
    out.low.push(low)
    out.width.push(low === null || high === null ? null : Math.round((high - low) * 1000) / 1000)
  }
  for (const b of rows) push(b.period, b.actual, b.estimate, b.low, b.high)
  if (r.estimate !== null || r.actual !== null) push(period, r.actual, r.estimate, r.low, r.high)
  return out
}

// ---- composite scheme editor ---------------------------------------------------------------------------

/** The editor's form: what the user edits (weights may be left empty while typing). */
export interface SchemeForm {
  id: string
  nameZh: string
  nameEn: string
  method: CompositeScheme['method']
  items: { indicator: string | undefined; weight: number | null | undefined; direction: CompositeItem['direction'] | undefined }[]
}

export function schemeToForm(s: CompositeScheme): SchemeForm {
  return {
    id: s.id,
    nameZh: s.name.zh,
    nameEn: s.name.en,
    method: s.method,
    items: s.items.map((it) => ({ indicator: it.indicator, weight: it.weight, direction: it.direction })),
  }
}

/**
 * The scheme to send from the form, as the server validates it: missing values stay missing (so the server's and
 * the domain's checks name them), and each item is compared at its indicator's published precision.
 */
export function formToScheme(f: SchemeForm): Record<string, unknown> {
  return {
    id: f.id.trim(),
    name: { zh: f.nameZh.trim(), en: f.nameEn.trim() },
    method: f.method,
    items: f.items.map((it) => {
      const ind = it.indicator ? findIndicator(it.indicator) : undefined
      return {
        indicator: it.indicator ?? '',
        weight: it.weight ?? undefined,
        direction: it.direction,
        ...(ind ? { precision: ind.precision } : {}),
      }
    }),
  }
}

/** A field of the scheme form that an error can be shown on. */
export type SchemeFieldName = ['id'] | ['method'] | ['nameZh'] | ['nameEn'] | ['items', number, 'indicator' | 'weight' | 'direction']

/**
 * The form field a server (or domain) field error belongs to: `items[0].weight` → ['items', 0, 'weight'],
 * `name.zh` → ['nameZh'], `id` → ['id']; null when it names no field of the form (the scheme as a whole, or
 * the item list), and is then shown above the form.
 */
export function formFieldOf(field: string | undefined): SchemeFieldName | null {
  if (!field) return null
  if (field === 'name.zh' || field === 'name') return ['nameZh']
  if (field === 'name.en') return ['nameEn']
  if (field === 'id') return ['id']
  if (field === 'method') return ['method']
  const m = /^items\[(\d+)\]\.(indicator|weight|direction|precision)$/.exec(field)
  if (m) {
    const part = m[2] === 'weight' || m[2] === 'direction' ? m[2] : 'indicator'
    return ['items', Number(m[1]), part]
  }
  const whole = /^items\[(\d+)\]$/.exec(field)
  if (whole) return ['items', Number(whole[1]), 'indicator']
  return null
}

export interface PlacedErrors {
  /** for the form: each field with its messages */
  fields: { name: SchemeFieldName; errors: string[] }[]
  /** messages that belong to no single field */
  general: string[]
}

/** Splits field errors (server or domain) into those shown on a field and those shown above the form. */
export function placeErrors(errors: readonly Pick<FieldError, 'field' | 'message'>[], locale: 'zh-CN' | 'en-US'): PlacedErrors {
  const byField = new Map<string, { name: SchemeFieldName; errors: string[] }>()
  const general: string[] = []
  for (const e of errors) {
    const text = locale === 'en-US' ? e.message.en : e.message.zh
    const name = formFieldOf(e.field)
    if (!name) {
      general.push(text)
      continue
    }
    const k = JSON.stringify(name)
    const cur = byField.get(k) ?? { name, errors: [] }
    cur.errors.push(text)
    byField.set(k, cur)
  }
  return { fields: [...byField.values()], general }
}

/** Each item's share of the total weight, in % at one decimal (weights are normalised by the server too). */
export function weightShares(weights: readonly (number | null | undefined)[]): (number | null)[] {
  const valid = weights.map((w) => (typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : null))
  const total = valid.reduce<number>((s, w) => s + (w ?? 0), 0)
  return valid.map((w) => (w === null || total === 0 ? null : Math.round((w / total) * 1000) / 10))
}
