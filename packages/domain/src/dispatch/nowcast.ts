/**
 * Nowcast (预测): estimate a region's output growth for a month from its electricity growth, before the statistics
 * arrive, by ordinary least squares on the region's own history:  y = a + b·x + ε,  x = industrial electricity
 * growth % (year on year), y = output growth % (same period, same region). The interval is the classical OLS
 * prediction interval for a new observation (Student t with n − 2 degrees of freedom), which widens as x moves
 * away from the mean of the history. See docs/methodology.md.
 */

export interface NowcastPoint {
  period: string
  /** electricity growth % */
  x: number
  /** output growth % */
  y: number
}

export interface NowcastModel {
  /** points used */
  n: number
  intercept: number
  slope: number
  /** residual standard deviation, √(SSE / (n − 2)) */
  residualSd: number
  /** coefficient of determination; 1 when the fit is exact */
  r2: number
  /** mean of x over the history */
  meanX: number
  /** Σ (x − meanX)² */
  sxx: number
}

export const NOWCAST_MIN_POINTS = 6

/**
 * OLS fit. Points with a non-finite x or y are ignored. Null when fewer than 6 points remain or x has no variance
 * (every x equal: the slope is undetermined).
 */
export function fitNowcast(history: readonly NowcastPoint[]): NowcastModel | null {
  const pts = history.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
  const n = pts.length
  if (n < NOWCAST_MIN_POINTS) return null
  let sx = 0
  let sy = 0
  for (const p of pts) {
    sx += p.x
    sy += p.y
  }
  const meanX = sx / n
  const meanY = sy / n
  let sxx = 0
  let sxy = 0
  let syy = 0
  for (const p of pts) {
    const dx = p.x - meanX
    const dy = p.y - meanY
    sxx += dx * dx
    sxy += dx * dy
    syy += dy * dy
  }
  // relative test: x values equal up to float noise have no variance
  if (!(sxx > 1e-12 * Math.max(1, meanX * meanX) * n)) return null
  const slope = sxy / sxx
  const intercept = meanY - slope * meanX
  let sse = 0
  for (const p of pts) {
    const e = p.y - (intercept + slope * p.x)
    sse += e * e
  }
  const residualSd = Math.sqrt(sse / (n - 2))
  const r2 = syy > 0 ? Math.max(0, 1 - sse / syy) : 1
  return { n, intercept, slope, residualSd, r2, meanX, sxx }
}

/**
 * Point estimate and prediction interval at `level` (default 0.9):
 * estimate ± t(1 − (1 − level)/2, n − 2) · s · √(1 + 1/n + (x − meanX)² / Sxx).
 */
export function predictNowcast(m: NowcastModel, x: number, level = 0.9): { estimate: number; low: number; high: number } {
  if (!(level > 0 && level < 1)) throw new RangeError(`predictNowcast: level must be between 0 and 1, got ${level}`)
  if (!Number.isFinite(x)) throw new RangeError(`predictNowcast: x must be a finite number, got ${x}`)
  const estimate = m.intercept + m.slope * x
  const se = m.residualSd * Math.sqrt(1 + 1 / m.n + ((x - m.meanX) ** 2) / m.sxx)
  const half = studentTQuantile(1 - (1 - level) / 2, m.n - 2) * se
  return { estimate, low: estimate - half, high: estimate + half }
}

/**
 * Rolling-origin backtest: the points are put in period order and each point from the `minTrain`-th on (default
 * 6, never fewer than the 6 a fit needs) is predicted from the points strictly before it only, as the nowcast
 * would have been made at the time. error = estimate − actual (positive = over-estimated).
 */
export function backtestNowcast(
  history: readonly NowcastPoint[],
  minTrain = NOWCAST_MIN_POINTS,
  level = 0.9,
): { period: string; actual: number; estimate: number; low: number; high: number; error: number }[] {
  const pts = history.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
  const start = Math.max(minTrain, NOWCAST_MIN_POINTS)
  const out: { period: string; actual: number; estimate: number; low: number; high: number; error: number }[] = []
  for (let i = start; i < pts.length; i++) {
    const p = pts[i] as NowcastPoint
    const m = fitNowcast(pts.slice(0, i))
    if (!m) continue
    const { estimate, low, high } = predictNowcast(m, p.x, level)
    out.push({ period: p.period, actual: p.y, estimate, low, high, error: estimate - p.y })
  }
  return out
}

// ---- Student t distribution -------------------------------------------------------------------------------

/** ln Γ(z), Lanczos approximation (g = 7, 9 terms), accurate to ~1e-15 for z > 0. */
function lnGamma(z: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7]
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - lnGamma(1 - z)
  const x = z - 1
  let a = c[0] as number
  const t = x + 7.5
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (x + i)
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a)
}

/** Continued fraction for the regularized incomplete beta (modified Lentz). */
function betaCf(a: number, b: number, x: number): number {
  const tiny = 1e-300
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  if (Math.abs(d) < tiny) d = tiny
  d = 1 / d
  let h = d
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const del = d * c
    h *= del
    if (Math.abs(del - 1) < 1e-15) break
  }
  return h
}

/** Regularized incomplete beta I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x))
  return x < (a + 1) / (a + b + 2) ? (front * betaCf(a, b, x)) / a : 1 - (front * betaCf(b, a, 1 - x)) / b
}

/** P(T ≤ t) for Student's t with df degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5)
  return t >= 0 ? 1 - tail : tail
}

/** The p-quantile of Student's t with df degrees of freedom (bisection on the CDF; |error| < 1e-10). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be between 0 and 1, got ${p}`)
  if (!(df > 0)) throw new RangeError(`studentTQuantile: df must be above 0, got ${df}`)
  if (p === 0.5) return 0
  if (p < 0.5) return -studentTQuantile(1 - p, df)
  let lo = 0
  let hi = 1
  while (studentTCdf(hi, df) < p) {
    lo = hi
    hi *= 2
  }
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2
    if (studentTCdf(mid, df) < p) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}
