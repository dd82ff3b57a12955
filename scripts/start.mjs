// `npm start`: build the web app if needed, then serve it on the embedded database (or DATABASE_URL),
// building the demo province on first start.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { buildWebIfStale } from './web-build.mjs'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
buildWebIfStale()
const child = spawn(process.execPath, [path.join(root, 'packages/server/bin/gongxin.mjs'), 'serve', '--demo-if-empty', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 1))
