import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import { fieldErrorSchema } from '../../http/import-schemas.ts'
import { reportHistory, type ReportRow } from './repository.ts'
import { loadEnterprises } from './store.ts'
import { noOwnEnterprise, submitSelfReport } from './self-report.ts'

const money = z.string().nullable()
const report = z.object({
  year: z.number(), month: z.number(), revision: z.number(), source: z.string(),
  grossOutputCum: money, grossOutputPriorCum: money, revenueCum: money, revenuePriorCum: money, profitCum: money, profitPriorCum: money,
  electricityCum: money, employees: z.number().nullable(), batchId: z.number().nullable(),
  recordedAt: z.string(), supersededAt: z.string().nullable(), revisionReason: z.string().nullable(),
})
const reportOut = (r: ReportRow) => ({
  year: r.year, month: r.month, revision: r.revision, source: r.source,
  grossOutputCum: r.grossOutputCum, grossOutputPriorCum: r.grossOutputPriorCum, revenueCum: r.revenueCum, revenuePriorCum: r.revenuePriorCum,
  profitCum: r.profitCum, profitPriorCum: r.profitPriorCum, electricityCum: r.electricityCum, employees: r.employees, batchId: r.batchId,
  recordedAt: r.recordedAt.toISOString(), supersededAt: r.supersededAt?.toISOString() ?? null, revisionReason: r.revisionReason,
})

const figure = z.number().finite().nullable().optional()

/** A key enterprise's own monthly figures: its web form (企业自主填报) and every revision of its reports. */
export function selfReportRoutes(app: FastifyInstance, { database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = database.db

  api.post(
    '/reports/self',
    {
      config: { policy: { permission: 'enterprise.report' } },
      schema: {
        tags: ['reports'],
        description: "An enterprise user's own monthly report (year-to-date figures in 万元), validated like a row of the monthly import; a change writes a new revision.",
        body: z.object({
          period: z.string().min(1).max(40),
          grossOutputCum: figure, grossOutputPriorCum: figure, revenueCum: figure, revenuePriorCum: figure, profitCum: figure, profitPriorCum: figure,
          electricityCum: figure, employees: figure,
          revisionReason: z.string().max(500).optional(),
        }),
        response: {
          200: z.object({ outcome: z.enum(['created', 'revised', 'unchanged']), batchId: z.number().nullable(), year: z.number(), month: z.number(), warnings: z.array(fieldErrorSchema) }),
        },
      },
    },
    async (req) => {
      const { period, revisionReason, ...figures } = req.body
      return submitSelfReport(db, actorOf(req), { period, figures, revisionReason })
    },
  )

  api.get(
    '/reports/self',
    {
      config: { policy: { permission: 'enterprise.report' } },
      schema: { tags: ['reports'], description: "Every revision of the enterprise user's own reports, oldest first.", response: { 200: z.object({ uscc: z.string(), name: z.string(), items: z.array(report) }) } },
    },
    async (req) => {
      const actor = actorOf(req)
      if (actor.scope.kind !== 'enterprise') throw noOwnEnterprise()
      const items = await reportHistory(db, actor.scope, { uscc: actor.scope.uscc })
      const firm = (await loadEnterprises(db, [actor.scope.uscc])).get(actor.scope.uscc)
      return { uscc: actor.scope.uscc, name: firm?.name ?? '', items: items.map(reportOut) }
    },
  )
}
