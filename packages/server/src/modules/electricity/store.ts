import { sql } from 'drizzle-orm'
import type { MonthValue } from '@gongxin/domain'
import type { Tx } from '../../db/index.ts'
import type { ReadingPart } from './schema.ts'

/*
 * The lookups and bulk writes of the electricity imports and the account mapping. Every statement takes its rows
 * as one array parameter per column (unnest), as the monthly import does (see reports/store.ts).
 */

const CHUNK = 5000

export interface KnownAccount {
  id: number
  accountNumber: string
  revision: number
  accountName: string | null
  enterpriseId: number
  uscc: string
  countyCode: string
  enterpriseName: string
}

/** The mappings in force of the given account numbers, with their enterprises (in any area: callers check the scope). */
export async function loadAccounts(tx: Tx, numbers: readonly string[]): Promise<Map<string, KnownAccount>> {
  const out = new Map<string, KnownAccount>()
  for (let i = 0; i < numbers.length; i += CHUNK) {
    const rows = await tx.execute<{ id: number; account_number: string; revision: number; account_name: string | null; enterprise_id: number; uscc: string; county_code: string; name: string }>(sql`
      select a.id, a.account_number, a.revision, a.account_name, a.enterprise_id, e.uscc, e.county_code, e.name
        from grid_accounts a join enterprises e on e.id = a.enterprise_id
       where a.account_number = any(${sql.param(numbers.slice(i, i + CHUNK))}::text[]) and a.superseded_at is null`)
    for (const r of rows.rows) {
      out.set(r.account_number, {
        id: Number(r.id), accountNumber: r.account_number, revision: Number(r.revision), accountName: r.account_name,
        enterpriseId: Number(r.enterprise_id), uscc: r.uscc.trim(), countyCode: r.county_code, enterpriseName: r.name,
      })
    }
  }
  return out
}

export interface ReadingKey {
  enterpriseId: number
  year: number
  month: number
}

export interface CurrentReading {
  id: number
  revision: number
  /** decimal text with four places */
  value: string
  /** the accounts it was summed from (one, or several), empty when it came by USCC */
  accounts: string[]
}

export interface ReadingContext {
  current: CurrentReading | null
  /** the enterprise's readings in force of the `span` months before */
  previous: MonthValue[]
}

interface ContextRow extends Record<string, unknown> {
  i: string | number
  id: string | number
  year: number
  month: number
  revision: number
  value: string
  account_number: string | null
  parts: ReadingPart[] | string | null
}

const partsOf = (p: ContextRow['parts']): ReadingPart[] => (p === null ? [] : typeof p === 'string' ? (JSON.parse(p) as ReadingPart[]) : p)

/**
 * For each key, the reading in force of the same month and those of the `span` months before, in one statement per
 * chunk: a range of the partial unique index (enterprise_id, year, month) where superseded_at is null, written as a
 * row comparison so that only that index can serve it (see reports/store.ts loadContext for why).
 */
export async function loadReadingContext(tx: Tx, keys: readonly ReadingKey[], span = 6): Promise<ReadingContext[]> {
  const out: ReadingContext[] = keys.map(() => ({ current: null, previous: [] }))
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK)
    const from = chunk.map((k) => {
      const idx = k.year * 12 + k.month - 1 - span
      return { year: Math.floor(idx / 12), month: (idx % 12) + 1 }
    })
    const rows = await tx.execute<ContextRow>(sql`
      select v.i, p.id, p.year, p.month, p.revision, p.value, p.account_number, p.parts
        from unnest(${sql.param(chunk.map((k) => k.enterpriseId))}::int[], ${sql.param(chunk.map((k) => k.year))}::smallint[], ${sql.param(chunk.map((k) => k.month))}::smallint[],
                    ${sql.param(from.map((f) => f.year))}::smallint[], ${sql.param(from.map((f) => f.month))}::smallint[]) with ordinality as v(e, y, m, fy, fm, i)
        cross join lateral (
          select r.id, r.year, r.month, r.revision, r.value, r.account_number, r.parts from electricity_readings r
           where (r.enterprise_id, r.year, r.month) >= (v.e, v.fy, v.fm) and (r.enterprise_id, r.year, r.month) <= (v.e, v.y, v.m)
             and r.superseded_at is null) p`)
    for (const r of rows.rows) {
      const slot = out[start + Number(r.i) - 1]
      const key = chunk[Number(r.i) - 1]
      if (!slot || !key) continue
      const year = Number(r.year)
      const month = Number(r.month)
      if (year === key.year && month === key.month) {
        const accounts = r.account_number ? [r.account_number] : partsOf(r.parts).map((p) => p.accountNumber)
        slot.current = { id: Number(r.id), revision: Number(r.revision), value: String(r.value), accounts }
      } else slot.previous.push({ year, month, value: String(r.value) })
    }
  }
  return out
}

