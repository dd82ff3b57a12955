import { once } from 'node:events'
import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'
import type { Command } from 'commander'
import { systemActor } from '../../http/context.ts'
import { exportEnterprises } from '../../modules/enterprises/export.ts'
import { addDbOptions, EXIT, withDatabase, type DbOptions } from '../context.ts'

interface ExportOpts extends DbOptions {
  format?: string
  out?: string
  region?: string
  aboveScale?: string
}

function usage(zh: string, en: string) {
  process.stderr.write(`${zh}\n${en}\n`)
  process.exitCode = EXIT.usage
}

/** `gongxin export enterprises [--format xlsx|csv] [--out FILE] [--region CODE] [--above-scale yes|no]`. */
export function register(program: Command) {
  const group = program.command('export').description('export data as .xlsx or CSV (audited)')
  addDbOptions(
    group
      .command('enterprises')
      .description('export the enterprise registry in the import format (an export re-imports unchanged)')
      .option('--format <format>', 'xlsx or csv (default: csv to stdout; xlsx when --out names a file not ending in .csv)')
      .option('--out <file>', 'the file to write (required for xlsx; csv goes to stdout without it)')
      .option('--region <code>', 'only enterprises in this division (6-digit code of a province, city or county)')
      .option('--above-scale <yes|no>', 'only above-scale (yes) or other (no) enterprises'),
  ).action(async (opts: ExportOpts) => {
    const format = opts.format ?? (opts.out && !opts.out.toLowerCase().endsWith('.csv') ? 'xlsx' : 'csv')
    if (format !== 'xlsx' && format !== 'csv') return usage(`--format 应为 xlsx 或 csv，而不是 ${format}`, `--format must be xlsx or csv, not ${format}`)
    if (format === 'xlsx' && !opts.out) return usage('xlsx 是二进制文件，请用 --out 指定文件；或用 --format csv 输出到标准输出', 'xlsx is binary: name a file with --out, or use --format csv to write to stdout')
    if (opts.region !== undefined && !/^\d{6}$/.test(opts.region)) return usage(`--region 应为 6 位区划代码，而不是 ${opts.region}`, `--region must be a 6-digit division code, not ${opts.region}`)
    const scale = opts.aboveScale?.toLowerCase()
    if (scale !== undefined && !['yes', 'no'].includes(scale)) return usage('--above-scale 应为 yes 或 no', '--above-scale must be yes or no')
    await withDatabase(opts, async ({ database }) => {
      const filter = { region: opts.region, aboveScale: scale === undefined ? undefined : scale === 'yes' }
      const file = await exportEnterprises(database.db, systemActor('cli'), filter, format)
      if (opts.out) {
        await pipeline(file.stream, fs.createWriteStream(opts.out))
        process.stderr.write(`已导出 ${file.rowCount} 家企业 → ${opts.out}\nexported ${file.rowCount} enterprises to ${opts.out}\n`)
      } else {
        // stdout is not ended: the process may still print, and closing it is not ours to do
        for await (const chunk of file.stream) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain')
      }
    })
  })
}
