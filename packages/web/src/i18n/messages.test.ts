import { describe, expect, it } from 'vitest'
import { FEATURES } from '../features/catalog.ts'
import { enUS } from './en-US.ts'
import { reconcileLocale } from './locale.ts'
import { zhCN } from './zh-CN.ts'

/** Every leaf of a message tree as `a.b.c` → text. */
function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else if (typeof v === 'object' && v !== null) for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
    else throw new Error(`${key} is neither a string nor a group`)
  }
  return out
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

describe('messages', () => {
  const zh = flatten(zhCN)
  const en = flatten(enUS)

  it('zh-CN and en-US have exactly the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort())
  })

  it('no message is empty, and both languages use the same {{placeholders}}', () => {
    for (const [key, text] of zh) {
      expect(text.trim(), `zh-CN ${key}`).not.toBe('')
      expect(en.get(key)?.trim(), `en-US ${key}`).not.toBe('')
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text))
    }
  })

  it('English messages are not left in Chinese (language names excepted)', () => {
    const cjk = /[\u4e00-\u9fff]/
    const allowed = new Set(['language.zh-CN', 'app.shortName', 'app.logoMark'])
    const untranslated = [...en].filter(([k, v]) => cjk.test(v) && !allowed.has(k)).map(([k]) => k)
    expect(untranslated).toEqual([])
  })

  it('every feature of the catalog has a menu label, and every coming one a description', () => {
    for (const f of FEATURES) {
      expect(zh.has(`features.${f.key}`), f.key).toBe(true)
      if (f.status === 'coming') for (const part of ['summary', 'b1', 'b2', 'b3']) expect(zh.has(`coming.${f.key}.${part}`)).toBe(true)
    }
  })
})

describe('locale choice at login', () => {
  it('a choice made on this browser wins and is saved to the account', () => {
    expect(reconcileLocale('en-US', 'zh-CN')).toEqual({ use: 'en-US', saveToAccount: true })
  })
  it("without one, the account's locale is used and nothing is saved", () => {
    expect(reconcileLocale(null, 'en-US')).toEqual({ use: 'en-US', saveToAccount: false })
    expect(reconcileLocale('zh-CN', 'zh-CN')).toEqual({ use: 'zh-CN', saveToAccount: false })
  })
})
