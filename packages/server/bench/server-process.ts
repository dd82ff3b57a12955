import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/gongxin.mjs')

export interface ServerProcess {
  url: string
  readyMs: number
  proc: ChildProcess
  stop(): Promise<void>
}

/** Starts `gongxin serve` as its own process (as `npm start` does) and waits for its ready line. */
export async function spawnServer(dataDir: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const t0 = performance.now()
  const proc = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir, ...extra], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let err = ''
  const url = await new Promise<string>((resolve, reject) => {
    proc.stderr?.on('data', (b: Buffer) => {
      err += b.toString()
      const m = /ready in [\d.]+ s: (http:\/\/\S+)/.exec(err)
      if (m?.[1]) resolve(m[1])
    })
    proc.once('exit', (code) => reject(new Error(`server exited (${code}) before ready:\n${err}`)))
  })
  const readyMs = performance.now() - t0
  return {
    url,
    readyMs,
    proc,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve()
        proc.once('exit', () => resolve())
        proc.kill('SIGTERM')
      }),
  }
}

/** Resident memory of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const m = /VmRSS:\s+(\d+) kB/.exec(status)
  return m?.[1] ? Number(m[1]) / 1024 : NaN
}

export async function login(url: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
  if (!r.ok) throw new Error(`login failed: ${r.status} ${await r.text()}`)
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const body = (await r.json()) as { csrfToken: string }
  return { cookie, csrf: body.csrfToken }
}
