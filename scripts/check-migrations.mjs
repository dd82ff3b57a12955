// Fails when the Drizzle schema has changed without a committed migration: generates into a scratch copy of
// packages/server/drizzle and checks that nothing new appears.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const server = path.join(root, 'packages/server')
// drizzle-kit takes `out` relative to the config's folder, so the scratch copy sits inside packages/server
const tmp = fs.mkdtempSync(path.join(server, '.migrations-check-'))
try {
  fs.cpSync(path.join(server, 'drizzle'), path.join(tmp, 'drizzle'), { recursive: true })
  const config = path.join(server, '.drizzle.check.config.ts')
  fs.writeFileSync(
    config,
    `import { defineConfig } from 'drizzle-kit'\nexport default defineConfig({ dialect: 'postgresql', schema: './src/db/schema.ts', out: ${JSON.stringify('./' + path.relative(server, path.join(tmp, 'drizzle')))}, casing: 'snake_case' })\n`,
  )
  try {
    execFileSync('npx', ['drizzle-kit', 'generate', '--config', config, '--name', 'uncommitted'], { cwd: server, stdio: 'pipe' })
  } finally {
    fs.rmSync(config, { force: true })
  }
  if (!fs.existsSync(path.join(tmp, 'drizzle/meta/_journal.json'))) throw new Error('drizzle-kit did not write its journal')
  const extra = fs.readdirSync(path.join(tmp, 'drizzle')).filter((f) => f.endsWith('.sql') && !fs.existsSync(path.join(server, 'drizzle', f)))
  if (extra.length) {
    process.stderr.write(`the schema (packages/server/src/**/schema.ts) has changes without a migration: run\n  cd packages/server && npx drizzle-kit generate --name <what-changed>\nand commit the new file(s) in packages/server/drizzle/\n`)
    process.exit(1)
  }
  process.stderr.write('migrations match the schema\n')
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}
