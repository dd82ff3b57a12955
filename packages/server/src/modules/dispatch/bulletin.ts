import ExcelJS from 'exceljs'
import {
  AlignmentType, BorderStyle, Document, Footer, PageNumber, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx'
import { peerGroupsOf, roundHalfUp, toFen, warningRuleInfo, type WarningRuleId } from '@gongxin/domain'
import { sql } from 'drizzle-orm'
import type { Db } from '../../db/index.ts'
import { AppError } from '../../lib/errors.ts'
import { likePrefix } from '../../lib/sql-like.ts'
import { recordAudit } from '../audit/service.ts'
import type { Actor } from '../../http/context.ts'
import { rankRegions } from './rank.ts'
import { dispatchJson, type WarningRow } from './service.ts'

/*
 * The month's bulletin (运行情况通报) as a Word document in the style of an official document (公文): title in
 * 小标宋 二号, body in 仿宋_GB2312 三号, first-level headings 一、 in 黑体, second-level （一） in 楷体; and an Excel
 * annex with every table. Every figure comes from the kept dispatch (the same JSON the API returns), converted
 * from 万元 to 亿元 by one rule (round half up to 2 decimals), so the document, the screen and the JSON agree.
 */

interface Figures { cum: string; priorCum: string; growthPct: number | null; enterprises: number; withoutBase: number; cumAll: string; change?: { text: { zh: string } } }
interface Target { indicator: string; name: { zh: string }; unit: string; kind: 'growth' | 'level'; target: number; actual: number | null; text: { zh: string }; actualSource: string | null }
interface Official { indicator: string; name: { zh: string }; unit: string; value: number; computed: number | null; differencePts: number | null }
interface SubRegion { region: string; name: string; indicators: Record<string, Figures>; rank: Record<string, number>; rankChange: Record<string, number | null>; lossRatioPct: number | null; reporting: number; expected: number; pullPct: number | null }
interface Industry { code: string; name: string; growthPct: number | null; pullPct: number | null; contributionPct: number | null; enterprises: number; cum: string }
export interface DispatchDoc {
  period: string
  region: string
  name: string
  level: number
  indicators: Record<string, Figures>
  reporting: number
  expected: number
  lossMaking: number
  lossRatioPct: number | null
  lossAmount: string
  lossAmountGrowthPct: number | null
  targets: Target[]
  official: Official[]
  subRegions: SubRegion[]
  industries: Industry[]
  warnings: WarningRow[]
  asOf: string
}

/** 万元 (decimal text) → 亿元 with 2 decimals: the one conversion the bulletin and the web app use. */
export const yi = (wan: string | null | undefined): string => {
  const fen = toFen(wan ?? null)
  return fen === null ? '—' : roundHalfUp(fen / 1_000_000, 2).toFixed(2)
}
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(1))
const growthWords = (v: number | null | undefined) => (v === null || v === undefined ? '无可比基数' : v >= 0 ? `增长${v.toFixed(1)}%` : `下降${Math.abs(v).toFixed(1)}%`)

const FONT_BODY = '仿宋_GB2312'
const FONT_TITLE = '方正小标宋简体'
const FONT_H1 = '黑体'
const FONT_H2 = '楷体_GB2312'
const SIZE_BODY = 32 // half-points: 三号 16pt
const SIZE_TITLE = 44 // 二号 22pt
const SIZE_TABLE = 21 // 五号 10.5pt

const run = (text: string, font = FONT_BODY, size = SIZE_BODY, bold = false) => new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, bold })
const body = (text: string) => new Paragraph({ children: [run(text)], indent: { firstLine: 640 }, spacing: { line: 560 }, alignment: AlignmentType.JUSTIFIED })
const h1 = (text: string) => new Paragraph({ children: [run(text, FONT_H1)], indent: { firstLine: 640 }, spacing: { line: 560 } })
const h2 = (text: string) => new Paragraph({ children: [run(text, FONT_H2)], indent: { firstLine: 640 }, spacing: { line: 560 } })
const center = (text: string, font = FONT_BODY, size = SIZE_BODY) => new Paragraph({ children: [run(text, font, size)], alignment: AlignmentType.CENTER, spacing: { line: 560 } })

