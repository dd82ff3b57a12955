import { describe, expect, it } from 'vitest'
import {
  type EnterpriseFacts, type WarningRule, type WarningRuleId, defaultWarningRules, enterpriseWarnings, regionWarnings, validateWarningRule,
  warningRuleIds, warningRuleInfo,
} from './index.ts'

const facts = (over: Partial<EnterpriseFacts> = {}): EnterpriseFacts => ({
  outputCum: 100_000,
  outputPriorCum: 100_000,
  outputMonth: 10_000,
  outputPreviousMonth: 10_000,
  profitCum: 5_000,
  electricityMonth: 1_000,
  electricityMonthPriorYear: 1_000,
  reported: true,
  expected: true,
  ...over,
})
const fired = (f: EnterpriseFacts, rules: readonly WarningRule[] = defaultWarningRules) => enterpriseWarnings(f, rules).map((h) => h.rule)

describe('defaults', () => {
  it('has one rule per id with the documented thresholds, each valid', () => {
    expect(defaultWarningRules.map((r) => [r.id, r.threshold])).toEqual([
      ['outputDrop', 20], ['stoppage', null], ['lossMaking', null], ['electricityDrop', 30], ['missingReport', null],
      ['regionBelowTarget', 1], ['regionLossRatio', 25],
    ])
    for (const r of defaultWarningRules) expect(validateWarningRule(r)).toEqual({ ok: true, rule: r })
    expect(Object.keys(warningRuleInfo).sort()).toEqual([...warningRuleIds].sort())
  })
})

describe('enterpriseWarnings at the boundaries', () => {
  it.each<[string, Partial<EnterpriseFacts>, WarningRuleId[]]>([
    ['a healthy enterprise', {}, []],
    // outputDrop ≥ 20 %
    ['output down exactly 20 % fires', { outputCum: 80_000 }, ['outputDrop']],
    ['output down 19.99 % does not', { outputCum: 80_010 }, []],
    ['output down 20.01 % fires', { outputCum: 79_990 }, ['outputDrop']],
    ['output down exactly 20 % on odd figures fires (7 of 35)', { outputCum: 28, outputPriorCum: 35 }, ['outputDrop']],
    ['output with zero prior-year output: no base, no drop', { outputCum: 0, outputPriorCum: 0 }, []],
    ['output without a base', { outputPriorCum: null }, []],
    ['output not reported', { outputCum: null }, []],
    // stoppage
    ['no output this month after a month with output: 停产', { outputMonth: 0, outputPreviousMonth: 5 }, ['stoppage']],
    ['no output two months running', { outputMonth: 0, outputPreviousMonth: 0 }, []],
    ['no output this month, previous month unknown', { outputMonth: 0, outputPreviousMonth: null }, []],
    ['a little output this month', { outputMonth: 1, outputPreviousMonth: 10_000 }, []],
    // lossMaking
    ['profit −0.01 万元 is a loss', { profitCum: -1 }, ['lossMaking']],
    ['profit exactly 0 is not a loss', { profitCum: 0 }, []],
    ['profit not reported', { profitCum: null }, []],
    // electricityDrop ≥ 30 %
    ['electricity down exactly 30 % fires', { electricityMonth: 700 }, ['electricityDrop']],
    ['electricity down 29.9 % does not', { electricityMonth: 701 }, []],
    ['electricity a year ago zero', { electricityMonth: 0, electricityMonthPriorYear: 0 }, []],
    ['electricity unknown', { electricityMonth: null }, []],
    // missingReport
    ['due but not reported: only missingReport, its stale figures are ignored', { reported: false, profitCum: -5, outputCum: 1 }, ['missingReport']],
    ['not due and not reported', { reported: false, expected: false }, []],
    // several at once, in rule order
    ['several at once', { outputCum: 50_000, outputMonth: 0, profitCum: -3, electricityMonth: 0 }, ['outputDrop', 'stoppage', 'lossMaking', 'electricityDrop']],
  ])('%s', (_, over, want) => expect(fired(facts(over))).toEqual(want))

  it('a disabled rule does not fire, a stricter threshold fires earlier', () => {
    const rules: WarningRule[] = defaultWarningRules.map((r) =>
      r.id === 'lossMaking' ? { ...r, enabled: false } : r.id === 'outputDrop' ? { ...r, threshold: 10 } : r,
    )
    expect(fired(facts({ outputCum: 90_000, profitCum: -1 }), rules)).toEqual(['outputDrop'])
  })

  it('region rules never fire on an enterprise', () => {
    expect(fired(facts(), [{ id: 'regionLossRatio', enabled: true, threshold: 1, severity: 'low' }])).toEqual([])
  })

  it('says why: the figures and the threshold', () => {
    const [h] = enterpriseWarnings(facts({ outputCum: 80_000 }), defaultWarningRules)
    expect(h).toEqual({
      rule: 'outputDrop',
      severity: 'medium',
      threshold: 20,
      figures: { outputCumFen: 80_000, outputPriorCumFen: 100_000, dropPct: 20 },
      reason: {
        zh: '工业总产值累计 800.00 万元，比上年同期 1000.00 万元下降 20.0%，达到预警阈值（下降 ≥ 20%）',
        en: 'gross output year-to-date 800.00 (10k yuan) is down 20.0% on 1000.00 a year earlier, reaching the threshold (down ≥ 20%)',
      },
    })
    const [e] = enterpriseWarnings(facts({ electricityMonth: 650 }), defaultWarningRules)
    expect(e?.reason.zh).toBe('本月用电量 6.50 万千瓦时，比上年同月 10.00 万千瓦时下降 35.0%，达到预警阈值（下降 ≥ 30%）')
    expect(enterpriseWarnings(facts({ profitCum: -1234 }), defaultWarningRules)[0]?.reason.zh).toBe('利润总额累计 -12.34 万元，为亏损')
  })
})

