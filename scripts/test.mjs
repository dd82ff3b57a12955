// `npm test`: lint, typecheck, then every test tier (unit, database on PGlite and PostgreSQL, browser).
// PostgreSQL: GONGXIN_TEST_PG_URL or postgres://postgres@127.0.0.1:5432/test; when it cannot be reached the
// database tier runs on PGlite only and says so (CI=true makes PostgreSQL mandatory).
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { buildWebIfStale } from './web-build.mjs'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const run = (label, cmd, args, env = {}) => {
  process.stderr.write(`\n== ${label}\n`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } })
  if (r.status !== 0) {
    process.stderr.write(`\n${label} failed (exit ${r.status})\n`)
    process.exit(r.status ?? 1)
  }
}
const only = process.argv.slice(2)
run('lint', 'npx', ['eslint', '.', '--max-warnings=0'])
run('migrations match the schema', process.execPath, ['scripts/check-migrations.mjs'])
run('typecheck', 'npx', ['tsc', '-p', 'packages/domain'])
run('typecheck', 'npx', ['tsc', '-p', 'packages/server'])
run('typecheck', 'npx', ['tsc', '-p', 'packages/web'])
buildWebIfStale()
try {
  execFileSync('npx', ['vitest', '--version'], { cwd: root, stdio: 'ignore' })
} catch {
  /* reported by the run below */
}
const report = path.join(root, 'test-artifacts', 'vitest.json')
fs.mkdirSync(path.dirname(report), { recursive: true })
const tests = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...only], { stdio: 'inherit', cwd: root })
// one plain closing line that any CI reader understands
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'))
  process.stdout.write(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped\n`)
} catch {
  process.stdout.write('\ntests: no report was written\n')
}
if (tests.status !== 0) process.exit(tests.status ?? 1)
