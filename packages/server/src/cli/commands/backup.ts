import type { Command } from 'commander'
import { backupDatabase, restoreDatabase } from '../../modules/backup/service.ts'
import { addDbOptions, withDatabase } from '../context.ts'
import { recordAudit } from '../../modules/audit/service.ts'
import { systemActor } from '../../http/context.ts'

export function register(program: Command) {
  addDbOptions(
    program.command('backup').description('write a full dump of the database (gzipped JSON lines; restores into PGlite or PostgreSQL)').argument('<file>', 'the dump to write, e.g. gongxin-2026-11-23.jsonl.gz'),
  ).action(async (file: string, opts: { dataDir?: string; databaseUrl?: string }) => {
    await withDatabase(opts, async ({ database }) => {
      const r = await backupDatabase(database, file, (t, n) => process.stderr.isTTY && process.stderr.write(`\r${t}: ${n} rows   `))
      await recordAudit(database.db, systemActor('cli'), { action: 'database.backup', detail: { file, rows: r.rows } })
      process.stderr.write(`\nbackup written: ${file} (${r.rows} rows)\n`)
    })
  })
  addDbOptions(
    program.command('restore').description('restore a dump into an empty database (a new --data-dir, or a new PostgreSQL database)').argument('<file>', 'a dump written by gongxin backup'),
  ).action(async (file: string, opts: { dataDir?: string; databaseUrl?: string }) => {
    await withDatabase(opts, async ({ database }) => {
      const r = await restoreDatabase(database, file, (t, n) => process.stderr.isTTY && process.stderr.write(`\r${t}: ${n} rows   `))
      await recordAudit(database.db, systemActor('cli'), { action: 'database.restore', detail: { file, rows: r.rows, dumpCreatedAt: r.createdAt } })
      process.stderr.write(`\nrestored ${r.rows} rows from ${file}\n`)
    })
  })
}
