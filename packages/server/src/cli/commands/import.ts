import type { Command } from 'commander'
import { importEnterprises } from '../../modules/enterprises/import.ts'
import { registerImport } from '../import-output.ts'
import { registerMonthly } from './import-monthly.ts'
import { registerFactImports } from './import-facts.ts'
import { registerElectricity } from './import-electricity.ts'

/** `gongxin import enterprises FILE [--dry-run] [--json]`: exit 0 written (or a clean dry run), 1 refused, 2 usage. */
export function register(program: Command) {
  const group = program.command('import').description('import data files; every row is checked and nothing is written when any row is wrong')
  registerImport(group, {
    name: 'enterprises',
    description: 'import the enterprise registry (企业名录) from .xlsx or CSV; see docs/import-formats.md',
    run: (db, actor, input) => importEnterprises(db, actor, input),
    summary: (c) => ({ zh: `新增 ${c.created}，更新 ${c.updated}，未变 ${c.unchanged}`, en: `created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}` }),
    warnings: 'first',
  })
  registerMonthly(group)
  registerElectricity(group)
  registerFactImports(group)
}
