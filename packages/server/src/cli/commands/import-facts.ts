import path from 'node:path'
import type { Command } from 'commander'
import type { Db } from '../../db/index.ts'
import { systemActor, type Actor } from '../../http/context.ts'
import type { FactImportOptions, FactImportResult } from '../../modules/indicators/fact-import.ts'
import { importOfficialStats } from '../../modules/indicators/import.ts'
import { importTargets } from '../../modules/targets/import.ts'
import { addDbOptions, EXIT, withDatabase, type DbOptions } from '../context.ts'
import { describeError, english, printOutcome, printWorkbookPath, readImportFile, runWithProgress, saveErrorWorkbook } from '../import-output.ts'

type Opts = DbOptions & { dryRun?: boolean; json?: boolean; revisionReason?: string }
type Importer = (db: Db, actor: Actor, opts: FactImportOptions) => Promise<FactImportResult>

/** One `gongxin import <kind> FILE` command of regional facts, with the options, output and exit codes of `import monthly`. */
function registerFactImport(importCommand: Command, name: string, description: string, reasonHelp: string, run: Importer) {
  addDbOptions(
    importCommand
      .command(name)
      .description(description)
      .argument('<file>', 'the .xlsx or .csv file')
      .option('--dry-run', 'check the file and report what would change, writing nothing')
      .option('--json', 'print one JSON object {batchId, dryRun, counts, errors, warnings} to stdout')
      .option('--revision-reason <text>', reasonHelp),
  ).action(async (file: string, opts: Opts) => {
    const input = readImportFile(file)
    if (!input) return
    const { abs, data } = input
    await withDatabase(opts, async ({ database }) => {
      const result = await runWithProgress(Boolean(opts.json), (onProgress) =>
        run(database.db, systemActor('cli'), {
          fileName: path.basename(abs), data, dryRun: Boolean(opts.dryRun), source: 'cli', onProgress,
          ...(opts.revisionReason ? { revisionReason: opts.revisionReason } : {}),
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

/**
 * `gongxin import official-stats FILE` and `gongxin import targets FILE` [--dry-run] [--json] [--revision-reason TEXT]:
 * exit 0 written (or a clean dry run), 1 refused (nothing written), 2 usage.
 */
export function registerFactImports(importCommand: Command) {
  registerFactImport(
    importCommand, 'official-stats',
    'import official regional statistics (统计局公布数: region × period × indicator) from .xlsx or CSV; see docs/import-formats.md',
    'why figures of a closed period change (required for those)', importOfficialStats,
  )
  registerFactImport(
    importCommand, 'targets',
    'import annual targets (年度目标: region × year × indicator) from .xlsx or CSV; see docs/import-formats.md',
    'why targets change (kept on the new revisions)', importTargets,
  )
}
