import type { LandResult, TraceStep } from './evaluate.ts'
import { landIndicatorDefs, type LandScheme } from './scheme.ts'

const fmt = (x: number | null | undefined, digits = 4) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : String(Math.round(x * 10 ** digits) / 10 ** digits))

const basisText = {
  fixed: { zh: '当年固定基准值', en: 'the year\'s fixed benchmark' },
  unitPrevious: { zh: '评价单元上年平均值的倍数', en: 'a multiple of the unit\'s previous-year average' },
  industryPrevious: { zh: '同行业上年平均值的倍数', en: 'a multiple of the industry\'s previous-year average' },
  unitCurrent: { zh: '无上年数据，按评价单元本年平均值的倍数', en: 'no previous year: a multiple of the unit\'s current average' },
}

function stepText(s: TraceStep, lang: 'zh' | 'en'): string {
  const def = landIndicatorDefs[s.indicator]
  const name = def[lang]
  const zh = lang === 'zh'
  if (s.missing !== null) {
    const why = s.missing === 'zeroDenominator'
      ? (zh ? `分母为 0（${fmt(s.numerator)} / 0），无法计算` : `the denominator is 0 (${fmt(s.numerator)} / 0): not computable`)
      : (zh ? '所需数据缺失' : 'a figure it needs is missing')
    const then = s.averaged ? (zh ? `，按评价单元该项平均得分 ${fmt(s.score, 2)} 分计` : `; given the unit's average points for it, ${fmt(s.score, 2)}`) : (zh ? '，该项 0 分' : '; 0 points')
    return `${name}: ${why}${then}`
  }
  const value = `${name} = ${fmt(s.numerator)} / ${fmt(s.denominator)} = ${fmt(s.value)}${def.unit ? ' ' + def.unit : ''}`
  if (s.method === 'ratio') {
    if (s.negative) return zh ? `${value}；为负值（退税），该项 0 分` : `${value}; negative (a refund): 0 points`
    const b = s.benchmarkBasis ? basisText[s.benchmarkBasis][lang] : ''
    const cap = s.capped ? (zh ? `，超过封顶 ${s.cap} 倍，按封顶计` : `, over the ${s.cap}× cap: capped`) : ''
    return zh
      ? `${value}；基准值 ${fmt(s.benchmark)}（${b}）；得分 = ${fmt(s.value)} / ${fmt(s.benchmark)} × ${s.weight} = ${fmt(s.score, 2)}${cap}`
      : `${value}; benchmark ${fmt(s.benchmark)} (${b}); points = ${fmt(s.value)} / ${fmt(s.benchmark)} × ${s.weight} = ${fmt(s.score, 2)}${cap}`
  }
  if (s.method === 'minmax') {
    return zh
      ? `${value}；单元内最小 ${fmt(s.min)}、最大 ${fmt(s.max)}；得分 = ${s.weight} × [${s.floor} + ${100 - (s.floor ?? 0)} × (${fmt(s.value)} − ${fmt(s.min)}) / (${fmt(s.max)} − ${fmt(s.min)})] / 100 = ${fmt(s.score, 2)}`
      : `${value}; unit min ${fmt(s.min)}, max ${fmt(s.max)}; points = ${s.weight} × [${s.floor} + ${100 - (s.floor ?? 0)} × (${fmt(s.value)} − ${fmt(s.min)}) / (${fmt(s.max)} − ${fmt(s.min)})] / 100 = ${fmt(s.score, 2)}`
  }
  return zh
    ? `${value}；在单元内位次百分比 ${fmt((s.percentile ?? 0) * 100, 1)}%；得分 = ${s.weight} × ${fmt(s.percentile)} = ${fmt(s.score, 2)}`
    : `${value}; percentile in the unit ${fmt((s.percentile ?? 0) * 100, 1)}%; points = ${s.weight} × ${fmt(s.percentile)} = ${fmt(s.score, 2)}`
}

/** The trace of one result as sentences, one per number, in Chinese or English: what an official reads to an enterprise that asks "why?". */
export function explainLandResult(r: LandResult, scheme: LandScheme, lang: 'zh' | 'en'): string[] {
  const zh = lang === 'zh'
  const lines: string[] = []
  if (r.class === 'T') {
    lines.push(zh ? `未参评（T 类）：${r.reason?.zh ?? ''}` : `not evaluated (class T): ${r.reason?.en ?? ''}`)
    return lines
  }
  for (const s of r.trace) lines.push(stepText(s, lang))
  const adj = [...scheme.bonuses, ...scheme.penalties]
  for (const a of r.adjustments) {
    const spec = adj.find((x) => x.flag === a.flag)
    lines.push(zh ? `${a.points > 0 ? '加分' : '减分'}：${spec?.label.zh ?? a.flag} ${a.points > 0 ? '+' : ''}${a.points}` : `${a.points > 0 ? 'bonus' : 'penalty'}: ${spec?.label.en ?? a.flag} ${a.points > 0 ? '+' : ''}${a.points}`)
  }
  lines.push(zh ? `总分 ${fmt(r.total, 2)}` : `total ${fmt(r.total, 2)}`)
  if (r.veto !== null) lines.push(zh ? r.reason?.zh ?? '' : r.reason?.en ?? '')
  else {
    const rule = scheme.classes
    const how = rule.kind === 'rankBands'
      ? (zh ? `在 ${r.unitSize} 家中排第 ${r.rank} 名（前 ${fmt((((r.rank ?? 1) - 1) / Math.max(1, r.unitSize)) * 100, 1)}% 有企业排在其前）` : `rank ${r.rank} of ${r.unitSize} (${fmt((((r.rank ?? 1) - 1) / Math.max(1, r.unitSize)) * 100, 1)}% ranked ahead)`)
      : (zh ? `按分数线，在 ${r.unitSize} 家中排第 ${r.rank} 名` : `by score lines; rank ${r.rank} of ${r.unitSize}`)
    lines.push(zh ? `${how}，评为 ${r.class} 类` : `${how}: class ${r.class}`)
  }
  if (r.previousClass) lines.push(zh ? `上年 ${r.previousClass} 类 → 本年 ${r.class} 类` : `last year ${r.previousClass} → this year ${r.class}`)
  return lines
}
