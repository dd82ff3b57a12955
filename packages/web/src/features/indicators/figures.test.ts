import { indicatorById, type Indicator } from '@gongxin/domain'
import { describe, expect, it } from 'vitest'
import { figureLevel, figureText, targetBounds, toGrid } from './figures.ts'

const ind = (id: string) => indicatorById(id) as Indicator

describe('figures as the tabs show them', () => {
  it.each<[string, string | number | null, 'zh-CN' | 'en-US', string]>([
    ['valueAddedGrowth', '5.25', 'zh-CN', '5.3'],
    ['valueAddedGrowth', '-0.04', 'zh-CN', '0.0'],
    ['valueAddedGrowth', 12, 'en-US', '12.0'],
    ['newAboveScaleEnterprises', '1024', 'zh-CN', '1,024'],
    ['valueAddedGrowth', null, 'zh-CN', ''],
    ['valueAddedGrowth', 'x', 'zh-CN', 'x'],
  ])('%s %j (%s) → %j', (id, v, locale, text) => {
    expect(figureText(ind(id), v, locale)).toBe(text)
  })

  it.each<[string, string | null, string | null]>([
    ['valueAddedGrowth', '-0.1', 'alarm'],
    ['valueAddedGrowth', '5', 'normal'],
    ['valueAddedGrowth', '8', 'excellent'],
    ['energyPerValueAddedChange', '0.5', 'alarm'],
    ['energyPerValueAddedChange', '-4', 'excellent'],
    ['newAboveScaleEnterprises', '100', null],
    ['valueAddedGrowth', null, null],
  ])('%s %j → %s', (id, v, level) => {
    expect(figureLevel(ind(id), v)).toBe(level)
  })

  it('pivots figures into regions × indicators in the catalogue’s order', () => {
    const g = toGrid([
      { regionCode: '430000', regionName: '湖南省', indicatorId: 'industrialInvestmentGrowth', v: 1 },
      { regionCode: '430000', regionName: '湖南省', indicatorId: 'valueAddedGrowth', v: 2 },
      { regionCode: '420000', regionName: '湖北省', indicatorId: 'valueAddedGrowth', v: 3 },
    ])
    expect(g.indicators.map((i) => i.id)).toEqual(['valueAddedGrowth', 'industrialInvestmentGrowth'])
    expect(g.rows.map((r) => [r.regionCode, Object.keys(r.cells)])).toEqual([
      ['430000', ['industrialInvestmentGrowth', 'valueAddedGrowth']],
      ['420000', ['valueAddedGrowth']],
    ])
  })

  it('bounds the target form by the indicator', () => {
    expect(targetBounds(ind('valueAddedGrowth'))).toEqual({ min: -100, max: undefined, precision: 2 })
    expect(targetBounds(ind('profitGrowth'))).toEqual({ min: undefined, max: undefined, precision: 2 })
    expect(targetBounds(ind('newAboveScaleEnterprises'))).toEqual({ min: 0, max: undefined, precision: 0 })
  })
})
