import path from 'node:path'
import type { Command } from 'commander'
import { systemActor } from '../../http/context.ts'
import { importGridAccounts } from '../../modules/electricity/accounts-import.ts'
import { importElectricity } from '../../modules/electricity/import.ts'
import { addDbOptions, EXIT, withDatabase, type DbOptions } from '../context.ts'
import { describeError, english, printOutcome, printWorkbookPath, readImportFile, runWithProgress, saveErrorWorkbook } from '../import-output.ts'
import type { FieldError } from '../../lib/errors.ts'

type Opts = DbOptions & { dryRun?: boolean; json?: boolean; revisionReason?: string; mapNewAccounts?: boolean }

function printWarnings(warnings: readonly FieldError[]) {
  if (!warnings.length) return
  process.stdout.write(english() ? `${warnings.length} warnings:\n` : `${warnings.length} 条提示：\n`)
  for (const w of warnings.slice(0, 10)) process.stdout.write(describeError(w) + '\n')
}

/**
 * `gongxin import electricity FILE [--dry-run] [--json] [--map-new-accounts] [--revision-reason TEXT]` and
 * `gongxin import grid-accounts FILE [--dry-run] [--json]`: exit 0 written, 1 refused, 2 usage (as `import monthly`).
 */
export function registerElectricity(importCommand: Command) {
  addDbOptions(
    importCommand
      .command('electricity')
      .description('import enterprise electricity from the grid company (企业用电量, month values in 万千瓦时, by USCC or account number); see docs/import-formats.md')
      .argument('<file>', 'the .xlsx or .csv file')
      .option('--dry-run', 'check the file and report what would change, writing nothing')
      .option('--json', 'print one JSON object {batchId, dryRun, counts, errors, warnings} to stdout')
      .option('--map-new-accounts', "map an account number not mapped yet to the enterprise of its row's USCC")
      .option('--revision-reason <text>', 'why readings of a closed month change (required for those)'),
  ).action(async (file: string, opts: Opts) => {
    const input = readImportFile(file)
    if (!input) return
    const { abs, data } = input
    await withDatabase(opts, async ({ database }) => {
      const result = await runWithProgress(Boolean(opts.json), (onProgress) =>
        importElectricity(database.db, systemActor('cli'), {
          fileName: path.basename(abs), data, dryRun: Boolean(opts.dryRun), source: 'cli', onProgress,
          mapNewAccounts: Boolean(opts.mapNewAccounts), ...(opts.revisionReason ? { revisionReason: opts.revisionReason } : {}),
        }),
      )
      if (!result) return
      const workbook = saveErrorWorkbook(abs, result.errorWorkbook)
      const { batchId, dryRun, counts: c, errors, warnings } = result
      if (opts.json) {
        process.stdout.write(JSON.stringify({ batchId, dryRun, counts: c, errors, warnings, errorWorkbook: workbook }) + '\n')
      } else {
        const mapped = c.mappedAccounts ? (english() ? `; ${c.mappedAccounts} accounts mapped` : `；新关联户号 ${c.mappedAccounts} 个`) : ''
        const head = english()
          ? `${path.basename(abs)}: read ${c.read} rows; readings new ${c.created}, revised ${c.revised}, unchanged ${c.unchanged}${mapped}${dryRun ? ' (dry run: nothing written)' : ''}`
          : `${path.basename(abs)}：读取 ${c.read} 行；用电量新增 ${c.created}，修订 ${c.revised}，未变 ${c.unchanged}${mapped}${dryRun ? '（试导入：未写入）' : ''}`
        printOutcome(head, batchId, errors, c.rejected)
        printWarnings(warnings)
        printWorkbookPath(workbook)
      }
      process.exitCode = errors.length ? EXIT.invalid : EXIT.ok
    })
  })

  addDbOptions(
    importCommand
      .command('grid-accounts')
      .description("import the grid account mapping (户号对照: 用电户号, 统一社会信用代码, 户名); a mapped account moves to the row's enterprise as a new revision")
      .argument('<file>', 'the .xlsx or .csv file')
      .option('--dry-run', 'check the file and report what would change, writing nothing')
      .option('--json', 'print one JSON object {batchId, dryRun, counts, errors, warnings} to stdout'),
  ).action(async (file: string, opts: Opts) => {
    const input = readImportFile(file)
    if (!input) return
    const { abs, data } = input
    await withDatabase(opts, async ({ database }) => {
      const result = await runWithProgress(Boolean(opts.json), (onProgress) =>
        importGridAccounts(database.db, systemActor('cli'), { fileName: path.basename(abs), data, dryRun: Boolean(opts.dryRun), source: 'cli', onProgress }),
      )
      if (!result) return
      const workbook = saveErrorWorkbook(abs, result.errorWorkbook)
      const { batchId, dryRun, counts: c, errors, warnings } = result
      if (opts.json) {
        process.stdout.write(JSON.stringify({ batchId, dryRun, counts: c, errors, warnings, errorWorkbook: workbook }) + '\n')
      } else {
        const head = english()
          ? `${path.basename(abs)}: read ${c.read} rows; accounts new ${c.created}, re-mapped or renamed ${c.revised}, unchanged ${c.unchanged}${dryRun ? ' (dry run: nothing written)' : ''}`
          : `${path.basename(abs)}：读取 ${c.read} 行；户号新增 ${c.created}，改关联或改户名 ${c.revised}，未变 ${c.unchanged}${dryRun ? '（试导入：未写入）' : ''}`
        printOutcome(head, batchId, errors, c.rejected)
        printWarnings(warnings)
        printWorkbookPath(workbook)
      }
      process.exitCode = errors.length ? EXIT.invalid : EXIT.ok
    })
  })
}
