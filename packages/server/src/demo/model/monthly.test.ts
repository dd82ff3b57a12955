import { afterEach, describe, expect, it, vi } from 'vitest'
import { industryCatalog } from '@gongxin/domain'
import { divisionRowsFromPackage } from '../../modules/reference/load.ts'
import { rngFor } from '../rng.ts'
import { buildGeography, buildIndustryCatalog } from '../steps/reference.ts'
import { planParks } from '../steps/parks.ts'
import type { DemoEnterprise } from '../types.ts'
import { HISTORY_YEARS, planEnterprises } from './enterprises.ts'
import {
  cumulativeCents, enterpriseYearAt, expandEnterpriseYear, monthEmployees, monthlyWindow, planMonthly, PPM, SHAPE_LENGTH, type ExpandedReport, type MonthlyPlan,
} from './monthly.ts'
import { ABOVE_SCALE_LINE } from './revenue.ts'

const YEAR = 2025
// November 2026: the running year 2026 is complete up to October
const NOW = { year: 2026, month: 11 }

function firms(n: number, seed: number): DemoEnterprise[] {
  const rows = divisionRowsFromPackage().filter((d) => d.provinceCode === '430000')
  const geo = buildGeography('43', rows, rngFor(seed, 'reference'))
  const parks = planParks(geo, rngFor(seed, 'parks')).map((p, i) => ({ ...p, id: i + 1 }))
  const list = planEnterprises({ geography: geo, industries: buildIndustryCatalog(industryCatalog), parks, options: { province: '43', enterprises: n, year: YEAR }, rng: rngFor(seed, 'enterprises') })
  return list.map((e, i) => ({ ...e, id: i + 1 }))
}

const expandAll = (plan: MonthlyPlan) => Array.from({ length: plan.length }, (_, i) => expandEnterpriseYear(plan, i)).flat()
const key = (r: Pick<ExpandedReport, 'enterpriseId' | 'year' | 'month'>) => `${r.enterpriseId}/${r.year}/${r.month}`

describe('the window of monthly reports', () => {
  it.each([
    // demo year, now → first and last period, number of periods
    [2025, { year: 2026, month: 11 }, { year: 2021, month: 11 }, { year: 2026, month: 10 }, 55],
    [2025, { year: 2026, month: 3 }, { year: 2021, month: 3 }, { year: 2026, month: 2 }, 55],
    // February: January alone is no period, so the running year has none yet
    [2025, { year: 2026, month: 2 }, { year: 2021, month: 2 }, { year: 2025, month: 12 }, 55],
    [2025, { year: 2026, month: 1 }, { year: 2021, month: 2 }, { year: 2025, month: 12 }, 55],
    // December: the first year of the window begins in December
    [2025, { year: 2026, month: 12 }, { year: 2021, month: 12 }, { year: 2026, month: 11 }, 55],
    // a demo of an earlier year gets the whole following year
    [2020, { year: 2026, month: 11 }, { year: 2017, month: 2 }, { year: 2021, month: 12 }, 55],
    // a demo whose following year has not begun ends with its own year
    [2026, { year: 2026, month: 11 }, { year: 2022, month: 2 }, { year: 2026, month: 12 }, 55],
  ])('demo year %i in %o: %o to %o, %i periods', (year, now, first, last, count) => {
    const w = monthlyWindow(year, now)
    expect(w.first).toEqual(first)
    expect(w.last).toEqual(last)
    expect(w.periods).toHaveLength(count)
    expect(w.periods[0]).toEqual(first)
    expect(w.periods.at(-1)).toEqual(last)
    expect(w.periods.every((p) => p.month >= 2)).toBe(true)
  })
})

describe('the arithmetic the database repeats', () => {
  it.each([
    [1_000_000, 0, 0],
    [1_000_000, PPM, 1_000_000],
    [1_000_000, 62_000, 62_000],
    // half a 分 rounds up; a loss rounds toward zero the way integer division does
    [5, 100_000, 1],
    [5, 99_999, 0],
    [-5, 100_000, 0],
    [-15, 100_000, -1],
    [600_000_000_00, PPM, 600_000_000_00],
  ])('%i 分 × %i ppm = %i 分', (annual, share, cents) => {
    expect(cumulativeCents(annual, share)).toBe(cents)
  })

  it.each([
    [100, 5, 2, 100],
    [100, 5, 12, 105],
    [100, 5, 7, 102],
    [100, -5, 12, 95],
    [100, -5, 7, 98],
  ])('employees %i with a change of %i by December report %i in month %i… ', (employees, employeesDrift, month, expected) => {
    expect(monthEmployees({ employees, employeesDrift }, month)).toBe(expected)
  })
})

