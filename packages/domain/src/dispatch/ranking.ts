/**
 * Rankings (排名/比拼) and the composite score (综合评分, 年度考核). See docs/methodology.md.
 *
 * Values are compared at the precision they are published at (growth to 0.1 percentage point): 12.34 and 12.25
 * both publish as 12.3 and share a rank. Equal values share a rank and the next rank is skipped (1, 1, 3).
 */
import { roundHalfUp } from './money.ts'
import type { FieldProblem } from './problems.ts'

export interface RankInput<K extends string = string> {
  key: K
  value: number | null
}

export interface Ranked<K extends string = string> {
  key: K
  /** the value at published precision (what was compared) */
  value: number
  rank: number
  /** the value as given, before rounding */
  raw: number
}

export type RankDirection = 'higherIsBetter' | 'lowerIsBetter'

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Competition ranking (1, 1, 3) of the items with a finite value; items with null (or non-finite) values are
 * listed apart in `unranked`, in input order. `ranked` is sorted by rank, then key.
 */
export function rank<K extends string>(
  items: readonly RankInput<K>[],
  opts: { precision: number; direction: RankDirection },
): { ranked: Ranked<K>[]; unranked: K[] } {
  const unranked: K[] = []
  const rows: { key: K; value: number; raw: number }[] = []
  for (const it of items) {
    if (it.value === null || !Number.isFinite(it.value)) unranked.push(it.key)
    else rows.push({ key: it.key, value: roundHalfUp(it.value, opts.precision), raw: it.value })
  }
  const sign = opts.direction === 'higherIsBetter' ? -1 : 1
  rows.sort((a, b) => sign * (a.value - b.value) || byKey(a.key, b.key))
  const ranked: Ranked<K>[] = []
  rows.forEach((r, i) => {
    const prev = ranked[i - 1]
    const rk = prev && prev.value === r.value ? prev.rank : i + 1
    ranked.push({ key: r.key, value: r.value, rank: rk, raw: r.raw })
  })
  return { ranked, unranked }
}

/** previous − current: positive = moved up (e.g. 5th → 3rd is +2); null when either is unknown. */
export function rankChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null
  return previous - current
}

export interface CompositeItem {
  indicator: string
  weight: number
  direction: RankDirection
  /** decimals the indicator is compared at (default 1) */
  precision?: number
}

export interface CompositeScheme {
  id: string
  name: { zh: string; en: string }
  items: CompositeItem[]
  method: 'rankPoints' | 'minMax'
}


const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const shown = (v: unknown) => (typeof v === 'string' ? `"${v}"` : v === undefined ? '(missing)' : JSON.stringify(v) ?? String(v))
const shownZh = (v: unknown) => (typeof v === 'string' ? `“${v}”` : v === undefined ? '（缺失）' : JSON.stringify(v) ?? String(v))

/** Checks a scheme as it comes from a form or a file; every problem is reported with its field path. */
export function validateCompositeScheme(
  s: unknown,
): { ok: true; scheme: CompositeScheme } | { ok: false; errors: FieldProblem[] } {
  const errors: FieldProblem[] = []
  const err = (field: string, zh: string, en: string) => errors.push({ field, message: { zh, en } })
  if (!isObj(s)) {
    err('', `评分方案应为对象，而不是 ${shownZh(s)}`, `a scoring scheme must be an object, not ${shown(s)}`)
    return { ok: false, errors }
  }
  if (typeof s.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(s.id)) {
    err('id', `方案编号应为 1–64 位字母、数字、下划线或连字符，而不是 ${shownZh(s.id)}`, `id must be 1–64 letters, digits, "_" or "-", not ${shown(s.id)}`)
  }
  const name = s.name
  if (!isObj(name)) {
    err('name', '方案名称应包含中文名 zh 和英文名 en', 'name must have a Chinese name zh and an English name en')
  } else {
    for (const l of ['zh', 'en'] as const) {
      const v = name[l]
      if (typeof v !== 'string' || v.trim() === '' || v.length > 200) {
        err(`name.${l}`, `方案名称 ${l} 应为 1–200 个字符的文本，而不是 ${shownZh(v)}`, `name.${l} must be text of 1–200 characters, not ${shown(v)}`)
      }
    }
  }
  if (s.method !== 'rankPoints' && s.method !== 'minMax') {
    err('method', `计分方法应为 rankPoints（按名次计分）或 minMax（极差标准化），而不是 ${shownZh(s.method)}`, `method must be rankPoints or minMax, not ${shown(s.method)}`)
  }
  const items: CompositeItem[] = []
  if (!Array.isArray(s.items) || s.items.length === 0) {
    err('items', '评分方案至少需要一项指标', 'a scoring scheme needs at least one indicator')
  } else {
    const seen = new Set<string>()
    s.items.forEach((it: unknown, i: number) => {
      const at = `items[${i}]`
      if (!isObj(it)) {
        err(at, `第 ${i + 1} 项应为对象，而不是 ${shownZh(it)}`, `item ${i + 1} must be an object, not ${shown(it)}`)
        return
      }
      let good = true
      if (typeof it.indicator !== 'string' || it.indicator.trim() === '') {
        err(`${at}.indicator`, `第 ${i + 1} 项缺少指标名`, `item ${i + 1} has no indicator`)
        good = false
      } else if (seen.has(it.indicator)) {
        err(`${at}.indicator`, `指标 ${it.indicator} 重复出现（第 ${i + 1} 项）`, `indicator ${it.indicator} appears twice (item ${i + 1})`)
        good = false
      } else seen.add(it.indicator)
      if (typeof it.weight !== 'number' || !Number.isFinite(it.weight) || it.weight <= 0 || it.weight > 1000) {
        err(`${at}.weight`, `第 ${i + 1} 项的权重应为大于 0、不超过 1000 的数，而不是 ${shownZh(it.weight)}`, `item ${i + 1}: weight must be a number above 0 and at most 1000, not ${shown(it.weight)}`)
        good = false
      }
      if (it.direction !== 'higherIsBetter' && it.direction !== 'lowerIsBetter') {
        err(`${at}.direction`, `第 ${i + 1} 项的方向应为 higherIsBetter（越高越好）或 lowerIsBetter（越低越好），而不是 ${shownZh(it.direction)}`, `item ${i + 1}: direction must be higherIsBetter or lowerIsBetter, not ${shown(it.direction)}`)
        good = false
      }
      const p = it.precision
      if (p !== undefined && (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > 6)) {
        err(`${at}.precision`, `第 ${i + 1} 项的比较精度应为 0–6 位小数，而不是 ${shownZh(p)}`, `item ${i + 1}: precision must be 0–6 decimals, not ${shown(p)}`)
        good = false
      }
      if (good) {
        const item: CompositeItem = { indicator: it.indicator as string, weight: it.weight as number, direction: it.direction as RankDirection }
        if (p !== undefined) item.precision = p as number
        items.push(item)
      }
    })
  }
  if (errors.length) return { ok: false, errors }
  return {
    ok: true,
    scheme: { id: s.id as string, name: { zh: (name as { zh: string }).zh, en: (name as { en: string }).en }, items, method: s.method as CompositeScheme['method'] },
  }
}

