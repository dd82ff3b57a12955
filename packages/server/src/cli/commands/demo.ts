import type { Command } from 'commander'
import { systemActor } from '../../http/context.ts'
import { DemoOptionsError, DemoRefusedError, generateDemo, type DemoResult } from '../../demo/index.ts'
import { addDbOptions, EXIT, withDatabase, type DbOptions } from '../context.ts'
import { progressBar, type Progress } from '../progress.ts'

interface DemoCliOptions extends DbOptions {
  province: string
  enterprises: string
  seed: string
  year?: string
  force?: boolean
  json?: boolean
}

const HELP = `
What it writes (one transaction: all or nothing, then one demo.generate audit entry):
  parks        2–6 per prefecture, named from a pattern (not the real list)
  enterprises  fictional names and valid USCCs, ~83 % above-scale (规上), with 5 years of
               above-scale status (入规/退规/新建投产/保持) consistent with their revenue
  users        one account per role, sharing one demo password (printed at the end)
  monthly      the above-scale enterprises' monthly reports of the 60 months ending with the
               last complete month (year-to-date and 上年同期 consistent; a few late, stopped,
               loss-making); then the steps features add (see the summary's steps)

Existing data:
  Without --force the command refuses (exit 1) when the database holds any enterprise.
  --force ADDS a demo province to the existing data: nothing is ever deleted or changed (the audit
  log is append-only, and demo data must never overwrite real data); USCCs, names and usernames
  already in use are avoided (a taken username gets the province code appended, e.g. admin36).
  To start again from scratch, use a new --data-dir (or a new PostgreSQL database).

Same --province, --enterprises, --seed and --year into an empty database ⇒ the same data.

Examples:
  gongxin demo                                   湖南, 20,000 enterprises, seed 1
  gongxin demo --enterprises 2000 --data-dir /tmp/gx
  gongxin demo --province 36 --force             add 江西 next to the data already there
`

/** One progress bar per step, on stderr when it is a terminal. */
function stepBars() {
  let bar: Progress | null = null
  let current = ''
  return {
    update(title: string, done: number, total: number) {
      if (title !== current || !bar) {
        bar?.stop()
        current = title
        bar = progressBar(title, total)
      }
      bar.update(done, total)
    },
    stop() {
      bar?.stop()
      bar = null
    },
  }
}

/** A whole number from the command line, or undefined (the caller reports the usage error). */
function wholeNumber(s: string | undefined): number | undefined {
  return s !== undefined && /^\d{1,10}$/.test(s.trim()) ? Number(s.trim()) : undefined
}

function usage(message: string): void {
  process.stderr.write(`gongxin demo: ${message}\n`)
  process.exitCode = EXIT.usage
}

export function register(program: Command) {
  addDbOptions(
    program
      .command('demo')
      .description('build a synthetic demo province (parks, enterprises, above-scale histories, one account per role) on the real divisions of a province')
      .option('--province <code>', '2-digit GB/T 2260 province code', '43')
      .option('--enterprises <n>', 'number of enterprises to generate', '20000')
      .option('--seed <n>', 'random seed (0–4294967295): the same seed gives the same data', '1')
      .option('--year <yyyy>', 'latest statistical year of the histories (default: last year)')
      .option('--force', 'generate even though the database holds enterprises: ADDS to them, never deletes (see below)')
      .option('--json', 'print the summary as JSON on stdout')
      .addHelpText('after', HELP),
  ).action(async (opts: DemoCliOptions) => {
    const enterprises = wholeNumber(opts.enterprises)
    const seed = wholeNumber(opts.seed)
    const year = opts.year === undefined ? undefined : wholeNumber(opts.year)
    if (!/^\d{2}$/.test(opts.province)) return usage(`--province must be a 2-digit province code such as 43 (湖南), not "${opts.province}"`)
    if (enterprises === undefined) return usage(`--enterprises must be a whole number, not "${opts.enterprises}"`)
    if (seed === undefined) return usage(`--seed must be a whole number, not "${opts.seed}"`)
    if (opts.year !== undefined && year === undefined) return usage(`--year must be a year such as 2025, not "${opts.year}"`)

    await withDatabase(opts, async ({ database }) => {
      const bars = stepBars()
      try {
        const result = await generateDemo(
          database,
          { province: opts.province, enterprises, seed, year, force: opts.force ?? false, actor: systemActor('cli'), log: (m) => process.stderr.write(m + '\n') },
          bars.update,
        )
        bars.stop()
        if (opts.json) process.stdout.write(JSON.stringify(summaryOf(result), null, 2) + '\n')
        else process.stdout.write(formatSummary(result))
      } catch (err) {
        bars.stop()
        if (err instanceof DemoOptionsError) {
          process.stderr.write(`gongxin demo: ${err.message}\n`)
          if (err.validProvinces.length) {
            process.stderr.write(`valid province codes:\n${err.validProvinces.map((p) => `  ${p.code} ${p.name}`).join('\n')}\n`)
          }
          process.exitCode = EXIT.usage
          return
        }
        if (err instanceof DemoRefusedError) {
          process.stderr.write(`gongxin demo: refused, nothing written: ${err.message}\n`)
          process.exitCode = EXIT.invalid
          return
        }
        throw err
      }
    })
  })
}