describe('five years of monthly reports of 3,000 enterprises (seed 1, November 2026)', () => {
  const list = firms(3000, 1)
  const plan = planMonthly(list, { year: YEAR, now: NOW }, rngFor(1, 'monthly-reports'))
  const reports = expandAll(plan)
  const byKey = new Map(reports.map((r) => [key(r), r]))
  const firm = new Map(list.map((e) => [e.id, e]))

  it('expands into as many reports as it counts, in the window, once per enterprise and period', () => {
    expect(reports).toHaveLength(plan.rows)
    expect(byKey.size).toBe(plan.rows)
    expect(plan.periods).toHaveLength(55)
    const periods = new Set(plan.periods.map((p) => `${p.year}/${p.month}`))
    expect(reports.filter((r) => !periods.has(`${r.year}/${r.month}`))).toEqual([])
  })

  it('reports only for the years an enterprise is above scale (the running year: its current status)', () => {
    const wrong: string[] = []
    for (let i = 0; i < plan.length; i++) {
      const y = enterpriseYearAt(plan, i)
      const e = firm.get(y.enterpriseId) as DemoEnterprise
      const above = y.year > YEAR ? e.aboveScale : e.scaleHistory.find((s) => s.year === y.year)?.aboveScale
      if (!above) wrong.push(`${e.uscc} ${y.year}`)
    }
    expect(wrong).toEqual([])
  })

  it('keeps year-to-date output, revenue and electricity non-decreasing and a year’s profit of one sign', () => {
    const prev = new Map<string, ExpandedReport>()
    const wrong: string[] = []
    for (const r of reports) {
      const p = prev.get(`${r.enterpriseId}/${r.year}`)
      const bad = p && (r.grossOutputCum < p.grossOutputCum || r.revenueCum < p.revenueCum || r.electricityCum < p.electricityCum || r.profitCum * p.profitCum < 0)
      if (bad || r.employees < 1) wrong.push(key(r))
      prev.set(`${r.enterpriseId}/${r.year}`, r)
    }
    expect(wrong).toEqual([])
  })

  it('ends a whole producing year at its annual revenue, which says whether it is above scale', () => {
    let checked = 0
    for (let i = 0; i < plan.length; i++) {
      const y = enterpriseYearAt(plan, i)
      const e = firm.get(y.enterpriseId) as DemoEnterprise
      const annual = e.revenueHistory[y.year - (YEAR - HISTORY_YEARS)]
      if (y.year > YEAR || y.lastMonth < 12 || annual === null || annual === undefined || plan.shapes[y.revenueShape * SHAPE_LENGTH + 12] !== PPM) continue
      expect(byKey.get(key({ ...y, month: 12 }))?.revenueCum).toBe(Math.round(annual * 100))
      expect(annual).toBeGreaterThanOrEqual(ABOVE_SCALE_LINE)
      checked++
    }
    expect(checked).toBeGreaterThan(plan.length * 0.6)
  })

  it('gives 上年同期 as the enterprise’s own report a year earlier wherever it reported then', () => {
    let fromOwnReport = 0
    const wrong: string[] = []
    for (const r of reports) {
      const before = byKey.get(key({ ...r, year: r.year - 1 }))
      if (!before) continue
      if (r.grossOutputPriorCum !== before.grossOutputCum || r.revenuePriorCum !== before.revenueCum || r.profitPriorCum !== before.profitCum) wrong.push(key(r))
      fromOwnReport++
    }
    expect(wrong).toEqual([])
    expect(fromOwnReport).toBeGreaterThan(reports.length * 0.7)
  })

  it('gives a first reported year the base its revenue history implies, and none to an enterprise that did not exist', () => {
    let fromHistory = 0
    let none = 0
    for (let i = 0; i < plan.length; i++) {
      const y = enterpriseYearAt(plan, i)
      const e = firm.get(y.enterpriseId) as DemoEnterprise
      const existed = y.year - 1 >= Number(e.foundedOn.slice(0, 4))
      expect(y.priorFrom <= 12, `${e.uscc} ${y.year} founded ${e.foundedOn}`).toBe(existed)
      for (const r of expandEnterpriseYear(plan, i)) {
        if (byKey.has(key({ ...r, year: r.year - 1 }))) continue
        if (r.revenuePriorCum === null) none++
        else fromHistory++
      }
    }
    expect(fromHistory).toBeGreaterThan(0)
    expect(none).toBeGreaterThan(0)
  })

  it('has enterprises entering and leaving the set each January, a few late, stopped and loss-making', () => {
    const years = new Map<number, Set<number>>()
    for (const r of reports) years.set(r.year, (years.get(r.year) ?? new Set()).add(r.enterpriseId))
    for (let y = plan.first.year + 1; y <= YEAR; y++) {
      const now = years.get(y) ?? new Set()
      const before = years.get(y - 1) ?? new Set()
      const entered = [...now].filter((id) => !before.has(id)).length
      const left = [...before].filter((id) => !now.has(id)).length
      expect(entered / before.size, `${y}`).toBeGreaterThan(0.04)
      expect(left / before.size, `${y}`).toBeGreaterThan(0.01)
    }
    const last = reports.filter((r) => r.year === plan.last.year && r.month === plan.last.month)
    const reporting = list.filter((e) => e.aboveScale).length
    expect(plan.counts.lateReporters).toBe(reporting - last.length)
    expect(plan.counts.lateReporters / reporting).toBeGreaterThan(0.002)
    expect(plan.counts.lateReporters / reporting).toBeLessThan(0.03)
    const stoppedNow = last.filter((r) => byKey.get(key({ ...r, month: r.month - 1 }))?.grossOutputCum === r.grossOutputCum).length
    expect(stoppedNow).toBeGreaterThan(0)
    expect(stoppedNow / last.length).toBeLessThan(0.03)
    const loss = last.filter((r) => r.profitCum < 0).length / last.length
    expect(loss).toBeGreaterThan(0.08)
    expect(loss).toBeLessThan(0.22)
  })
})

describe('planning the months', () => {
  afterEach(() => vi.restoreAllMocks())

  it('is deterministic and never uses Math.random', () => {
    const list = firms(400, 7)
    const spy = vi.spyOn(Math, 'random')
    const a = planMonthly(list, { year: YEAR, now: NOW }, rngFor(7, 'monthly-reports'))
    const b = planMonthly(list, { year: YEAR, now: NOW }, rngFor(7, 'monthly-reports'))
    expect(b).toEqual(a)
    expect(planMonthly(list, { year: YEAR, now: NOW }, rngFor(8, 'monthly-reports')).years.revenue).not.toEqual(a.years.revenue)
    expect(spy).not.toHaveBeenCalled()
  })
})
