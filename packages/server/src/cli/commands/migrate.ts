import type { Command } from 'commander'
import { addDbOptions, withDatabase } from '../context.ts'

export function register(program: Command) {
  addDbOptions(program.command('migrate').description('apply the committed database migrations and load the reference data (divisions, industries)')).action(
    async (opts: { dataDir?: string; databaseUrl?: string }) => {
      await withDatabase(opts, async ({ database }) => {
        process.stderr.write(`migrated: ${database.describe}\n`)
      })
    },
  )
}
