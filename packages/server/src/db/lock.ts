import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../lib/errors.ts'

/**
 * One process owns an embedded data directory: a second writer would silently lose rows.
 * The lock file holds the owner's pid; a lock left by a process that no longer runs is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'gongxin.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx')
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }))
      fs.closeSync(fd)
      let released = false
      return () => {
        if (released) return
        released = true
        try {
          fs.unlinkSync(file)
        } catch {
          /* already gone */
        }
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const owner = readOwner(file)
      if (owner && isAlive(owner.pid)) {
        throw new AppError('DATA_DIR_LOCKED', {
          dataDir,
          pid: owner.pid,
          since: owner.since,
        })
      }
      // stale lock: its process is gone
      fs.rmSync(file, { force: true })
    }
  }
  throw new AppError('DATA_DIR_LOCKED', { dataDir, pid: 0, since: '' })
}

function readOwner(file: string): { pid: number; since: string } | undefined {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: unknown; since?: unknown }
    return typeof v.pid === 'number' ? { pid: v.pid, since: String(v.since ?? '') } : undefined
  } catch {
    return undefined
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
