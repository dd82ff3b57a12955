import { asc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPasswordPolicy, currentPeriod, validateUscc } from '@gongxin/domain'
import { describeEachDb, freshDatabase } from '../../test/db-harness.ts'
import type { Database } from '../db/index.ts'
import { auditLog } from '../modules/audit/schema.ts'
import { verifyPassword } from '../modules/auth/passwords.ts'
import { users } from '../modules/auth/schema.ts'
import { enterpriseScaleStatus, enterprises } from '../modules/enterprises/schema.ts'
import { parks } from '../modules/parks/schema.ts'
import { divisions } from '../modules/regions/schema.ts'
import { DEMO_PASSWORD, DemoOptionsError, DemoRefusedError, demoLogins, demoSteps, generateDemo, readDemoLogins, rngFor, type DemoResult } from './index.ts'
import { expandEnterpriseYear, planMonthly } from './model/monthly.ts'

const OPTIONS = { province: '43', enterprises: 500, seed: 1, year: 2025 }

/** What "identical content" is compared on: every generated value, none of the clock's. */
async function snapshot(database: Database) {
  const { db } = database
  const ents = await db
    .select({ uscc: enterprises.uscc, name: enterprises.name, county: enterprises.countyCode, revenue: enterprises.revenue, industry: enterprises.industryCode, founded: enterprises.foundedOn, tags: enterprises.tags, employees: enterprises.employees })
    .from(enterprises)
    .orderBy(asc(enterprises.id))
  const statuses = await db
    .select({ uscc: enterprises.uscc, year: enterpriseScaleStatus.year, above: enterpriseScaleStatus.aboveScale, reason: enterpriseScaleStatus.reason })
    .from(enterpriseScaleStatus)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseScaleStatus.enterpriseId))
    .orderBy(asc(enterprises.uscc), asc(enterpriseScaleStatus.year))
  const parkRows = await db.select({ name: parks.name, county: parks.countyCode, level: parks.level }).from(parks).orderBy(asc(parks.id))
  const userRows = await db.select({ username: users.username, role: users.role, scope: users.scopePrefix, uscc: users.enterpriseUscc }).from(users).orderBy(asc(users.id))
  const monthly = await db.execute<{ n: number; digest: string }>(sql`
    select count(*)::int as n,
           md5(string_agg(concat_ws(',', e.uscc, r.year, r.month, r.revision, r.gross_output_cum, r.gross_output_prior_cum, r.revenue_cum, r.revenue_prior_cum,
                                    r.profit_cum, r.profit_prior_cum, r.electricity_cum, r.employees), ';' order by e.uscc, r.year, r.month)) as digest
      from monthly_reports r join enterprises e on e.id = r.enterprise_id`)
  return { ents, statuses, parkRows, userRows, monthly: monthly.rows[0] }
}

