import type { LandEnterpriseData, LandResult } from './evaluate.ts'
import type { LandClass } from './scheme.ts'

/** 领跑者: the top N of each ranking list, by unit or by unit and industry division. */
export function landLeaders(results: readonly LandResult[], n: number, by: 'unit' | 'industry'): Map<string, LandResult[]> {
  const groups = new Map<string, LandResult[]>()
  for (const r of results) {
    if (r.rank === null || r.class === 'T' || r.list !== 'above') continue
    const k = by === 'unit' ? r.unitKey : `${r.unitKey}/${r.industry ?? ''}`
    const g = groups.get(k)
    if (g) g.push(r)
    else groups.set(k, [r])
  }
  for (const [k, g] of groups) groups.set(k, g.sort((a, b) => (b.total ?? 0) - (a.total ?? 0)).slice(0, n))
  return groups
}

export interface ParkEfficiency {
  parkId: number
  enterprises: number
  landMu: number
  tax: number
  revenue: number
  valueAdded: number
  taxPerMu: number
  revenuePerMu: number
  valueAddedPerMu: number | null
  rank: number
}

/** Park and development-zone evaluation: per-mu aggregates over the enterprises with land, ranked by tax per mu. */
export function parkEfficiency(data: readonly LandEnterpriseData[]): ParkEfficiency[] {
  const by = new Map<number, { n: number; mu: number; tax: number; rev: number; va: number; vaMu: number }>()
  for (const d of data) {
    const mu = d.values.landMu
    if (d.parkId === null || mu === null || !(mu > 0)) continue
    let p = by.get(d.parkId)
    if (!p) by.set(d.parkId, (p = { n: 0, mu: 0, tax: 0, rev: 0, va: 0, vaMu: 0 }))
    p.n++
    p.mu += mu
    p.tax += d.values.tax ?? 0
    p.rev += d.values.revenue ?? 0
    if (d.values.valueAdded !== null) { p.va += d.values.valueAdded; p.vaMu += mu }
  }
  const out: ParkEfficiency[] = [...by].map(([parkId, p]) => ({
    parkId, enterprises: p.n, landMu: p.mu, tax: p.tax, revenue: p.rev, valueAdded: p.va,
    taxPerMu: p.tax / p.mu, revenuePerMu: p.rev / p.mu, valueAddedPerMu: p.vaMu > 0 ? p.va / p.vaMu : null, rank: 0,
  }))
  out.sort((a, b) => b.taxPerMu - a.taxPerMu)
  out.forEach((p, i) => { p.rank = i + 1 })
  return out
}

/** How many enterprises change class between two runs over the same enterprises (the scheme editor's comparison). */
export function classChanges(before: readonly Pick<LandResult, 'uscc' | 'class'>[], after: readonly Pick<LandResult, 'uscc' | 'class'>[]) {
  const old = new Map<string, LandClass>()
  for (const r of before) old.set(r.uscc, r.class)
  let changed = 0
  let up = 0
  let down = 0
  const order: Record<LandClass, number> = { A: 0, B: 1, C: 2, D: 3, T: 4 }
  const matrix: Partial<Record<LandClass, Partial<Record<LandClass, number>>>> = {}
  for (const r of after) {
    const o = old.get(r.uscc)
    if (o === undefined) continue
    const row = (matrix[o] ??= {})
    row[r.class] = (row[r.class] ?? 0) + 1
    if (o === r.class) continue
    changed++
    if (o !== 'T' && r.class !== 'T') { if (order[r.class] < order[o]) up++; else down++ }
  }
  return { changed, up, down, matrix }
}
