import type { Command } from 'commander'
import { loadConfig, type Config } from '../config.ts'
import { openDatabase, type Database } from '../db/index.ts'
import { migrateDatabase } from '../db/migrate.ts'
import { ensureReferenceData } from '../modules/reference/load.ts'

/** Options every command accepts, so that scripts can work on a scratch database. */
export interface DbOptions {
  dataDir?: string
  databaseUrl?: string
}

export function addDbOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'directory of the embedded database (default ./data, or GONGXIN_DATA_DIR)')
    .option('--database-url <url>', 'PostgreSQL server to use instead of the embedded database (or DATABASE_URL)')
}

export interface CliDb {
  config: Config
  database: Database
}

/** Opens, migrates and fills the reference data of the database a command works on; always closes it. */
export async function withDatabase<T>(opts: DbOptions, fn: (ctx: CliDb) => Promise<T>, log: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<T> {
  const config = loadConfig({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl })
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrateDatabase(database)
    await ensureReferenceData(database.db, log)
    return await fn({ config, database })
  } finally {
    await database.close()
  }
}

/** Exit codes of the CLI: 0 done, 1 the input was refused (nothing written), 2 usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const