describeEachDb('demo generator', (ctx) => {
  let result: DemoResult

  beforeAll(async () => {
    result = await generateDemo(ctx.database, OPTIONS)
  })

  it('writes the enterprises, their parks, histories and users', async () => {
    const { ents, statuses, parkRows, userRows } = await snapshot(ctx.database)
    expect(ents).toHaveLength(500)
    expect(parkRows.length).toBeGreaterThanOrEqual(2 * 14)
    expect(parkRows.length).toBeLessThanOrEqual(6 * 14)
    expect(statuses.length).toBeGreaterThan(500)
    expect(userRows).toHaveLength(7)
    const above = ents.filter((e) => Number(e.revenue) >= 2000).length
    const [flagged] = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(eq(enterprises.aboveScale, true))
    expect(flagged?.n).toBe(above)
    expect(above / 500).toBeGreaterThan(0.75)
    expect(above / 500).toBeLessThan(0.9)
    // every registered step ran, in order (features add theirs after these)
    expect(result.steps.map((s) => s.id)).toEqual(demoSteps.map((s) => s.id))
    expect(result.steps.map((s) => s.id).slice(0, 5)).toEqual(['reference', 'parks', 'enterprises', 'users', 'monthly-reports'])
  })

  it('gives valid, unique USCCs', async () => {
    const { ents } = await snapshot(ctx.database)
    for (const e of ents) expect(validateUscc(e.uscc).valid, e.uscc).toBe(true)
    expect(new Set(ents.map((e) => e.uscc)).size).toBe(ents.length)
  })

  it('puts enterprises in every county of the province', async () => {
    const counties = await ctx.database.db
      .select({ code: divisions.code })
      .from(divisions)
      .where(sql`${divisions.provinceCode} = '430000' and ${divisions.level} = 3`)
    const { ents } = await snapshot(ctx.database)
    const used = new Set(ents.map((e) => e.county))
    expect(counties.length).toBeGreaterThan(100)
    for (const c of counties) expect(used.has(c.code), c.code).toBe(true)
  })

  it('creates one account per role with the demo password, the enterprise user in the county official’s county', async () => {
    const { userRows, ents } = await snapshot(ctx.database)
    const county = userRows.find((u) => u.role === 'countyOfficial')
    const firmUser = userRows.find((u) => u.role === 'enterprise')
    const firm = ents.find((e) => e.uscc === firmUser?.uscc)
    expect(county?.scope).toBe('430181')
    expect(firm?.county).toBe(county?.scope)
    expect(Number(firm?.revenue)).toBeGreaterThanOrEqual(2000)
    // The printed list (known without a database) is what a demo of 湖南 creates.
    expect(result.logins.map((l) => [l.username, l.role, l.password])).toEqual(demoLogins.map((l) => [l.username, l.role, l.password]))
    expect(result.logins.slice(0, 6).map((l) => l.scope)).toEqual(demoLogins.slice(0, 6).map((l) => l.scope))
    for (const l of demoLogins) expect(checkPasswordPolicy(l.password, l.username)).toEqual([])
    const [admin] = await ctx.database.db.select({ hash: users.passwordHash }).from(users).where(eq(users.username, 'admin'))
    expect(await verifyPassword(admin?.hash ?? '', DEMO_PASSWORD)).toBe(true)
    expect((await readDemoLogins(ctx.database.db)).map((l) => l.username)).toEqual(demoLogins.map((l) => l.username))
  })

  it('writes five years of monthly reports of the above-scale enterprises, exactly as planned', async () => {
    const step = result.steps.find((s) => s.id === 'monthly-reports')
    const plan = planMonthly(result.state.enterprises ?? [], { year: OPTIONS.year, now: currentPeriod(new Date()) }, rngFor(OPTIONS.seed, 'monthly-reports'))
    expect(step?.summary.monthlyReports).toBe(plan.rows)
    expect(result.state.monthlyReports).toEqual({ first: plan.first, last: plan.last, rows: plan.rows })
    const rows = await ctx.database.db.execute<Record<string, string | number | null>>(sql`
      select enterprise_id, year, month, revision, batch_id, gross_output_cum, gross_output_prior_cum, revenue_cum, revenue_prior_cum,
             profit_cum, profit_prior_cum, electricity_cum, employees
        from monthly_reports order by enterprise_id, year, month`)
    const money = (cents: number | null) => (cents === null ? null : (cents / 100).toFixed(2))
    const expected = Array.from({ length: plan.length }, (_, i) => expandEnterpriseYear(plan, i))
      .flat()
      .map((r) => ({
        enterprise_id: r.enterpriseId, year: r.year, month: r.month, revision: 1, batch_id: null,
        gross_output_cum: money(r.grossOutputCum), gross_output_prior_cum: money(r.grossOutputPriorCum), revenue_cum: money(r.revenueCum),
        revenue_prior_cum: money(r.revenuePriorCum), profit_cum: money(r.profitCum), profit_prior_cum: money(r.profitPriorCum),
        electricity_cum: money(r.electricityCum), employees: r.employees,
      }))
    expect(rows.rows.length).toBe(expected.length)
    expect(rows.rows).toEqual(expected)
    const periods = await ctx.database.db.execute<{ n: number }>(sql`select count(distinct (year, month))::int as n from monthly_reports`)
    expect(periods.rows[0]?.n).toBe(55)
  })

  it('keeps the reports consistent: year-to-date never falls within a year, 上年同期 is last year’s own report', async () => {
    const r = await ctx.database.db.execute<{ falling: number; mismatched: number; reported: number }>(sql`
      select (select count(*)::int from monthly_reports a join monthly_reports b on b.enterprise_id = a.enterprise_id and b.year = a.year and b.month = a.month + 1
               where b.gross_output_cum < a.gross_output_cum or b.revenue_cum < a.revenue_cum or b.electricity_cum < a.electricity_cum) as falling,
             (select count(*)::int from monthly_reports a join monthly_reports p on p.enterprise_id = a.enterprise_id and p.year = a.year - 1 and p.month = a.month
               where a.gross_output_prior_cum is distinct from p.gross_output_cum or a.revenue_prior_cum is distinct from p.revenue_cum
                  or a.profit_prior_cum is distinct from p.profit_cum) as mismatched,
             (select count(*)::int from monthly_reports a join monthly_reports p on p.enterprise_id = a.enterprise_id and p.year = a.year - 1 and p.month = a.month) as reported`)
    expect(r.rows[0]).toMatchObject({ falling: 0, mismatched: 0 })
    expect(r.rows[0]?.reported).toBeGreaterThan(10_000)
  })

  it('leaves the indexes and keys of the bulk-loaded tables exactly as the migrations made them', async () => {
    const definitions = async (database: Database) =>
      (
        await database.db.execute<{ def: string }>(sql`
          select tablename || ': ' || indexdef as def from pg_indexes where tablename in ('monthly_reports', 'enterprises', 'enterprise_scale_status')
          union all
          select conrelid::regclass::text || ': ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
           where conrelid in ('monthly_reports'::regclass, 'enterprises'::regclass, 'enterprise_scale_status'::regclass)
          order by 1`)
      ).rows.map((r) => r.def)
    const fresh = await freshDatabase(ctx.backend)
    try {
      expect(await definitions(ctx.database)).toEqual(await definitions(fresh.database))
    } finally {
      await fresh.drop()
    }
  })

  it('records one audit entry with the options and counts', async () => {
    const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'demo.generate'))
    expect(rows).toHaveLength(1)
    expect(rows[0]?.username).toBe('demo')
    expect(rows[0]?.detail).toMatchObject({ province: '43', enterprises: 500, seed: 1, year: 2025, steps: { enterprises: { enterprises: 500 } } })
  })

  it('refuses to run again without force, and refuses unknown provinces, writing nothing', async () => {
    await expect(generateDemo(ctx.database, OPTIONS)).rejects.toBeInstanceOf(DemoRefusedError)
    await expect(generateDemo(ctx.database, { ...OPTIONS, province: '99', force: true })).rejects.toBeInstanceOf(DemoOptionsError)
    await expect(generateDemo(ctx.database, { ...OPTIONS, enterprises: 0 })).rejects.toBeInstanceOf(DemoOptionsError)
    const { ents } = await snapshot(ctx.database)
    expect(ents).toHaveLength(500)
  })

  describe('the same seed into a fresh database', () => {
    let second: Awaited<ReturnType<typeof freshDatabase>> | undefined
    beforeAll(async () => {
      second = await freshDatabase(ctx.backend)
      await generateDemo(second.database, OPTIONS)
    })
    afterAll(async () => {
      await second?.drop()
    })

    it('gives identical content', async () => {
      if (!second) throw new Error('no second database')
      const a = await snapshot(ctx.database)
      const b = await snapshot(second.database)
      expect(b.ents.map((e) => [e.uscc, e.name, e.county, e.revenue])).toEqual(a.ents.map((e) => [e.uscc, e.name, e.county, e.revenue]))
      expect(b).toEqual(a)
    })
  })

  it('adds a second province with force, keeping every existing row and account', async () => {
    const before = await snapshot(ctx.database)
    const added = await generateDemo(ctx.database, { ...OPTIONS, province: '36', enterprises: 200, force: true })
    expect(added.addedToExistingData).toBe(true)
    expect(added.logins.map((l) => l.username)).toContain('admin36')
    const after = await snapshot(ctx.database)
    expect(after.ents).toHaveLength(700)
    expect(after.ents.slice(0, 500)).toEqual(before.ents)
    expect(after.userRows.slice(0, 7)).toEqual(before.userRows)
    expect(new Set(after.ents.map((e) => e.uscc)).size).toBe(700)
  })
})
