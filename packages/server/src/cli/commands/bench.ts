import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Command } from 'commander'
import { recordResults, runFigure, type BenchContext, type Figure, type FigureResult } from '../../../bench/harness.ts'
import { foundationFigures } from '../../../bench/figures/foundation.ts'
import { intakeFigures } from '../../../bench/figures/intake.ts'
import { dispatchFigures } from '../../../bench/figures/dispatch.ts'
import { landEfficiencyFigures } from '../../../bench/figures/land-efficiency.ts'

/** Every figure of the product; each feature appends its own. */
export const allFigures: Figure[] = [...foundationFigures, ...intakeFigures, ...dispatchFigures, ...landEfficiencyFigures]

export function register(program: Command) {
  program
    .command('bench')
    .description('measure the performance figures (median of several runs after a warm-up) and record them in docs/benchmarks.md')
    .argument('[names...]', 'figures to run (a name or a prefix, e.g. start or registry.search.p95); all by default')
    .option('--json', 'one JSON object per line per figure')
    .option('--no-record', 'do not write docs/benchmarks.md')
    .option('--list', 'list the figures and exit')
    .action(async (names: string[], opts: { json?: boolean; record: boolean; list?: boolean }) => {
      if (opts.list) {
        for (const f of allFigures) process.stdout.write(`${f.name.padEnd(24)} ≤ ${f.target} ${f.unit}  ${f.description}\n`)
        return
      }
      const chosen = names.length ? allFigures.filter((f) => names.some((n) => f.name === n || f.name.startsWith(n + '.') || f.name.startsWith(n))) : allFigures
      if (chosen.length === 0) {
        process.stderr.write(`no figure matches ${names.join(' ')}; see gongxin bench --list\n`)
        process.exitCode = 2
        return
      }
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-bench-'))
      const ctx: BenchContext = { tmp, log: (s) => process.stderr.write(s + '\n'), state: new Map(), cleanups: [] }
      const results: FigureResult[] = []
      const failed: string[] = []
      try {
        for (const f of chosen) {
          ctx.log(`measuring ${f.name}…`)
          let r: FigureResult
          try {
            r = await runFigure(f, ctx)
          } catch (err) {
            // one figure that cannot be measured does not lose the others: it is reported and the bench goes on
            failed.push(f.name)
            ctx.log(`FAILED ${f.name}: ${err instanceof Error ? err.message : String(err)}`)
            continue
          }
          results.push(r)
          if (opts.json) {
            process.stdout.write(JSON.stringify({ name: r.name, value: r.value, unit: r.unit, target: r.target, ok: r.ok, runs: r.runs }) + '\n')
          } else {
            process.stdout.write(`${r.ok ? 'ok    ' : 'MISSED'} ${r.name.padEnd(24)} ${String(r.value).padStart(8)} ${r.unit}  (min ${r.min}, max ${r.max}; target ≤ ${r.target} ${r.unit})\n`)
          }
        }
      } finally {
        for (const c of ctx.cleanups) await c()
        fs.rmSync(tmp, { recursive: true, force: true })
      }
      if (opts.record && results.length) ctx.log(`recorded in ${recordResults(results)}`)
      if (failed.length) ctx.log(`could not measure: ${failed.join(', ')}`)
      if (failed.length || results.some((r) => !r.ok)) process.exitCode = 1
    })
}
