/**
 * A user-facing message. The UI is zh-CN first but the API and logs are read by English speakers too, so every
 * message carries both texts; `code` is the stable key that tests, the server and the web app switch on.
 */
export type Msg = {
  code: string
  zh: string
  en: string
  /** Values the message was built from (a position, a character), so a UI can highlight them without parsing text. */
  params?: Readonly<Record<string, string | number>>
}

export function msg(code: string, zh: string, en: string, params?: Readonly<Record<string, string | number>>): Msg {
  return params === undefined ? { code, zh, en } : { code, zh, en, params }
}
