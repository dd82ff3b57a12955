/** Names and USCCs of demo enterprises: plausible, fictional, unique. */
import { makeUscc, USCC_ALPHABET } from '@gongxin/domain'
import { BRANDS, legalForm, ordinal } from '../data/names.ts'
import type { Rng } from '../rng.ts'

export interface NameParts {
  /** place words the name may start with: city, county (when it is a proper county or county-level city), province */
  city: string
  county: string | null
  province: string
  /** words of the enterprise's industry, most typical first */
  words: readonly string[]
  ownership: string
  revenue: number
}

const FOREIGN = new Set(['外商投资企业', '港澳台商投资企业'])
const FOREIGN_BRANDS = BRANDS.filter((b) => !b.includes('湘'))

/** Makes unique company names: [place] + [brand] + [industry word] + [legal form]. */
export class NameMaker {
  private readonly taken: Set<string>

  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken)
  }

  make(rng: Rng, p: NameParts): string {
    const form = legalForm(p.ownership, p.revenue, rng.next())
    const wordWeights = p.words.map((_, i) => 1 / (i + 1))
    const compose = (brand: string, word: string) => {
      // Foreign-invested firms usually carry their group's brand first and the place in brackets.
      if (FOREIGN.has(p.ownership)) return `${brand}（${p.city}）${word}${form}`
      const u = rng.next()
      const place = u < 0.5 ? p.city : u < 0.7 && p.county ? p.county : u < 0.7 ? p.city : p.province
      return `${place}${brand}${word}${form}`
    }
    // A group's brand that says 湘 would not be a foreign investor's.
    const brands = FOREIGN.has(p.ownership) ? FOREIGN_BRANDS : BRANDS
    for (let attempt = 0; attempt < 8; attempt++) {
      const name = compose(rng.pick(brands), rng.weighted(p.words, wordWeights))
      if (this.claim(name)) return name
    }
    // Crowded combination: say where (浏阳), then number it (第二 …), as registries do with namesakes.
    const brand = rng.pick(BRANDS)
    const word = p.words[0] ?? '实业'
    const place = p.county ?? p.city
    const located = `${p.city}${brand}${word}（${place}）${form}`
    if (this.claim(located)) return located
    for (let n = 2; ; n++) {
      const numbered = `${p.city}${brand}${word}${ordinal(n)}${form}`
      if (this.claim(numbered)) return numbered
    }
  }

  private claim(name: string): boolean {
    if (this.taken.has(name)) return false
    this.taken.add(name)
    return true
  }
}

/**
 * Makes unique, valid USCCs: '91' (enterprise registered with 市场监管) + the registering authority's division
 * + an 8-character body + the two checks (makeUscc). Bodies of firms registered since the 2015 reform start
 * with 'MA' as real ones do; older firms kept their 组织机构代码, a run of digits.
 */
export class UsccMaker {
  private readonly bodies = new Set<string>()
  private readonly taken: ReadonlySet<string>

  constructor(taken: ReadonlySet<string> = new Set()) {
    this.taken = taken
  }

  make(rng: Rng, divisionCode: string, recent: boolean): string {
    for (;;) {
      let body = recent ? 'MA' : ''
      while (body.length < 8) body += recent ? rng.pick(ALPHABET) : String(rng.int(0, 9))
      if (this.bodies.has(body)) continue
      const code = makeUscc(`91${divisionCode}${body}`)
      if (this.taken.has(code)) continue
      this.bodies.add(body)
      return code
    }
  }
}

const ALPHABET = [...USCC_ALPHABET]
