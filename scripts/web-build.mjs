// Builds the web app when its sources are newer than the last build (or there is none).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const web = path.join(root, 'packages/web')
const stamp = path.join(web, 'dist/index.html')

function newest(dir) {
  let t = 0
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue
    const p = path.join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs)
  }
  return t
}

export function buildWebIfStale(log = (s) => process.stderr.write(s + '\n')) {
  const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0
  const src = Math.max(newest(web), newest(path.join(root, 'packages/domain/src')))
  if (built >= src) return false
  log('building the web app (vite)…')
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' })
  return true
}

if (import.meta.url === `file://${process.argv[1]}`) buildWebIfStale()