export interface ReadingWrite extends ReadingKey {
  value: string
  accountNumber: string | null
  parts: ReadingPart[] | null
  supersedes: { id: number; revision: number } | null
  sourceRow: number | null
}

/** Supersedes the readings in force and inserts the new revisions, all stamped with the same instant `at`. */
export async function writeReadings(tx: Tx, items: readonly ReadingWrite[], batchId: number | null, at: Date, reason: string | null, onChunk?: (done: number) => void): Promise<void> {
  const atParam = at.toISOString()
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK)
    const old = chunk.flatMap((c) => (c.supersedes ? [c.supersedes.id] : []))
    if (old.length) {
      await tx.execute(sql`update electricity_readings set superseded_at = ${atParam}::timestamptz where id = any(${sql.param(old)}::bigint[]) and superseded_at is null`)
    }
    const col = (f: (c: ReadingWrite) => unknown) => sql.param(chunk.map(f))
    await tx.execute(sql`
      insert into electricity_readings (enterprise_id, year, month, revision, value, account_number, parts, batch_id, source_row, recorded_at, revision_reason)
      select v.e, v.y, v.m, v.rev, v.val, v.acc, v.parts::jsonb, ${batchId}::int, v.src, ${atParam}::timestamptz, case when v.rev > 1 then ${reason}::text end
        from unnest(${col((c) => c.enterpriseId)}::int[], ${col((c) => c.year)}::smallint[], ${col((c) => c.month)}::smallint[],
                    ${col((c) => (c.supersedes ? c.supersedes.revision + 1 : 1))}::int[], ${col((c) => c.value)}::numeric[],
                    ${col((c) => c.accountNumber)}::text[], ${col((c) => (c.parts ? JSON.stringify(c.parts) : null))}::text[], ${col((c) => c.sourceRow)}::int[])
          as v(e, y, m, rev, val, acc, parts, src)`)
    onChunk?.(start + chunk.length)
  }
}

export interface AccountWrite {
  accountNumber: string
  enterpriseId: number
  accountName: string | null
  supersedes: { id: number; revision: number } | null
  sourceRow: number | null
  note: string | null
}

/** Supersedes the mappings in force and inserts their new revisions (or revision 1 of a new account). */
export async function writeAccounts(tx: Tx, items: readonly AccountWrite[], batchId: number | null, at: Date, recordedBy: string): Promise<void> {
  const atParam = at.toISOString()
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK)
    const old = chunk.flatMap((c) => (c.supersedes ? [c.supersedes.id] : []))
    if (old.length) {
      await tx.execute(sql`update grid_accounts set superseded_at = ${atParam}::timestamptz where id = any(${sql.param(old)}::int[]) and superseded_at is null`)
    }
    const col = (f: (c: AccountWrite) => unknown) => sql.param(chunk.map(f))
    await tx.execute(sql`
      insert into grid_accounts (account_number, enterprise_id, account_name, revision, batch_id, source_row, recorded_at, recorded_by, note)
      select v.acc, v.e, v.name, v.rev, ${batchId}::int, v.src, ${atParam}::timestamptz, ${recordedBy}::text, v.note
        from unnest(${col((c) => c.accountNumber)}::text[], ${col((c) => c.enterpriseId)}::int[], ${col((c) => c.accountName)}::text[],
                    ${col((c) => (c.supersedes ? c.supersedes.revision + 1 : 1))}::int[], ${col((c) => c.sourceRow)}::int[], ${col((c) => c.note)}::text[])
          as v(acc, e, name, rev, src, note)`)
  }
}

/** The moment a commit stamps its revisions with: taken after the import lock, so revisions are ordered as written. */
export async function commitInstant(tx: Tx): Promise<Date> {
  const at = (await tx.execute<{ at: string | Date }>(sql`select clock_timestamp() as at`)).rows[0]?.at
  return at ? new Date(at) : new Date()
}
