import type { FieldError } from './types.ts'

/** Pure helpers of the fetch client, kept apart so they can be tested without a browser. */

export type QueryValue = string | number | boolean | null | undefined
export type QueryParams = Record<string, QueryValue>

/** `?a=1&b=x` from the defined, non-empty values (an empty string means "no filter"). */
export function buildQuery(params: QueryParams | undefined): string {
  if (!params) return ''
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue
    search.append(key, String(value))
  }
  const s = search.toString()
  return s ? `?${s}` : ''
}

/** An error reported by the server (or by the network), with the server's stable code. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fieldErrors: FieldError[]
  readonly details: Record<string, unknown>

  constructor(opts: { status: number; code: string; message: string; fieldErrors?: FieldError[]; details?: Record<string, unknown> }) {
    super(opts.message)
    this.name = 'ApiError'
    this.status = opts.status
    this.code = opts.code
    this.fieldErrors = opts.fieldErrors ?? []
    this.details = opts.details ?? {}
  }

  /** True when the user's session is gone and they must log in again. */
  get isUnauthenticated(): boolean {
    return this.status === 401
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function isFieldError(v: unknown): v is FieldError {
  return isRecord(v) && typeof v.code === 'string' && isRecord(v.message)
}

/**
 * Turns an error response into an ApiError. The body should be `{ error: { code, message, … } }`;
 * anything else (a proxy's HTML page, an empty body) becomes code `HTTP_<status>` with no message, so
 * the UI falls back to its own generic text.
 */
export function parseErrorBody(status: number, body: unknown): ApiError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : null
  if (!err) return new ApiError({ status, code: `HTTP_${status}`, message: '' })
  const fieldErrors = Array.isArray(err.fieldErrors) ? err.fieldErrors.filter(isFieldError) : []
  return new ApiError({
    status,
    code: typeof err.code === 'string' ? err.code : `HTTP_${status}`,
    message: typeof err.message === 'string' ? err.message : '',
    fieldErrors,
    details: isRecord(err.details) ? err.details : {},
  })
}

/** The file name of a download, from `Content-Disposition` (RFC 6266 `filename*` first). */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header)
  return plain?.[1]?.trim() || fallback
}
