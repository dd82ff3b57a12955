import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { buildBulletin } from '../../modules/dispatch/bulletin.ts'
import { systemActor } from '../../http/context.ts'
import { rankRegions } from '../../modules/dispatch/rank.ts'
import { compositeRanking } from '../../modules/dispatch/composite.ts'
import { nowcast } from '../../modules/dispatch/nowcast.ts'
import { computeAndKeep, dispatchJson } from '../../modules/dispatch/service.ts'
import { addDbOptions, EXIT, withDatabase, type DbOptions } from '../context.ts'

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/

function parsePeriodArg(s: string | undefined): { year: number; month: number } | null {
  const m = s ? PERIOD.exec(s) : null
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null
}

function usage(zh: string, en: string) {
  process.stderr.write(`${zh}\n${en}\n`)
  process.exitCode = EXIT.usage
}

const english = () => (process.env.LANG ?? '').startsWith('en')
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`)

interface Figures { cum: string; growthPct: number | null; enterprises: number; withoutBase: number }
interface DispatchOut {
  period: string
  region: string
  name: string
  indicators: Record<string, Figures>
  lossMaking: number
  lossRatioPct: number | null
  reporting: number
  expected: number
  subRegions: { region: string; name: string; indicators: Record<string, Figures>; rank: Record<string, number> }[]
  warnings?: unknown[]
}

/** `gongxin dispatch --period YYYY-MM [--region CODE] [--json]` and `gongxin rank --indicator X --period P …`. */
export function register(program: Command) {
  addDbOptions(
    program
      .command('dispatch')
      .description('the monthly dispatch (月调度) of a period: same-scope growth, targets, official figures, sub-regions ranked, industries, warnings')
      .requiredOption('--period <YYYY-MM>', 'the period, e.g. 2023-11 (1—2月 is 02)')
      .option('--region <code>', 'a division code (default: the province)')
      .option('--recompute', 'compute again even if the kept result is current')
      .option('--json', 'print the dispatch as one JSON object (the API returns the same)'),
  ).action(async (opts: DbOptions & { period: string; region?: string; json?: boolean; recompute?: boolean }) => {
    const p = parsePeriodArg(opts.period)
    if (!p) return usage(`--period 应为 YYYY-MM，如 2023-11，而不是 ${opts.period}`, `--period must be YYYY-MM, e.g. 2023-11, not ${opts.period}`)
    if (opts.region !== undefined && !/^\d{2}(\d{2}){0,2}$/.test(opts.region)) return usage(`--region 应为 2、4 或 6 位区划代码，而不是 ${opts.region}`, `--region must be a 2-, 4- or 6-digit division code, not ${opts.region}`)
    await withDatabase(opts, async ({ database }) => {
      if (opts.recompute) await computeAndKeep(database.db, p)
      const json = await dispatchJson(database.db, systemActor('cli'), { ...p, region: opts.region })
      if (opts.json) {
        process.stdout.write(json + '\n')
        return
      }
      const d = JSON.parse(json) as DispatchOut
      const en = english()
      const g = d.indicators.grossOutput
      const lines = [
        en ? `${d.name} (${d.region}), ${d.period}: ${d.reporting} of ${d.expected} above-scale enterprises reported` : `${d.name}（${d.region}）${d.period}：规上企业应报 ${d.expected} 家，已报 ${d.reporting} 家`,
        en
          ? `gross output ${g?.cum ?? '—'} 万元, growth ${pct(g?.growthPct)} (${g?.withoutBase ?? 0} without a base); revenue ${pct(d.indicators.revenue?.growthPct)}; profit ${pct(d.indicators.profit?.growthPct)}; loss-making ${d.lossMaking} (${pct(d.lossRatioPct)})`
          : `工业总产值 ${g?.cum ?? '—'} 万元，同比 ${pct(g?.growthPct)}（无可比基数 ${g?.withoutBase ?? 0} 家）；营业收入 ${pct(d.indicators.revenue?.growthPct)}；利润总额 ${pct(d.indicators.profit?.growthPct)}；亏损企业 ${d.lossMaking} 家（亏损面 ${pct(d.lossRatioPct)}）`,
        '',
        ...[...d.subRegions]
          .sort((a, b) => (a.rank.grossOutput ?? 999) - (b.rank.grossOutput ?? 999))
          .map((s) => `${String(s.rank.grossOutput ?? '—').padStart(3)}  ${s.region}  ${s.name.padEnd(8, '　')}  ${pct(s.indicators.grossOutput?.growthPct).padStart(7)}`),
        '',
        en ? `${d.warnings?.length ?? 0} warnings` : `预警 ${d.warnings?.length ?? 0} 条`,
      ]
      process.stdout.write(lines.join('\n') + '\n')
    })
  })

  addDbOptions(
    program
      .command('rank')
      .description('rank regions on an indicator: provinces on official figures (nationally or in a peer group), cities and counties on official or computed figures')
      .option('--indicator <id>', 'an indicator id or Chinese name, e.g. valueAddedGrowth, grossOutputGrowth, 规模以上工业增加值增速')
      .option('--scheme <id>', 'rank on a composite scoring scheme (年度考核) instead of one indicator, e.g. annualAssessment')
      .requiredOption('--period <YYYY-MM>', 'the period')
      .option('--level <level>', 'province, city or county', 'city')
      .option('--group <group>', 'a peer group id or Chinese name (provinces only), e.g. centralSix, 中部六省, 长三角')
      .option('--parent <code>', 'the region whose cities or counties are ranked (default: the province)')
      .option('--json', 'print a JSON list of {region, name, value, rank}; regions without a figure come last, rank null'),
  ).action(async (opts: DbOptions & { indicator?: string; scheme?: string; period: string; level: string; group?: string; parent?: string; json?: boolean }) => {
    if (!opts.indicator === !opts.scheme) return usage('请给出 --indicator 或 --scheme 之一', 'give one of --indicator or --scheme')
    const p = parsePeriodArg(opts.period)
    if (!p) return usage(`--period 应为 YYYY-MM，而不是 ${opts.period}`, `--period must be YYYY-MM, not ${opts.period}`)
    if (!['province', 'city', 'county'].includes(opts.level)) return usage(`--level 应为 province、city 或 county，而不是 ${opts.level}`, `--level must be province, city or county, not ${opts.level}`)
    await withDatabase(opts, async ({ database }) => {
      if (opts.scheme) {
        const c = await compositeRanking(database.db, systemActor('cli').scope, {
          scheme: opts.scheme, ...p, level: opts.level as 'province' | 'city' | 'county', ...(opts.group ? { group: opts.group } : {}), ...(opts.parent ? { parent: opts.parent } : {}),
        })
        const list = c.items.map((i) => ({ region: i.region, name: i.name, value: i.score, rank: i.rank, parts: i.parts }))
        if (opts.json) process.stdout.write(JSON.stringify(list) + '\n')
        else process.stdout.write([`${english() ? c.scheme.name.en : c.scheme.name.zh} · ${c.period}`, ...list.map((i) => `${String(i.rank).padStart(3)}  ${i.region}  ${i.name.padEnd(8, '　')}  ${i.value.toFixed(2)}`)].join('\n') + '\n')
        return
      }
      const out = await rankRegions(database.db, systemActor('cli').scope, {
        indicator: opts.indicator ?? '', ...p, level: opts.level as 'province' | 'city' | 'county', ...(opts.group ? { group: opts.group } : {}), ...(opts.parent ? { parent: opts.parent } : {}),
      })
      const list = [...out.items, ...out.unranked].map((i) => ({ region: i.region, name: i.name, value: i.value, rank: i.rank, rankChange: i.rankChange, source: i.source }))
      if (opts.json) {
        process.stdout.write(JSON.stringify(list) + '\n')
        return
      }
      const en = english()
      const head = `${en ? out.name.en : out.name.zh} · ${out.period}${out.group ? ` · ${en ? out.group.name.en : out.group.name.zh}` : ''}`
      const rows = list.map((i) => `${String(i.rank ?? '—').padStart(3)}  ${i.region}  ${i.name.padEnd(8, '　')}  ${i.value === null ? (en ? 'no figure' : '无数据') : i.value.toFixed(out.precision) + out.unit}${i.rankChange ? `  (${i.rankChange > 0 ? '↑' : '↓'}${Math.abs(i.rankChange)})` : ''}`)
      process.stdout.write([head, ...rows].join('\n') + '\n')
    })
  })

  addDbOptions(
    program
      .command('bulletin')
      .description("the month's bulletin (运行情况通报) as a Word document, with an Excel annex of all tables beside it (FILE-附表.xlsx)")
      .requiredOption('--period <YYYY-MM>', 'the period')
      .option('--region <code>', 'a division code (default: the province)')
      .requiredOption('--out <file.docx>', 'the Word file to write'),
  ).action(async (opts: DbOptions & { period: string; region?: string; out: string }) => {
    const p = parsePeriodArg(opts.period)
    if (!p) return usage(`--period 应为 YYYY-MM，而不是 ${opts.period}`, `--period must be YYYY-MM, not ${opts.period}`)
    if (!opts.out.toLowerCase().endsWith('.docx')) return usage(`--out 应为 .docx 文件，而不是 ${opts.out}`, `--out must name a .docx file, not ${opts.out}`)
    if (opts.region !== undefined && !/^\d{2}(\d{2}){0,2}$/.test(opts.region)) return usage(`--region 应为 2、4 或 6 位区划代码，而不是 ${opts.region}`, `--region must be a 2-, 4- or 6-digit division code, not ${opts.region}`)
    await withDatabase(opts, async ({ database }) => {
      const actor = systemActor('cli')
      const b = await buildBulletin(database.db, actor, { ...p, region: opts.region })
      const annex = opts.out.replace(/\.docx$/i, '-附表.xlsx')
      fs.writeFileSync(opts.out, b.docx)
      fs.writeFileSync(annex, b.xlsx)
      process.stderr.write(`已生成 ${b.title}（通报编号 ${b.id}）→ ${path.resolve(opts.out)}（附表 ${annex}）\nwrote bulletin ${b.id} to ${opts.out} and its annex ${annex}\n`)
    })
  })

  addDbOptions(
    program
      .command('nowcast')
      .description('estimate gross output growth from grid electricity before the statistics arrive (regression on the region’s own history, with a backtest)')
      .option('--period <YYYY-MM>', 'the period to estimate (default: the latest month with grid readings)')
      .option('--region <code>', 'a division code (default: the province); its cities are estimated too')
      .option('--json', 'print the result as one JSON object'),
  ).action(async (opts: DbOptions & { period?: string; region?: string; json?: boolean }) => {
    const p = opts.period === undefined ? null : parsePeriodArg(opts.period)
    if (opts.period !== undefined && !p) return usage(`--period 应为 YYYY-MM，而不是 ${opts.period}`, `--period must be YYYY-MM, not ${opts.period}`)
    await withDatabase(opts, async ({ database }) => {
      const out = await nowcast(database.db, systemActor('cli').scope, { ...(p ?? {}), ...(opts.region ? { region: opts.region } : {}) })
      if (opts.json) {
        process.stdout.write(JSON.stringify(out) + '\n')
        return
      }
      const en = english()
      const rows = out.regions.map((r) =>
        `${r.region}  ${r.name.padEnd(8, '\u3000')}  ${en ? 'electricity' : '用电'} ${pct(r.electricityGrowthPct).padStart(7)}  ${en ? 'estimate' : '预测'} ${pct(r.estimate).padStart(7)} [${pct(r.low)}, ${pct(r.high)}]` +
          `${r.actual === null ? '' : `  ${en ? 'actual' : '实际'} ${pct(r.actual)}`}  ${en ? 'backtest MAE' : '回测平均误差'} ${r.backtestMae ?? '—'}`,
      )
      process.stdout.write([`${en ? 'Nowcast' : '预测'} ${out.period} (90%)`, ...rows].join('\n') + '\n')
    })
  })
}
