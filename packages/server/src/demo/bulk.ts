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
      // sql.param keeps the JS array one parameter (a bare array would be expanded into a list).
      return sql`${sql.param(chunk)}::${sql.raw(elementType)}[]`
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
