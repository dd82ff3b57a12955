import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { auditLog } from '../src/modules/audit/schema.ts'
import { sessions, users } from '../src/modules/auth/schema.ts'
import { forgetSessions } from '../src/modules/auth/repository.ts'
import { enterprises } from '../src/modules/enterprises/schema.ts'
import { describeEachDb } from './db-harness.ts'
import { PASSWORD, fixtureEnterprises, loginAs, seedFixtures, testApp } from './fixtures.ts'

describeEachDb('login, sessions, CSRF and region scope', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>
  beforeAll(async () => {
    await seedFixtures(ctx.database)
    app = await testApp(ctx.database)
  })
  afterAll(async () => {
    await app.close()
  })

  it('logs in, answers /auth/me with the scope name and permissions, and audits the login', async () => {
    const s = await loginAs(app, 'changsha')
    const me = await app.inject({ url: '/api/v1/auth/me', headers: s.headers })
    expect(me.statusCode).toBe(200)
    expect(me.json().user).toMatchObject({ username: 'changsha', role: 'cityOfficial', scopePrefix: '4301', scopeName: '长沙市' })
    expect(me.json().user.permissions).toContain('enterprise.write')
    const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login'))
    expect(rows.some((r) => r.username === 'changsha')).toBe(true)
  })

  it('sets an httpOnly SameSite=Strict session cookie and security headers', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: PASSWORD } })
    const cookie = String(r.headers['set-cookie'])
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(r.headers['x-content-type-options']).toBe('nosniff')
    expect(r.headers['content-security-policy']).toContain("default-src 'self'")
  })

  it('refuses a write without the CSRF token, and accepts it with the token', async () => {
    const s = await loginAs(app, 'admin')
    const without = await app.inject({ method: 'PUT', url: '/api/v1/auth/me/locale', headers: { cookie: s.cookie }, payload: { locale: 'en-US' } })
    expect(without.statusCode).toBe(403)
    expect(without.json().error.code).toBe('CSRF')
    const withToken = await app.inject({ method: 'PUT', url: '/api/v1/auth/me/locale', headers: s.headers, payload: { locale: 'zh-CN' } })
    expect(withToken.statusCode).toBe(204)
  })

  it('locks the account after five wrong passwords for 15 minutes, and the sixth try is refused even with the right one', async () => {
    for (let i = 1; i <= 4; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: 'wrong' } })
      expect(r.statusCode).toBe(401)
      expect(r.json().error.code).toBe('LOGIN_FAILED')
    }
    const fifth = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: 'wrong' } })
    expect(fifth.statusCode).toBe(423)
    const sixth = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: PASSWORD }, headers: { 'accept-language': 'en-US' } })
    expect(sixth.statusCode).toBe(423)
    expect(sixth.json().error.message).toMatch(/locked until/)
    const [u] = await ctx.database.db.select().from(users).where(eq(users.username, 'leader'))
    const minutes = ((u?.lockedUntil?.getTime() ?? 0) - Date.now()) / 60000
    expect(minutes).toBeGreaterThan(14)
    expect(minutes).toBeLessThanOrEqual(15)
    const failed = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.loginFailed'))
    expect(failed.filter((r) => r.username === 'leader').length).toBe(5)
  })

  it('answers an unknown user and a wrong password with the same error', async () => {
    const a = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } })
    const b = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'handler', password: 'x' } })
    expect(a.statusCode).toBe(401)
    expect(a.json().error).toEqual(b.json().error)
  })

  it('takes a role change and a deactivation into account at the next request, remembered lookups notwithstanding', async () => {
    const admin = await loginAs(app, 'admin')
    const s = await loginAs(app, 'changsha')
    expect((await app.inject({ url: '/api/v1/auth/me', headers: s.headers })).json().user.role).toBe('cityOfficial')
    const [row] = await ctx.database.db.select().from(users).where(eq(users.username, 'changsha'))
    const put = (body: object) => app.inject({ method: 'PUT', url: `/api/v1/users/${row?.id}`, headers: admin.headers, payload: body })
    const base = { displayName: 'changsha', scopePrefix: '4301', enterpriseUscc: null }
    expect((await put({ ...base, role: 'leader' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/api/v1/auth/me', headers: s.headers })).json().user.role).toBe('leader')
    expect((await put({ ...base, role: 'cityOfficial', active: false })).statusCode).toBe(200)
    expect((await app.inject({ url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(401)
    expect((await put({ ...base, role: 'cityOfficial', active: true })).statusCode).toBe(200)
  })

  it('expires a session idle for longer than the timeout', async () => {
    const s = await loginAs(app, 'handler')
    await ctx.database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '31 minutes'` })
    forgetSessions() // the write above bypasses the repository, which forgets remembered lookups on its own writes
    const r = await app.inject({ url: '/api/v1/auth/me', headers: s.headers })
    expect(r.statusCode).toBe(401)
    expect(r.json().error.code).toBe('SESSION_EXPIRED')
  })

  it('gives a city official only the enterprises of that city, and another city\'s enterprise by id is not found', async () => {
    const s = await loginAs(app, 'changsha')
    const list = await app.inject({ url: '/api/v1/enterprises?pageSize=100', headers: s.headers })
    expect(list.statusCode).toBe(200)
    const items = list.json().items as { countyCode: string }[]
    expect(items.length).toBe(3)
    expect(items.every((i) => i.countyCode.startsWith('4301'))).toBe(true)
    const [zz] = await ctx.database.db.select().from(enterprises).where(eq(enterprises.uscc, fixtureEnterprises[3]?.uscc ?? ''))
    const other = await app.inject({ url: `/api/v1/enterprises/${zz?.id}`, headers: s.headers })
    expect(other.statusCode).toBe(404)
    expect(other.json().error.code).toBe('OUT_OF_SCOPE')
  })

  it('gives a county official only that county, and an enterprise user only its own record', async () => {
    const county = await loginAs(app, 'liuyang')
    const c = await app.inject({ url: '/api/v1/enterprises?pageSize=100', headers: county.headers })
    expect((c.json().items as { countyCode: string }[]).map((i) => i.countyCode)).toEqual(['430181', '430181'])
    const ent = await loginAs(app, 'qiye')
    const e = await app.inject({ url: '/api/v1/enterprises?pageSize=100', headers: ent.headers })
    expect((e.json().items as { uscc: string }[]).map((i) => i.uscc)).toEqual([fixtureEnterprises[1]?.uscc])
  })

  it('keeps the audit log append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(ctx.database.pool.query("update audit_log set action = 'x'")).rejects.toThrow(/append-only/)
    await expect(ctx.database.pool.query('delete from audit_log')).rejects.toThrow(/append-only/)
    await expect(ctx.database.pool.query('truncate audit_log')).rejects.toThrow(/append-only/)
  })

  it('refuses a weak password with the policy named, in the user\'s language', async () => {
    const s = await loginAs(app, 'admin')
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...s.headers, 'accept-language': 'en-US' },
      payload: { username: 'weak1', displayName: 'Weak', role: 'handler', scopePrefix: '43', password: 'short' },
    })
    expect(r.statusCode).toBe(400)
    expect(r.json().error.code).toBe('PASSWORD_POLICY')
  })
})
