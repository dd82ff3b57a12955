import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppDeps } from './app.ts'
import { auditRoutes } from '../modules/audit/routes.ts'
import { dispatchRoutes } from '../modules/dispatch/routes.ts'
import { tableExportRoutes } from '../modules/exports/routes.ts'
import { periodRoutes } from '../modules/reports/periods.routes.ts'
import { authRoutes } from '../modules/auth/routes.ts'
import { userRoutes } from '../modules/auth/users.routes.ts'
import { enterpriseRoutes } from '../modules/enterprises/routes.ts'
import { importRoutes } from '../modules/imports/routes.ts'
import { referenceRoutes } from '../modules/regions/routes.ts'
import { reportRoutes } from '../modules/reports/routes.ts'
import { electricityRoutes } from '../modules/electricity/routes.ts'
import { indicatorRoutes } from '../modules/indicators/routes.ts'
import { targetRoutes } from '../modules/targets/routes.ts'
import { selfReportRoutes } from '../modules/reports/self-report.routes.ts'
import { landEfficiencyRoutes } from '../modules/land-efficiency/routes.ts'

export type Api = FastifyInstance & ReturnType<FastifyInstance['withTypeProvider']>

export async function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/api/v1/health',
    {
      config: { policy: { public: true } },
      schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) } },
    },
    async () => ({ status: 'ok' as const, db: deps.database.kind }),
  )
  // kept at the root too, for load balancers and the CLI's readiness check
  api.get('/health', { config: { policy: { public: true } } }, async () => ({ status: 'ok', db: deps.database.kind }))
  await app.register(async (scoped) => {
    authRoutes(scoped, deps)
    userRoutes(scoped, deps)
    referenceRoutes(scoped, deps)
    enterpriseRoutes(scoped, deps)
    reportRoutes(scoped, deps)
    selfReportRoutes(scoped, deps)
    electricityRoutes(scoped, deps)
    indicatorRoutes(scoped, deps)
    targetRoutes(scoped, deps)
    importRoutes(scoped, deps)
    auditRoutes(scoped, deps)
    dispatchRoutes(scoped, deps)
    tableExportRoutes(scoped, deps)
    periodRoutes(scoped, deps)
    landEfficiencyRoutes(scoped, deps)
  }, { prefix: '/api/v1' })
}
