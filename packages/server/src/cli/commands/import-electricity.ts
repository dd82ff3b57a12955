import type { Command } from 'commander'
import { importGridAccounts } from '../../modules/electricity/accounts-import.ts'
import { importElectricity } from '../../modules/electricity/import.ts'
import { registerImport, type ImportCommandOptions } from '../import-output.ts'

type Opts = ImportCommandOptions & { revisionReason?: string; mapNewAccounts?: boolean }

/**
 * `gongxin import electricity FILE [--dry-run] [--json] [--map-new-accounts] [--revision-reason TEXT]` and
 * `gongxin import grid-accounts FILE [--dry-run] [--json]`: exit 0 written, 1 refused, 2 usage (as `import monthly`).
 */
export function registerElectricity(importCommand: Command) {
  registerImport(importCommand, {
    name: 'electricity',
    description: 'import enterprise electricity from the grid company (企业用电量, month values in 万千瓦时, by USCC or account number); see docs/import-formats.md',
    options: (cmd) =>
      cmd
        .option('--map-new-accounts', "map an account number not mapped yet to the enterprise of its row's USCC")
        .option('--revision-reason <text>', 'why readings of a closed month change (required for those)'),
    run: (db, actor, input, opts: Opts) =>
      importElectricity(db, actor, { ...input, mapNewAccounts: Boolean(opts.mapNewAccounts), ...(opts.revisionReason ? { revisionReason: opts.revisionReason } : {}) }),
    summary: (c) => ({
      zh: `用电量新增 ${c.created}，修订 ${c.revised}，未变 ${c.unchanged}${c.mappedAccounts ? `；新关联户号 ${c.mappedAccounts} 个` : ''}`,
      en: `readings new ${c.created}, revised ${c.revised}, unchanged ${c.unchanged}${c.mappedAccounts ? `; ${c.mappedAccounts} accounts mapped` : ''}`,
    }),
  })

  registerImport(importCommand, {
    name: 'grid-accounts',
    description: "import the grid account mapping (户号对照: 用电户号, 统一社会信用代码, 户名); a mapped account moves to the row's enterprise as a new revision",
    run: (db, actor, input) => importGridAccounts(db, actor, input),
    summary: (c) => ({
      zh: `户号新增 ${c.created}，改关联或改户名 ${c.revised}，未变 ${c.unchanged}`,
      en: `accounts new ${c.created}, re-mapped or renamed ${c.revised}, unchanged ${c.unchanged}`,
    }),
  })
}
