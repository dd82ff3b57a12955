import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import 'dayjs/locale/en'
import { setRequestLocale } from '../api/client.ts'
import type { Locale } from '../api/types.ts'
import { enUS } from './en-US.ts'
import { DEFAULT_LOCALE, LOCALE_STORAGE_KEY, isLocale, readStoredLocale } from './locale.ts'
import { zhCN, type Messages } from './zh-CN.ts'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Messages }
  }
}

const storage = typeof window === 'undefined' ? undefined : window.localStorage
const initial = readStoredLocale(storage) ?? DEFAULT_LOCALE

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: initial,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: ['zh-CN', 'en-US'],
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
})

function applySideEffects(locale: Locale): void {
  setRequestLocale(locale)
  dayjs.locale(locale === 'en-US' ? 'en' : 'zh-cn')
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale
    document.title = i18n.t('app.name')
  }
}
applySideEffects(initial)

/** The active UI locale. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE
}

/**
 * Switches the UI language at once. `remember` keeps the choice on this browser (an explicit choice);
 * adopting the account's saved locale at login does not.
 */
export async function changeLocale(locale: Locale, remember: boolean): Promise<void> {
  if (remember) {
    try {
      storage?.setItem(LOCALE_STORAGE_KEY, locale)
    } catch {
      // private mode: the choice lasts for this page only
    }
  }
  await i18n.changeLanguage(locale)
  applySideEffects(locale)
}

export function storedLocale(): Locale | null {
  return readStoredLocale(storage)
}

export default i18n