/**
 * Composite score, 0–100. Each item gives every key points in [0, 1]:
 * - rankPoints: (n − rank + 1) / n, n = the number of keys ranked on that indicator (first = 1, last = 1/n; ties share);
 * - minMax: (v − min) / (max − min) for higherIsBetter, (max − v) / (max − min) for lowerIsBetter, on values at
 *   published precision; when every value is equal, each gets 1.
 * A key with no value for an item gets 0 points for it (and its part is null). The score is
 * Σ weightᵢ · pointsᵢ / Σ weightᵢ · 100 (weights are normalised, so 30/30/40 and 0.3/0.3/0.4 are the same scheme);
 * `parts[indicator]` is that item's weighted share of the score (the parts add up to the score).
 * Keys are the union of the keys of every item's values. Ranked by score at 2 decimals, higher is better;
 * sorted by rank, then key.
 */
export function compositeScores<K extends string>(
  scheme: CompositeScheme,
  values: Readonly<Record<string, readonly RankInput<K>[]>>,
): { key: K; score: number; rank: number; parts: Record<string, number | null> }[] {
  const keys: K[] = []
  const known = new Set<K>()
  for (const it of scheme.items) {
    for (const v of values[it.indicator] ?? []) {
      if (!known.has(v.key)) {
        known.add(v.key)
        keys.push(v.key)
      }
    }
  }
  const totalWeight = scheme.items.reduce((s, it) => s + it.weight, 0)
  const parts = new Map<K, Record<string, number | null>>(keys.map((k) => [k, {}]))
  const scores = new Map<K, number>(keys.map((k) => [k, 0]))
  for (const it of scheme.items) {
    const precision = it.precision ?? 1
    const { ranked } = rank(values[it.indicator] ?? [], { precision, direction: it.direction })
    const points = new Map<K, number>()
    if (scheme.method === 'rankPoints') {
      const n = ranked.length
      for (const r of ranked) points.set(r.key, (n - r.rank + 1) / n)
    } else {
      let min = Infinity
      let max = -Infinity
      for (const r of ranked) {
        min = Math.min(min, r.value)
        max = Math.max(max, r.value)
      }
      for (const r of ranked) {
        const p = max === min ? 1 : it.direction === 'higherIsBetter' ? (r.value - min) / (max - min) : (max - r.value) / (max - min)
        points.set(r.key, p)
      }
    }
    for (const k of keys) {
      const p = points.get(k)
      const part = p === undefined ? null : ((it.weight * p) / totalWeight) * 100
      ;(parts.get(k) as Record<string, number | null>)[it.indicator] = part
      scores.set(k, (scores.get(k) as number) + (part ?? 0))
    }
  }
  const { ranked } = rank(
    keys.map((k) => ({ key: k, value: scores.get(k) as number })),
    { precision: 2, direction: 'higherIsBetter' },
  )
  return ranked.map((r) => ({ key: r.key, score: r.raw, rank: r.rank, parts: parts.get(r.key) as Record<string, number | null> }))
}
