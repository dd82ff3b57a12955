import { asc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPasswordPolicy, validateUscc } from '@gongxin/domain'
import { describeEachDb, freshDatabase } from '../../test/db-harness.ts'
import type { Database } from '../db/index.ts'
import { auditLog } from '../modules/audit/schema.ts'
import { verifyPassword } from '../modules/auth/passwords.ts'
import { users } from '../modules/auth/schema.ts'
import { enterpriseScaleStatus, enterprises } from '../modules/enterprises/schema.ts'
import { parks } from '../modules/parks/schema.ts'
import { divisions } from '../modules/regions/schema.ts'
import { DEMO_PASSWORD, DemoOptionsError, DemoRefusedError, demoLogins, generateDemo, readDemoLogins, type DemoResult } from './index.ts'

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
  return { ents, statuses, parkRows, userRows }
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
    expect(result.steps.map((s) => s.id)).toEqual(['reference', 'parks', 'enterprises', 'users', 'monthly-reports'])
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
