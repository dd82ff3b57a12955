import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkIndicatorValue, checkUnit, createRegionResolver, findIndicator, indicatorCatalog, parseTargetYear, parseUnit } from './index.ts'

/** Whatever a clerk's file holds, the checks answer (a result or a message in both languages) and never throw. */
describe('indicator and region checks on arbitrary input', () => {
  const resolver = createRegionResolver([
    { code: '430000', name: '湖南省', level: 1, parentCode: null },
    { code: '430100', name: '长沙市', level: 2, parentCode: '430000' },
    { code: '430181', name: '浏阳市', level: 3, parentCode: '430100' },
    { code: '110000', name: '北京市', level: 1, parentCode: null },
    { code: '110100', name: '北京市市辖区', level: 2, parentCode: '110000' },
    { code: '110105', name: '朝阳区', level: 3, parentCode: '110100' },
    { code: '220104', name: '朝阳区', level: 3, parentCode: '220100' },
  ])
  const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('湖南省', '湖南长沙', '朝阳区', '北京/朝阳区', '４３０１８１', '%', '家', '２０２５年'))

  it('never throws, and every refusal is explained in Chinese and English', () => {
    fc.assert(
      fc.property(text, fc.double({ noNaN: false }), (s, n) => {
        findIndicator(s)
        parseUnit(s)
        parseTargetYear(s)
        for (const r of [resolver.byName(s), resolver.byCode(s)]) {
          if (!r.ok) expect(r.error.zh.length > 0 && r.error.en.length > 0).toBe(true)
          else expect(r.code).toMatch(/^\d{6}$/)
        }
        for (const ind of indicatorCatalog) {
          const u = checkUnit(ind, s)
          if (u) expect(u.zh && u.en).toBeTruthy()
          const c = checkIndicatorValue(ind, n)
          for (const m of [...c.errors, ...c.warnings]) expect(m.zh && m.en).toBeTruthy()
        }
      }),
      { numRuns: 300 },
    )
  })
})
