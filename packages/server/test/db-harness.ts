import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe } from 'vitest'
import { openDatabase, type Database } from '../src/db/index.ts'
import { migrateDatabase } from '../src/db/migrate.ts'
import { ensureReferenceData } from '../src/modules/reference/load.ts'

export const testPgUrl = process.env.GONGXIN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function probePostgres(): Promise<boolean> {
  const c = new pg.Client({ connectionString: testPgUrl, connectionTimeoutMillis: 2000 })
  try {
    await c.connect()
    await c.end()
    return true
  } catch {
    return false
  }
}

const pgAvailable = await probePostgres()
if (!pgAvailable && process.env.CI === 'true') {
  throw new Error(`PostgreSQL is required in CI and cannot be reached at ${testPgUrl}`)
}
if (!pgAvailable) process.stderr.write(`note: PostgreSQL not reachable at ${testPgUrl}; database tests run on PGlite only\n`)

export type Backend = 'pglite' | 'postgres'

/** A fresh database of the given kind, migrated and with reference data; drop() removes it entirely. */
export async function freshDatabase(kind: Backend): Promise<{ database: Database; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: '', embeddedPath: 'memory://' })
    await migrateDatabase(database)
    await ensureReferenceData(database.db)
    return { database, drop: () => database.close() }
  }
  const name = `gx_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: testPgUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(testPgUrl)
  url.pathname = '/' + name
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' })
  await migrateDatabase(database)
  await ensureReferenceData(database.db)
  return {
    database,
    async drop() {
      await database.close()
      const a = new pg.Client({ connectionString: testPgUrl })
      await a.connect()
      await a.query(`drop database if exists ${name} with (force)`)
      await a.end()
    },
  }
}

export const backends: Backend[] = pgAvailable ? ['pglite', 'postgres'] : ['pglite']

/**
 * Runs a suite once on PGlite and once on PostgreSQL, each on its own fresh database that is dropped
 * afterwards. Differences between the two, if any ever need one, are written at the test that has them.
 */
export function describeEachDb(name: string, fn: (ctx: { readonly database: Database; readonly backend: Backend }) => void) {
  for (const backend of backends) {
    describe(`${name} [${backend}]`, () => {
      let fresh: Awaited<ReturnType<typeof freshDatabase>> | undefined
      beforeAll(async () => {
        fresh = await freshDatabase(backend)
      })
      afterAll(async () => {
        await fresh?.drop()
      })
      fn({
        get database() {
          if (!fresh) throw new Error('database not ready')
          return fresh.database
        },
        backend,
      })
    })
  }
}
