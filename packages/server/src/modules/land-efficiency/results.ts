import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import {
  explainLandResult, landDataFieldLabels, landIndicatorDefs, rebuildLandResult, specsOf, type IndicatorParams, type LandClass, type LandDataField,
  type LandIndicatorId, type LandScheme, type LandSummary, type Msg,
} from '@gongxin/domain'
import type { Db } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { AppError, type Locale } from '../../lib/errors.ts'
import { allResults, classDistribution, dataRow, enterpriseResults, listResults, publishedResultOf, type ResultFilter, type ResultRow } from './repository.ts'

/*
 * The read side of a run: pages of results, the class distribution, one enterprise's score card (its trace rebuilt
 * from the figures the run read and the run's parameters) and the published list as a workbook.
 */

export interface RunInfo {
  id: number
  year: number
  status: string
  regionPrefix: string
  summary: LandSummary
  params: Record<string, Partial<Record<LandIndicatorId, IndicatorParams>>>
  scheme: { id: number; code: string; version: number; definition: LandScheme }
}

/** A run the actor may see: one covering a part of its area (or its area inside the run's). */
export async function runOf(db: Db, actor: Actor, id: number): Promise<RunInfo> {
  const res = await db.execute<Record<string, unknown>>(sql`
    select v.id, v.year, v.status, v.region_prefix, v.summary, v.params, s.id as scheme_id, s.code, s.version, s.definition
      from land_evaluations v join land_schemes s on s.id = v.scheme_id where v.id = ${id}`)
  const r = res.rows[0]
  if (!r) throw new AppError('NOT_FOUND', { what: `亩均效益评价 ${id} / land-efficiency evaluation ${id}` })
  const prefix = String(r.region_prefix)
  const mine = actor.scope.kind === 'region' ? actor.scope.prefix : null
  if (mine !== null && !(prefix.startsWith(mine) || mine.startsWith(prefix))) throw new AppError('OUT_OF_SCOPE')
  return {
    id: Number(r.id), year: Number(r.year), status: String(r.status), regionPrefix: prefix, summary: r.summary as LandSummary,
    params: (r.params as RunInfo['params'] | null) ?? {}, scheme: { id: Number(r.scheme_id), code: String(r.code), version: Number(r.version), definition: r.definition as LandScheme },
  }
}

export interface ResultItem {
  uscc: string
  name: string
  countyCode: string
  countyName: string | null
  industry: string | null
  class: LandClass
  previousClass: LandClass | null
  total: number | null
  rank: number | null
  unitSize: number
  list: 'above' | 'below'
  indicators: Partial<Record<LandIndicatorId, number | null>>
  scores: Partial<Record<LandIndicatorId, number>>
  /** 万元 per policy id */
  policy: Record<string, number>
  missing: LandDataField[]
  reason: Msg | null
}

function itemOf(r: ResultRow, scheme: LandScheme): ResultItem {
  const indicators: ResultItem['indicators'] = {}
  const scores: ResultItem['scores'] = {}
  if (r.class !== 'T') {
    specsOf(scheme, r.list).forEach((s, k) => {
      indicators[s.id] = r.indicatorValues?.[k] ?? null
      scores[s.id] = r.scores?.[k] ?? 0
    })
  }
  return {
    uscc: r.uscc, name: r.name, countyCode: r.countyCode, countyName: r.countyName, industry: r.industry, class: r.class, previousClass: r.previousClass,
    total: r.total, rank: r.rank, unitSize: r.unitSize, list: r.list, indicators, scores, policy: Object.fromEntries(r.detail.policy ?? []),
    missing: r.detail.missing ?? [], reason: r.detail.reason ?? null,
  }
}

/** The indicators a run's tables show as columns: the above-scale list's, then the below-scale list's own. */
export function indicatorColumns(scheme: LandScheme) {
  const ids = [...new Set([...specsOf(scheme, 'above'), ...specsOf(scheme, 'below')].map((s) => s.id))]
  return ids.map((id) => ({ id, zh: landIndicatorDefs[id].zh, en: landIndicatorDefs[id].en, unit: landIndicatorDefs[id].unit }))
}

export async function resultsPage(db: Db, actor: Actor, id: number, f: ResultFilter) {
  const run = await runOf(db, actor, id)
  const page = await listResults(db, actor.scope, id, f)
  return { total: page.total, page: f.page, pageSize: f.pageSize, indicators: indicatorColumns(run.scheme.definition), items: page.rows.map((r) => itemOf(r, run.scheme.definition)) }
}

export async function distribution(db: Db, actor: Actor, id: number, by: 'county' | 'industry') {
  await runOf(db, actor, id)
  return { by, items: await classDistribution(db, actor.scope, id, by) }
}

/**
 * One enterprise's score card in a run: every indicator with its value, weight and points, the trace explained in
 * the request's language (rebuilt from the figures row the run read, never stored), the figures with their sources,
 * and its class in last year's published list.
 */
