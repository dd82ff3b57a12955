import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { isIndicatorId } from '@gongxin/domain'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import { XLSX } from '../../http/import-schemas.ts'
import { AppError } from '../../lib/errors.ts'
import { factImportQuery, factImportReply, factImportResponses, fileBody } from '../indicators/import-route.ts'
import { attachment } from '../imports/routes.ts'
import { targetTemplate } from './columns.ts'
import { importTargets } from './import.ts'
import { targetHistory, targetsOf, type TargetRow } from './repository.ts'
import { createTarget, updateTarget } from './service.ts'

const year = z.coerce.number().int().min(1990).max(2100)
const regionCode = z.string().regex(/^\d{6}$/, 'a 6-digit division code')
const indicatorId = z.string().refine(isIndicatorId, 'unknown indicator id (see GET /api/v1/indicators)')

const targetOut = z.object({
  id: z.number(), regionCode: z.string(), regionName: z.string(), regionLevel: z.number(), year: z.number(), indicatorId: z.string(),
  target: z.string().describe('decimal text in the indicator’s unit'), unit: z.string(), revision: z.number().describe('the version to send back when editing'),
  batchId: z.number().nullable(), sourceRow: z.number().nullable(), recordedBy: z.string(), recordedAt: z.string(), supersededAt: z.string().nullable(), revisionReason: z.string().nullable(),
})
const present = ({ recordedAt, supersededAt, ...r }: TargetRow) => ({ ...r, recordedAt: recordedAt.toISOString(), supersededAt: supersededAt?.toISOString() ?? null })

/** Annual targets: the year's targets in the caller's area, setting and changing one, their revisions, import. */
export function targetRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = deps.database.db
  let template: Promise<Buffer> | undefined

  api.get(
    '/targets',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['targets'],
        description: 'The targets in force for a year, of the regions in the caller’s area.',
        querystring: z.object({ year, within: regionCode.optional(), indicator: indicatorId.optional() }),
        response: { 200: z.object({ year: z.number(), items: z.array(targetOut) }) },
      },
    },
    async (req) => {
      const { year: y, within, indicator } = req.query
      const rows = await targetsOf(db, actorOf(req).scope, { year: y, ...(within ? { within } : {}), ...(indicator ? { indicatorIds: [indicator] } : {}) })
      return { year: y, items: rows.map(present) }
    },
  )

  api.post(
    '/targets',
    {
      config: { policy: { permission: 'targets.write' } },
      schema: {
        tags: ['targets'],
        description: 'Sets a target that is not set yet (409 when it is: edit it with PUT).',
        body: z.object({ regionCode, year, indicatorId, target: z.number().finite() }),
        response: { 201: targetOut },
      },
    },
    async (req, reply) => reply.status(201).send(present(await createTarget(db, actorOf(req), req.body))),
  )

  api.put(
    '/targets/:id',
    {
      config: { policy: { permission: 'targets.write' } },
      schema: {
        tags: ['targets'],
        description: 'Changes a target: a new revision supersedes the one in force. `revision` is the revision shown to the user; 409 STALE_VERSION when it is no longer the one in force.',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({ target: z.number().finite(), revision: z.number().int().min(1), reason: z.string().trim().max(500).optional() }),
        response: { 200: targetOut },
      },
    },
    async (req) => present(await updateTarget(db, actorOf(req), req.params.id, req.body)),
  )

  api.get(
    '/targets/history',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['targets'],
        description: 'Every revision of a target, oldest first: the value, who set it when, and the batch and file row it came from.',
        querystring: z.object({ region: regionCode, indicator: indicatorId, year }),
        response: { 200: z.object({ items: z.array(targetOut) }) },
      },
    },
    async (req) => {
      const items = await targetHistory(db, actorOf(req).scope, { regionCode: req.query.region, indicatorId: req.query.indicator, year: req.query.year })
      if (items.length === 0) throw new AppError('OUT_OF_SCOPE')
      return { items: items.map(present) }
    },
  )

  api.post(
    '/targets/import',
    {
      config: { policy: { permission: 'targets.write' } },
      schema: {
        tags: ['targets'],
        description: 'Import annual targets (年度目标): the request body is the .xlsx or CSV file itself (application/octet-stream). See docs/import-formats.md.',
        querystring: factImportQuery,
        response: factImportResponses,
      },
    },
    async (req, reply) => {
      const data = fileBody(req.body)
      const actor = actorOf(req)
      const { dryRun, fileName, revisionReason } = req.query
      const result = await importTargets(db, actor, { fileName, data, dryRun, source: actor.source, ...(revisionReason ? { revisionReason } : {}) })
      const out = await factImportReply(deps, req, dryRun, fileName, result)
      return reply.status(out.status).send(out.body)
    },
  )

  api.get('/imports/templates/targets.xlsx', { config: { policy: { permission: 'targets.write' } }, schema: { tags: ['imports'] } }, async (_req, reply) => {
    template ??= targetTemplate()
    return reply.header('content-disposition', attachment('年度目标导入模板.xlsx')).type(XLSX).send(await template)
  })
}
