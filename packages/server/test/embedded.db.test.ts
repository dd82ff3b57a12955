import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/db/index.ts'
import { migrateDatabase } from '../src/db/migrate.ts'
import { AppError } from '../src/lib/errors.ts'
import { testApp } from './fixtures.ts'

// These are properties of the embedded database only (a PostgreSQL server has neither a lock file nor a
// worker thread), so they run on PGlite alone.
describe('embedded PGlite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-embedded-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('lets one process own the data directory: a second open gets a clear error, and the lock is released on close', async () => {
    const first = await openDatabase({ dataDir: dir })
    try {
      const err = await openDatabase({ dataDir: dir }).then(
        () => null,
        (e: unknown) => e,
      )
      expect(err).toBeInstanceOf(AppError)
      expect((err as AppError).code).toBe('DATA_DIR_LOCKED')
      expect((err as AppError).messageIn('zh-CN')).toContain(dir)
    } finally {
      await first.close()
    }
    const again = await openDatabase({ dataDir: dir })
    await again.close()
  })

  it('takes over a lock left by a process that no longer runs', async () => {
    fs.writeFileSync(path.join(dir, 'gongxin.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, since: 'then' }))
    const db = await openDatabase({ dataDir: dir })
    await db.close()
  })

  it('keeps /health answering while a heavy query runs', async () => {
    const database = await openDatabase({ dataDir: dir })
    try {
      await migrateDatabase(database)
      const app = await testApp(database)
      await app.listen({ port: 0, host: '127.0.0.1' })
      const addr = app.server.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      const order: string[] = []
      const slow = database.pool.query('select count(*) from generate_series(1, 6000000) a join generate_series(1, 2) b on true').then(() => order.push('slow query'))
      await new Promise((r) => setTimeout(r, 100))
      const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(async (r) => {
        order.push('health')
        return r.json()
      })
      await slow
      expect(health).toEqual({ status: 'ok', db: 'pglite' })
      // the event loop served /health before the query finished: the WASM work runs on the worker thread
      expect(order).toEqual(['health', 'slow query'])
      await app.close()
    } finally {
      await database.close()
    }
  })
})
