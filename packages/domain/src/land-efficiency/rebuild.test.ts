import { describe, expect, it } from 'vitest'
import { evaluateLandEfficiency, listKeyOf, rebuildLandResult, specsOf, type LandEnterpriseData, type LandResult } from './evaluate.ts'
import { explainLandResult } from './explain.ts'
import { landSchemePresets } from './presets.ts'
import { landDataFields, type LandDataField, type LandScheme } from './scheme.ts'

/** A deterministic pseudo-random province: 3 counties, above- and below-scale firms, gaps, zeros, refunds and flags. */
function province(n: number, year: number): LandEnterpriseData[] {
  let seed = year
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const out: LandEnterpriseData[] = []
  for (let i = 0; i < n; i++) {
    const rev = 500 + rnd() * 50000
    const v: Record<LandDataField, number | null> = Object.fromEntries(landDataFields.map((f) => [f, null])) as Record<LandDataField, number | null>
    v.landMu = i % 53 === 0 ? null : i % 61 === 0 ? 0 : 5 + rnd() * 200
    v.tax = i % 47 === 0 ? -20 : rev * 0.04 * rnd()
    v.valueAdded = rev * (0.15 + rnd() * 0.2)
    v.revenue = rev
    v.mainRevenue = rev * 0.95
    v.energyTce = i % 41 === 0 ? 0 : rev * 0.05 * rnd()
    v.electricity = rev * 0.02
    v.emissions = i % 10 === 0 ? null : rev * 0.0002 * (0.5 + rnd())
    v.rdExpense = rev * 0.03 * rnd()
    v.employees = 20 + Math.floor(rnd() * 800)
    v.renovationInvestment = rev * 0.02 * rnd()
    out.push({
      uscc: `U${i}`, countyCode: ['430102', '430181', '430202'][i % 3] ?? '430102', parkId: i % 4 === 0 ? null : (i % 5) + 1,
      industry: ['34', '26', '44', '39'][i % 4] ?? null, aboveScale: i % 5 !== 0, yearsInProduction: i % 37 === 0 ? 1 : 8, values: v,
      flags: i % 29 === 0 ? ['majorSafetyAccident'] : i % 7 === 0 ? ['highTech'] : [],
    })
  }
  return out
}

/** Numbers compared to 9 significant digits (a percentile is rebuilt as points / weight). */
function rounded(r: LandResult): unknown {
  return JSON.parse(JSON.stringify(r, (_k, x: unknown) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(9)) : x)))
}

describe('rebuildLandResult: a score card rebuilt from the stored result equals what the evaluator produced', () => {
  const data = province(600, 2025)
  const previousData = province(600, 2024)
  it.each(landSchemePresets.map((p) => [p.id, p] as const))('%s', (_id, scheme: LandScheme) => {
    const ev = evaluateLandEfficiency({ scheme, data, previousData, previousResults: [{ uscc: 'U3', class: 'B' }] })
    expect(ev.summary.evaluated).toBeGreaterThan(100)
    const byUscc = new Map(data.map((d) => [d.uscc, d]))
    for (const r of ev.results) {
      const d = byUscc.get(r.uscc)
      if (!d) throw new Error(r.uscc)
      const scores = r.class === 'T' ? [] : specsOf(scheme, r.list).map((s) => r.scores[s.id] ?? 0)
      const back = rebuildLandResult(d, scheme, { unitKey: r.unitKey, list: r.list, class: r.class, total: r.total, rank: r.rank, unitSize: r.unitSize, previousClass: r.previousClass, scores }, ev.params[listKeyOf(r)])
      expect(rounded(back)).toEqual(rounded(r))
      expect(explainLandResult(back, scheme, 'en')).toEqual(explainLandResult(r, scheme, 'en'))
    }
  })
})
