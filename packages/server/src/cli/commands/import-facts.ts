import type { Command } from 'commander'
import type { Db } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import type { FactImportOptions, FactImportResult } from '../../modules/indicators/fact-import.ts'
import { importOfficialStats } from '../../modules/indicators/import.ts'
import { importTargets } from '../../modules/targets/import.ts'
import { registerImport, revisedSummary, type ImportCommandOptions } from '../import-output.ts'

type Opts = ImportCommandOptions & { revisionReason?: string }
type Importer = (db: Db, actor: Actor, opts: FactImportOptions) => Promise<FactImportResult>

/** One `gongxin import <kind> FILE` command of regional facts, with the options, output and exit codes of `import monthly`. */
function registerFactImport(importCommand: Command, name: string, description: string, reasonHelp: string, run: Importer) {
  registerImport(importCommand, {
    name,
    description,
    options: (cmd) => cmd.option('--revision-reason <text>', reasonHelp),
    run: (db, actor, input, opts: Opts) => run(db, actor, { ...input, ...(opts.revisionReason ? { revisionReason: opts.revisionReason } : {}) }),
    summary: (c) => revisedSummary(c),
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
