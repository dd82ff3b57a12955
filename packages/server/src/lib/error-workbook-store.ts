import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Actor } from '../http/context.ts'

/*
 * Where importers keep error workbooks for download: <dataDir>/imports/<id>.xlsx with <id>.json naming the user
 * who may read it. GET /api/v1/imports/error-workbooks/:id (modules/imports/routes.ts) serves them.
 */

// Error workbooks are kept this long for download, then removed when the next one is stored.
const KEEP_MS = 7 * 24 * 3600 * 1000

export interface StoredMeta {
  userId: number | null
  username: string
  fileName: string
  createdAt: string
}

/** Stores an error workbook under an unguessable id and returns its download URL. */
export async function storeErrorWorkbook(dataDir: string, actor: Actor, fileName: string, data: Buffer): Promise<string> {
  const dir = path.join(dataDir, 'imports')
  await fs.mkdir(dir, { recursive: true, mode: 0o700 })
  const now = Date.now()
  for (const f of await fs.readdir(dir)) {
    const p = path.join(dir, f)
    const st = await fs.stat(p).catch(() => null)
    if (st && now - st.mtimeMs > KEEP_MS) await fs.rm(p, { force: true })
  }
  const id = randomBytes(16).toString('hex')
  const meta: StoredMeta = { userId: actor.userId, username: actor.username, fileName, createdAt: new Date(now).toISOString() }
  await fs.writeFile(path.join(dir, `${id}.xlsx`), data, { mode: 0o600 })
  await fs.writeFile(path.join(dir, `${id}.json`), JSON.stringify(meta), { mode: 0o600 })
  return `/api/v1/imports/error-workbooks/${id}`
}
