import { getTableName, sql, type SQL } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Tx } from '../db/index.ts'

type Scalar = string | number | boolean | null

/**
 * One column of a bulk insert. `values` are scalars; for an array column (text[]) give `arrays` instead:
 * unnest() cannot take an array of arrays, so those travel as one joined string per row and are split
 * again in SQL.
 */
export type BulkColumn = { column: PgColumn; values: readonly Scalar[] } | { column: PgColumn; arrays: readonly (readonly string[])[] }

// A separator no demo value contains (ASCII unit separator).
const JOIN = '\u001f'

/**
 * A PostgreSQL array literal ('{1,2,NULL}', '{"a","b\\"c"}') of scalars, to be sent as ONE text parameter and
 * cast in SQL (`$1::int[]`). node-postgres serialises a JS array element by element through its generic value
 * preparation, which measured ~1 µs per element on the demo's volumes, more than PGlite takes to parse it;
 * joining here costs a small fraction of that. Strings are always quoted, so that '', 'NULL' and values with
 * commas, braces or spaces survive.
 */
export function arrayLiteral(values: readonly Scalar[]): string {
  const parts = new Array<string>(values.length)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (v === null || v === undefined) parts[i] = 'NULL'
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`bulk insert: ${v} is not a finite number (element ${i})`)
      parts[i] = String(v)
    } else if (typeof v === 'boolean') parts[i] = v ? 't' : 'f'
    else parts[i] = `"${v.replace(/["\\]/g, '\\$&')}"`
  }
  return `{${parts.join(',')}}`
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`

function rowCount(columns: readonly BulkColumn[]): number {
  const counts = new Set(columns.map((c) => ('values' in c ? c.values.length : c.arrays.length)))
  if (counts.size !== 1) throw new Error(`bulk insert columns have different lengths: ${[...counts].join(', ')}`)
  return [...counts][0] ?? 0
}

/**
 * INSERT … SELECT FROM unnest($1::type[], $2::type[], …): one array parameter per column, so a chunk of
 * thousands of rows is one short statement with a handful of parameters. This is by far the fastest
 * way into PGlite over one connection (row-per-parameter INSERTs build and parse huge statements, and
 * COPY FROM STDIN is not available through its socket). Returns the `returning` columns of every row, in
 * no guaranteed order: match them on a unique key.
 */
export async function bulkInsert<R extends Record<string, unknown> = Record<string, unknown>>(
  tx: Tx,
  table: PgTable,
  columns: readonly BulkColumn[],
  opts: { chunkSize?: number; returning?: readonly PgColumn[]; onChunk?: (done: number, total: number) => void } = {},
): Promise<R[]> {
  const total = rowCount(columns)
  const chunkSize = opts.chunkSize ?? 5000
  const names = columns.map((c) => quoteIdent(c.column.name)).join(', ')
  const aliases = columns.map((_, i) => `c${i}`)
  const selectList = columns
    .map((c, i) => ('arrays' in c ? `string_to_array(u.c${i}, E'\\x1f')` : `u.c${i}`))
    .join(', ')
  const returning = opts.returning?.length ? ` returning ${opts.returning.map((c) => quoteIdent(c.name)).join(', ')}` : ''
  const out: R[] = []
  for (let start = 0; start < total; start += chunkSize) {
    const end = Math.min(total, start + chunkSize)
    const params: SQL[] = columns.map((c) => {
      const chunk = 'values' in c ? c.values.slice(start, end) : c.arrays.slice(start, end).map((a) => a.join(JOIN))
      const elementType = 'values' in c ? c.column.getSQLType() : 'text'
      return sql`${arrayLiteral(chunk)}::${sql.raw(elementType)}[]`
    })
    const query = sql.join(
      [
        sql.raw(`insert into ${quoteIdent(getTableName(table))} (${names}) select ${selectList} from unnest(`),
        sql.join(params, sql.raw(', ')),
        sql.raw(`) as u(${aliases.join(', ')})${returning}`),
      ],
      sql.raw(''),
    )
    const res = await tx.execute(query)
    if (returning) out.push(...(res.rows as R[]))
    opts.onChunk?.(end, total)
  }
  return out
}

export interface DeferredIndexes {
  /** false when the table held rows: nothing was set aside and `load` ran against the live indexes */
  deferred: boolean
  /** milliseconds spent building the indexes and validating the foreign keys again */
  rebuildMs: number
}

/**
 * Runs `load` (a bulk load into an EMPTY `table`, inside the caller's transaction) with the table's indexes,
 * primary and unique keys and foreign keys set aside, then builds them again from their own definitions, read
 * from the catalogue (pg_get_indexdef, pg_get_constraintdef): the same names and definitions the migrations
 * created, so the schema is unchanged afterwards. One sorted build per index and one validating join per
 * foreign key replace a random index insertion and a trigger per row per key (measured on the demo's 900k
 * monthly reports on PGlite: about twice as fast). Keys that other tables' foreign keys reference are left in
 * place (they cannot be dropped without those). When the table already holds rows, `load` runs as is: rebuilding
 * the indexes of a big table would cost more than it saves, and the indexes guard the existing data.
 * A failure anywhere (a duplicate key found by the rebuilt unique index, a dangling reference) aborts the
 * caller's transaction, so nothing is left half-indexed.
 */
export async function withIndexesDeferred(tx: Tx, table: PgTable, load: () => Promise<void>): Promise<DeferredIndexes> {
  const name = getTableName(table)
  const rel = quoteIdent(name)
  const empty = await tx.execute<{ empty: boolean }>(sql.raw(`select not exists (select 1 from ${rel}) as empty`))
  if (!empty.rows[0]?.empty) {
    await load()
    return { deferred: false, rebuildMs: 0 }
  }

  const constraints = await tx.execute<{ name: string; kind: string; def: string }>(sql`
    select c.conname as name, c.contype as kind, pg_get_constraintdef(c.oid) as def
      from pg_constraint c
     where c.conrelid = ${name}::regclass and c.contype in ('p', 'u', 'f')
       and (c.contype = 'f' or not exists (select 1 from pg_constraint r where r.contype = 'f' and r.conindid = c.conindid and r.conrelid <> c.conrelid))
     order by c.contype desc, c.conname`)
  const indexes = await tx.execute<{ name: string; def: string }>(sql`
    select i.relname as name, pg_get_indexdef(x.indexrelid) as def
      from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indrelid = ${name}::regclass
       and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid and c.conrelid = x.indrelid)
     order by i.relname`)
  const keys = constraints.rows.filter((c) => c.kind !== 'f')
  const foreign = constraints.rows.filter((c) => c.kind === 'f')
  for (const c of foreign) await tx.execute(sql.raw(`alter table ${rel} drop constraint ${quoteIdent(c.name)}`))
  for (const i of indexes.rows) await tx.execute(sql.raw(`drop index ${quoteIdent(i.name)}`))
  for (const c of keys) await tx.execute(sql.raw(`alter table ${rel} drop constraint ${quoteIdent(c.name)}`))

  await load()

  const started = performance.now()
  for (const c of keys) await tx.execute(sql.raw(`alter table ${rel} add constraint ${quoteIdent(c.name)} ${c.def}`))
  for (const i of indexes.rows) await tx.execute(sql.raw(i.def))
  for (const c of foreign) await tx.execute(sql.raw(`alter table ${rel} add constraint ${quoteIdent(c.name)} ${c.def}`))
  return { deferred: true, rebuildMs: Math.round(performance.now() - started) }
}
