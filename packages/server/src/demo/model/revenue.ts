/**
 * Sizes and histories of demo enterprises. Revenue is in 万元 like the statistics system's; an enterprise is
 * above-scale (规上) in a year when that year's main-business revenue reaches 2000 万元.
 */
import type { Rng } from '../rng.ts'
import type { DemoScaleStatus } from '../types.ts'

export const ABOVE_SCALE_LINE = 2000

/** Median revenue of an above-scale enterprise of an average division, and the spread of the lognormal. */
const MEDIAN = 6000
const SIGMA = 1.25

/** Giants (100 亿 – 600 亿): how often (× division scale² × the city's pull), and their range. */
const GIANT_RATE = 0.0008
const GIANT_MIN = 1_000_000
const GIANT_MAX = 6_000_000
const GIANT_ALPHA = 1.3

/**
 * Latest-year revenue. Above-scale: a lognormal around 6,000 万 × the division's scale, redrawn below the
 * line, with a rare giant from a Pareto tail truncated at 600 亿 (more likely in heavy divisions: steel,
 * refining, tobacco, vehicles; and in big cities: `cityPull` ≈ 1 for a city of average weight). Below-scale: the pipeline close under the line (most between 1,200 and
 * 2,000 万), since the demo holds the above-scale population plus its candidates.
 */
export function drawRevenue(rng: Rng, scale: number, above: boolean, cityPull = 1): number {
  if (!above) return round2(Math.max(300, ABOVE_SCALE_LINE * Math.exp(-Math.abs(rng.normal(0, 0.4))) - 0.01))
  if (rng.chance(Math.min(0.05, GIANT_RATE * scale * scale * cityPull))) {
    // Inverse CDF of the Pareto truncated to [GIANT_MIN, GIANT_MAX]: no pile-up at the ceiling.
    const tail = 1 - Math.pow(GIANT_MIN / GIANT_MAX, GIANT_ALPHA)
    return round2(GIANT_MIN / Math.pow(1 - rng.next() * tail, 1 / GIANT_ALPHA))
  }
  const median = MEDIAN * Math.pow(scale, 0.85)
  for (let i = 0; i < 50; i++) {
    const r = rng.lognormal(median, SIGMA)
    if (r >= ABOVE_SCALE_LINE && r < GIANT_MIN) return round2(r)
  }
  return round2(ABOVE_SCALE_LINE * (1 + rng.next()))
}

export const round2 = (x: number) => Math.round(x * 100) / 100

/** Employees from revenue and the division's revenue per employee (万元), with a spread between firms. */
export function drawEmployees(rng: Rng, revenue: number, productivity: number): number {
  return Math.max(8, Math.round(revenue / (productivity * rng.lognormal(1, 0.45))))
}

/**
 * Founding date, from 1985 to `year`: an Erlang-distributed age (median ≈ 12 years, few firms younger
 * than 2), older for bigger firms, as in an above-scale population.
 */
export function drawFoundedOn(rng: Rng, revenue: number, year: number): string {
  const meanHalf = 6 * (1 + 0.15 * Math.max(0, Math.log(revenue / MEDIAN)))
  const age = Math.floor(rng.exponential(meanHalf) + rng.exponential(meanHalf))
  const y = year - age >= 1985 ? year - age : rng.int(1985, 1995)
  const month = rng.int(1, 12)
  const day = rng.int(1, 28)
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Yearly chance that an above-scale firm near the line had just entered, and that a pipeline firm had just left. */
const ENTRY_RATE = 0.13
const ENTRY_BAND = 8000
const EXIT_RATE = 0.1

/** The revenue of the year before one with revenue `r`, walking back (see revenuePath). */
function yearBefore(rng: Rng, r: number): number {
  if (r >= ABOVE_SCALE_LINE && r < ENTRY_BAND && rng.chance(ENTRY_RATE)) return ABOVE_SCALE_LINE * (0.65 + 0.34 * rng.next())
  if (r < ABOVE_SCALE_LINE && rng.chance(EXIT_RATE)) return ABOVE_SCALE_LINE * (1 + 0.4 * rng.next())
  return r / (1 + Math.min(1.5, Math.max(-0.45, rng.normal(0.07, 0.12))))
}

/**
 * Revenues of the `years` years ending with the latest, oldest first, walking back with yearly growth
 * around +7 % (the province's industry grows); null before the founding year. Some firms near the line
 * crossed it the year before (about 10 % of the set enter and 2–3 % leave each year, as in the
 * provinces' reports: "新增规上企业 2013 家、净增 1577 家" of about 20,000).
 */
export function revenuePath(rng: Rng, latest: number, foundedYear: number, year: number, years: number): (number | null)[] {
  const path: (number | null)[] = new Array<number | null>(years).fill(null)
  let r = latest
  for (let i = years - 1; i >= 0; i--) {
    const y = year - (years - 1 - i)
    if (y < foundedYear) break
    path[i] = round2(r)
    r = yearBefore(rng, r)
  }
  return path
}

/**
 * `path` (ending with `year`) lengthened to `years` years by walking further back the same way, drawing from
 * `rng`: a separate stream, so that a longer history leaves the enterprises' other draws, and so the
 * enterprises themselves, unchanged.
 */
export function extendRevenuePath(rng: Rng, path: readonly (number | null)[], foundedYear: number, year: number, years: number): (number | null)[] {
  const older: (number | null)[] = new Array<number | null>(Math.max(0, years - path.length)).fill(null)
  let r = path[0]
  for (let i = older.length - 1; i >= 0 && r !== null && r !== undefined; i--) {
    const y = year - (years - 1 - i)
    if (y < foundedYear) break
    r = round2(yearBefore(rng, r))
    older[i] = r
  }
  return [...older, ...path]
}

/** A year's above-scale status: 入规 | 退规 | 新建投产 | 保持, or null for a new enterprise below the line (it entered no set). */
export type ScaleStatus = DemoScaleStatus

/**
 * Above-scale status of each year of `path` but the first (which only says where the enterprise stood
 * before): 新建投产 in the founding year when above the line, else 入规 / 退规 on crossing it, 保持 otherwise.
 */
export function scaleHistory(path: readonly (number | null)[], foundedYear: number, year: number): ScaleStatus[] {
  const out: ScaleStatus[] = []
  for (let i = 1; i < path.length; i++) {
    const r = path[i]
    if (r === null || r === undefined) continue
    const y = year - (path.length - 1 - i)
    const above = r >= ABOVE_SCALE_LINE
    const prev = path[i - 1]
    let reason: string | null
    if (y === foundedYear || prev === null || prev === undefined) reason = above ? '新建投产' : null
    else {
      const prevAbove = prev >= ABOVE_SCALE_LINE
      reason = above === prevAbove ? '保持' : above ? '入规' : '退规'
    }
    out.push({ year: y, aboveScale: above, reason })
  }
  return out
}
