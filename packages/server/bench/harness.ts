import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The benchmark harness every feature adds its figures to. A figure measures itself several times after a
 * warm-up; the median is reported with min and max, and compared with the target.
 */
export interface Figure {
  name: string
  description: string
  unit: 'ms' | 's' | 'MB'
  /** the target the figure must not exceed */
  target: number
  warmup?: number
  runs?: number
  /** measures once; returns the value in `unit` */
  measure(ctx: BenchContext): Promise<number>
  /** optional shared setup (e.g. a demo database) reused by several runs */
  setup?(ctx: BenchContext): Promise<void>
  teardown?(ctx: BenchContext): Promise<void>
}

export interface BenchContext {
  tmp: string
  log(s: string): void
  state: Map<string, unknown>
  /** run when the bench ends: figures that share a setup (a database) close it here */
  cleanups: (() => Promise<void>)[]
}

export interface FigureResult {
  name: string
  value: number
  unit: string
  target: number
  ok: boolean
  runs: number[]
  min: number
  max: number
  description: string
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

export const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100)

export async function runFigure(f: Figure, ctx: BenchContext): Promise<FigureResult> {
  await f.setup?.(ctx)
  try {
    for (let i = 0; i < (f.warmup ?? 1); i++) await f.measure(ctx)
    const runs: number[] = []
    for (let i = 0; i < (f.runs ?? 5); i++) runs.push(round(await f.measure(ctx)))
    const value = round(median(runs))
    return { name: f.name, value, unit: f.unit, target: f.target, ok: value <= f.target, runs, min: Math.min(...runs), max: Math.max(...runs), description: f.description }
  } finally {
    await f.teardown?.(ctx)
  }
}

export function machineDescription(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, Node.js ${process.version}`
}

const docsFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/benchmarks.md')

/** Rewrites the results table of docs/benchmarks.md for the figures measured (others keep their last row). */
export function recordResults(results: FigureResult[], when = new Date()): string {
  const text = fs.existsSync(docsFile) ? fs.readFileSync(docsFile, 'utf8') : ''
  const begin = '<!-- bench:results:begin -->'
  const end = '<!-- bench:results:end -->'
  const rows = new Map<string, string>()
  const i = text.indexOf(begin)
  const j = text.indexOf(end)
  if (i >= 0 && j > i) {
    for (const line of text.slice(i + begin.length, j).split('\n')) {
      const m = /^\| `([^`]+)` \|/.exec(line)
      if (m?.[1]) rows.set(m[1], line)
    }
  }
  const stamp = when.toISOString().slice(0, 16).replace('T', ' ')
  for (const r of results) {
    rows.set(r.name, `| \`${r.name}\` | ${r.value} ${r.unit} | ${r.min}–${r.max} | ≤ ${r.target} ${r.unit} | ${r.ok ? 'ok' : '**missed**'} | ${stamp} UTC | ${machineDescription()} |`)
  }
  const table = [
    begin,
    '| figure | median | min–max | target | | measured | machine |',
    '|---|---|---|---|---|---|---|',
    ...[...rows.keys()].sort().map((k) => rows.get(k) as string),
    end,
  ].join('\n')
  const head = i >= 0 && j > i ? text.slice(0, i) : text || '# Benchmarks\n\nFigures measured by `npm run bench` (`npx gongxin bench [NAME…] [--json]`).\n\n'
  const tail = i >= 0 && j > i ? text.slice(j + end.length) : '\n'
  const out = head + table + tail
  fs.mkdirSync(path.dirname(docsFile), { recursive: true })
  fs.writeFileSync(docsFile, out)
  return docsFile
}
