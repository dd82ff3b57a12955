import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { asc, eq, like } from 'drizzle-orm'
import { z } from 'zod'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import { AppError } from '../../lib/errors.ts'
import { industries } from '../industries/schema.ts'
import { parks } from '../parks/schema.ts'
import { getDivision, listChildDivisions, listDivisionsOfLevel } from './repository.ts'

const divisionOut = z.object({ code: z.string(), name: z.string(), level: z.number(), parentCode: z.string().nullable() })

/** Reference data: divisions (limited to the caller's area), industries, parks. */
export function referenceRoutes(app: FastifyInstance, { database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = database.db
  api.get(
    '/regions',
    {
      config: { policy: { permission: 'reference.read' } },
      schema: { tags: ['reference'], querystring: z.object({ parent: z.string().regex(/^\d{6}$/).optional() }), response: { 200: z.object({ items: z.array(divisionOut) }) } },
    },
    async (req) => {
      const actor = actorOf(req)
      const prefix = actor.scope.kind === 'region' ? actor.scope.prefix : ''
      if (!req.query.parent) {
        if (prefix === '') return { items: await listDivisionsOfLevel(db, 1) }
        const top = await getDivision(db, prefix.padEnd(6, '0'))
        return { items: top ? [top] : [] }
      }
      const parent = req.query.parent
      // a parent outside the scope yields only the scope's own part of it (a city official asking for the province)
      return { items: await listChildDivisions(db, actor.scope, parent) }
    },
  )
  api.get(
    '/industries',
    {
      config: { policy: { permission: 'reference.read' } },
      schema: { tags: ['reference'], querystring: z.object({ level: z.coerce.number().int().min(1).max(4).optional(), parent: z.string().optional() }) },
    },
    async (req) => {
      const rows = await db
        .select()
        .from(industries)
        .where(req.query.level ? eq(industries.level, req.query.level) : req.query.parent ? eq(industries.parentCode, req.query.parent) : undefined)
        .orderBy(asc(industries.level), asc(industries.code))
      return { items: rows }
    },
  )
  api.get(
    '/parks',
    { config: { policy: { permission: 'reference.read' } }, schema: { tags: ['reference'], querystring: z.object({ region: z.string().regex(/^\d{6}$/).optional() }) } },
    async (req) => {
      const actor = actorOf(req)
      const scopePrefix = actor.scope.kind === 'region' ? actor.scope.prefix : null
      if (scopePrefix === null) return { items: [] }
      const regionPrefix = req.query.region ? req.query.region.replace(/(00)+$/, '') : ''
      if (regionPrefix && scopePrefix && !regionPrefix.startsWith(scopePrefix) && !scopePrefix.startsWith(regionPrefix)) throw new AppError('OUT_OF_SCOPE')
      const prefix = regionPrefix.length > scopePrefix.length ? regionPrefix : scopePrefix
      const rows = await db.select().from(parks).where(prefix ? like(parks.countyCode, `${prefix}%`) : undefined).orderBy(asc(parks.countyCode), asc(parks.name))
      return { items: rows }
    },
  )
}
