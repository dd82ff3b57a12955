import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import { LISTED_ERRORS, XLSX, importResponseSchemas } from '../../http/import-schemas.ts'
import { storeErrorWorkbook } from '../../lib/error-workbook-store.ts'
import { AppError, type FieldError } from '../../lib/errors.ts'
import { attachment } from '../imports/routes.ts'
import { createGridAccount, updateGridAccount } from './accounts.ts'
import { importGridAccounts } from './accounts-import.ts'
import { electricityTemplate, gridAccountTemplate } from './columns.ts'
import { importElectricity } from './import.ts'
import { accountHistory, listAccounts, listReadings, readingHistory, readingMonths, type AccountRow, type ReadingRow } from './repository.ts'

const readingCounts = z.object({ read: z.number(), accepted: z.number(), rejected: z.number(), unchanged: z.number(), created: z.number(), revised: z.number(), mappedAccounts: z.number() })
const accountCounts = z.object({ read: z.number(), accepted: z.number(), rejected: z.number(), unchanged: z.number(), created: z.number(), revised: z.number() })

const year = z.coerce.number().int().min(1990).max(2100)
const month = z.coerce.number().int().min(1).max(12)
const region = z.string().regex(/^\d{2,6}$/, 'a division code').optional()
const flag = z.enum(['true', 'false']).default('false').transform((v) => v === 'true')
const page = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) }

const reading = z.object({
  uscc: z.string(), name: z.string(), countyCode: z.string(), year: z.number(), month: z.number(), revision: z.number(), value: z.string(), priorValue: z.string().nullable(),
  accountNumber: z.string().nullable(), parts: z.array(z.object({ row: z.number().nullable(), accountNumber: z.string(), value: z.string() })).nullable(),
  batchId: z.number().nullable(), sourceRow: z.number().nullable(), recordedAt: z.string(), supersededAt: z.string().nullable(), revisionReason: z.string().nullable(),
})
const readingOut = ({ recordedAt, supersededAt, ...r }: ReadingRow) => ({ ...r, recordedAt: recordedAt.toISOString(), supersededAt: supersededAt?.toISOString() ?? null })

const account = z.object({
  accountNumber: z.string(), accountName: z.string().nullable(), uscc: z.string(), name: z.string(), countyCode: z.string(), revision: z.number(), batchId: z.number().nullable(),
  recordedAt: z.string(), recordedBy: z.string().nullable(), supersededAt: z.string().nullable(), note: z.string().nullable(),
})
const accountOut = ({ recordedAt, supersededAt, ...a }: AccountRow) => ({ ...a, recordedAt: recordedAt.toISOString(), supersededAt: supersededAt?.toISOString() ?? null })

const accountBody = z.object({ uscc: z.string().max(40), accountName: z.string().max(200).nullable().optional(), note: z.string().max(500).nullable().optional() })

interface ImportOutcome {
  batchId: number | null
  dryRun: boolean
  counts: { rejected: number }
  errors: FieldError[]
  warnings: FieldError[]
  errorWorkbook?: Buffer
}

function fileBody(req: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(req.body)) {
    throw new AppError('BAD_REQUEST', { summary: { zh: '请把文件内容作为请求体上传（application/octet-stream）', en: 'send the file itself as the request body (application/octet-stream)' } })
  }
  return req.body
}

/** The answer of an import route, as the monthly import gives it: 200 for a dry run or a commit, 422 for a refused file. */
async function importReply<R extends ImportOutcome>(req: FastifyRequest, reply: FastifyReply, dataDir: string, fileName: string, result: R) {
  const actor = actorOf(req)
  const errorWorkbookUrl = result.errorWorkbook ? await storeErrorWorkbook(dataDir, actor, fileName, result.errorWorkbook) : null
  const errors = result.errors.slice(0, LISTED_ERRORS)
  if (!result.dryRun && result.errors.length) {
    const e = new AppError('IMPORT_INVALID', { rejected: result.counts.rejected || result.errors.length })
    return reply.status(422).send({
      error: { code: 'IMPORT_INVALID' as const, message: e.messageIn(req.locale), fieldErrors: errors, details: { counts: result.counts, errorWorkbookUrl, batchId: result.batchId, errorCount: result.errors.length } },
    })
  }
  return reply.send({
    batchId: result.batchId, dryRun: result.dryRun, counts: result.counts, errors, warnings: result.warnings.slice(0, LISTED_ERRORS),
    errorCount: result.errors.length, warningCount: result.warnings.length, errorWorkbookUrl,
  })
}

