import fs from 'node:fs'
import readline from 'node:readline'
import { createGunzip, createGzip } from 'node:zlib'
import { pipeline } from 'node:stream/promises'
import type pg from 'pg'
import type { Database } from '../../db/index.ts'
import { AppError } from '../../lib/errors.ts'

/**
 * A full logical dump that round-trips between PGlite and PostgreSQL: gzipped JSON lines, one header line,
 * then for each table (in foreign-key order) a table line and its rows. Sessions are not dumped.
 */
const SKIP = new Set(['sessions'])
// loaded by ensureReferenceData into every migrated database: skipped on restore (the target has them already)
const REFERENCE = new Set(['divisions', 'industries', 'indicators'])

interface Header {
  format: 'gongxin-backup'
  version: 1
  createdAt: string
  migrations: number
  tables: string[]
}

async function tablesInDependencyOrder(client: pg.PoolClient | pg.Pool): Promise<string[]> {
  const t = await client.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  )
  const deps = await client.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`,
  )
  const names = t.rows.map((r) => r.name).filter((n) => !SKIP.has(n))
  const parents = new Map(names.map((n) => [n, new Set<string>()]))
  for (const d of deps.rows) if (d.child !== d.parent) parents.get(d.child)?.add(d.parent)
  const out: string[] = []
  const seen = new Set<string>()
  const visit = (n: string) => {
    if (seen.has(n)) return
    seen.add(n)
    for (const p of parents.get(n) ?? []) if (parents.has(p)) visit(p)
    out.push(n)
  }
  names.forEach(visit)
  return out
}

export async function backupDatabase(database: Database, file: string, onProgress: (table: string, rows: number) => void = () => {}) {
  const client = await database.pool.connect()
  const gzip = createGzip()
  const out = fs.createWriteStream(file)
  const done = pipeline(gzip, out)
  const write = (obj: unknown) =>
    new Promise<void>((resolve) => {
      if (gzip.write(JSON.stringify(obj) + '\n')) resolve()
      else gzip.once('drain', () => resolve())
    })
  let total = 0
  try {
    await client.query('begin isolation level repeatable read')
    const tables = await tablesInDependencyOrder(client)
    const mig = await client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations').catch(() => ({ rows: [{ n: 0 }] }))
    const header: Header = { format: 'gongxin-backup', version: 1, createdAt: new Date().toISOString(), migrations: mig.rows[0]?.n ?? 0, tables }
    await write(header)
    for (const table of tables) {
      await write({ table })
      await client.query(`declare dump_cursor no scroll cursor for select row_to_json(t)::text as j from "${table}" t`)
      let n = 0
      for (;;) {
        const r = await client.query<{ j: string }>('fetch 5000 from dump_cursor')
        if (r.rows.length === 0) break
        for (const row of r.rows) {
          if (!gzip.write(row.j + '\n')) await new Promise<void>((res) => gzip.once('drain', () => res()))
        }
        n += r.rows.length
        onProgress(table, n)
      }
      await client.query('close dump_cursor')
      total += n
    }
    await client.query('commit')
  } catch (err) {
    await client.query('rollback').catch(() => {})
    throw err
  } finally {
    client.release()
    gzip.end()
    await done
  }
  return { rows: total }
}

/**
 * Restores a dump into a migrated database that holds no data yet (reference tables may be loaded: their
 * rows are merged). Refuses a non-empty database: a restore never overwrites what is there.
 */
export async function restoreDatabase(database: Database, file: string, onProgress: (table: string, rows: number) => void = () => {}) {
  if (!fs.existsSync(file)) throw new AppError('FILE_UNREADABLE', { file, summary: { zh: '文件不存在', en: 'no such file' } })
  const client = await database.pool.connect()
  let table: string | null = null
  let batch: string[] = []
  let header: Header | null = null
  let n = 0
  let total = 0
  const flush = async () => {
    if (!table || batch.length === 0) return
    const conflict = REFERENCE.has(table) ? ' on conflict do nothing' : ''
    // generated columns (e.g. enterprises.name_grams) are computed again, never inserted
    const cols = await client.query<{ c: string }>(
      "select column_name as c from information_schema.columns where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position",
      [table],
    )
    const list = cols.rows.map((r) => `"${r.c}"`).join(', ')
    await client.query(`insert into "${table}" (${list}) select ${list} from json_populate_recordset(null::"${table}", $1::json)${conflict}`, ['[' + batch.join(',') + ']'])
    n += batch.length
    total += batch.length
    onProgress(table, n)
    batch = []
  }
  try {
    await client.query('begin')
    // created after every await before the loop: readline emits lines as soon as it exists, and lines emitted
    // before the for-await starts would be lost
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })
    for await (const line of lines) {
      if (!line) continue
      if (!header) {
        const h = JSON.parse(line) as Header
        if (h.format !== 'gongxin-backup') throw new AppError('FILE_UNREADABLE', { file, summary: { zh: '不是 Gongxin 备份文件', en: 'not a Gongxin backup' } })
        header = h
        for (const t of h.tables) {
          if (REFERENCE.has(t)) continue
          const r = await client.query<{ one: number }>(`select 1 as one from "${t}" limit 1`).catch(() => ({ rows: [] as { one: number }[] }))
          if (r.rows.length) {
            throw new AppError('CONFLICT', { summary: { zh: `目标数据库的表 ${t} 已有数据；请恢复到空数据库（新的 --data-dir 或新建的 PostgreSQL 数据库）`, en: `table ${t} of the target database holds data; restore into an empty database (a new --data-dir or a new PostgreSQL database)` } })
          }
        }
        continue
      }
      if (line.startsWith('{"table":')) {
        await flush()
        table = (JSON.parse(line) as { table: string }).table
        n = 0
        continue
      }
      batch.push(line)
      if (batch.length >= 2000) await flush()
    }
    await flush()
    // serial columns continue after the restored ids
    const seqs = await client.query<{ tbl: string; col: string; seq: string }>(
      `select c.table_name as tbl, c.column_name as col, pg_get_serial_sequence('"' || c.table_name || '"', c.column_name) as seq
         from information_schema.columns c where c.table_schema = 'public' and c.column_default like 'nextval(%'`,
    )
    for (const s of seqs.rows) {
      if (!s.seq) continue
      await client.query(`select setval('${s.seq}', coalesce((select max("${s.col}") from "${s.tbl}"), 0) + 1, false)`)
    }
    await client.query('commit')
  } catch (err) {
    await client.query('rollback').catch(() => {})
    throw err
  } finally {
    client.release()
  }
  return { rows: total, createdAt: header?.createdAt ?? null }
}
