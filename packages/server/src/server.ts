import { warmLatestDispatch } from './modules/dispatch/service.ts'
import { count } from 'drizzle-orm'
import { loadConfig, type ConfigOverrides } from './config.ts'
import { openDatabase, type Database } from './db/index.ts'
import { migrateDatabase } from './db/migrate.ts'
import { mergeNameIndex } from './db/statistics.ts'
import { generateDemo, readDemoLogins, type DemoLogin } from './demo/index.ts'
import { buildApp } from './http/app.ts'
import { enterprises } from './modules/enterprises/schema.ts'
import { ensureReferenceData } from './modules/reference/load.ts'

export interface StartOptions extends ConfigOverrides {
  /** build the demo province when the database holds no enterprise yet */
  demoIfEmpty?: boolean
  demoEnterprises?: number
  demoProvince?: string
  log?: (line: string) => void
}

export interface Started {
  url: string
  database: Database
  close(): Promise<void>
}

/** Starts the product: config, database (migrated), reference data, demo data if asked, HTTP. */
export async function startServer(opts: StartOptions = {}): Promise<Started> {
  const log = opts.log ?? ((s: string) => process.stderr.write(s + '\n'))
  const t0 = Date.now()
  const config = loadConfig(opts)
  log(`[1/4] database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}`)
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    log('[2/4] migrating and loading reference data (GB/T 2260, GB/T 4754)…')
    await migrateDatabase(database)
    await ensureReferenceData(database.db, (s) => log('      ' + s))
    // single edits since the last start leave entries in the search index's pending list (no autovacuum here)
    await mergeNameIndex(database.db)
    const [row] = await database.db.select({ n: count() }).from(enterprises)
    let logins: DemoLogin[] = []
    if ((row?.n ?? 0) === 0 && opts.demoIfEmpty) {
      const n = opts.demoEnterprises ?? 20000
      log(`[3/4] empty database: building the demo province (${n} enterprises)…`)
      let lastStep = ''
      const result = await generateDemo(database, { province: opts.demoProvince ?? '43', enterprises: n, seed: 1 }, (step) => {
        if (step !== lastStep) log(`      ${step}…`)
        lastStep = step
      })
      logins = result.logins
    } else {
      log(`[3/4] ${row?.n ?? 0} enterprises in the registry`)
    }
    const app = await buildApp({ config, database })
    const address = await app.listen({ port: config.port, host: config.host })
    log(`[4/4] ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${address}`)
    if (opts.demoIfEmpty && logins.length === 0) logins = await readDemoLogins(database.db)
    if (logins.length) {
      log('demo logins:')
      for (const l of logins) log(`  ${l.username.padEnd(10)} ${l.password.padEnd(18)} ${l.roleLabel}  ${l.scope}`)
    }
    // the latest period's dispatch is computed now, in the background, so the first dashboard answers at once
    const warm = warmLatestDispatch(database.db).then(
      (p) => p && log(`dispatch of ${p} ready`),
      (e: unknown) => log(`dispatch warm-up failed: ${e instanceof Error ? e.message : String(e)}`),
    )
    let closed = false
    const close = async () => {
      await warm
      if (closed) return
      closed = true
      await app.close()
      await database.close()
    }
    return { url: address, database, close }
  } catch (err) {
    await database.close()
    throw err
  }
}
