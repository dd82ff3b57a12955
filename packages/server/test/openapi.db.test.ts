import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeEachDb } from './db-harness.ts'
import { testApp } from './fixtures.ts'

describeEachDb('OpenAPI document', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>
  beforeAll(async () => {
    app = await testApp(ctx.database)
    await app.ready()
  })
  afterAll(async () => {
    await app.close()
  })

  it('is generated from the Zod schemas and lists every API route', async () => {
    const r = await app.inject({ url: '/api/docs/json' })
    expect(r.statusCode).toBe(200)
    const doc = r.json() as { openapi: string; paths: Record<string, Record<string, unknown>> }
    expect(doc.openapi).toMatch(/^3\./)
    for (const key of app.routePolicies.keys()) {
      const [method, url] = key.split(' ') as [string, string]
      if (url.startsWith('/api/docs') || method === 'HEAD') continue
      const path = url.replace(/:(\w+)/g, '{$1}')
      expect(doc.paths[path]?.[method.toLowerCase()], `${method} ${path} in the OpenAPI document`).toBeDefined()
    }
  })

  it('answers an unknown API path with a typed 404 in the user\'s language', async () => {
    const r = await app.inject({ url: '/api/v1/nothing-here', headers: { 'accept-language': 'en-US' } })
    expect(r.statusCode).toBe(404)
    expect(r.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Not found: GET /api/v1/nothing-here' })
  })
})
