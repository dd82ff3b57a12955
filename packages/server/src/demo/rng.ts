/**
 * The demo generator's only source of randomness: a seeded sfc32 generator (fast, 128-bit state, passes
 * PractRand well past what we draw) with the distributions the generator needs. Math.random is never
 * used, so that the same seed gives the same database.
 *
 * Each demo step gets its own stream, derived from the seed AND the step id (see `rngFor`): adding a new
 * step, or a step drawing more numbers than before, leaves every other step's output unchanged.
 */

export interface Rng {
  /** uniform in [0, 1) */
  next(): number
  /** uniform integer in [min, max] (both inclusive) */
  int(min: number, max: number): number
  /** true with probability p */
  chance(p: number): boolean
  /** one element, uniformly; throws on an empty list */
  pick<T>(items: readonly T[]): T
  /** normal distribution (Box–Muller) */
  normal(mean?: number, sd?: number): number
  /** exp(normal(mu, sigma)): `median` = e^mu */
  lognormal(median: number, sigma: number): number
  /** exponential distribution with the given mean */
  exponential(mean: number): number
  /** index i with probability weights[i] / Σ weights (linear scan: use `sampler` for repeated draws) */
  weightedIndex(weights: readonly number[]): number
  /** an item with probability proportional to its weight */
  weighted<T>(items: readonly T[], weights: readonly number[]): T
  /** Zipf rank in 1..n with P(k) ∝ k^-s */
  zipf(n: number, s: number): number
  /** a new array with the items in random order (Fisher–Yates) */
  shuffle<T>(items: readonly T[]): T[]
  /** an independent stream for a sub-task, derived from this one's seed and a label */
  fork(label: string): Rng
}

/** 32-bit FNV-1a of a string: turns step ids and labels into seed material. */
export function hash32(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** splitmix32: spreads a 32-bit seed over the four words of sfc32's state. */
function splitmix32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x9e3779b9) >>> 0
    let t = a ^ (a >>> 16)
    t = Math.imul(t, 0x21f0aaad)
    t ^= t >>> 15
    t = Math.imul(t, 0x735a2d97)
    t ^= t >>> 15
    return t >>> 0
  }
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}

/** Prefix sums of weights, for binary-search sampling; throws when no weight is positive. */
function cumulative(weights: readonly number[]): Float64Array {
  const cum = new Float64Array(weights.length)
  let sum = 0
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? 0
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight ${i} is ${w}: weights must be finite and ≥ 0`)
    sum += w
    cum[i] = sum
  }
  if (!(sum > 0)) throw new RangeError('at least one weight must be positive')
  return cum
}

function searchCumulative(cum: Float64Array, u: number): number {
  const target = u * (cum[cum.length - 1] ?? 0)
  let lo = 0
  let hi = cum.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((cum[mid] ?? 0) > target) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** Zipf weights k^-s for ranks 1..n (index 0 is rank 1). */
export function zipfWeights(n: number, s: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.pow(i + 1, -s))
}

/** A fixed discrete distribution for many draws: O(log n) per draw instead of a scan. */
export interface Sampler<T> {
  readonly items: readonly T[]
  draw(rng: Rng): T
  drawIndex(rng: Rng): number
}

export function sampler<T>(items: readonly T[], weights: readonly number[]): Sampler<T> {
  if (items.length !== weights.length) throw new RangeError(`${items.length} items but ${weights.length} weights`)
  const cum = cumulative(weights)
  return {
    items,
    drawIndex: (rng) => searchCumulative(cum, rng.next()),
    draw(rng) {
      return items[searchCumulative(cum, rng.next())] as T
    },
  }
}

const zipfCache = new Map<string, Float64Array>()

export function createRng(seed: number, label = ''): Rng {
  const seedWord = (Math.trunc(seed) ^ hash32(label)) >>> 0
  const mix = splitmix32(seedWord)
  const next = sfc32(mix(), mix(), mix(), mix())
  // Warm-up: the first outputs of a fresh sfc32 state are still correlated with the seed.
  for (let i = 0; i < 12; i++) next()

  const rng: Rng = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1))
    },
    chance(p) {
      return next() < p
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick from an empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    normal(mean = 0, sd = 1) {
      // 1 - next() is in (0, 1]: log never sees 0.
      const u = 1 - next()
      const v = next()
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    lognormal(median, sigma) {
      return median * Math.exp(sigma * rng.normal())
    },
    exponential(mean) {
      return -mean * Math.log(1 - next())
    },
    weightedIndex(weights) {
      return searchCumulative(cumulative(weights), next())
    },
    weighted(items, weights) {
      if (items.length !== weights.length) throw new RangeError(`${items.length} items but ${weights.length} weights`)
      return items[rng.weightedIndex(weights)] as (typeof items)[number]
    },
    zipf(n, s) {
      const key = `${n}:${s}`
      let cum = zipfCache.get(key)
      if (!cum) {
        cum = cumulative(zipfWeights(n, s))
        zipfCache.set(key, cum)
      }
      return searchCumulative(cum, next()) + 1
    },
    shuffle(items) {
      const out = items.slice()
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        const t = out[i] as (typeof out)[number]
        out[i] = out[j] as (typeof out)[number]
        out[j] = t
      }
      return out
    },
    fork(sub) {
      return createRng(seedWord, `${label}/${sub}`)
    },
  }
  return rng
}

/** The stream of one demo step: depends only on the seed and the step's id. */
export const rngFor = (seed: number, stepId: string): Rng => createRng(seed, `demo:${stepId}`)

/**
 * Splits `total` into integers proportional to `weights` (largest remainder), giving every part at least
 * `min` when total allows it. Deterministic: ties go to the lower index.
 */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length
  if (n === 0) return []
  const floor = total >= min * n ? min : 0
  const rest = total - floor * n
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (sum > 0 ? (rest * w) / sum : rest / n))
  const out = exact.map((x) => floor + Math.floor(x))
  let left = total - out.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (let k = 0; left > 0; k = (k + 1) % n, left--) {
    const idx = order[k]?.i ?? 0
    out[idx] = (out[idx] ?? 0) + 1
  }
  return out
}