export async function scoreCard(db: Db, actor: Actor, id: number, uscc: string, locale: Locale) {
  const run = await runOf(db, actor, id)
  const [row] = await enterpriseResults(db, actor.scope, uscc, [id])
  if (!row) throw new AppError('NOT_FOUND', { what: `企业 ${uscc} 在评价 ${id} 中的结果 / the result of ${uscc} in evaluation ${id}` })
  const scheme = run.scheme.definition
  const figures = row.dataId === null ? null : await dataRow(db, row.dataId)
  const lastYear = await publishedResultOf(db, actor.scope, uscc, run.year - 1)
  const lang = locale === 'en-US' ? 'en' : 'zh'
  let trace: string[] = []
  let adjustments: { flag: string; points: number; label: string }[] = []
  if (figures) {
    const rebuilt = rebuildLandResult(
      { uscc, countyCode: row.countyCode, parkId: null, industry: row.industry, aboveScale: row.list === 'above', yearsInProduction: null, values: figures.values, flags: figures.flags },
      scheme,
      { unitKey: row.unitKey, list: row.list, class: row.class, total: row.total, rank: row.rank, unitSize: row.unitSize, previousClass: row.previousClass, scores: row.scores ?? [] },
      run.params[`${row.unitKey}|${row.list === 'above' ? 'a' : 'b'}`],
    )
    // the T reason as the run recorded it (the scope test reads facts the card does not reload: years in production, park)
    if (row.detail.reason) rebuilt.reason = row.detail.reason
    trace = explainLandResult(rebuilt, scheme, lang)
    const labels = [...scheme.bonuses, ...scheme.penalties]
    adjustments = rebuilt.adjustments.map((a) => ({ ...a, label: labels.find((x) => x.flag === a.flag)?.label[lang] ?? a.flag }))
  }
  const item = itemOf(row, scheme)
  const specs = row.class === 'T' ? [] : specsOf(scheme, row.list)
  return {
    evaluation: { id: run.id, year: run.year, status: run.status, scheme: { code: run.scheme.code, version: run.scheme.version, name: scheme.name } },
    enterprise: { uscc: row.uscc, name: row.name, countyCode: row.countyCode, countyName: row.countyName, industry: row.industry },
    class: row.class, total: row.total, rank: row.rank, unitSize: row.unitSize, list: row.list, reason: item.reason, missing: item.missing,
    indicators: specs.map((s) => ({ id: s.id, name: landIndicatorDefs[s.id][lang], unit: landIndicatorDefs[s.id].unit, weight: s.weight, value: item.indicators[s.id] ?? null, score: item.scores[s.id] ?? 0 })),
    adjustments,
    policies: scheme.policies.map((p) => ({
      id: p.id, label: p.label[lang], amount: item.policy[p.id] ?? null,
      measure: p.kind === 'measure' ? (p.measures[row.class]?.[lang] ?? null) : null, rate: p.kind === 'perUnit' ? (p.rates[row.class] ?? null) : null, rateUnit: p.kind === 'perUnit' ? p.rateUnit : null,
    })),
    trace,
    figures: figures ? { year: figures.year, revision: figures.revision, values: figures.values, sources: figures.sources } : null,
    lastYear: lastYear ? { year: run.year - 1, ...lastYear } : row.previousClass ? { year: run.year - 1, evaluationId: null, class: row.previousClass, total: null, rank: null, unitSize: 0 } : null,
  }
}

/** The published list (or any run's list) as a workbook, columns as on screen; filters as the table's. */
export async function resultsWorkbook(db: Db, actor: Actor, id: number, f: Omit<ResultFilter, 'page' | 'pageSize'>, locale: Locale): Promise<{ file: Buffer; rows: number; title: string }> {
  const run = await runOf(db, actor, id)
  const scheme = run.scheme.definition
  const rows = (await allResults(db, actor.scope, id, f)).map((r) => itemOf(r, scheme))
  const en = locale === 'en-US'
  const inds = indicatorColumns(scheme)
  const wb = new ExcelJS.Workbook()
  const title = en ? `Land-efficiency evaluation ${run.year} (${scheme.name.en})` : `${run.year}年度亩均效益评价结果（${scheme.name.zh}）`
  const ws = wb.addWorksheet(en ? 'Results' : '评价结果')
  ws.columns = [
    { header: en ? 'Class' : '类别', key: 'class', width: 6 },
    { header: en ? 'Rank' : '排名', key: 'rank', width: 6 },
    { header: en ? 'USCC' : '统一社会信用代码', key: 'uscc', width: 22 },
    { header: en ? 'Enterprise' : '企业名称', key: 'name', width: 32 },
    { header: en ? 'County' : '县（市、区）', key: 'county', width: 12 },
    { header: en ? 'Industry division' : '行业大类', key: 'industry', width: 8 },
    { header: en ? 'List' : '名单', key: 'list', width: 8 },
    { header: en ? 'Total' : '总分', key: 'total', width: 8 },
    ...inds.flatMap((i) => [
      { header: `${en ? i.en : i.zh}${i.unit ? `（${i.unit}）` : ''}`, key: `v_${i.id}`, width: 14 },
      { header: en ? `${i.en} points` : `${i.zh}得分`, key: `s_${i.id}`, width: 10 },
    ]),
    { header: en ? 'Last year' : '上年类别', key: 'previous', width: 8 },
    { header: en ? 'Note' : '说明', key: 'reason', width: 50 },
  ]
  ws.getRow(1).font = { bold: true }
  const r4 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e4) / 1e4)
  for (const r of rows) {
    const cells: Record<string, unknown> = {
      class: r.class, rank: r.rank, uscc: r.uscc, name: r.name, county: r.countyName ?? r.countyCode, industry: r.industry ?? '',
      list: r.list === 'above' ? (en ? 'above' : '规上') : (en ? 'below' : '规下'), total: r4(r.total), previous: r.previousClass ?? '',
      reason: r.reason ? (en ? r.reason.en : r.reason.zh) : r.missing.length ? (en ? 'missing: ' : '缺少：') + r.missing.map((m) => landDataFieldLabels[m][en ? 'en' : 'zh']).join(en ? ', ' : '、') : '',
    }
    for (const i of inds) { cells[`v_${i.id}`] = r4(r.indicators[i.id]); cells[`s_${i.id}`] = r4(r.scores[i.id]) }
    ws.addRow(cells)
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  return { file: Buffer.from(await wb.xlsx.writeBuffer()), rows: rows.length, title }
}
