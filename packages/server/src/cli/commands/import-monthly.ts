import type { Command } from 'commander'
import { importMonthlyReports } from '../../modules/reports/import.ts'
import { registerImport, revisedSummary, type ImportCommandOptions } from '../import-output.ts'

type Opts = ImportCommandOptions & { revisionReason?: string; allowJanuary?: boolean }

/** `gongxin import monthly FILE [--dry-run] [--json] [--revision-reason TEXT]`: exit 0 written, 1 refused, 2 usage. */
export function registerMonthly(importCommand: Command) {
  registerImport(importCommand, {
    name: 'monthly',
    description: 'import monthly enterprise statistics (规上工业企业月度主要指标) from .xlsx or CSV; see docs/import-formats.md',
    options: (cmd) =>
      cmd
        .option('--revision-reason <text>', 'why figures of a closed period change (required for those)')
        .option('--allow-january', 'the file reports January on its own (normally 1—2月 is the first period)'),
    run: (db, actor, input, opts: Opts) =>
      importMonthlyReports(db, actor, { ...input, allowJanuary: Boolean(opts.allowJanuary), ...(opts.revisionReason ? { revisionReason: opts.revisionReason } : {}) }),
    summary: (c) => revisedSummary(c),
  })
}
