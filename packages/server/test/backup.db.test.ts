import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { asc } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { auditLog } from '../src/modules/audit/schema.ts'
import { restoreDatabase, backupDatabase } from '../src/modules/backup/service.ts'
import { enterprises } from '../src/modules/enterprises/schema.ts'
import { backends, describeEachDb, freshDatabase } from './db-harness.ts'
import { seedFixtures } from './fixtures.ts'

describeEachDb('backup and restore', (ctx) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-backup-'))
  const file = path.join(dir, 'dump.jsonl.gz')
  beforeAll(async () => {
    await seedFixtures(ctx.database)
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('round-trips a full dump into a fresh database of each kind', async () => {
    await backupDatabase(ctx.database, file)
    const before = await ctx.database.db.select().from(enterprises).orderBy(asc(enterprises.id))
    const auditBefore = await ctx.database.db.select().from(auditLog).orderBy(asc(auditLog.id))
    for (const kind of backends) {
      const target = await freshDatabase(kind)
      try {
        await restoreDatabase(target.database, file)
        expect(await target.database.db.select().from(enterprises).orderBy(asc(enterprises.id))).toEqual(before)
        expect(await target.database.db.select().from(auditLog).orderBy(asc(auditLog.id))).toEqual(auditBefore)
        // sequences continue after the restored ids
        const [next] = await target.database.db
          .insert(enterprises)
          .values({ uscc: '91430100MA4L3K2B7C', name: '新企业', countyCode: '430102', industryCode: '39', industryDivision: '39' })
          .returning({ id: enterprises.id })
        expect(next?.id).toBeGreaterThan(Math.max(...before.map((b) => b.id)))
        // a second restore into a database that holds data is refused, and changes nothing
        await expect(restoreDatabase(target.database, file)).rejects.toThrow(/holds data/)
      } finally {
        await target.drop()
      }
    }
  })
})
