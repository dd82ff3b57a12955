import { z } from 'zod'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import { LISTED_ERRORS, importResponseSchemas } from '../../http/import-schemas.ts'
import { storeErrorWorkbook } from '../../lib/error-workbook-store.ts'
import { AppError } from '../../lib/errors.ts'
import type { FactImportResult } from './fact-import.ts'

/* What the import routes of official statistics and targets share: the query, the responses and the reply. */

export const factCounts = z.object({ read: z.number(), accepted: z.number(), rejected: z.number(), unchanged: z.number(), created: z.number(), revised: z.number() })
export const factImportResponses = importResponseSchemas(factCounts)
export const factImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  fileName: z.string().min(1).max(255).default('upload.xlsx'),
  revisionReason: z.string().trim().min(1).max(500).optional(),
})

/** The uploaded file: the request body itself. */
export function fileBody(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body
  throw new AppError('BAD_REQUEST', { summary: { zh: '请把文件内容作为请求体上传（application/octet-stream）', en: 'send the file itself as the request body (application/octet-stream)' } })
}

/** The answer of an import route: 200 for a dry run or a commit, 422 (nothing written) for a refused file. */
export async function factImportReply(deps: AppDeps, req: Parameters<typeof actorOf>[0] & { locale: 'zh-CN' | 'en-US' }, dryRun: boolean, fileName: string, result: FactImportResult) {
  const actor = actorOf(req)
  const errorWorkbookUrl = result.errorWorkbook ? await storeErrorWorkbook(deps.config.dataDir, actor, fileName, result.errorWorkbook) : null
  const errors = result.errors.slice(0, LISTED_ERRORS)
  if (!dryRun && result.errors.length) {
    const e = new AppError('IMPORT_INVALID', { rejected: result.counts.rejected || result.errors.length })
    return {
      status: 422 as const,
      body: { error: { code: 'IMPORT_INVALID' as const, message: e.messageIn(req.locale), fieldErrors: errors, details: { counts: result.counts, errorWorkbookUrl, batchId: result.batchId, errorCount: result.errors.length } } },
    }
  }
  return {
    status: 200 as const,
    body: {
      batchId: result.batchId, dryRun: result.dryRun, counts: result.counts, errors, warnings: result.warnings.slice(0, LISTED_ERRORS),
      errorCount: result.errors.length, warningCount: result.warnings.length, errorWorkbookUrl,
    },
  }
}
