import { ApiError, buildQuery, fileNameFromDisposition, parseErrorBody, type QueryParams } from './http.ts'
import type { Locale } from './types.ts'

export { ApiError } from './http.ts'

export const API_BASE = '/api/v1'

/**
 * The session lives in an httpOnly cookie; the CSRF token comes with login and /auth/me and must go
 * back on every non-GET request. The locale goes with every request so that messages come localized.
 */
interface ClientState {
  csrfToken: string | null
  locale: Locale
  onUnauthorized: ((err: ApiError) => void) | null
}

const state: ClientState = { csrfToken: null, locale: 'zh-CN', onUnauthorized: null }

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token
}

export function setRequestLocale(locale: Locale): void {
  state.locale = locale
}

export function setUnauthorizedHandler(handler: ((err: ApiError) => void) | null): void {
  state.onUnauthorized = handler
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: QueryParams
  /** sent as JSON */
  json?: unknown
  /** sent as is, as application/octet-stream (file uploads) */
  raw?: Blob
  signal?: AbortSignal
  /** a 401 is an expected answer here (login, the first /auth/me): don't send the user to the login page */
  expectUnauthorized?: boolean
}

function headersFor(opts: RequestOptions): Headers {
  const headers = new Headers({ accept: 'application/json', 'accept-language': state.locale })
  const method = opts.method ?? 'GET'
  if (method !== 'GET' && state.csrfToken) headers.set('x-csrf-token', state.csrfToken)
  if (opts.json !== undefined) headers.set('content-type', 'application/json')
  if (opts.raw !== undefined) headers.set('content-type', 'application/octet-stream')
  return headers
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  let res: Response
  try {
    res = await fetch(`${API_BASE}${path}${buildQuery(opts.query)}`, {
      method: opts.method ?? 'GET',
      headers: headersFor(opts),
      body: opts.raw ?? (opts.json === undefined ? undefined : JSON.stringify(opts.json)),
      credentials: 'same-origin',
      signal: opts.signal ?? null,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError({ status: 0, code: 'NETWORK', message: '' })
  }
  if (res.ok) return res
  let body: unknown = null
  try {
    body = await res.json()
  } catch {
    body = null
  }
  const err = parseErrorBody(res.status, body)
  if (err.isUnauthenticated && !opts.expectUnauthorized) state.onUnauthorized?.(err)
  throw err
}

/** Calls the API and returns its JSON body (undefined for 204). */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts)
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** Downloads a file through fetch (so the locale header and error handling apply) and saves it. */
export async function download(path: string, query: QueryParams, fallbackName: string): Promise<void> {
  await saveResponse(await send(path, { query }), fallbackName)
}

/** Downloads a file the server makes from a JSON body (POST, with the CSRF token), and saves it. */
export async function downloadPosted(path: string, json: unknown, fallbackName: string): Promise<void> {
  await saveResponse(await send(path, { method: 'POST', json }), fallbackName)
}

async function saveResponse(res: Response, fallbackName: string): Promise<void> {
  const blob = await res.blob()
  const name = fileNameFromDisposition(res.headers.get('content-disposition'), fallbackName)
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** A URL under the API for a plain link (templates, error workbooks the server already names). */
export function apiUrl(path: string): string {
  return `${API_BASE}${path}`
}
