import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { landClasses, landDataFields, landIndicatorIds, type LandClass, type LandIndicatorId, type LandScheme } from '@gongxin/domain'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import { recordAudit } from '../audit/service.ts'
import { attachment } from '../imports/routes.ts'
import { distribution, resultsPage, resultsWorkbook, runOf, scoreCard } from './results.ts'
import { getScheme, listEvaluations, listSchemes, publishEvaluation, runEvaluation, saveScheme } from './service.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const region = z.string().regex(/^\d{2}(\d{2}){0,2}$/, 'a division code (2, 4 or 6 digits)')
const year = z.coerce.number().int().min(2000).max(2100)
const id = z.object({ id: z.coerce.number().int().positive() })
const text2 = z.object({ zh: z.string().max(4000), en: z.string().max(4000) })
const cls4 = z.enum(['A', 'B', 'C', 'D'])
const indicatorId = z.enum(landIndicatorIds as [LandIndicatorId, ...LandIndicatorId[]])
const dataField = z.enum(landDataFields)

/** The shape of a scheme (domain LandScheme); its meaning (weights sum to 100, bands…) is checked by validateScheme. */
const indicatorSpec = z.object({
  id: indicatorId,
  weight: z.number(),
  normalization: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('ratio'),
      benchmark: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('fixed'), value: z.number() }),
        z.object({ kind: z.literal('previousAverage'), multiple: z.number(), of: z.enum(['unit', 'industry']) }),
      ]),
      cap: z.number().positive().optional(),
    }),
    z.object({ kind: z.literal('minmax'), floor: z.number().min(0).max(100) }),
    z.object({ kind: z.literal('percentile') }),
  ]),
  whenMissing: z.enum(['zero', 'unitAverage']).optional(),
})
const adjustment = z.object({ flag: z.string().min(1).max(60), points: z.number(), label: text2 })
export const landSchemeBody = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ or -, starting with a letter'),
  name: text2,
  region: z.string().regex(/^(\d{2}(\d{2}){0,2})?$/),
  year,
  source: z.object({ document: z.string().max(2000), date: z.string().max(100), confidence: z.enum(['HIGH', 'MED', 'LOW', 'UNVERIFIED']), note: text2 }),
  scope: z.object({
    aboveScale: z.boolean(), belowScaleMinMu: z.number().nullable(), excludeDivisions: z.array(z.string().regex(/^\d{2}$/)), minYearsInProduction: z.number().int().nullable(),
  }),
  indicators: z.array(indicatorSpec).max(20),
  belowScaleIndicators: z.array(indicatorSpec).max(20).optional(),
  unit: z.enum(['county', 'city', 'province', 'park']),
  classes: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('rankBands'), bands: z.array(z.object({ class: cls4, from: z.number(), to: z.number() })).max(4) }),
    z.object({
      kind: z.literal('scoreLines'), lines: z.array(z.object({ class: cls4, min: z.number().nullable() })).max(4),
      limits: z.object({ maxShareA: z.number().optional(), minShareD: z.number().optional() }).optional(),
    }),
  ]),
  bonuses: z.array(adjustment).max(50),
  penalties: z.array(adjustment).max(50),
  vetoes: z.array(z.object({ flag: z.string().min(1).max(60), label: text2 })).max(50),
  policies: z.array(z.discriminatedUnion('kind', [
    z.object({ id: z.string().min(1).max(60), kind: z.literal('perUnit'), basis: dataField, rates: z.partialRecord(z.enum(landClasses as [LandClass, ...LandClass[]]), z.number()), rateUnit: z.string().max(40), label: text2 }),
    z.object({ id: z.string().min(1).max(60), kind: z.literal('measure'), measures: z.partialRecord(z.enum(landClasses as [LandClass, ...LandClass[]]), text2), label: text2 }),
  ])).max(50),
})

const filters = z.object({
  county: region.optional(),
  industry: z.string().regex(/^\d{2}$/, 'a GB/T 4754 division (2 digits)').optional(),
  class: z.enum(['A', 'B', 'C', 'D', 'T']).optional(),
})

