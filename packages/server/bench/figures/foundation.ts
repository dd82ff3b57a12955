import fs from 'node:fs'
import path from 'node:path'
import type { BenchContext, Figure } from '../harness.ts'
import { login, rssMb, spawnServer, type ServerProcess } from '../server-process.ts'
import { demoLogins } from '../../src/demo/index.ts'
import { openDatabase, type Database } from '../../src/db/index.ts'
import { migrateDatabase } from '../../src/db/migrate.ts'

const admin = () => {
  const a = demoLogins.find((l) => l.role === 'provinceAdmin')
  if (!a) throw new Error('no demo admin')
  return a
}

/** A data directory a first start has filled with the demo province (made once, shared by the figures). */
export async function startedDataDir(ctx: BenchContext): Promise<void> {
  if (ctx.state.has('startedDir')) return
  const dir = fs.mkdtempSync(path.join(ctx.tmp, 'started-'))
  const s = await spawnServer(dir, ['--demo-if-empty'])
  await s.stop()
  ctx.state.set('startedDir', dir)
}

/**
 * The started demo directory opened in this process (PGlite), shared by every figure that reads it in-process: one
 * owner at a time, so a figure that spawns a server on the directory releases it first.
 */
export async function startedDemoDatabase(ctx: BenchContext): Promise<Database> {
  const have = ctx.state.get('startedPglite') as Database | undefined
  if (have) return have
  await startedDataDir(ctx)
  const database = await openDatabase({ dataDir: ctx.state.get('startedDir') as string })
  await migrateDatabase(database)
  ctx.state.set('startedPglite', database)
  if (!ctx.state.has('startedPgliteCleanup')) {
    ctx.state.set('startedPgliteCleanup', true)
    ctx.cleanups.push(() => releaseStartedDemoDatabase(ctx))
  }
  return database
}

export async function releaseStartedDemoDatabase(ctx: BenchContext): Promise<void> {
  const database = ctx.state.get('startedPglite') as Database | undefined
  ctx.state.delete('startedPglite')
  await database?.close()
}

/** First `npm start` on an empty data directory with the full demo province, to ready. */
export const firstStart: Figure = {
  name: 'start.first',
  description: 'first start on an empty data directory, building the demo province of 20,000 enterprises, to ready',
  unit: 's',
  target: 60,
  warmup: 0,
  runs: 2,
  async measure(ctx) {
    const dir = fs.mkdtempSync(path.join(ctx.tmp, 'first-'))
    const s = await spawnServer(dir, ['--demo-if-empty'])
    await s.stop()
    ctx.state.set('startedDir', dir)
    return s.readyMs / 1000
  },
}

/** A second start on the data directory the first start left. */
export const secondStart: Figure = {
  name: 'start.second',
  description: 'second start of the same data directory, to ready',
  unit: 's',
  target: 5,
  warmup: 1,
  runs: 3,
  setup: startedDataDir,
  async measure(ctx) {
    const s = await spawnServer(ctx.state.get('startedDir') as string, ['--demo-if-empty'])
    await s.stop()
    return s.readyMs / 1000
  },
}

/** Server memory at rest with the demo province, after a few pages have been served. */
export const memoryAtRest: Figure = {
  name: 'memory.rest',
  description: 'server RSS at rest with the demo province (20,000 enterprises), after serving registry pages',
  unit: 'MB',
  target: 400,
  warmup: 0,
  runs: 3,
  setup: startedDataDir,
  async measure(ctx) {
    const s = await spawnServer(ctx.state.get('startedDir') as string)
    try {
      const a = admin()
      const { cookie } = await login(s.url, a.username, a.password)
      for (const q of ['机械', '电子', '湘', '有限公司']) await fetch(`${s.url}/api/v1/enterprises?q=${encodeURIComponent(q)}`, { headers: { cookie } })
      await new Promise((r) => setTimeout(r, 2000))
      return rssMb(s.proc.pid as number)
    } finally {
      await s.stop()
    }
  },
}

const terms = ['机械', '电子', '湘', '新材料', '股份', '科技', '宏达', '食品', '化工', '长沙', '岳阳', '汽车零部件', '集团', '有限责任', '鑫', '电气']

/** Registry search by a Chinese name substring over 50,000 enterprises through the HTTP API: p95. */
export const registrySearch: Figure = {
  name: 'registry.search.p95',
  description: 'GET /api/v1/enterprises?q=<Chinese substring> over 50,000 enterprises, p95 of 200 sequential requests',
  unit: 'ms',
  target: 50,
  warmup: 1,
  runs: 3,
  async setup(ctx) {
    const dir = fs.mkdtempSync(path.join(ctx.tmp, 'search-'))
    const s = await spawnServer(dir, ['--demo-if-empty', '--demo-enterprises', '50000'])
    ctx.state.set('searchServer', s)
    const a = admin()
    ctx.state.set('searchCookie', (await login(s.url, a.username, a.password)).cookie)
  },
  async teardown(ctx) {
    await (ctx.state.get('searchServer') as ServerProcess | undefined)?.stop()
  },
  async measure(ctx) {
    const s = ctx.state.get('searchServer') as ServerProcess
    const cookie = ctx.state.get('searchCookie') as string
    const times: number[] = []
    for (let i = 0; i < 200; i++) {
      const q = terms[i % terms.length] as string
      const t = performance.now()
      const r = await fetch(`${s.url}/api/v1/enterprises?q=${encodeURIComponent(q)}&page=1&pageSize=20`, { headers: { cookie } })
      if (!r.ok) throw new Error(`search failed: ${r.status}`)
      await r.arrayBuffer()
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    return times[Math.floor(times.length * 0.95) - 1] as number
  },
}

export const foundationFigures = [firstStart, secondStart, memoryAtRest, registrySearch]
