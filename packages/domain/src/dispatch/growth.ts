/**
 * Same-scope growth (同口径增速), pull (拉动) and contribution (贡献率), and current-month values.
 * See docs/methodology.md for the definitions with worked examples.
 *
 * The scope of a region R for period M is the enterprises located in R that reported for M. Growth is computed
 * over the enterprises of the scope that have a comparable base (a prior-year cumulative); the others are
 * counted (`withoutBase`) and their values kept in `cumAll`, never silently dropped, and never replaced by a
 * published total of last year.
 */

/** Sums for one indicator over a set of enterprises. Money in integer fen (see money.ts). */
export interface Aggregate {
  /** Σ cumulative of the enterprises WITH a comparable base */
  cum: number
  /** Σ prior-year cumulative (上年同期) of the same enterprises */
  priorCum: number
  /** Σ cumulative of every reporting enterprise, with or without a base */
  cumAll: number
  /** reporting enterprises (those with a value for the indicator) = withBase + withoutBase */
  enterprises: number
  withBase: number
  withoutBase: number
}

export function emptyAggregate(): Aggregate {
  return { cum: 0, priorCum: 0, cumAll: 0, enterprises: 0, withBase: 0, withoutBase: 0 }
}

/**
 * Add one enterprise. `cum` null ⇒ the enterprise did not report this indicator: not counted at all.
 * `priorCum` null ⇒ no comparable base: counted in `enterprises` and `withoutBase`, its cum only in `cumAll`.
 * A prior of 0 is a base (the enterprise existed and produced nothing), so it counts as `withBase`.
 */
export function addTo(a: Aggregate, cum: number | null, priorCum: number | null): void {
  if (cum === null) return
  a.enterprises++
  a.cumAll += cum
  if (priorCum === null) {
    a.withoutBase++
    return
  }
  a.withBase++
  a.cum += cum
  a.priorCum += priorCum
}

export function merge(into: Aggregate, from: Aggregate): void {
  into.cum += from.cum
  into.priorCum += from.priorCum
  into.cumAll += from.cumAll
  into.enterprises += from.enterprises
  into.withBase += from.withBase
  into.withoutBase += from.withoutBase
}

/** (cum / priorCum − 1) · 100, unrounded; null when priorCum ≤ 0 (no meaningful base). */
export function growthPct(cum: number, priorCum: number): number | null {
  if (!(priorCum > 0)) return null
  return ((cum - priorCum) / priorCum) * 100
}

/**
 * Pull (拉动) of a part on the whole, in percentage points: (part.cum − part.priorCum) / whole.priorCum · 100.
 * Null when whole.priorCum ≤ 0. The pulls of the parts of a complete partition of the whole add up to the
 * whole's growth (up to float rounding; exactly when summed before rounding).
 */
export function pullPct(part: Aggregate, whole: Aggregate): number | null {
  if (!(whole.priorCum > 0)) return null
  return ((part.cum - part.priorCum) / whole.priorCum) * 100
}

/**
 * Contribution (贡献率) of a part to the whole's change, in %: (part.cum − part.priorCum) / (whole.cum − whole.priorCum) · 100.
 * Null when the whole did not change. Contributions of a complete partition add up to 100; a part moving
 * against the whole has a negative contribution (and others then exceed 100 together).
 */
export function contributionPct(part: Aggregate, whole: Aggregate): number | null {
  const change = whole.cum - whole.priorCum
  if (change === 0) return null
  return ((part.cum - part.priorCum) / change) * 100
}

/**
 * The value of the month itself from year-to-date values: cum(M) − cum(M−1) of the same year.
 * January and January–February (1—2月, reported together as month 2) are the first period of the year: their
 * value is the cumulative itself. For month ≥ 3 a missing previous cumulative gives null (unknown, not cum).
 * `cum` null ⇒ null. Works on any unit (fen, counts); the caller keeps money in integer fen.
 */
export function currentMonth(cum: number | null, previousCum: number | null, month: number): number | null {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`currentMonth: month must be 1–12, got ${month}`)
  if (cum === null) return null
  if (month <= 2) return cum
  if (previousCum === null) return null
  return cum - previousCum
}