function table(head: string[], rows: (string | number)[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
  const cell = (v: string | number, bold = false) =>
    new TableCell({
      children: [new Paragraph({ children: [run(String(v), FONT_BODY, SIZE_TABLE, bold)], alignment: AlignmentType.CENTER })],
      borders: { top: border, bottom: border, left: border, right: border },
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ children: head.map((h) => cell(h, true)), tableHeader: true }), ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) }))],
  })
}

const chineseNumber = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const dateZh = (d: Date) => `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
const periodZh = (period: string) => {
  const [y, m] = period.split('-').map(Number)
  return m === 1 ? `${y}年1月` : `${y}年1—${m}月`
}

/** The tables of the bulletin, shared by the document and its Excel annex. */
export function bulletinTables(d: DispatchDoc, peers: PeerLine[]) {
  const regionsHead = ['位次', d.level === 1 ? '市州' : '县市区', '工业总产值（亿元）', '增速（%）', '拉动（百分点）', '营业收入增速（%）', '利润总额增速（%）', '亏损面（%）', '位次变化']
  const regions = [...d.subRegions]
    .sort((a, b) => (a.rank.grossOutput ?? 999) - (b.rank.grossOutput ?? 999) || a.region.localeCompare(b.region))
    .map((s) => [
      s.rank.grossOutput ?? '—', s.name, yi(s.indicators.grossOutput?.cum), pct(s.indicators.grossOutput?.growthPct), s.pullPct === null ? '—' : s.pullPct.toFixed(2),
      pct(s.indicators.revenue?.growthPct), pct(s.indicators.profit?.growthPct), pct(s.lossRatioPct),
      (() => {
        const c = s.rankChange.grossOutput
        return c === null || c === undefined ? '—' : c > 0 ? `↑${c}` : c < 0 ? `↓${-c}` : '—'
      })(),
    ])
  const industriesHead = ['行业', '企业数', '工业总产值（亿元）', '增速（%）', '拉动（百分点）', '贡献率（%）']
  const industries = [...d.industries]
    .sort((a, b) => (b.pullPct ?? -1e9) - (a.pullPct ?? -1e9))
    .map((i) => [`${i.code} ${i.name}`, i.enterprises, yi(i.cum), pct(i.growthPct), i.pullPct === null ? '—' : i.pullPct.toFixed(2), pct(i.contributionPct)])
  const warningsHead = ['预警类型', '企业或地区', '所在地区', '原因', '状态']
  const STATUS = { new: '新预警', acknowledged: '已确认', resolved: '已办结' } as const
  const warnings = d.warnings.map((w) => [
    warningRuleInfo[w.rule as WarningRuleId]?.name.zh ?? w.rule, w.enterpriseName ?? w.regionName ?? w.region, w.regionName ?? w.region, w.reason.zh, STATUS[w.status],
  ])
  const peersHead = ['比较范围', '指标', '本省数值', '位次', '参与地区数', '第一名']
  const peerRows = peers.map((p) => [p.scope, p.indicator, p.value === null ? '—' : p.value.toFixed(1), p.rank ?? '—', p.of, p.leader ?? '—'])
  return { regionsHead, regions, industriesHead, industries, warningsHead, warnings, peersHead, peerRows }
}

export interface PeerLine { scope: string; indicator: string; value: number | null; rank: number | null; of: number; leader: string | null }

/** The province's rank on valueAddedGrowth nationally and in each of its peer groups (official figures). */
async function peerLines(db: Db, actor: Actor, d: DispatchDoc): Promise<PeerLine[]> {
  if (d.level !== 1) return []
  const [year, month] = d.period.split('-').map(Number) as [number, number]
  const out: PeerLine[] = []
  const scopes: { label: string; group?: string }[] = [{ label: '全国' }, ...peerGroupsOf(d.region, year).map((g) => ({ label: g.nameZh, group: g.id }))]
  for (const s of scopes) {
    const r = await rankRegions(db, actor.scope.kind === 'region' ? { kind: 'region', prefix: '' } : actor.scope, { indicator: 'valueAddedGrowth', year, month, level: 'province', ...(s.group ? { group: s.group } : {}) })
    const me = r.items.find((i) => i.region === d.region)
    out.push({ scope: s.label, indicator: r.name.zh, value: me?.value ?? null, rank: me?.rank ?? null, of: r.items.length, leader: r.items[0] ? `${r.items[0].name} ${r.items[0].value?.toFixed(1) ?? ''}` : null })
  }
  return out
}

const issuerOf = (d: DispatchDoc) => (d.level === 1 ? `${d.name}工业和信息化厅` : `${d.name}工业和信息化局`)

export interface BulletinContent {
  dispatch: DispatchDoc
  peers: PeerLine[]
  /** the date printed under the title (ISO) */
  issuedOn: string
}

export interface IssuedBulletin {
  id: number
  docx: Buffer
  xlsx: Buffer
  title: string
  dispatch: DispatchDoc
}

/**
 * Issues the bulletin of a period and region: the kept dispatch (with its warnings) and the peer lines are read once,
 * recorded in `bulletins` (so that this bulletin can be rendered again, identical, whatever the facts become), and
 * rendered as the .docx and its .xlsx annex.
 */
export async function buildBulletin(db: Db, actor: Actor, q: { year: number; month: number; region?: string | undefined }, now = new Date()): Promise<IssuedBulletin> {
  const json = await dispatchJson(db, actor, { year: q.year, month: q.month, region: q.region })
  const d = JSON.parse(json) as DispatchDoc & { factVersion?: number }
  const peers = await peerLines(db, actor, d)
  const content: BulletinContent = { dispatch: d, peers, issuedOn: now.toISOString() }
  const rendered = await renderBulletin(content)
  const id = await db.transaction(async (tx) => {
    const r = await tx.execute<{ id: number }>(sql`
      insert into bulletins (year, month, region_code, title, as_of, fact_version, content, created_by)
      values (${q.year}, ${q.month}, ${d.region}, ${rendered.title}, ${d.asOf}::timestamptz, ${d.factVersion ?? 0}, ${JSON.stringify(content)}, ${actor.username})
      returning id`)
    const bid = Number(r.rows[0]?.id)
    await recordAudit(tx, actor, { action: 'dispatch.bulletin', entity: 'bulletin', entityId: bid, detail: { period: d.period, region: d.region, asOf: d.asOf, title: rendered.title } })
    return bid
  })
  return { id, ...rendered, dispatch: d }
}

/** An issued bulletin rendered again from what it recorded: the same figures as when it was issued. */
export async function reissueBulletin(db: Db, actor: Actor, id: number): Promise<IssuedBulletin> {
  const r = await db.execute<{ content: string; region_code: string }>(sql`select content, region_code from bulletins where id = ${id}`)
  const row = r.rows[0]
  if (!row || actor.scope.kind !== 'region' || !row.region_code.startsWith(actor.scope.prefix)) throw new AppError('OUT_OF_SCOPE')
  const content = JSON.parse(row.content) as BulletinContent
  await db.transaction((tx) => recordAudit(tx, actor, { action: 'dispatch.bulletin.reissue', entity: 'bulletin', entityId: id }))
  return { id, ...(await renderBulletin(content)), dispatch: content.dispatch }
}

/** The bulletins issued for a period (or all), newest first, in the caller's area. */
export async function listBulletins(db: Db, actor: Actor, q: { year?: number; month?: number }) {
  if (actor.scope.kind !== 'region') return []
  const conds = [sql`region_code like ${likePrefix(actor.scope.prefix)}`]
  if (q.year !== undefined) conds.push(sql`year = ${q.year}`)
  if (q.month !== undefined) conds.push(sql`month = ${q.month}`)
  const r = await db.execute<{ id: number; year: number; month: number; region_code: string; title: string; as_of: string | Date; fact_version: number; created_by: string; created_at: string | Date }>(sql`
    select id, year, month, region_code, title, as_of, fact_version, created_by, created_at from bulletins where ${sql.join(conds, sql` and `)} order by id desc limit 200`)
  return r.rows.map((b) => ({
    id: Number(b.id), period: `${b.year}-${String(b.month).padStart(2, '0')}`, region: b.region_code, title: b.title,
    asOf: new Date(String(b.as_of)).toISOString(), factVersion: Number(b.fact_version), createdBy: b.created_by, createdAt: new Date(String(b.created_at)).toISOString(),
  }))
}

/** Renders recorded bulletin content as the .docx and the .xlsx annex (pure: same content, same figures). */
export async function renderBulletin(content: BulletinContent): Promise<{ docx: Buffer; xlsx: Buffer; title: string }> {
  const { dispatch: d, peers } = content
  const now = new Date(content.issuedOn)
  const t = bulletinTables(d, peers)
  const when = periodZh(d.period)
  const title = `${d.name}工业经济运行情况通报`
  const go = d.indicators.grossOutput
  const rv = d.indicators.revenue
  const pf = d.indicators.profit
  const unitsWord = d.level === 1 ? '市州' : '县市区'

  const overall: Paragraph[] = [
    body(
      `${when}，${d.name}规模以上工业企业应报${d.expected}家，已报${d.reporting}家。规模以上工业总产值${yi(go?.cumAll)}亿元，同口径${growthWords(go?.growthPct)}` +
        `${go && go.withoutBase ? `（${go.withoutBase}家企业无上年同期可比数据，未计入增速）` : ''}；营业收入${yi(rv?.cumAll)}亿元，${growthWords(rv?.growthPct)}；` +
        `利润总额${yi(pf?.cumAll)}亿元，${pf?.change?.text.zh ?? growthWords(pf?.growthPct)}。亏损企业${d.lossMaking}家，亏损面${pct(d.lossRatioPct)}%，亏损企业亏损额${yi(d.lossAmount)}亿元` +
        `${d.lossAmountGrowthPct === null ? '' : `，${growthWords(d.lossAmountGrowthPct)}`}。`,
    ),
  ]
  for (const o of d.official) {
    overall.push(body(`统计部门公布：${o.name.zh}${o.value.toFixed(1)}${o.unit}${o.computed === null ? '' : `（平台按企业月报同口径测算${o.computed.toFixed(1)}%，相差${o.differencePts?.toFixed(1) ?? '—'}个百分点）`}。`))
  }
  if (d.targets.length) {
    overall.push(h2('（一）目标完成情况'))
    for (const tg of d.targets) {
      overall.push(body(`${tg.name.zh}：年度目标${tg.target}${tg.unit}，${tg.actual === null ? '暂无实际数' : `实际${tg.actual}${tg.unit}${tg.actualSource === 'official' ? '（统计公布数）' : '（平台测算）'}`}，${tg.text.zh}。`))
    }
  }

  const ranked = [...d.subRegions].filter((s) => s.rank.grossOutput !== undefined).sort((a, b) => (a.rank.grossOutput ?? 0) - (b.rank.grossOutput ?? 0))
  const top = ranked.slice(0, 3).map((s) => `${s.name}（${pct(s.indicators.grossOutput?.growthPct)}%）`).join('、')
  const bottom = ranked.slice(-3).reverse().map((s) => `${s.name}（${pct(s.indicators.grossOutput?.growthPct)}%）`).join('、')
  const enterpriseWarnings = d.warnings.filter((w) => w.subjectKind === 'enterprise')
  const countOf = (rule: string) => enterpriseWarnings.filter((w) => w.rule === rule).length
  const sections: (Paragraph | Table)[] = []
  let n = 0
  const section = (text: string) => sections.push(h1(`${chineseNumber[n++] ?? String(n)}、${text}`))

  section('总体运行情况')
  sections.push(...overall)
  section(`各${unitsWord}运行情况`)
  sections.push(body(ranked.length ? `按工业总产值同口径增速排序，前三位是${top}；后三位是${bottom}。详见下表。` : `本期各${unitsWord}暂无可比数据。`))
  sections.push(table(t.regionsHead, t.regions))
  section('分行业运行情况')
  const topPull = [...d.industries].filter((i) => i.pullPct !== null).sort((a, b) => (b.pullPct ?? 0) - (a.pullPct ?? 0)).slice(0, 3)
  sections.push(body(topPull.length ? `拉动增长居前的行业是${topPull.map((i) => `${i.name}（拉动${i.pullPct?.toFixed(2)}个百分点）`).join('、')}。分行业情况见下表（按拉动排序，前十五个行业）。` : '本期暂无分行业可比数据。'))
  sections.push(table(t.industriesHead, t.industries.slice(0, 15)))
  section('需关注的企业')
  sections.push(
    body(
      `本期产值累计下降达到预警线的企业${countOf('outputDrop')}家，当月停产企业${countOf('stoppage')}家，亏损企业${countOf('lossMaking')}家，用电骤降企业${countOf('electricityDrop')}家，未按期报送企业${countOf('missingReport')}家。` +
        `请各地逐户跟踪，落实服务专员，帮助企业解决困难。高等级预警明细见下表，全部预警见附件。`,
    ),
  )
  const high = d.warnings.filter((w) => w.severity === 'high').slice(0, 20)
  const highRows = t.warnings.filter((_, i) => d.warnings[i]?.severity === 'high').slice(0, 20)
  if (high.length) sections.push(table(t.warningsHead, highRows))
  if (peers.length) {
    section('对标情况')
    const lines = peers.filter((p) => p.value !== null)
    sections.push(body(lines.length ? lines.map((p) => `在${p.scope}${p.of}个省份中，${p.indicator}${p.value?.toFixed(1)}%，居第${p.rank}位`).join('；') + '。' : '本期暂无统计部门公布的各省数据。'))
    if (lines.length) sections.push(table(t.peersHead, t.peerRows))
  }
  section('下步工作')
  sections.push(body('（本节由起草人填写。）'))

  const doc = new Document({
    creator: 'Gongxin',
    title: `${title}（${when}）`,
    styles: { default: { document: { run: { font: FONT_BODY, size: SIZE_BODY } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })] })] }) },
        children: [
          center(title, FONT_TITLE, SIZE_TITLE),
          center(`（${when}）`, FONT_H2),
          center(`${issuerOf(d)}\u3000${dateZh(now)}`),
          new Paragraph({ children: [] }),
          ...sections,
          new Paragraph({ children: [] }),
          body(`附件：${title}（${when}）附表.xlsx`),
          body(`数据说明：增速为同口径增速（本期与上年同期均有数据的企业合计之比），数据截至 ${d.asOf.slice(0, 19).replace('T', ' ')} UTC；金额单位为亿元，由万元四舍五入至两位小数。`),
        ],
      },
    ],
  })
  const docx = await Packer.toBuffer(doc)

  const wb = new ExcelJS.Workbook()
  const sheet = (name: string, head: string[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name)
    ws.addRow(head).font = { bold: true }
    for (const r of rows) ws.addRow(r)
    ws.columns.forEach((c) => (c.width = 16))
    ws.views = [{ state: 'frozen', ySplit: 1 }]
  }
  sheet('总体情况', ['指标', '本年累计（亿元）', '同口径增速（%）', '报送企业数', '无可比基数企业数'], ['grossOutput', 'revenue', 'profit'].map((k) => {
    const f = d.indicators[k]
    const label = { grossOutput: '工业总产值', revenue: '营业收入', profit: '利润总额' }[k] ?? k
    return [label, yi(f?.cumAll), pct(f?.growthPct), f?.enterprises ?? 0, f?.withoutBase ?? 0]
  }))
  sheet(`${unitsWord}排名`, t.regionsHead, t.regions)
  sheet('分行业', t.industriesHead, t.industries)
  sheet('预警清单', t.warningsHead, t.warnings)
  if (peers.length) sheet('对标', t.peersHead, t.peerRows)
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer())
  return { docx, xlsx, title: `${title}（${when}）` }
}
