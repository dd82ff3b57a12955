import { z } from 'zod'

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
/** Responses list this many errors; the error workbook holds them all. */
export const LISTED_ERRORS = 1000

/** An error or warning of a row of an imported file, as every importer reports it. */
export const fieldErrorSchema = z.object({
  row: z.number().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
  code: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
  value: z.unknown().optional(),
})

/**
 * The responses of an import route, given the importer's counts: 200 for a dry run or a commit, 422 for a file
 * refused for its rows (nothing written).
 */
export function importResponseSchemas<C extends z.ZodTypeAny>(counts: C) {
  return {
    200: z.object({
      batchId: z.number().nullable(),
      dryRun: z.boolean(),
      counts,
      errors: z.array(fieldErrorSchema),
      warnings: z.array(fieldErrorSchema),
      errorCount: z.number(),
      warningCount: z.number(),
      errorWorkbookUrl: z.string().nullable(),
    }),
    422: z.object({
      error: z.object({
        code: z.literal('IMPORT_INVALID'),
        message: z.string(),
        fieldErrors: z.array(fieldErrorSchema),
        details: z.object({ counts, errorWorkbookUrl: z.string().nullable(), batchId: z.number().nullable(), errorCount: z.number() }),
      }),
    }),
  }
}
