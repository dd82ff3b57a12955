import path from 'node:path'
import type { Command } from 'commander'
import { systemActor } from '../../http/context.ts'
import { importMonthlyReports } from '../../modules/reports/import.ts'
import { addDbOptions, EXIT, withDatabase, type DbOptions } from '../context.ts'
import { describeError, english, printOutcome, printWorkbookPath, readImportFile, runWithProgress, saveErrorWorkbook } from '../import-output.ts'

type Opts = DbOptions & { dryRun?: boolean; json?: boolean; revisionReason?: string; allowJanuary?: boolean }

/** `gongxin import monthly FILE [--dry-run] [--json] [--revision-reason TEXT]`: exit 0 written, 1 refused, 2 usage. */
export function registerMonthly(importCommand: Command) {
  addDbOptions(
    importCommand
      .command('monthly')
      .description('import monthly enterprise statistics (规上工业企业月度主要指标) from .xlsx or CSV; see docs/import-formats.md')
      .argument('<file>', 'the .xlsx or .csv file')
      .option('--dry-run', 'check the file and report what would change, writing nothing')
      .option('--json', 'print one JSON object {batchId, dryRun, counts, errors, warnings} to stdout')
      .option('--revision-reason <text>', 'why figures of a closed period change (required for those)')
      .option('--allow-january', 'the file reports January on its own (normally 1—2月 is the first period)'),
  ).action(async (file: string, opts: Opts) => {
    const input = readImportFile(file)
    if (!input) return
    const { abs, data } = input
    await withDatabase(opts, async ({ database }) => {
      const result = await runWithProgress(Boolean(opts.json), (onProgress) =>
        importMonthlyReports(database.db, systemActor('cli'), {
          fileName: path.basename(abs), data, dryRun: Boolean(opts.dryRun), source: 'cli', onProgress,
          allowJanuary: Boolean(opts.allowJanuary), ...(opts.revisionReason ? { revisionReason: opts.revisionReason } : {}),
        }),
      )
      if (!result) return
      const workbook = saveErrorWorkbook(abs, result.errorWorkbook)
      const { batchId, dryRun, counts: c, errors, warnings } = result
      if (opts.json) {
        process.stdout.write(JSON.stringify({ batchId, dryRun, counts: c, errors, warnings, errorWorkbook: workbook }) + '\n')
      } else {
        const head = english()
          ? `${path.basename(abs)}: read ${c.read} rows; new ${c.created}, revised ${c.revised}, unchanged ${c.unchanged}${dryRun ? ' (dry run: nothing written)' : ''}`
          : `${path.basename(abs)}：读取 ${c.read} 行；新增 ${c.created}，修订 ${c.revised}，未变 ${c.unchanged}${dryRun ? '（试导入：未写入）' : ''}`
        printOutcome(head, batchId, errors, c.rejected)
        if (warnings.length) {
          process.stdout.write(english() ? `${warnings.length} warnings:\n` : `${warnings.length} 条提示：\n`)
          for (const w of warnings.slice(0, 10)) process.stdout.write(describeError(w) + '\n')
        }
        printWorkbookPath(workbook)
      }
      process.exitCode = errors.length ? EXIT.invalid : EXIT.ok
    })
  })
}
