import { and, count, eq, like } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { industries } from '../industries/schema.ts'
import { divisions } from '../regions/schema.ts'
import { describeEachDb } from '../../../test/db-harness.ts'
import { ensureReferenceData } from './load.ts'

describeEachDb('reference data', (ctx) => {
  it('holds the GB/T 2260 divisions of all China: Hunan with its 14 prefectures and 122 counties', async () => {
    const db = ctx.database.db
    const [prov] = await db.select({ n: count() }).from(divisions).where(eq(divisions.level, 1))
    expect(prov?.n).toBe(34)
    const cities = await db.select().from(divisions).where(and(eq(divisions.level, 2), like(divisions.code, '43%')))
    expect(cities.map((c) => c.name)).toContain('湘西土家族苗族自治州')
    expect(cities).toHaveLength(14)
    const [counties] = await db.select({ n: count() }).from(divisions).where(and(eq(divisions.level, 3), like(divisions.code, '43%')))
    expect(counties?.n).toBe(122)
    // statistics-only x7x codes are not GB/T 2260
    const [x7x] = await db.select({ n: count() }).from(divisions).where(eq(divisions.code, '430371'))
    expect(x7x?.n).toBe(0)
    // every county has a prefecture-level parent, municipalities included
    const [beijing] = await db.select().from(divisions).where(eq(divisions.code, '110101'))
    expect(beijing?.parentCode).toBe('110100')
  })

  it('holds the GB/T 4754-2017 sections and divisions, with 41 industrial divisions in B, C and D', async () => {
    const db = ctx.database.db
    const [sec] = await db.select({ n: count() }).from(industries).where(eq(industries.level, 1))
    expect(sec?.n).toBe(20)
    const divs = await db.select().from(industries).where(eq(industries.level, 2))
    expect(divs).toHaveLength(97)
    expect(divs.filter((d) => ['B', 'C', 'D'].includes(d.section))).toHaveLength(41)
    expect(divs.find((d) => d.code === '39')?.name).toBe('计算机、通信和其他电子设备制造业')
  })

  it('loads idempotently', async () => {
    await ensureReferenceData(ctx.database.db)
    const [n] = await ctx.database.db.select({ n: count() }).from(divisions)
    await ensureReferenceData(ctx.database.db)
    const [m] = await ctx.database.db.select({ n: count() }).from(divisions)
    expect(m?.n).toBe(n?.n)
  })
})
