import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppDeps } from '../../http/app.ts'
import { listAudit } from './repository.ts'

export function auditRoutes(app: FastifyInstance, { database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/audit',
    {
      config: { policy: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        querystring: z.object({
          action: z.string().optional(),
          username: z.string().optional(),
          entity: z.string().optional(),
          entityId: z.string().optional(),
          source: z.enum(['web', 'api', 'cli', 'import', 'system']).optional(),
          from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
          to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query
      const { items, total } = await listAudit(database.db, f, page, pageSize)
      return { items: items.map((i) => ({ ...i, at: i.at.toISOString() })), total, page, pageSize }
    },
  )
}
