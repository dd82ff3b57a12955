import type { TFunction } from 'i18next'
import { ApiError } from '../api/http.ts'

/** The text to show for a failed call: the server's localized message, else a generic one of ours. */
export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    if (err.message) return err.message
    if (err.code === 'NETWORK') return t('errors.network')
    return t('errors.http', { status: err.status })
  }
  return err instanceof Error && err.message ? err.message : t('errors.http', { status: 0 })
}
