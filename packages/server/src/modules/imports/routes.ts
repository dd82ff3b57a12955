import fs from 'node:fs/promises'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import { LISTED_ERRORS, XLSX, importResponseSchemas } from '../../http/import-schemas.ts'
import { storeErrorWorkbook, type StoredMeta } from '../../lib/error-workbook-store.ts'
import { AppError, type FieldError } from '../../lib/errors.ts'
import { enterpriseTemplate, exportEnterprises } from '../enterprises/export.ts'
import { importEnterprises, listImportBatches } from '../enterprises/import.ts'
import { filterQuery } from '../enterprises/routes.ts'

/** A Content-Disposition that keeps a Chinese file name (RFC 5987) with an ASCII fallback for old clients. */
export function attachment(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

const counts = z.object({ read: z.number(), accepted: z.number(), rejected: z.number(), unchanged: z.number(), created: z.number(), updated: z.number() })
const importResponses = importResponseSchemas(counts)

const withoutExtension = (name: string) => path.basename(name).replace(/\.[^.]*$/, '') || 'import'

/**
 * Import and export of the enterprise registry, the import template, error workbooks and the batch list.
 * Concurrent imports take turns: the second waits on a database lock until the first has committed,
 * then reads the registry again, so the same file imported twice at once yields created N and unchanged N.
 */
export function importRoutes(app: FastifyInstance, { config, database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = database.db
  const dir = path.join(config.dataDir, 'imports')
  let template: Promise<Buffer> | undefined

  api.post(
    '/enterprises/import',
    {
      config: { policy: { permission: 'enterprise.import' } },
      schema: {
        tags: ['imports'],
        description: 'Import the enterprise registry: the request body is the .xlsx or CSV file itself (application/octet-stream).',
        querystring: z.object({
          dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
          fileName: z.string().min(1).max(255).default('upload.xlsx'),
        }),
        response: importResponses,
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) {
        throw new AppError('BAD_REQUEST', { summary: { zh: '请把文件内容作为请求体上传（application/octet-stream）', en: 'send the file itself as the request body (application/octet-stream)' } })
      }
      const actor = actorOf(req)
      const { dryRun, fileName } = req.query
      const result = await importEnterprises(db, actor, { fileName, data: req.body, dryRun, source: actor.source })
      const errorWorkbookUrl = result.errorWorkbook
        ? await storeErrorWorkbook(config.dataDir, actor, fileName, result.errorWorkbook)
        : null
      const errors: FieldError[] = result.errors.slice(0, LISTED_ERRORS)
      if (!dryRun && result.errors.length) {
        const e = new AppError('IMPORT_INVALID', { rejected: result.counts.rejected || result.errors.length })
        return reply.status(422).send({
          error: {
            code: 'IMPORT_INVALID' as const,
            message: e.messageIn(req.locale),
            fieldErrors: errors,
            details: { counts: result.counts, errorWorkbookUrl, batchId: result.batchId, errorCount: result.errors.length },
          },
        })
      }
      return {
        batchId: result.batchId,
        dryRun: result.dryRun,
        counts: result.counts,
        errors,
        warnings: result.warnings.slice(0, LISTED_ERRORS),
        errorCount: result.errors.length,
        warningCount: result.warnings.length,
        errorWorkbookUrl,
      }
    },
  )

  api.get(
    '/imports/error-workbooks/:id',
    { config: { policy: { permission: 'enterprise.import' } }, schema: { tags: ['imports'], params: z.object({ id: z.string().regex(/^[0-9a-f]{32}$/, 'not an error workbook id') }) } },
    async (req, reply) => {
      const actor = actorOf(req)
      const base = path.join(dir, req.params.id)
      const meta = await fs
        .readFile(`${base}.json`, 'utf8')
        .then((s) => JSON.parse(s) as StoredMeta)
        .catch(() => null)
      // someone else's workbook is as absent as an expired one
      if (!meta || meta.userId !== actor.userId || meta.username !== actor.username) throw new AppError('OUT_OF_SCOPE')
      const data = await fs.readFile(`${base}.xlsx`).catch(() => null)
      if (!data) throw new AppError('OUT_OF_SCOPE')
      return reply.header('content-disposition', attachment(`${withoutExtension(meta.fileName)}.errors.xlsx`)).type(XLSX).send(data)
    },
  )

  api.get('/imports/templates/enterprises.xlsx', { config: { policy: { permission: 'enterprise.read' } }, schema: { tags: ['imports'] } }, async (_req, reply) => {
    template ??= enterpriseTemplate()
    return reply.header('content-disposition', attachment('企业名录导入模板.xlsx')).type(XLSX).send(await template)
  })

  api.get(
    '/enterprises/export',
    { config: { policy: { permission: 'enterprise.export' } }, schema: { tags: ['enterprises'], querystring: filterQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) } },
    async (req, reply) => {
      const { format, ...filter } = req.query
      const file = await exportEnterprises(db, actorOf(req), filter, format)
      return reply.header('content-disposition', attachment(file.fileName)).header('x-row-count', String(file.rowCount)).type(file.contentType).send(file.stream)
    },
  )

  api.get(
    '/imports',
    {
      config: { policy: { permission: 'enterprise.import' } },
      schema: { tags: ['imports'], querystring: z.object({ kind: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
    },
    async (req) => {
      const rows = await listImportBatches(db, actorOf(req), req.query.kind, req.query.limit)
      return {
        items: rows.map((b) => ({
          id: b.id,
          kind: b.kind,
          fileName: b.fileName,
          fileSha256: b.fileSha256,
          username: b.username,
          source: b.source,
          status: b.status,
          counts: b.counts,
          startedAt: b.startedAt.toISOString(),
          finishedAt: b.finishedAt?.toISOString() ?? null,
        })),
      }
    },
  )
}
