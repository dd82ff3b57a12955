import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import { LISTED_ERRORS, XLSX, importResponseSchemas } from '../../http/import-schemas.ts'
import { AppError } from '../../lib/errors.ts'
import { storeErrorWorkbook } from '../../lib/error-workbook-store.ts'
import { attachment } from '../imports/routes.ts'
import { monthlyTemplate } from './columns.ts'
import { importMonthlyReports } from './import.ts'
import { listReports, reportHistory, reportingCompleteness, type ReportRow } from './repository.ts'

const counts = z.object({ read: z.number(), accepted: z.number(), rejected: z.number(), unchanged: z.number(), created: z.number(), revised: z.number() })
const importResponses = importResponseSchemas(counts)

const year = z.coerce.number().int().min(1990).max(2100)
const month = z.coerce.number().int().min(1).max(12)
const region = z.string().regex(/^\d{2,6}$/, 'a division code').optional()
const money = z.string().nullable()
const report = z.object({
  uscc: z.string(), name: z.string(), countyCode: z.string(), year: z.number(), month: z.number(), revision: z.number(),
  grossOutputCum: money, grossOutputPriorCum: money, revenueCum: money, revenuePriorCum: money, profitCum: money, profitPriorCum: money,
  electricityCum: money, employees: z.number().nullable(), batchId: z.number().nullable(), sourceRow: z.number().nullable(),
  recordedAt: z.string(), supersededAt: z.string().nullable(), revisionReason: z.string().nullable(), source: z.string(),
})
const reportOut = ({ id: _id, recordedAt, supersededAt, ...r }: ReportRow) => ({ ...r, recordedAt: recordedAt.toISOString(), supersededAt: supersededAt?.toISOString() ?? null })

/** Monthly enterprise statistics: import, the latest figures, their revision history, reporting completeness. */
export function reportRoutes(app: FastifyInstance, { config, database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = database.db
  let template: Promise<Buffer> | undefined

  api.post(
    '/reports/monthly/import',
    {
      config: { policy: { permission: 'enterprise.import' } },
      schema: {
        tags: ['reports'],
        description: 'Import monthly enterprise statistics (规上工业企业月度主要指标): the request body is the .xlsx or CSV file itself (application/octet-stream).',
        querystring: z.object({
          dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
          fileName: z.string().min(1).max(255).default('upload.xlsx'),
          allowJanuary: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
          revisionReason: z.string().trim().min(1).max(500).optional(),
        }),
        response: importResponses,
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) {
        throw new AppError('BAD_REQUEST', { summary: { zh: '请把文件内容作为请求体上传（application/octet-stream）', en: 'send the file itself as the request body (application/octet-stream)' } })
      }
      const actor = actorOf(req)
      const { dryRun, fileName, allowJanuary, revisionReason } = req.query
      const result = await importMonthlyReports(db, actor, { fileName, data: req.body, dryRun, source: actor.source, allowJanuary, ...(revisionReason ? { revisionReason } : {}) })
      const errorWorkbookUrl = result.errorWorkbook ? await storeErrorWorkbook(config.dataDir, actor, fileName, result.errorWorkbook) : null
      const errors = result.errors.slice(0, LISTED_ERRORS)
      if (!dryRun && result.errors.length) {
        const e = new AppError('IMPORT_INVALID', { rejected: result.counts.rejected || result.errors.length })
        return reply.status(422).send({
          error: { code: 'IMPORT_INVALID' as const, message: e.messageIn(req.locale), fieldErrors: errors, details: { counts: result.counts, errorWorkbookUrl, batchId: result.batchId, errorCount: result.errors.length } },
        })
      }
      return {
        batchId: result.batchId, dryRun: result.dryRun, counts: result.counts, errors, warnings: result.warnings.slice(0, LISTED_ERRORS),
        errorCount: result.errors.length, warningCount: result.warnings.length, errorWorkbookUrl,
      }
    },
  )

  api.get(
    '/reports/monthly',
    {
      config: { policy: { permission: 'enterprise.read' } },
      schema: {
        tags: ['reports'],
        querystring: z.object({ year, month, region, page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(report) }) },
      },
    },
    async (req) => {
      const { year: y, month: m, region: r, page, pageSize } = req.query
      const out = await listReports(db, actorOf(req).scope, { year: y, month: m, page, pageSize, ...(r ? { region: r } : {}) })
      return { total: out.total, page, pageSize, items: out.items.map(reportOut) }
    },
  )

  api.get(
    '/reports/monthly/history',
    {
      config: { policy: { permission: 'enterprise.read' } },
      schema: {
        tags: ['reports'],
        querystring: z.object({ uscc: z.string().trim().toUpperCase().length(18), year: year.optional(), month: month.optional() }),
        response: { 200: z.object({ items: z.array(report) }) },
      },
    },
    async (req) => {
      const { uscc, year: y, month: m } = req.query
      const items = await reportHistory(db, actorOf(req).scope, { uscc, ...(y !== undefined ? { year: y } : {}), ...(m !== undefined ? { month: m } : {}) })
      // an enterprise outside the scope is as absent as an unknown one
      if (items.length === 0) throw new AppError('OUT_OF_SCOPE')
      return { items: items.map(reportOut) }
    },
  )

  api.get(
    '/reports/completeness',
    {
      config: { policy: { permission: 'enterprise.read' } },
      schema: {
        tags: ['reports'],
        querystring: z.object({ year, month, region }),
        response: {
          200: z.object({
            expected: z.number(), reported: z.number(), share: z.number(),
            counties: z.array(z.object({ countyCode: z.string(), countyName: z.string(), expected: z.number(), reported: z.number(), share: z.number(), missing: z.array(z.object({ uscc: z.string(), name: z.string() })) })),
          }),
        },
      },
    },
    async (req) => {
      const { year: y, month: m, region: r } = req.query
      const counties = await reportingCompleteness(db, actorOf(req).scope, { year: y, month: m, ...(r ? { region: r } : {}) })
      const expected = counties.reduce((n, c) => n + c.expected, 0)
      const reported = counties.reduce((n, c) => n + c.reported, 0)
      return { expected, reported, share: expected ? reported / expected : 1, counties }
    },
  )

  api.get('/imports/templates/monthly.xlsx', { config: { policy: { permission: 'enterprise.read' } }, schema: { tags: ['imports'] } }, async (_req, reply) => {
    template ??= monthlyTemplate()
    return reply.header('content-disposition', attachment('规上工业企业月度主要指标导入模板.xlsx')).type(XLSX).send(await template)
  })
}
