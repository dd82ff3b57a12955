// Hosts the embedded PGlite database in a worker thread and serves it over the PostgreSQL wire protocol on
// a unix socket, so that the main thread talks to it with the same driver as to a PostgreSQL server and
// PGlite's synchronous WASM work never blocks the HTTP event loop. Plain JS: workers do not inherit tsx.
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

const { dataDir, socketPath } = workerData
try {
  // shared_buffers: PGlite's default of 128 MB lives in the WASM heap and is resident from the start (measured:
// 293 MB RSS after opening the 50,000-enterprise demo, 168 MB at 16 MB); the OS page cache serves the files
// behind it, so a smaller pool costs little on this single-user embedded database.
const db = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir, { postgresqlconf: ['shared_buffers=32MB'] })
  // No db.exec/db.query here before serving: PGlite keeps the result parser of its last exec, and the socket
  // server's raw protocol stream then turns any SQL error into a dropped connection. Settings go through the
  // client instead (see db/index.ts).
  const server = new PGLiteSocketServer({
    db,
    path: socketPath,
    // The main thread's pool holds one connection at a time, but node-postgres replaces a connection after a
    // query error and may open the new one before this side has finished closing the old: allow a few.
    maxConnections: 8,
  })
  await server.start()
  parentPort.on('message', async (msg) => {
    if (msg === 'close') {
      try {
        await server.stop()
        await db.close()
      } finally {
        parentPort.postMessage({ type: 'closed' })
      }
    }
  })
  parentPort.postMessage({ type: 'ready' })
} catch (err) {
  parentPort.postMessage({ type: 'error', message: String(err && err.stack ? err.stack : err) })
}
