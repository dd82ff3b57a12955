import { describe, expect, it } from 'vitest'
import { enterpriseGrowth, fixed, growthColor, levelOf, parsePeriod, rankArrow, regionPath, signed, trailingPeriods, visiblePath, yi, yiNumber } from './format.ts'
import { HUNAN_LAYOUT, gridColumns, tileLayout } from './tileGrid.ts'

describe('亿元 from 万元 (the bulletin rule: half up to 2 decimals)', () => {
  it.each([
    ['12345.67', '1.23'],
    ['12350.00', '1.24'], // exactly half a cent of 亿 rounds up
    ['12349.99', '1.23'],
    ['0', '0.00'],
    ['-12350.00', '-1.24'], // halves away from zero, as the domain's roundHalfUp (四舍五入)
    ['98765432.10', '9876.54'],
    [null, '—'],
    ['', '—'],
  ])('%s 万元 → %s 亿元', (wan, expected) => {
    expect(yi(wan)).toBe(expected)
  })
  it('exports carry the number, or null', () => {
    expect(yiNumber('12345.67')).toBe(1.23)
    expect(yiNumber(null)).toBeNull()
  })
})

describe('growth, points and ranks as shown', () => {
  it.each([
    [3.25, '+3.3'],
    [-0.04, '0.0'],
    [-2.1, '−2.1'],
    [0, '0.0'],
    [null, '—'],
  ])('signed(%s) = %s', (v, s) => expect(signed(v)).toBe(s))

  it.each([
    [2, '↑2', 'up'],
    [-3, '↓3', 'down'],
    [0, '→', 'same'],
    [null, '—', 'new'],
  ] as const)('rank change %s → %s', (change, symbol, tone) => expect(rankArrow(change)).toEqual({ symbol, tone }))

  it('fixed keeps missing values visible', () => {
    expect(fixed(12.345, 2)).toBe('12.35')
    expect(fixed(undefined)).toBe('—')
    expect(fixed(Number.NaN)).toBe('—')
  })
})

describe('drill-down path', () => {
  it.each([
    ['430000', 1, ['430000']],
    ['430100', 2, ['430000', '430100']],
    ['430102', 3, ['430000', '430100', '430102']],
    ['433101', 3, ['430000', '433100', '433101']],
  ] as const)('%s is level %s with path %j', (code, level, path) => {
    expect(levelOf(code)).toBe(level)
    expect(regionPath(code)).toEqual(path)
  })

  it('a city official sees the path from their city down, a province user all of it', () => {
    expect(visiblePath('430102', '4301')).toEqual(['430100', '430102'])
    expect(visiblePath('430102', '43')).toEqual(['430000', '430100', '430102'])
    expect(visiblePath('430102', '')).toEqual(['430000', '430100', '430102'])
    expect(visiblePath('430102', '430102')).toEqual(['430102'])
  })

  it('periods: parse and the trailing window for the trend', () => {
    expect(parsePeriod('2026-09')).toEqual({ year: 2026, month: 9 })
    expect(parsePeriod('2026-13')).toBeNull()
    const list = ['2026-02', '2026-03', '2026-04', '2026-05']
    expect(trailingPeriods(list, '2026-04', 2)).toEqual(['2026-03', '2026-04'])
    expect(trailingPeriods(list, '2026-03', 6)).toEqual(['2026-02', '2026-03'])
    expect(trailingPeriods(list, '2025-12', 6)).toEqual([])
  })
})

describe('map colours', () => {
  it('grey without a figure, red below zero, blue above, stronger further from zero', () => {
    expect(growthColor(null, 10)).toBe('#e5e7eb')
    expect(growthColor(-10, 10)).toBe('rgb(220, 38, 38)')
    expect(growthColor(10, 10)).toBe('rgb(29, 78, 216)')
    expect(growthColor(20, 10)).toBe(growthColor(10, 10))
    const pale = growthColor(1, 10)
    expect(pale).not.toBe(growthColor(10, 10))
  })
})

describe('tile-grid cartogram', () => {
  const hunan = Object.keys(HUNAN_LAYOUT)

  it('places Hunan’s 14 cities on the hand-made layout, one per cell', () => {
    const { tiles, rows, cols } = tileLayout(hunan)
    expect(tiles).toHaveLength(14)
    expect(new Set(tiles.map((t) => `${t.row},${t.col}`)).size).toBe(14)
    expect(rows).toBe(5)
    expect(cols).toBe(4)
    expect(tiles.find((t) => t.code === '430100')).toEqual({ code: '430100', row: 1, col: 3 }) // 长沙 in the north-east
    expect(tiles.find((t) => t.code === '431000')?.row).toBe(4) // 郴州 in the south
  })

  it('uses the layout for a part of the cities too (a city official’s view of one)', () => {
    expect(tileLayout(['430100']).tiles).toEqual([{ code: '430100', row: 1, col: 3 }])
  })

  it('falls back to a grid ordered by code for another province or for counties', () => {
    const hubei = ['420500', '420100', '420200']
    const { tiles, cols } = tileLayout(hubei)
    expect(cols).toBe(gridColumns(3))
    expect(tiles.map((t) => t.code)).toEqual(['420100', '420200', '420500'])
    expect(tiles[0]).toEqual({ code: '420100', row: 0, col: 0 })
    const counties = tileLayout(['430102', '430103', '430104', '430105', '430111'])
    expect(counties.tiles.every((t) => t.col < counties.cols && t.row < counties.rows)).toBe(true)
    expect(tileLayout([]).tiles).toEqual([])
  })

  it.each([
    [0, 1],
    [1, 2],
    [6, 3],
    [14, 5],
  ])('%s tiles → %s columns', (n, c) => expect(gridColumns(n)).toBe(c))
})

describe('an enterprise’s own growth', () => {
  it.each([
    ['110.00', '100.00', 10],
    ['100.00', '0.00', null], // no base
    ['50.00', '-10.00', null], // negative base: no meaningful percentage
    [null, '100.00', null],
    ['99.95', '100.00', -0.1],
  ] as const)('%s against %s → %s', (cum, prior, g) => expect(enterpriseGrowth(cum, prior)).toBe(g))
})
