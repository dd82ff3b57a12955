import { sql } from 'drizzle-orm'
import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachDb } from '../../test/db-harness.ts'
import type { Database } from '../db/index.ts'
import { arrayLiteral, bulkInsert, withIndexesDeferred } from './bulk.ts'

// Scratch tables of this suite only (its database is fresh and dropped afterwards).
const parent = pgTable('gx_bulk_parent', { id: serial('id').primaryKey(), code: text('code').notNull().unique(), kind: text('kind'), size: integer('size') })

const definitions = async (database: Database, table: string) =>
  (
    await database.db.execute<{ def: string }>(sql`
      select indexdef as def from pg_indexes where tablename = ${table}
      union all
      select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where conrelid = ${table}::regclass
      order by 1`)
  ).rows.map((r) => r.def)

describe('array literals', () => {
  it.each([
    [[1, 2, 3], '{1,2,3}'],
    [[1.5, -0.25, 1e-7], '{1.5,-0.25,1e-7}'],
    [[true, false, null], '{t,f,NULL}'],
    [['a', '', 'NULL'], '{"a","","NULL"}'],
    [['say "hi"', 'back\\slash'], '{"say \\"hi\\"","back\\\\slash"}'],
    [[], '{}'],
  ])('%j → %s', (values, literal) => {
    expect(arrayLiteral(values)).toBe(literal)
  })

  it('refuses a number PostgreSQL cannot read, naming the element', () => {
    expect(() => arrayLiteral([1, Number.NaN])).toThrow(/NaN .*element 1/)
    expect(() => arrayLiteral([Number.POSITIVE_INFINITY])).toThrow(/element 0/)
  })
})

describeEachDb('bulk loading', (ctx) => {
  beforeAll(async () => {
    await ctx.database.db.execute(sql`
      create table gx_bulk_parent (id serial primary key, code text not null unique, kind text, size integer check (size >= 0));
      create index gx_bulk_parent_kind_idx on gx_bulk_parent (kind, size) where kind is not null;
      create table gx_bulk_child (id serial primary key, parent_id integer not null references gx_bulk_parent (id), code text references gx_bulk_parent (code));
      create index gx_bulk_child_parent_idx on gx_bulk_child (parent_id)`)
  })

  it('reads back every awkward string and number exactly as sent', async () => {
    const strings = ['', 'NULL', 'a,b', '{x}', 'say "hi"', 'back\\slash', ' spaced ', '中文，全角', 'tab\there', null]
    const numbers = [0, -5, 0.1, 1e-7, 123456789.12, 2 ** 40, null]
    const s = await ctx.database.db.execute<{ v: string | null }>(sql`select unnest(${arrayLiteral(strings)}::text[]) as v`)
    expect(s.rows.map((r) => r.v)).toEqual(strings)
    const n = await ctx.database.db.execute<{ v: string | null }>(sql`select unnest(${arrayLiteral(numbers)}::numeric[])::text as v`)
    expect(n.rows.map((r) => (r.v === null ? null : Number(r.v)))).toEqual(numbers)
  })

  it('loads an empty table with its indexes and keys set aside, and builds the same ones again', async () => {
    const before = await definitions(ctx.database, 'gx_bulk_parent')
    const childBefore = await definitions(ctx.database, 'gx_bulk_child')
    let during: string[] = []
    const result = await ctx.database.db.transaction(async (tx) =>
      withIndexesDeferred(tx, parent, async () => {
        during = (await tx.execute<{ def: string }>(sql`select indexdef as def from pg_indexes where tablename = 'gx_bulk_parent' order by 1`)).rows.map((r) => r.def)
        await bulkInsert(tx, parent, [
          { column: parent.code, values: Array.from({ length: 3000 }, (_, i) => `c${i}`) },
          { column: parent.kind, values: Array.from({ length: 3000 }, (_, i) => (i % 3 ? 'k' : null)) },
          { column: parent.size, values: Array.from({ length: 3000 }, (_, i) => i) },
        ])
      }),
    )
    expect(result.deferred).toBe(true)
    // the primary and unique keys other tables' foreign keys reference stay; the other index is set aside
    expect(during.join('\n')).toMatch(/gx_bulk_parent_pkey/)
    expect(during.join('\n')).toMatch(/gx_bulk_parent_code_key/)
    expect(during.join('\n')).not.toMatch(/gx_bulk_parent_kind_idx/)
    expect(await definitions(ctx.database, 'gx_bulk_parent')).toEqual(before)
    expect(await definitions(ctx.database, 'gx_bulk_child')).toEqual(childBefore)
    const [row] = (await ctx.database.db.execute<{ n: number }>(sql`select count(*)::int as n from gx_bulk_parent where kind = 'k'`)).rows
    expect(row?.n).toBe(2000)
  })

  it('loads a table that holds rows against its live indexes', async () => {
    const result = await ctx.database.db.transaction(async (tx) =>
      withIndexesDeferred(tx, parent, async () => {
        await bulkInsert(tx, parent, [
          { column: parent.code, values: ['more'] },
          { column: parent.kind, values: [null] },
          { column: parent.size, values: [1] },
        ])
      }),
    )
    expect(result).toEqual({ deferred: false, rebuildMs: 0 })
  })

  it('a load the rebuilt keys refuse leaves nothing behind: the table, its rows and its indexes as before', async () => {
    await ctx.database.db.execute(sql`create table gx_bulk_other (like gx_bulk_parent including all)`)
    const other = pgTable('gx_bulk_other', { id: serial('id').primaryKey(), code: text('code').notNull(), kind: text('kind'), size: integer('size') })
    const before = await definitions(ctx.database, 'gx_bulk_other')
    await expect(
      ctx.database.db.transaction(async (tx) =>
        withIndexesDeferred(tx, other, async () => {
          // a duplicate code: accepted while the unique index is set aside, refused when it is built again
          await bulkInsert(tx, other, [
            { column: other.code, values: ['x', 'x'] },
            { column: other.kind, values: [null, null] },
            { column: other.size, values: [1, 2] },
          ])
        }),
      ),
    ).rejects.toThrow()
    expect(await definitions(ctx.database, 'gx_bulk_other')).toEqual(before)
    const [row] = (await ctx.database.db.execute<{ n: number }>(sql`select count(*)::int as n from gx_bulk_other`)).rows
    expect(row?.n).toBe(0)
  })
})
