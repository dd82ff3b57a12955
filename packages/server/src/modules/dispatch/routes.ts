import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import { periodParam } from '../../http/params.ts'
import { AppError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/service.ts'
import { attachment } from '../imports/routes.ts'
import { availablePeriods, rankRegions } from './rank.ts'
import { assignees, computeAndKeep, dispatchJson, listWarnings, loadRules, updateRule, updateWarning } from './service.ts'
import { warningsWorkbook } from './export.ts'
import { buildBulletin, listBulletins, reissueBulletin } from './bulletin.ts'
import { compositeRanking, listSchemes, saveScheme } from './composite.ts'
import { nowcast } from './nowcast.ts'

const region = z.string().regex(/^\d{2}(\d{2}){0,2}$/, 'a division code (2, 4 or 6 digits)').optional()
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const warningRow = z.object({
  id: z.number(), period: z.string(), rule: z.string(), severity: z.string(), subjectKind: z.enum(['enterprise', 'region']),
  uscc: z.string().nullable(), region: z.string(), enterpriseName: z.string().nullable(), regionName: z.string().nullable(),
  figures: z.record(z.string(), z.number().nullable()), threshold: z.number().nullable(), reason: z.object({ zh: z.string(), en: z.string() }),
  status: z.enum(['new', 'acknowledged', 'resolved']), active: z.boolean(),
  owner: z.object({ id: z.number(), username: z.string(), displayName: z.string() }).nullable(), note: z.string().nullable(),
  updatedAt: z.string(), version: z.number(),
})
const warningQuery = z.object({
  period: periodParam, region, rule: z.string().max(40).optional(), status: z.enum(['new', 'acknowledged', 'resolved']).optional(),
  severity: z.enum(['high', 'medium', 'low']).optional(), ownerId: z.coerce.number().int().optional(),
  active: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
})

/** The monthly dispatch (月调度): the kept figures of a period, ranks, warnings and their rules. */
export function dispatchRoutes(app: FastifyInstance, { database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = database.db

  api.get(
    '/dispatch',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['dispatch'],
        description:
          'The dispatch of a period for a region (default: the root of your area): same-scope growth, targets, official figures, sub-regions ranked, industries with pulls, warnings. Money in 万元 as decimal strings. See docs/methodology.md.',
        querystring: z.object({ period: periodParam, region, warnings: z.enum(['all', 'none']).default('all') }),
      },
    },
    async (req, reply) => {
      const { period, region: r, warnings } = req.query
      const json = await dispatchJson(db, actorOf(req), { ...period, region: r, warnings })
      return reply.type('application/json; charset=utf-8').send(json)
    },
  )

  api.get(
    '/dispatch/periods',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: { tags: ['dispatch'], response: { 200: z.object({ periods: z.array(z.string()), latest: z.string().nullable() }) } },
    },
    async () => {
      const periods = await availablePeriods(db)
      return { periods, latest: periods.at(-1) ?? null }
    },
  )

  api.post(
    '/dispatch/recompute',
    {
      config: { policy: { permission: 'statistics.import' } },
      schema: {
        tags: ['dispatch'],
        querystring: z.object({ period: periodParam }),
        response: { 200: z.object({ period: z.string(), regions: z.number(), enterprises: z.number(), warnings: z.number(), factVersion: z.number(), asOf: z.string() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req)
      const out = await computeAndKeep(db, req.query.period)
      await db.transaction((tx) => recordAudit(tx, actor, { action: 'dispatch.recompute', entity: 'dispatch', entityId: out.period, detail: { ...out } }))
      return out
    },
  )

  api.get(
    '/dispatch/bulletin',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['dispatch'],
        description: 'The month’s bulletin (运行情况通报) as a Word document (format=docx) or its Excel annex with every table (format=xlsx). Audited.',
        querystring: z.object({ period: periodParam, region, format: z.enum(['docx', 'xlsx']).default('docx') }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const { period, region: r, format } = req.query
      const b = await buildBulletin(db, actor, { ...period, region: r })
      reply.header('x-bulletin-id', String(b.id))
      if (format === 'xlsx') return reply.header('content-disposition', attachment(`${b.title}附表.xlsx`)).type(XLSX).send(b.xlsx)
      return reply.header('content-disposition', attachment(`${b.title}.docx`)).type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(b.docx)
    },
  )

  api.get(
    '/dispatch/bulletins',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['dispatch'],
        description: 'The bulletins issued (in your area), newest first: each keeps the figures it printed.',
        querystring: z.object({ period: periodParam.optional() }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.number(), period: z.string(), region: z.string(), title: z.string(), asOf: z.string(), factVersion: z.number(), createdBy: z.string(), createdAt: z.string() })) }) },
      },
    },
    async (req) => ({ items: await listBulletins(db, actorOf(req), req.query.period ?? {}) }),
  )

  api.get(
    '/dispatch/bulletins/:id',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['dispatch'],
        description: 'An issued bulletin rendered again from the figures it recorded: identical to the one issued, whatever the facts became since.',
        params: z.object({ id: z.coerce.number().int().positive() }),
        querystring: z.object({ format: z.enum(['docx', 'xlsx']).default('docx') }),
      },
    },
    async (req, reply) => {
      const b = await reissueBulletin(db, actorOf(req), req.params.id)
      if (req.query.format === 'xlsx') return reply.header('content-disposition', attachment(`${b.title}附表.xlsx`)).type(XLSX).send(b.xlsx)
      return reply.header('content-disposition', attachment(`${b.title}.docx`)).type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(b.docx)
    },
  )

  api.get(
    '/rank',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['dispatch'],
        description: 'Ranks regions on an indicator for a period: provinces on official figures (nationally or within a peer group), cities and counties on official figures where imported, else on figures computed from enterprise reports.',
        querystring: z.object({
          indicator: z.string().min(1).max(60), period: periodParam, level: z.enum(['province', 'city', 'county']).default('city'),
          group: z.string().max(40).optional(), parent: region,
        }),
      },
    },
    async (req) => {
      const { indicator, period, level, group, parent } = req.query
      return rankRegions(db, actorOf(req).scope, { indicator, ...period, level, ...(group ? { group } : {}), ...(parent ? { parent } : {}) })
    },
  )

  api.get(
    '/dispatch/composite',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['dispatch'],
        description: 'Composite score (年度考核) of regions on a weighted scheme: each indicator ranked as /rank ranks it, turned into points, weighted.',
        querystring: z.object({
          scheme: z.string().min(1).max(64).default('annualAssessment'), period: periodParam, level: z.enum(['province', 'city', 'county']).default('city'),
          group: z.string().max(40).optional(), parent: region,
        }),
      },
    },
    async (req) => {
      const { scheme, period, level, group, parent } = req.query
      return compositeRanking(db, actorOf(req).scope, { scheme, ...period, level, ...(group ? { group } : {}), ...(parent ? { parent } : {}) })
    },
  )

  api.get(
    '/dispatch/nowcast',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['dispatch'],
        description: 'Nowcast of gross output growth from grid electricity for a period (default: the latest month with readings), for a region and its children: estimate, 90 % interval, the model, its backtest, and the actual growth once the statistics arrived.',
        querystring: z.object({ period: periodParam.optional(), region }),
      },
    },
    async (req) => {
      const { period, region: r } = req.query
      return nowcast(db, actorOf(req).scope, { ...(period ?? {}), ...(r ? { region: r } : {}) })
    },
  )

  api.get(
    '/composite-schemes',
    { config: { policy: { permission: 'dispatch.read' } }, schema: { tags: ['dispatch'] } },
    async () => ({ items: await listSchemes(db) }),
  )

  api.put(
    '/composite-schemes/:id',
    {
      config: { policy: { permission: 'province.configure' } },
      schema: {
        tags: ['dispatch'],
        description: 'Creates or replaces a scoring scheme: {scheme: {id, name{zh,en}, method rankPoints|minMax, items[{indicator, weight, direction}]}, version?}. Validated field by field.',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ scheme: z.unknown(), version: z.number().int().positive().optional() }),
      },
    },
    async (req) => {
      const actor = actorOf(req)
      if (actor.scope.kind !== 'region' || actor.scope.prefix.length > 2) throw new AppError('FORBIDDEN')
      const input = { ...(req.body.scheme as object), id: req.params.id }
      return saveScheme(db, actor, input, req.body.version)
    },
  )

  api.get(
    '/warnings',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['warnings'],
        querystring: warningQuery.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(warningRow) }) },
      },
    },
    async (req) => {
      const { period, region: r, rule, status, severity, ownerId, active, page, pageSize } = req.query
      const out = await listWarnings(db, actorOf(req).scope, {
        ...period, ...(r ? { region: r } : {}), ...(rule ? { rule } : {}), ...(status ? { status } : {}), ...(severity ? { severity } : {}),
        ...(ownerId !== undefined ? { ownerId } : {}), activeOnly: active, page, pageSize,
      })
      return { total: out.total, page, pageSize, items: out.items }
    },
  )

  api.get(
    '/warnings/export',
    { config: { policy: { permission: 'dispatch.read' } }, schema: { tags: ['warnings'], querystring: warningQuery } },
    async (req, reply) => {
      const actor = actorOf(req)
      const { period, region: r, rule, status, severity, ownerId, active } = req.query
      const out = await listWarnings(db, actor.scope, {
        ...period, ...(r ? { region: r } : {}), ...(rule ? { rule } : {}), ...(status ? { status } : {}), ...(severity ? { severity } : {}),
        ...(ownerId !== undefined ? { ownerId } : {}), activeOnly: active,
      })
      const file = await warningsWorkbook(out.items, req.locale)
      await db.transaction((tx) => recordAudit(tx, actor, { action: 'warnings.export', entity: 'warning', detail: { period: `${period.year}-${period.month}`, rows: out.items.length, region: r ?? null } }))
      return reply.header('content-disposition', attachment(`预警清单-${period.year}-${String(period.month).padStart(2, '0')}.xlsx`)).type(XLSX).send(file)
    },
  )

  api.patch(
    '/warnings/:id',
    {
      config: { policy: { permission: 'warnings.manage' } },
      schema: {
        tags: ['warnings'],
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({
          status: z.enum(['new', 'acknowledged', 'resolved']).optional(),
          ownerUserId: z.number().int().positive().nullable().optional(),
          note: z.string().trim().max(2000).nullable().optional(),
          version: z.number().int().positive(),
        }),
        response: { 200: warningRow },
      },
    },
    async (req) => {
      const b = req.body
      return updateWarning(db, actorOf(req), req.params.id, {
        version: b.version, ...(b.status ? { status: b.status } : {}), ...(b.ownerUserId !== undefined ? { ownerUserId: b.ownerUserId } : {}), ...(b.note !== undefined ? { note: b.note } : {}),
      })
    },
  )

  api.get(
    '/warnings/assignees',
    {
      config: { policy: { permission: 'warnings.manage' } },
      schema: {
        tags: ['warnings'],
        description: 'Staff a warning in your area can be assigned to: active users whose area lies inside yours or contains it (service officers, handlers, officials).',
        response: { 200: z.object({ items: z.array(z.object({ id: z.number(), username: z.string(), displayName: z.string(), role: z.string(), scopePrefix: z.string().nullable() })) }) },
      },
    },
    async (req) => ({ items: await assignees(db, actorOf(req).scope) }),
  )

  const ruleOut = z.object({ id: z.string(), enabled: z.boolean(), threshold: z.number().nullable(), severity: z.enum(['high', 'medium', 'low']) })
  api.get(
    '/warning-rules',
    { config: { policy: { permission: 'dispatch.read' } }, schema: { tags: ['warnings'], response: { 200: z.object({ items: z.array(ruleOut) }) } } },
    async () => ({ items: (await loadRules(db)).rules }),
  )

  api.patch(
    '/warning-rules/:id',
    {
      config: { policy: { permission: 'province.configure' } },
      schema: {
        tags: ['warnings'],
        description: 'Changes a warning rule. The threshold is validated (a number in the rule’s range); every kept dispatch is recomputed on its next read.',
        params: z.object({ id: z.string().max(40) }),
        // validated by the domain (validateWarningRule), so that a nonsense threshold gets its own message
        body: z.object({ enabled: z.unknown(), threshold: z.unknown(), severity: z.unknown() }).partial(),
        response: { 200: ruleOut },
      },
    },
    async (req) => {
      const actor = actorOf(req)
      // the rules are the province's: city and county officials read them but do not change them
      if (actor.scope.kind !== 'region' || actor.scope.prefix.length > 2) throw new AppError('FORBIDDEN')
      const current = (await loadRules(db)).rules.find((r) => r.id === req.params.id)
      if (!current) throw new AppError('NOT_FOUND', { what: `预警规则 ${req.params.id} / warning rule ${req.params.id}` })
      return updateRule(db, actor, req.params.id, { ...current, ...req.body })
    },
  )
}
