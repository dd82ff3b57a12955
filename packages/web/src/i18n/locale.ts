import type { Locale } from '../api/types.ts'

/** Where the user's explicit language choice is kept between visits. */
export const LOCALE_STORAGE_KEY = 'gongxin.locale'
export const DEFAULT_LOCALE: Locale = 'zh-CN'
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US']

export function isLocale(v: unknown): v is Locale {
  return v === 'zh-CN' || v === 'en-US'
}

export function otherLocale(l: Locale): Locale {
  return l === 'zh-CN' ? 'en-US' : 'zh-CN'
}

/** The locale the user chose explicitly on this browser, if any. */
export function readStoredLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale | null {
  try {
    const v = storage?.getItem(LOCALE_STORAGE_KEY)
    return isLocale(v) ? v : null
  } catch {
    return null
  }
}

/**
 * Which locale to use once we know the user: an explicit choice made on this browser wins (the user just
 * made it, perhaps on the login page) and is then saved to their account; otherwise the account's.
 */
export function reconcileLocale(stored: Locale | null, account: Locale): { use: Locale; saveToAccount: boolean } {
  if (stored && stored !== account) return { use: stored, saveToAccount: true }
  return { use: account, saveToAccount: false }
}

/** Picks `zh` or `en` from a server message that comes in both languages. */
export function pickText(text: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en-US' ? text.en : text.zh
}
