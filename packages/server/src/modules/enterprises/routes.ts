import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { validateUscc } from '@gongxin/domain'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import { industries } from '../industries/schema.ts'
import { getDivisions } from '../regions/repository.ts'
import { listEnterprises, summarize, type EnterpriseListRow } from './repository.ts'
import { createEnterprise, enterpriseDetail, updateEnterprise } from './service.ts'

export const filterQuery = z.object({
  q: z.string().max(100).optional(),
  region: z.string().regex(/^\d{6}$/, 'region must be a 6-digit division code').optional(),
  parkId: z.coerce.number().int().positive().optional(),
  industry: z.string().regex(/^([A-T]|\d{2,4})$/, 'industry must be a section letter or a 2–4 digit code').optional(),
  aboveScale: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  tag: z.string().max(50).optional(),
})

const listQuery = filterQuery.extend({
  sort: z.enum(['name', '-name', 'foundedOn', '-foundedOn', 'revenue', '-revenue', 'uscc', '-uscc']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})

const enterpriseBody = z.object({
  uscc: z.string().max(40),
  name: z.string().max(200),
  countyCode: z.string().max(6),
  parkId: z.number().int().positive().nullable().optional(),
  industryCode: z.string().max(10),
  foundedOn: z.string().nullable().optional(),
  ownership: z.string().max(50).nullable().optional(),
  tags: z.array(z.string().max(30)).max(30).optional(),
  aboveScale: z.boolean().nullable().optional(),
  aboveScaleYear: z.number().int().nullable().optional(),
  aboveScaleReason: z.string().max(50).nullable().optional(),
  employees: z.number().int().nullable().optional(),
})

/** The presenter of a registry row. */
export function presentEnterprise(r: EnterpriseListRow) {
  return {
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    countyCode: r.countyCode,
    countyName: r.countyName,
    cityCode: r.cityCode,
    cityName: r.cityName,
    provinceName: r.provinceName,
    parkId: r.parkId,
    parkName: r.parkName,
    industryCode: r.industryCode,
    industryDivision: r.industryDivision,
    industryName: r.industryName,
    industrySection: r.industrySection,
    foundedOn: r.foundedOn,
    ownership: r.ownership,
    aboveScale: r.aboveScale,
    revenue: r.revenue,
    employees: r.employees,
    tags: r.tags,
  }
}

/** The presenter of one enterprise's detail page: the registry row plus its USCC parts, history and version. */
function presentDetail(d: Awaited<ReturnType<typeof enterpriseDetail>>) {
  return {
    ...presentEnterprise(d),
    usccParts: d.usccParts,
    scaleHistory: d.scaleHistory,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  }
}

export function enterpriseRoutes(app: FastifyInstance, { database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = database.db

  api.get('/enterprises', { config: { policy: { permission: 'enterprise.read' } }, schema: { tags: ['enterprises'], querystring: listQuery } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query
    const { items, total } = await listEnterprises(db, actorOf(req).scope, f, sort, page, pageSize)
    return { items: items.map(presentEnterprise), total, page, pageSize }
  })

  api.get('/enterprises/summary', { config: { policy: { permission: 'enterprise.read' } }, schema: { tags: ['enterprises'], querystring: filterQuery } }, async (req) => {
    const actor = actorOf(req)
    const prefix = req.query.region?.replace(/(00)+$/, '') ?? (actor.scope.kind === 'region' ? actor.scope.prefix : '')
    const level = prefix.length >= 4 ? 3 : 2
    const s = await summarize(db, actor.scope, req.query, level)
    const names = await getDivisions(db, s.byRegion.map((r) => r.code).filter((c): c is string => !!c))
    const sections = new Map((await db.select().from(industries).where(eq(industries.level, 1))).map((r) => [r.code, r.name]))
    return {
      byRegion: s.byRegion.map((r) => ({ code: r.code, name: names.get(r.code)?.name ?? r.code, count: r.count, aboveScale: r.aboveScale })),
      bySection: s.bySection.map((r) => ({ section: r.section, name: sections.get(r.section) ?? r.section, count: r.count })),
    }
  })

  api.get(
    '/enterprises/validate-uscc',
    { config: { policy: { permission: 'enterprise.read' } }, schema: { tags: ['enterprises'], querystring: z.object({ code: z.string().max(60) }) } },
    async (req) => validateUscc(req.query.code),
  )

  api.get(
    '/enterprises/:id',
    { config: { policy: { permission: 'enterprise.read' } }, schema: { tags: ['enterprises'], params: z.object({ id: z.coerce.number().int().positive() }) } },
    async (req) => {
      const d = await enterpriseDetail(db, actorOf(req), req.params.id)
      return presentDetail(d)
    },
  )

  api.post('/enterprises', { config: { policy: { permission: 'enterprise.write' } }, schema: { tags: ['enterprises'], body: enterpriseBody } }, async (req, reply) => {
    const actor = actorOf(req)
    const id = await createEnterprise(db, actor, req.body)
    const d = await enterpriseDetail(db, actor, id)
    return reply.status(201).send(presentDetail(d))
  })

  api.put(
    '/enterprises/:id',
    {
      config: { policy: { permission: 'enterprise.write' } },
      schema: { tags: ['enterprises'], params: z.object({ id: z.coerce.number().int().positive() }), body: enterpriseBody.extend({ version: z.number().int() }) },
    },
    async (req) => {
      const actor = actorOf(req)
      await updateEnterprise(db, actor, req.params.id, req.body)
      const d = await enterpriseDetail(db, actor, req.params.id)
      return presentDetail(d)
    },
  )
}