interface CityLine {
  code: string
  name: string
  enterprises: number
  aboveScale: number
  /** 亿元, latest year */
  revenue: number
}

/** What the summary shows: counts per city (heaviest first), per section, and the accounts. */
export function summaryOf(r: DemoResult) {
  const geo = r.state.geography
  const list = r.state.enterprises ?? []
  const cities = new Map<string, CityLine>((geo?.cities ?? []).map((c) => [c.code, { code: c.code, name: c.name, enterprises: 0, aboveScale: 0, revenue: 0 }]))
  const sections: Record<string, number> = {}
  for (const e of list) {
    const c = cities.get(e.cityCode)
    if (c) {
      c.enterprises++
      if (e.aboveScale) c.aboveScale++
      c.revenue += e.revenue / 10_000
    }
    sections[e.section] = (sections[e.section] ?? 0) + 1
  }
  return {
    options: r.options,
    province: geo?.province.name ?? r.options.province,
    addedToExistingData: r.addedToExistingData,
    seconds: Math.round(r.totalMs / 100) / 10,
    steps: r.steps.map((s) => ({ id: s.id, title: s.title, ms: s.ms, ...s.summary })),
    cities: [...cities.values()].map((c) => ({ ...c, revenue: Math.round(c.revenue) })),
    sections,
    parks: r.state.parks?.length ?? 0,
    logins: r.logins,
  }
}

const pad = (s: string | number, n: number) => {
  const str = String(s)
  // CJK characters take two columns in a terminal.
  const width = [...str].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)
  return str + ' '.repeat(Math.max(0, n - width))
}
const lpad = (s: string | number, n: number) => String(s).padStart(n)

function formatSummary(r: DemoResult): string {
  const s = summaryOf(r)
  const total = s.cities.reduce((n, c) => n + c.enterprises, 0)
  const lines = [
    `demo province ${s.province}: ${total} enterprises, ${s.parks} parks, ${s.logins.length} accounts in ${s.seconds} s (seed ${s.options.seed}, year ${s.options.year})`,
    s.addedToExistingData ? 'added to the data already in the database (nothing was changed or deleted)' : '',
    '',
    `${pad('city', 24)}${lpad('enterprises', 12)}${lpad('above-scale', 12)}${lpad('revenue 亿元', 14)}`,
    ...s.cities.map((c) => `${pad(c.name, 24)}${lpad(c.enterprises, 12)}${lpad(c.aboveScale, 12)}${lpad(c.revenue.toLocaleString('en-US'), 14)}`),
    '',
    `sections: ${Object.entries(s.sections).sort().map(([k, n]) => `${k} ${n} (${((100 * n) / Math.max(1, total)).toFixed(1)} %)`).join(', ')}`,
    `steps: ${s.steps.map((st) => `${st.id} ${(st.ms / 1000).toFixed(1)} s`).join(', ')}`,
    '',
    'demo logins (one password for all; change them before real use):',
    ...s.logins.map((l) => `  ${pad(l.username, 12)}${pad(l.roleLabel, 16)}${pad(l.scope, 34)}${l.password}`),
    '',
  ]
  return lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n')
}