/** Enterprise electricity from the grid company: import, the month's readings and their revisions, the account mapping. */
export function electricityRoutes(app: FastifyInstance, { config, database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = database.db
  let readingTemplate: Promise<Buffer> | undefined
  let accountTemplate: Promise<Buffer> | undefined

  api.post(
    '/electricity/import',
    {
      config: { policy: { permission: 'statistics.import' } },
      schema: {
        tags: ['electricity'],
        description: 'Import enterprise electricity (企业用电量, month values in 万千瓦时, by USCC or grid account number): the request body is the .xlsx or CSV file itself (application/octet-stream).',
        querystring: z.object({
          dryRun: flag,
          fileName: z.string().min(1).max(255).default('upload.xlsx'),
          mapNewAccounts: flag,
          revisionReason: z.string().trim().min(1).max(500).optional(),
        }),
        response: importResponseSchemas(readingCounts),
      },
    },
    async (req, reply) => {
      const data = fileBody(req)
      const actor = actorOf(req)
      const { dryRun, fileName, mapNewAccounts, revisionReason } = req.query
      const result = await importElectricity(db, actor, { fileName, data, dryRun, source: actor.source, mapNewAccounts, ...(revisionReason ? { revisionReason } : {}) })
      return importReply(req, reply, config.dataDir, fileName, result)
    },
  )

  api.post(
    '/electricity/accounts/import',
    {
      config: { policy: { permission: 'statistics.import' } },
      schema: {
        tags: ['electricity'],
        description: 'Import the grid account mapping (户号对照: 用电户号, 统一社会信用代码, 户名): the request body is the .xlsx or CSV file itself.',
        querystring: z.object({ dryRun: flag, fileName: z.string().min(1).max(255).default('upload.xlsx') }),
        response: importResponseSchemas(accountCounts),
      },
    },
    async (req, reply) => {
      const data = fileBody(req)
      const actor = actorOf(req)
      const { dryRun, fileName } = req.query
      const result = await importGridAccounts(db, actor, { fileName, data, dryRun, source: actor.source })
      return importReply(req, reply, config.dataDir, fileName, result)
    },
  )

  api.get(
    '/electricity/readings',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['electricity'],
        querystring: z.object({ year, month, region, ...page }),
        response: { 200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(reading) }) },
      },
    },
    async (req) => {
      const { year: y, month: m, region: r, page: p, pageSize } = req.query
      const out = await listReadings(db, actorOf(req).scope, { year: y, month: m, page: p, pageSize, ...(r ? { region: r } : {}) })
      return { total: out.total, page: p, pageSize, items: out.items.map(readingOut) }
    },
  )

  api.get(
    '/electricity/readings/history',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['electricity'],
        querystring: z.object({ uscc: z.string().trim().toUpperCase().length(18), year: year.optional(), month: month.optional() }),
        response: { 200: z.object({ items: z.array(reading) }) },
      },
    },
    async (req) => {
      const { uscc, year: y, month: m } = req.query
      const items = await readingHistory(db, actorOf(req).scope, { uscc, ...(y !== undefined ? { year: y } : {}), ...(m !== undefined ? { month: m } : {}) })
      // an enterprise outside the scope is as absent as an unknown one
      if (items.length === 0) throw new AppError('OUT_OF_SCOPE')
      return { items: items.map(readingOut) }
    },
  )

  api.get(
    '/electricity/months',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['electricity'],
        description: 'The months that have readings in the caller’s area, newest first.',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(120).default(36) }),
        response: { 200: z.object({ items: z.array(z.object({ year: z.number(), month: z.number(), enterprises: z.number(), value: z.string() })) }) },
      },
    },
    async (req) => ({ items: await readingMonths(db, actorOf(req).scope, { limit: req.query.limit }) }),
  )

  api.get(
    '/electricity/accounts',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: {
        tags: ['electricity'],
        querystring: z.object({ q: z.string().max(100).optional(), region, ...page }),
        response: { 200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(account) }) },
      },
    },
    async (req) => {
      const { q, region: r, page: p, pageSize } = req.query
      const out = await listAccounts(db, actorOf(req).scope, { page: p, pageSize, ...(q ? { q } : {}), ...(r ? { region: r } : {}) })
      return { total: out.total, page: p, pageSize, items: out.items.map(accountOut) }
    },
  )

  api.get(
    '/electricity/accounts/:accountNumber/history',
    {
      config: { policy: { permission: 'dispatch.read' } },
      schema: { tags: ['electricity'], params: z.object({ accountNumber: z.string().max(64) }), response: { 200: z.object({ items: z.array(account) }) } },
    },
    async (req) => {
      const items = await accountHistory(db, actorOf(req).scope, req.params.accountNumber.trim().toUpperCase())
      if (items.length === 0) throw new AppError('OUT_OF_SCOPE')
      return { items: items.map(accountOut) }
    },
  )

  api.post(
    '/electricity/accounts',
    {
      config: { policy: { permission: 'statistics.import' } },
      schema: { tags: ['electricity'], body: accountBody.extend({ accountNumber: z.string().max(64) }), response: { 201: z.object({ items: z.array(account) }) } },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const number = await createGridAccount(db, actor, req.body)
      return reply.status(201).send({ items: (await accountHistory(db, actor.scope, number)).map(accountOut) })
    },
  )

  api.put(
    '/electricity/accounts/:accountNumber',
    {
      config: { policy: { permission: 'statistics.import' } },
      schema: {
        tags: ['electricity'],
        description: 'Re-map an account to another enterprise or rename it: a new revision of the mapping (the old one is kept). `revision` is the revision edited.',
        params: z.object({ accountNumber: z.string().max(64) }),
        body: accountBody.extend({ revision: z.number().int().min(1) }),
        response: { 200: z.object({ items: z.array(account) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req)
      const number = await updateGridAccount(db, actor, req.params.accountNumber, req.body)
      return { items: (await accountHistory(db, actor.scope, number)).map(accountOut) }
    },
  )

  api.get('/imports/templates/electricity.xlsx', { config: { policy: { permission: 'dispatch.read' } }, schema: { tags: ['imports'] } }, async (_req, reply) => {
    readingTemplate ??= electricityTemplate()
    return reply.header('content-disposition', attachment('企业用电量导入模板.xlsx')).type(XLSX).send(await readingTemplate)
  })

  api.get('/imports/templates/grid-accounts.xlsx', { config: { policy: { permission: 'dispatch.read' } }, schema: { tags: ['imports'] } }, async (_req, reply) => {
    accountTemplate ??= gridAccountTemplate()
    return reply.header('content-disposition', attachment('用电户号对照导入模板.xlsx')).type(XLSX).send(await accountTemplate)
  })
}
