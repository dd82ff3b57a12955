import type { TFunction } from 'i18next'
import type { CountyCompleteness, Locale, ReportPeriod } from '../../api/types.ts'

/** Pure helpers of the monthly data intake: periods, their labels, the completeness CSV. */

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * The label of a cumulative period: month 2 is 1—2月 (January is reported with February), month 1 is
 * January alone (a source that reports it on its own), others are 1—N月.
 */
export function periodLabel(p: ReportPeriod, t: TFunction, locale: Locale): string {
  if (p.month === 1) return t('reports.period.january', { year: p.year })
  if (p.month === 2) return t('reports.period.janFeb', { year: p.year })
  const month = locale === 'en-US' ? (EN_MONTHS[p.month - 1] ?? String(p.month)) : String(p.month)
  return t('reports.period.range', { year: p.year, month })
}

/** The `count` periods before and including `from`, newest first. */
export function periodsBackFrom(from: ReportPeriod, count: number): ReportPeriod[] {
  const out: ReportPeriod[] = []
  let { year, month } = from
  for (let i = 0; i < count; i++) {
    out.push({ year, month })
    month -= 1
    if (month === 0) {
      month = 12
      year -= 1
    }
  }
  return out
}

export function samePeriod(a: ReportPeriod, b: ReportPeriod): boolean {
  return a.year === b.year && a.month === b.month
}

/** A share 0..1 as a percentage with one decimal (`87.5`). */
export function percent(share: number): number {
  return Math.round(share * 1000) / 10
}

/** The counties a chart shows: all of them, or the `max` with the lowest share (lowest first) when there are more. */
export function chartCounties<C extends { share: number }>(counties: readonly C[], max: number): C[] {
  if (counties.length <= max) return [...counties]
  return [...counties].sort((a, b) => a.share - b.share).slice(0, max)
}

const csvCell = (v: string | number): string => {
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The completeness table as CSV (one row per county; the missing enterprises as `USCC name; …`). */
export function completenessCsv(counties: readonly CountyCompleteness[], headers: readonly string[]): string {
  const lines = [headers.map(csvCell).join(',')]
  for (const c of counties) {
    const missing = c.missing.map((m) => `${m.uscc} ${m.name}`).join('; ')
    lines.push([c.countyCode, c.countyName, c.expected, c.reported, `${percent(c.share)}%`, missing].map(csvCell).join(','))
  }
  // a BOM, so that Excel reads the Chinese names as UTF-8
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
