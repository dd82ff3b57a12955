import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import { periodParam } from '../../http/params.ts'
import { AppError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/service.ts'
import { setPeriodStatus } from './repository.ts'


/**
 * Publication of a period (数据发布): once closed, an import that changes its figures needs an explicit revision
 * reason (and keeps the old revisions). Closing and reopening are the province's (statistics.import at province
 * level); both are audited.
 */
export function periodRoutes(app: FastifyInstance, { database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = database.db
  const periodOut = z.object({ period: z.string(), status: z.enum(['open', 'closed']), closedAt: z.string().nullable(), closedBy: z.string().nullable() })

  api.get(
    '/reports/periods',
    { config: { policy: { permission: 'enterprise.read' } }, schema: { tags: ['reports'], response: { 200: z.object({ items: z.array(periodOut) }) } } },
    async () => {
      const r = await db.execute<{ year: number; month: number; status: 'open' | 'closed'; closed_at: string | Date | null; closed_by: string | null }>(
        sql`select year, month, status, closed_at, closed_by from report_periods order by year desc, month desc`,
      )
      return {
        items: r.rows.map((p) => ({
          period: `${p.year}-${String(p.month).padStart(2, '0')}`, status: p.status,
          closedAt: p.closed_at === null ? null : new Date(String(p.closed_at)).toISOString(), closedBy: p.closed_by,
        })),
      }
    },
  )

  api.put(
    '/reports/periods/:period',
    {
      config: { policy: { permission: 'province.configure' } },
      schema: {
        tags: ['reports'],
        description: 'Closes a period for publication (status closed) or reopens it (status open). Province-level users only; audited.',
        params: z.object({ period: periodParam }),
        body: z.object({ status: z.enum(['open', 'closed']) }),
        response: { 200: periodOut },
      },
    },
    async (req) => {
      const actor = actorOf(req)
      if (actor.scope.kind !== 'region' || actor.scope.prefix.length > 2) throw new AppError('FORBIDDEN')
      const { year, month } = req.params.period
      return db.transaction(async (tx) => {
        const before = await tx.execute<{ status: string }>(sql`select status from report_periods where year = ${year} and month = ${month}`)
        await setPeriodStatus(tx, { year, month, status: req.body.status, by: actor.username })
        await recordAudit(tx, actor, {
          action: req.body.status === 'closed' ? 'reports.period.close' : 'reports.period.reopen', entity: 'reportPeriod', entityId: `${year}-${month}`,
          changes: { status: { before: before.rows[0]?.status ?? 'open', after: req.body.status } },
        })
        const r = await tx.execute<{ closed_at: string | Date | null; closed_by: string | null }>(sql`select closed_at, closed_by from report_periods where year = ${year} and month = ${month}`)
        const row = r.rows[0]
        return { period: `${year}-${String(month).padStart(2, '0')}`, status: req.body.status, closedAt: row?.closed_at ? new Date(String(row.closed_at)).toISOString() : null, closedBy: row?.closed_by ?? null }
      })
    },
  )
}