describe('regionWarnings at the boundaries', () => {
  it.each<[string, number | null, number | null, number | null, WarningRuleId[]]>([
    ['exactly 1 point below target fires', 5, 6, 10, ['regionBelowTarget']],
    ['5.04 publishes as 5.0: 1.0 below, fires', 5.04, 6, 10, ['regionBelowTarget']],
    ['5.05 publishes as 5.1: 0.9 below, does not', 5.05, 6, 10, []],
    ['above target', 7, 6, 10, []],
    ['no target', 2, null, 10, []],
    ['no growth (no base)', null, 6, 10, []],
    ['loss ratio exactly 25 % fires', 6, 6, 25, ['regionLossRatio']],
    ['loss ratio 24.99 % does not', 6, 6, 24.99, []],
    ['loss ratio unknown', 6, 6, null, []],
    ['both', 3.2, 6.5, 40, ['regionBelowTarget', 'regionLossRatio']],
  ])('%s', (_, growthPct, targetPct, lossRatioPct, want) => {
    expect(regionWarnings({ growthPct, targetPct, lossRatioPct }, defaultWarningRules).map((h) => h.rule)).toEqual(want)
  })

  it('a threshold of 0 points fires on any shortfall, not on meeting the target', () => {
    const rules: WarningRule[] = [{ id: 'regionBelowTarget', enabled: true, threshold: 0, severity: 'high' }]
    expect(regionWarnings({ growthPct: 5.9, targetPct: 6, lossRatioPct: null }, rules)).toHaveLength(1)
    expect(regionWarnings({ growthPct: 6, targetPct: 6, lossRatioPct: null }, rules)).toHaveLength(0)
  })

  it('says why', () => {
    const [h] = regionWarnings({ growthPct: 4.76, targetPct: 6, lossRatioPct: null }, defaultWarningRules)
    expect(h).toMatchObject({
      rule: 'regionBelowTarget', severity: 'high', threshold: 1,
      figures: { growthPct: 4.8, targetPct: 6, gapPts: 1.2 },
      reason: { zh: '增速 4.8%，低于目标 6% 1.2 个百分点，达到预警阈值（低于目标 ≥ 1 个百分点）' },
    })
  })
})

describe('validateWarningRule: nonsense is refused, saying what and why', () => {
  it.each<[string, unknown]>([
    ['a changed threshold', { id: 'outputDrop', enabled: true, threshold: 15.5, severity: 'high' }],
    ['the upper bound', { id: 'outputDrop', enabled: false, threshold: 100, severity: 'low' }],
    ['the lower bound', { id: 'regionBelowTarget', enabled: true, threshold: 0, severity: 'high' }],
    ['no threshold on a rule without one (omitted)', { id: 'stoppage', enabled: true, severity: 'high' }],
  ])('accepts %s', (_, input) => expect(validateWarningRule(input).ok).toBe(true))

  it.each<[string, unknown, string, string]>([
    ['negative', { id: 'outputDrop', enabled: true, threshold: -5, severity: 'high' }, 'threshold', '阈值不能为负数（收到 -5）'],
    ['text', { id: 'outputDrop', enabled: true, threshold: 'abc', severity: 'high' }, 'threshold', '阈值应为数字，而不是 文本“abc”'],
    ['numeric text', { id: 'outputDrop', enabled: true, threshold: '20', severity: 'high' }, 'threshold', '阈值应为数字，而不是 文本“20”'],
    ['NaN', { id: 'outputDrop', enabled: true, threshold: Number.NaN, severity: 'high' }, 'threshold', '阈值应为有限数字，而不是 NaN'],
    ['Infinity', { id: 'electricityDrop', enabled: true, threshold: Infinity, severity: 'high' }, 'threshold', '阈值应为有限数字'],
    ['above 100 %', { id: 'outputDrop', enabled: true, threshold: 120, severity: 'high' }, 'threshold', '阈值 120 超出范围，应在 1–100% 之间'],
    ['zero where the range starts at 1', { id: 'regionLossRatio', enabled: true, threshold: 0, severity: 'high' }, 'threshold', '超出范围'],
    ['missing', { id: 'outputDrop', enabled: true, severity: 'high' }, 'threshold', '需要阈值（1–100%）'],
    ['a threshold on a rule without one', { id: 'lossMaking', enabled: true, threshold: 5, severity: 'high' }, 'threshold', '没有阈值'],
    ['an unknown rule', { id: 'bankrupt', enabled: true, threshold: 5, severity: 'high' }, 'id', '未知的预警规则'],
    ['enabled as text', { id: 'stoppage', enabled: 'yes', threshold: null, severity: 'high' }, 'enabled', '是否启用应为 true 或 false'],
    ['an unknown severity', { id: 'stoppage', enabled: true, threshold: null, severity: 'urgent' }, 'severity', '级别应为'],
    ['not an object', 42, '', '预警规则应为对象'],
  ])('refuses %s', (_, input, field, zh) => {
    const r = validateWarningRule(input)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors[0]?.field).toBe(field)
      expect(r.errors[0]?.message.zh).toContain(zh)
      expect(r.errors[0]?.message.en.length).toBeGreaterThan(10)
    }
  })

  it('explains in English too', () => {
    const r = validateWarningRule({ id: 'outputDrop', enabled: true, threshold: -5, severity: 'high' })
    expect(!r.ok && r.errors[0]?.message.en).toBe('the threshold of rule "Output drop" cannot be negative (got -5); it must be within 1–100%')
  })
})
