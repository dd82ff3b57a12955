import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import { loginAs, seedFixtures, testApp } from '../../../test/fixtures.ts'

describeEachDb('closing and reopening a period for publication', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>
  beforeAll(async () => {
    await seedFixtures(ctx.database)
    app = await testApp(ctx.database)
  })

  it('lets the province close and reopen a period, audited; a city official may not', async () => {
    const admin = await loginAs(app, 'admin')
    const close = await app.inject({ method: 'PUT', url: '/api/v1/reports/periods/2025-10', headers: admin.headers, payload: { status: 'closed' } })
    expect(close.statusCode).toBe(200)
    expect(close.json()).toMatchObject({ period: '2025-10', status: 'closed', closedBy: 'admin' })
    const list = (await app.inject({ method: 'GET', url: '/api/v1/reports/periods', headers: admin.headers })).json() as { items: { period: string; status: string }[] }
    expect(list.items).toContainEqual(expect.objectContaining({ period: '2025-10', status: 'closed' }))
    const city = await loginAs(app, 'changsha')
    expect((await app.inject({ method: 'PUT', url: '/api/v1/reports/periods/2025-10', headers: city.headers, payload: { status: 'open' } })).statusCode).toBe(403)
    expect((await app.inject({ method: 'PUT', url: '/api/v1/reports/periods/2025-13', headers: admin.headers, payload: { status: 'open' } })).statusCode).toBe(400)
    const reopen = await app.inject({ method: 'PUT', url: '/api/v1/reports/periods/2025-10', headers: admin.headers, payload: { status: 'open' } })
    expect(reopen.json()).toMatchObject({ status: 'open', closedAt: null })
    const audit = await ctx.database.db.execute<{ action: string }>(sql`select action from audit_log where action like 'reports.period.%' order by id`)
    expect(audit.rows.map((r) => r.action)).toEqual(['reports.period.close', 'reports.period.reopen'])
  })
})