/** 亩均效益评价: runs, results, score cards, distributions, schemes, publication and the official list as Excel. */
export function landEfficiencyRoutes(app: FastifyInstance, { database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = database.db
  const tags = ['land-efficiency']

  api.post(
    '/land-efficiency/evaluations',
    {
      config: { policy: { permission: 'targets.write' } },
      schema: {
        tags,
        description: 'Runs a scheme (preset id, your own id, or a stored scheme id) over a year\'s annual figures in your area (or a region inside it); stores the run as a draft. Audited.',
        body: z.object({ year, scheme: z.union([z.string().min(1).max(64), z.number().int().positive()]), region: region.optional() }),
      },
    },
    async (req) => {
      const { year: y, scheme, region: r } = req.body
      const out = await runEvaluation(db, actorOf(req), { year: y, scheme, ...(r ? { region: r } : {}) })
      return { evaluationId: out.evaluationId, scheme: out.scheme, summary: out.summary, ms: out.ms, timings: out.timings }
    },
  )

  api.get(
    '/land-efficiency/evaluations',
    { config: { policy: { permission: 'dispatch.read' } }, schema: { tags, description: 'Runs covering your area, newest first.', querystring: z.object({ year: year.optional() }) } },
    async (req) => ({ items: await listEvaluations(db, actorOf(req), req.query.year) }),
  )

  api.get(
    '/land-efficiency/evaluations/:id/results',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags,
        description: 'A page of a run\'s results in your area, by class then county and rank: indicator values and points (columns in `indicators`), total, rank, class, last year\'s class, money effects (万元), reason of T.',
        params: id,
        querystring: filters.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) }),
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query
      return resultsPage(db, actorOf(req), req.params.id, { ...definedOf(f), page, pageSize })
    },
  )

  api.get(
    '/land-efficiency/evaluations/:id/distribution',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: { tags, description: 'Class counts of a run per county or per industry division, in your area.', params: id, querystring: z.object({ by: z.enum(['county', 'industry']).default('county') }) },
    },
    async (req) => distribution(db, actorOf(req), req.params.id, req.query.by),
  )

  api.get(
    '/land-efficiency/evaluations/:id/enterprises/:uscc',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags,
        description: 'One enterprise\'s score card: indicators, points, total, rank, class, the trace explained in the request\'s language, its figures with their sources, and last year\'s class.',
        params: id.extend({ uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'an 18-character USCC') }),
      },
    },
    async (req) => scoreCard(db, actorOf(req), req.params.id, req.params.uscc, req.locale),
  )

  api.post(
    '/land-efficiency/evaluations/:id/publish',
    { config: { policy: { permission: 'targets.write' } }, schema: { tags, description: 'Publishes a run: the official list of its year and the "last year" of the next. Audited.', params: id } },
    async (req) => {
      await publishEvaluation(db, actorOf(req), req.params.id)
      return { id: req.params.id, status: 'published' }
    },
  )

  api.get(
    '/land-efficiency/evaluations/:id/export',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: { tags, description: 'A run\'s list in your area (filters as the results\') as Excel: the published list once published. Audited.', params: id, querystring: filters },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const f = definedOf(req.query)
      const out = await resultsWorkbook(db, actor, req.params.id, f, req.locale)
      const run = await runOf(db, actor, req.params.id)
      await db.transaction((tx) => recordAudit(tx, actor, { action: 'landEfficiency.export', entity: 'landEvaluation', entityId: req.params.id, detail: { rows: out.rows, status: run.status, ...f } }))
      return reply.header('content-disposition', attachment(`${out.title}.xlsx`)).type(XLSX).send(out.file)
    },
  )

  api.get(
    '/land-efficiency/schemes',
    { config: { policy: { permission: 'dispatch.read' } }, schema: { tags, description: 'The latest version of every scheme (the four presets and your own).' } },
    async () => ({ items: await listSchemes(db) }),
  )

  api.get(
    '/land-efficiency/schemes/:code',
    { config: { policy: { permission: 'dispatch.read' } }, schema: { tags, params: z.object({ code: z.string().min(1).max(64) }) } },
    async (req) => getScheme(db, req.params.code),
  )

  api.put(
    '/land-efficiency/schemes/:code',
    {
      config: { policy: { permission: 'targets.write' } },
      schema: {
        tags,
        description: 'Saves a scheme as the next version of its code (a new code starts at version 1). Checked field by field: weights summing to 100, bands without gap or overlap, benchmarks above 0, a scope that takes someone. Audited.',
        params: z.object({ code: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{1,63}$/) }),
        body: z.object({ scheme: landSchemeBody }),
      },
    },
    async (req) => {
      const scheme: LandScheme = { ...req.body.scheme, id: req.params.code }
      return saveScheme(db, actorOf(req), scheme)
    },
  )
}

function definedOf(f: { county?: string | undefined; industry?: string | undefined; class?: string | undefined }) {
  return { ...(f.county ? { county: f.county } : {}), ...(f.industry ? { industry: f.industry } : {}), ...(f.class ? { class: f.class } : {}) }
}
