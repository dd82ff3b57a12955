import type { Command } from 'commander'
import { startServer } from '../../server.ts'
import { addDbOptions } from '../context.ts'

export function register(program: Command) {
  addDbOptions(
    program
      .command('serve')
      .description('start the web server (migrates the database first)')
      .option('--port <port>', 'port to listen on (or PORT; default 3000)')
      .option('--host <host>', 'address to bind (or HOST; default 127.0.0.1)')
      .option('--demo-if-empty', 'build the demo province when the database holds no enterprise')
      .option('--demo-enterprises <n>', 'enterprises in the demo province', (v) => Number.parseInt(v, 10)),
  ).action(async (opts: { port?: string; host?: string; dataDir?: string; databaseUrl?: string; demoIfEmpty?: boolean; demoEnterprises?: number }) => {
    const server = await startServer(opts)
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.stderr.write('stopping…\n')
        server.close().then(resolve, resolve)
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
  })
}
