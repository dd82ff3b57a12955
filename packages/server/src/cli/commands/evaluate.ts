import type { Command } from 'commander'
import { systemActor } from '../../http/context.ts'
import { runEvaluation } from '../../modules/land-efficiency/service.ts'
import { addDbOptions, EXIT, withDatabase, type DbOptions } from '../context.ts'
import { english } from '../import-output.ts'

type Opts = DbOptions & { year: string; scheme: string; region?: string; json?: boolean }

/**
 * `gongxin evaluate land-efficiency --year 2025 --scheme ID [--region CODE] [--json]`: runs the scheme and stores the
 * run (a draft: publish it in the web app). With --json: one JSON line per enterprise
 * {uscc, indicators, scores, total, rank, class, reason}, then one line {summary}. Exit 0 done, 1 refused, 2 usage.
 */
export function register(program: Command) {
  const group = program.command('evaluate').description('run evaluations over stored data')
  addDbOptions(
    group
      .command('land-efficiency')
      .description('亩均效益评价: run a scheme (preset id or your own) over a year\'s annual data; see docs/methodology.md')
      .requiredOption('--year <year>', 'the data year, e.g. 2025')
      .requiredOption('--scheme <id>', 'scheme id: huangyan2022 | huaian2024 | anhuiMinmax | shandong2019 | one you saved')
      .option('--region <code>', 'a division code: only that city or county')
      .option('--json', 'print one JSON object per enterprise, then {summary}'),
  ).action(async (opts: Opts) => {
    const year = Number(opts.year)
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      process.stderr.write(`--year 应为年份（如 2025），实为“${opts.year}” / --year must be a year such as 2025, not "${opts.year}"\n`)
      process.exitCode = EXIT.usage
      return
    }
    await withDatabase(opts, async ({ database }) => {
      const out = await runEvaluation(database.db, systemActor('cli'), { year, scheme: opts.scheme, ...(opts.region ? { region: opts.region } : {}) })
      const { summary } = out
      if (opts.json) {
        const lines: string[] = []
        for (const r of out.results) {
          lines.push(JSON.stringify({ uscc: r.uscc, indicators: r.indicators, scores: r.scores, total: r.total, rank: r.rank, class: r.class, reason: r.reason }))
          if (lines.length >= 2000) { process.stdout.write(lines.join('\n') + '\n'); lines.length = 0 }
        }
        if (lines.length) process.stdout.write(lines.join('\n') + '\n')
        process.stdout.write(JSON.stringify({ summary: { evaluationId: out.evaluationId, scheme: out.scheme, year, ...summary, ms: out.ms, timings: out.timings } }) + '\n')
      } else {
        const c = summary.byClass
        process.stdout.write(english()
          ? `evaluation ${out.evaluationId} (${out.scheme.code} v${out.scheme.version}, ${year}): ${summary.total} enterprises, ${summary.evaluated} evaluated; A ${c.A}, B ${c.B}, C ${c.C}, D ${c.D}, T ${c.T}; ${summary.incomplete} with figures missing; ${out.ms} ms (load ${out.timings.loadMs}, evaluate ${out.timings.evaluateMs}, store ${out.timings.storeMs})\n`
          : `评价 ${out.evaluationId}（${out.scheme.code} 第 ${out.scheme.version} 版，${year} 年度）：${summary.total} 家企业，参评 ${summary.evaluated} 家；A ${c.A}、B ${c.B}、C ${c.C}、D ${c.D}、T ${c.T}；数据不全 ${summary.incomplete} 家；用时 ${out.ms} 毫秒（读取 ${out.timings.loadMs}、评价 ${out.timings.evaluateMs}、写入 ${out.timings.storeMs}）\n`)
        for (const p of summary.problems) process.stdout.write(`${english() ? p.en : p.zh}\n`)
      }
      process.exitCode = summary.problems.length ? EXIT.invalid : EXIT.ok
    })
  })
}
