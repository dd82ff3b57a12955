import { describe, expect, it } from 'vitest'
import { type ProfitChange, describeProfitChange, profitChange } from './index.ts'

describe('profitChange: every sign case of the statistics convention', () => {
  it.each<[string, number, number | null, ProfitChange]>([
    ['profit grew', 112, 100, { kind: 'growth', pct: 12 }],
    ['profit fell', 80, 100, { kind: 'growth', pct: -20 }],
    ['profit fell to exactly zero', 0, 100, { kind: 'growth', pct: -100 }],
    ['unchanged', 100, 100, { kind: 'growth', pct: 0 }],
    ['由盈转亏: profit a year ago, loss now', -1, 100, { kind: 'turnedLoss' }],
    ['扭亏为盈: loss a year ago, profit now', 1, -100, { kind: 'turnedProfit' }],
    ['亏损扩大', -150, -100, { kind: 'lossWidened', amountPct: 50 }],
    ['亏损收窄', -60, -100, { kind: 'lossNarrowed', amountPct: 40 }],
    ['loss eliminated to exactly zero: 减亏 100%', 0, -100, { kind: 'lossNarrowed', amountPct: 100 }],
    ['loss unchanged', -100, -100, { kind: 'lossNarrowed', amountPct: 0 }],
    ['no base: zero a year ago', 50, 0, { kind: 'noBase' }],
    ['no base: no prior figure', 50, null, { kind: 'noBase' }],
    ['no base even when now negative', -50, null, { kind: 'noBase' }],
  ])('%s (cum %d, prior %j)', (_, cum, prior, want) => {
    const c = profitChange(cum, prior)
    expect(c.kind).toBe(want.kind)
    if ('pct' in want) expect((c as { pct: number }).pct).toBeCloseTo(want.pct, 12)
    if ('amountPct' in want) expect((c as { amountPct: number }).amountPct).toBeCloseTo(want.amountPct, 12)
  })

  it('never prints a percentage against a negative base', () => {
    for (const cum of [-300, -100, -1, 0, 1, 300]) {
      const c = profitChange(cum, -100)
      expect(c.kind).not.toBe('growth')
    }
  })

  it('a loss unchanged is +0, not −0', () => {
    const c = profitChange(-100, -100)
    expect(c.kind === 'lossNarrowed' && Object.is(c.amountPct, 0)).toBe(true)
  })
})

describe('describeProfitChange', () => {
  it.each<[ProfitChange, number | undefined, string, string]>([
    [{ kind: 'growth', pct: 12.34 }, undefined, '增长 12.3%', 'up 12.3%'],
    [{ kind: 'growth', pct: 12.25 }, undefined, '增长 12.3%', 'up 12.3%'],
    [{ kind: 'growth', pct: -5.05 }, undefined, '下降 5.1%', 'down 5.1%'],
    [{ kind: 'growth', pct: -0.04 }, undefined, '持平', 'unchanged'],
    [{ kind: 'growth', pct: 0.05 }, undefined, '增长 0.1%', 'up 0.1%'],
    [{ kind: 'growth', pct: 12.345 }, 2, '增长 12.35%', 'up 12.35%'],
    [{ kind: 'turnedProfit' }, undefined, '扭亏为盈', 'turned from loss to profit'],
    [{ kind: 'turnedLoss' }, undefined, '由盈转亏', 'turned from profit to loss'],
    [{ kind: 'lossWidened', amountPct: 8.05 }, undefined, '亏损扩大 8.1%', 'loss widened by 8.1%'],
    [{ kind: 'lossNarrowed', amountPct: 8.1 }, undefined, '亏损收窄 8.1%', 'loss narrowed by 8.1%'],
    [{ kind: 'lossNarrowed', amountPct: 100 }, undefined, '亏损收窄 100.0%', 'loss narrowed by 100.0%'],
    [{ kind: 'lossNarrowed', amountPct: 0 }, undefined, '亏损额持平', 'loss unchanged'],
    [{ kind: 'lossWidened', amountPct: 0.04 }, undefined, '亏损额持平', 'loss unchanged'],
    [{ kind: 'noBase' }, undefined, '上年同期无可比基数', 'no comparable base a year earlier'],
  ])('%j → %s', (c, precision, zh, en) => expect(describeProfitChange(c, precision)).toEqual({ zh, en }))
})
