import { eq } from 'drizzle-orm'
import { can, roles, type Permission } from '@gongxin/domain'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describePolicy } from '../src/http/policy.ts'
import { users } from '../src/modules/auth/schema.ts'
import { enterprises } from '../src/modules/enterprises/schema.ts'
import { describeEachDb } from './db-harness.ts'
import { fixtureEnterprises, fixtureUsers, loginAs, testApp } from './fixtures.ts'
import { seedFixtures } from './fixtures.ts'

/**
 * Enumerates every registered API route and calls it as every role: a role without the route's permission
 * gets 403, a role with it gets past authorisation; nobody gets in without a session. Routes that take an
 * id are then called inside and outside the caller's region scope.
 */
describeEachDb('authorization matrix', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>
  const sessions = new Map<string, Awaited<ReturnType<typeof loginAs>>>()
  let changshaId = 0
  let zhuzhouId = 0
  let zhuzhouUserId = 0
  beforeAll(async () => {
    await seedFixtures(ctx.database)
    app = await testApp(ctx.database)
    await app.ready()
    for (const u of fixtureUsers) sessions.set(u.role + ':' + u.username, await loginAs(app, u.username))
    const ids = await ctx.database.db.select({ id: enterprises.id, uscc: enterprises.uscc }).from(enterprises)
    changshaId = ids.find((r) => r.uscc === fixtureEnterprises[0]?.uscc)?.id ?? 0
    zhuzhouId = ids.find((r) => r.uscc === fixtureEnterprises[3]?.uscc)?.id ?? 0
    zhuzhouUserId = (await ctx.database.db.select().from(users).where(eq(users.username, 'zhuzhou')))[0]?.id ?? 0
  })
  afterAll(async () => {
    await app.close()
  })

  const fill = (url: string) => url.replace(':id', String(changshaId)).replace(/:(\w+)/g, 'x')

  it('has a declared policy on every API route, and refuses to register one without', async () => {
    expect(app.routePolicies.size).toBeGreaterThan(15)
    const fresh = await testApp(ctx.database)
    expect(() => fresh.get('/api/v1/no-policy', async () => 'x')).toThrow(/declares no policy/)
    await fresh.close()
  })

  it('refuses every non-public route without a session (401)', async () => {
    for (const [key, policy] of app.routePolicies) {
      if ('public' in policy) continue
      const [method, url] = key.split(' ') as [string, string]
      if (method === 'HEAD') continue
      const r = await app.inject({ method: method as 'GET', url: fill(url), payload: method === 'GET' ? undefined : {} })
      expect(r.statusCode, `${key} without session`).toBe(401)
    }
  })

  it('lets each role through exactly the routes its permissions allow', async () => {
    for (const [key, policy] of app.routePolicies) {
      if (!('permission' in policy)) continue
      const [method, url] = key.split(' ') as [string, string]
      if (method === 'HEAD') continue
      for (const u of fixtureUsers) {
        const s = sessions.get(u.role + ':' + u.username)
        const r = await app.inject({ method: method as 'GET', url: fill(url), headers: s?.headers, payload: method === 'GET' ? undefined : {} })
        const allowed = can(u.role, policy.permission as Permission)
        if (allowed) expect([401, 403], `${u.role} → ${key} (${describePolicy(policy)}) got ${r.statusCode} ${r.body.slice(0, 200)}`).not.toContain(r.statusCode)
        else expect(r.statusCode, `${u.role} → ${key} should be forbidden`).toBe(403)
      }
    }
    expect(roles.length).toBe(7)
  })

  it('applies region scope to routes that take an id: inside 200, outside 404', async () => {
    const cases: { user: string; url: string; inside: boolean }[] = [
      { user: 'cityOfficial:changsha', url: `/api/v1/enterprises/${changshaId}`, inside: true },
      { user: 'cityOfficial:changsha', url: `/api/v1/enterprises/${zhuzhouId}`, inside: false },
      { user: 'cityOfficial:zhuzhou', url: `/api/v1/enterprises/${zhuzhouId}`, inside: true },
      { user: 'countyOfficial:liuyang', url: `/api/v1/enterprises/${changshaId}`, inside: false },
      { user: 'enterprise:qiye', url: `/api/v1/enterprises/${changshaId}`, inside: false },
      { user: 'serviceOfficer:officer', url: `/api/v1/enterprises/${zhuzhouId}`, inside: false },
      { user: 'provinceAdmin:admin', url: `/api/v1/enterprises/${zhuzhouId}`, inside: true },
      { user: 'leader:leader', url: `/api/v1/enterprises/${zhuzhouId}`, inside: true },
    ]
    for (const c of cases) {
      const r = await app.inject({ url: c.url, headers: sessions.get(c.user)?.headers })
      expect(r.statusCode, `${c.user} ${c.url}`).toBe(c.inside ? 200 : 404)
    }
    const put = await app.inject({
      method: 'PUT',
      url: `/api/v1/enterprises/${zhuzhouId}`,
      headers: sessions.get('cityOfficial:changsha')?.headers,
      payload: { uscc: fixtureEnterprises[3]?.uscc, name: 'x', countyCode: '430202', industryCode: '3711', version: 1 },
    })
    expect(put.statusCode).toBe(404)
    const exported = await app.inject({ url: '/api/v1/regions?parent=430000', headers: sessions.get('cityOfficial:changsha')?.headers })
    expect((exported.json().items as { code: string }[]).map((i) => i.code)).toEqual(['430100'])
    const users2 = await app.inject({ url: '/api/v1/users', headers: sessions.get('cityOfficial:changsha')?.headers })
    expect((users2.json().items as { id: number }[]).some((u) => u.id === zhuzhouUserId)).toBe(false)
  })
})
