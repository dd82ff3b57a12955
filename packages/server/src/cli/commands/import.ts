import path from 'node:path'
import type { Command } from 'commander'
import { systemActor } from '../../http/context.ts'
import { importEnterprises } from '../../modules/enterprises/import.ts'
import { addDbOptions, EXIT, withDatabase, type DbOptions } from '../context.ts'
import { english, printOutcome, printWorkbookPath, readImportFile, runWithProgress, saveErrorWorkbook, text } from '../import-output.ts'
import { registerMonthly } from './import-monthly.ts'
import { registerFactImports } from './import-facts.ts'
import { registerElectricity } from './import-electricity.ts'

/** `gongxin import enterprises FILE [--dry-run] [--json]`: exit 0 written (or a clean dry run), 1 refused, 2 usage. */
export function register(program: Command) {
  const group = program.command('import').description('import data files; every row is checked and nothing is written when any row is wrong')
  addDbOptions(
    group
      .command('enterprises')
      .description('import the enterprise registry (企业名录) from .xlsx or CSV; see docs/import-formats.md')
      .argument('<file>', 'the .xlsx or .csv file')
      .option('--dry-run', 'check the file and report what would change, writing nothing')
      .option('--json', 'print one JSON object {batchId, dryRun, counts, errors, warnings} to stdout'),
  ).action(async (file: string, opts: DbOptions & { dryRun?: boolean; json?: boolean }) => {
    const input = readImportFile(file)
    if (!input) return
    const { abs, data } = input
    await withDatabase(opts, async ({ database }) => {
      const result = await runWithProgress(Boolean(opts.json), (onProgress) =>
        importEnterprises(database.db, systemActor('cli'), { fileName: path.basename(abs), data, dryRun: Boolean(opts.dryRun), source: 'cli', onProgress }),
      )
      if (!result) return
      const workbook = saveErrorWorkbook(abs, result.errorWorkbook)
      const { batchId, dryRun, counts, errors, warnings } = result
      if (opts.json) {
        process.stdout.write(JSON.stringify({ batchId, dryRun, counts, errors, warnings, errorWorkbook: workbook }) + '\n')
      } else {
        const c = counts
        const head = english()
          ? `${path.basename(abs)}: read ${c.read} rows; created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}${dryRun ? ' (dry run: nothing written)' : ''}`
          : `${path.basename(abs)}：读取 ${c.read} 行；新增 ${c.created}，更新 ${c.updated}，未变 ${c.unchanged}${dryRun ? '（试导入：未写入）' : ''}`
        printOutcome(head, batchId, errors, c.rejected)
        if (warnings.length) process.stdout.write(english() ? `${warnings.length} warnings (first: ${text(warnings[0]?.message ?? { zh: '', en: '' })})\n` : `${warnings.length} 条提示（如：${text(warnings[0]?.message ?? { zh: '', en: '' })}）\n`)
        printWorkbookPath(workbook)
      }
      process.exitCode = errors.length ? EXIT.invalid : EXIT.ok
    })
  })
  registerMonthly(group)
  registerElectricity(group)
  registerFactImports(group)
}
