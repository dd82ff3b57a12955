import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { indicatorCatalog, isIndicatorId, parsePeriod, type Period } from '@gongxin/domain'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import { XLSX } from '../../http/import-schemas.ts'
import { AppError } from '../../lib/errors.ts'
import { attachment } from '../imports/routes.ts'
import { officialStatTemplate } from './columns.ts'
import { importOfficialStats } from './import.ts'
import { factImportQuery, factImportReply, factImportResponses, fileBody } from './import-route.ts'
import { listOfficialStats, officialStatHistory, officialStatPeriods, type OfficialStatRow } from './repository.ts'

const text = z.object({ zh: z.string(), en: z.string() })
const indicatorOut = z.object({
  id: z.string(), nameZh: z.string(), nameEn: z.string(), aliases: z.array(z.string()), unit: z.string(), kind: z.enum(['growth', 'level']),
  frequency: z.enum(['monthly', 'quarterly', 'annual']), cumulative: z.boolean(), source: text, precision: z.number(),
  direction: z.enum(['higherIsBetter', 'lowerIsBetter']),
  thresholds: z.object({ basis: z.enum(['value', 'schedulePace']), alarm: z.number(), excellence: z.number() }),
  computed: z.boolean(), hardRange: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
  plausibleRange: z.object({ min: z.number(), max: z.number() }), note: text.optional(),
})

const year = z.coerce.number().int().min(1990).max(2100)
const month = z.coerce.number().int().min(1).max(12)
const regionCode = z.string().regex(/^\d{6}$/, 'a 6-digit division code')
const indicatorList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .refine((ids) => ids.every(isIndicatorId), { message: 'unknown indicator id (see GET /api/v1/indicators)' })

export const officialStatOut = z.object({
  regionCode: z.string(), regionName: z.string(), regionLevel: z.number(), year: z.number(), month: z.number(), indicatorId: z.string(),
  value: z.string().describe('decimal text in the indicator’s unit'), unit: z.string(), source: z.string().nullable(), revision: z.number(),
  batchId: z.number().nullable(), sourceRow: z.number().nullable(), recordedAt: z.string(), supersededAt: z.string().nullable(), revisionReason: z.string().nullable(),
})
const present = ({ id: _id, recordedAt, supersededAt, ...r }: OfficialStatRow) => ({ ...r, recordedAt: recordedAt.toISOString(), supersededAt: supersededAt?.toISOString() ?? null })

/** year & month, or period in any form the monthly statistics accept (2025-11, 2025年1-11月). */
function periodOf(q: { period?: string | undefined; year?: number | undefined; month?: number | undefined }): Period {
  if (q.period) {
    const p = parsePeriod(q.period, { allowJanuary: true })
    if (!p.ok) throw new AppError('VALIDATION', { summary: { zh: p.error.zh, en: p.error.en } })
    return p.period
  }
  if (q.year === undefined || q.month === undefined) {
    throw new AppError('VALIDATION', { summary: { zh: '请给出报告期：period=2025-11，或 year 与 month', en: 'give the period: period=2025-11, or year and month' } })
  }
  return { year: q.year, month: q.month }
}

/** The indicator catalogue and the official regional statistics: import, the figures of a period, their revisions. */
export function indicatorRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = deps.database.db
  let template: Promise<Buffer> | undefined

  api.get(
    '/indicators',
    {
      config: { policy: { permission: 'reference.read' } },
      schema: { tags: ['reference'], description: 'The indicator catalogue (指标目录): unit, kind, frequency, precision, direction and thresholds of each indicator.', response: { 200: z.object({ items: z.array(indicatorOut) }) } },
    },
    async () => ({ items: indicatorCatalog.map((i) => ({ ...i, aliases: [...i.aliases] })) }),
  )

  api.post(
    '/official-stats/import',
    {
      config: { policy: { permission: 'statistics.import' } },
      schema: {
        tags: ['officialStats'],
        description: 'Import official regional statistics (统计局公布数): the request body is the .xlsx or CSV file itself (application/octet-stream). See docs/import-formats.md.',
        querystring: factImportQuery,
        response: factImportResponses,
      },
    },
    async (req, reply) => {
      const data = fileBody(req.body)
      const actor = actorOf(req)
      const { dryRun, fileName, revisionReason } = req.query
      const result = await importOfficialStats(db, actor, { fileName, data, dryRun, source: actor.source, ...(revisionReason ? { revisionReason } : {}) })
      const out = await factImportReply(deps, req, dryRun, fileName, result)
      return reply.status(out.status).send(out.body)
    },
  )

  api.get(
    '/official-stats',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['officialStats'],
        description: 'The official figures in force for a period: every province (peers) and, inside the own province, the regions of the caller’s area.',
        querystring: z.object({
          period: z.string().max(40).optional(), year: year.optional(), month: month.optional(), indicator: indicatorList.optional(),
          level: z.coerce.number().int().min(1).max(3).optional(), parent: regionCode.optional(),
        }),
        response: { 200: z.object({ year: z.number(), month: z.number(), items: z.array(officialStatOut) }) },
      },
    },
    async (req) => {
      const p = periodOf(req.query)
      const { indicator, level, parent } = req.query
      const rows = await listOfficialStats(db, actorOf(req).scope, { ...p, ...(indicator?.length ? { indicatorIds: indicator } : {}), ...(level ? { level } : {}), ...(parent ? { parent } : {}) })
      return { ...p, items: rows.map(present) }
    },
  )

  api.get(
    '/official-stats/periods',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: { tags: ['officialStats'], description: 'Periods with official figures, newest first.', response: { 200: z.object({ items: z.array(z.object({ year: z.number(), month: z.number(), figures: z.number() })) }) } },
    },
    async (req) => ({ items: await officialStatPeriods(db, actorOf(req).scope) }),
  )

  api.get(
    '/official-stats/history',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['officialStats'],
        description: 'Every revision of a region’s official figure, oldest first, each with the batch and file row it came from.',
        querystring: z.object({ region: regionCode, indicator: z.string().refine(isIndicatorId, 'unknown indicator id'), year: year.optional(), month: month.optional() }),
        response: { 200: z.object({ items: z.array(officialStatOut) }) },
      },
    },
    async (req) => {
      const { region, indicator, year: y, month: m } = req.query
      const items = await officialStatHistory(db, actorOf(req).scope, { regionCode: region, indicatorId: indicator, ...(y !== undefined ? { year: y } : {}), ...(m !== undefined ? { month: m } : {}) })
      // a region outside the area is as absent as one without figures
      if (items.length === 0) throw new AppError('OUT_OF_SCOPE')
      return { items: items.map(present) }
    },
  )

  api.get('/imports/templates/official-stats.xlsx', { config: { policy: { permission: 'statistics.import' } }, schema: { tags: ['imports'] } }, async (_req, reply) => {
    template ??= officialStatTemplate()
    return reply.header('content-disposition', attachment('统计公布数导入模板.xlsx')).type(XLSX).send(await template)
  })
}
