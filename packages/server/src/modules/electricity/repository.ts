import { sql, type SQL } from 'drizzle-orm'
import type { Scope } from '@gongxin/domain'
import type { Tx } from '../../db/index.ts'
import type { ReadingPart } from './schema.ts'
import { likeEscape } from '../../lib/sql-like.ts'

/*
 * Reads of the enterprise electricity and the account mapping, always given a Scope: a condition on the enterprise's
 * current county (or its USCC for an enterprise user), written against the alias `e` as in reports/repository.ts.
 */


function scopeOn(scope: Scope, region?: string): SQL {
  const parts: SQL[] = [scope.kind === 'enterprise' ? sql`e.uscc = ${scope.uscc}` : sql`e.county_code like ${likeEscape(scope.prefix) + '%'}`]
  if (region) parts.push(sql`e.county_code like ${likeEscape(region.replace(/(00)+$/, '')) + '%'}`)
  return sql.join(parts, sql` and `)
}

/** Readings in force at `asOf` (recorded by then and not superseded by then), or now. */
const inForce = (asOf?: Date) =>
  asOf
    ? sql`r.recorded_at <= ${asOf.toISOString()}::timestamptz and (r.superseded_at is null or r.superseded_at > ${asOf.toISOString()}::timestamptz)`
    : sql`r.superseded_at is null`

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
const date = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)))

/** One enterprise's electricity of a month, for the monthly dispatch. Values are decimal text in 万千瓦时. */
export interface EnterpriseElectricity {
  enterpriseId: number
  uscc: string
  countyCode: string
  /** the month's value */
  value: string
  /** the same month of the previous year (上年同期), null without a reading */
  priorValue: string | null
  /** January to the month (1—本月累计): the sum of the months with a reading */
  cum: string
  /** how many months `cum` sums (a month without a reading is missing, not zero) */
  cumMonths: number
  /** January to the same month of the previous year; null without any reading in it */
  priorCum: string | null
  priorCumMonths: number
}

/**
 * Every enterprise in scope with a reading for the month (as it stood at `asOf`, default now): the month's value, the
 * same month a year earlier, and both years' sums from January. One scan of the two years' months up to `month`.
 */
export async function electricityOfPeriod(tx: Tx, scope: Scope, q: { year: number; month: number; asOf?: Date }): Promise<EnterpriseElectricity[]> {
  const rows = await tx.execute<Record<string, unknown>>(sql`
    select r.enterprise_id, e.uscc, e.county_code,
           max(r.value) filter (where r.year = ${q.year} and r.month = ${q.month}) as value,
           max(r.value) filter (where r.year = ${q.year - 1} and r.month = ${q.month}) as prior_value,
           sum(r.value) filter (where r.year = ${q.year}) as cum,
           count(*) filter (where r.year = ${q.year}) as cum_months,
           sum(r.value) filter (where r.year = ${q.year - 1}) as prior_cum,
           count(*) filter (where r.year = ${q.year - 1}) as prior_cum_months
      from electricity_readings r join enterprises e on e.id = r.enterprise_id
     where r.year in (${q.year}, ${q.year - 1}) and r.month <= ${q.month} and ${inForce(q.asOf)} and ${scopeOn(scope)}
     group by r.enterprise_id, e.uscc, e.county_code
    having count(*) filter (where r.year = ${q.year} and r.month = ${q.month}) > 0
     order by e.county_code, e.uscc`)
  return rows.rows.map((r) => ({
    enterpriseId: Number(r.enterprise_id),
    uscc: String(r.uscc).trim(),
    countyCode: String(r.county_code),
    value: String(r.value),
    priorValue: text(r.prior_value),
    cum: String(r.cum),
    cumMonths: Number(r.cum_months),
    priorCum: text(r.prior_cum),
    priorCumMonths: Number(r.prior_cum_months),
  }))
}

/** A county's electricity of one calendar month: the sum over its enterprises with a reading. */
export interface RegionalElectricity {
  countyCode: string
  year: number
  month: number
  /** decimal text, 万千瓦时 */
  value: string
  /** how many enterprises the sum covers */
  enterprises: number
}

/** Monthly sums by county (of the enterprises' current counties) for the years fromYear..toYear, for the nowcast regression. */
export async function regionalElectricity(tx: Tx, scope: Scope, q: { fromYear: number; toYear: number; asOf?: Date }): Promise<RegionalElectricity[]> {
  const rows = await tx.execute<Record<string, unknown>>(sql`
    select e.county_code, r.year, r.month, sum(r.value) as value, count(*) as enterprises
      from electricity_readings r join enterprises e on e.id = r.enterprise_id
     where r.year between ${q.fromYear} and ${q.toYear} and ${inForce(q.asOf)} and ${scopeOn(scope)}
     group by e.county_code, r.year, r.month
     order by e.county_code, r.year, r.month`)
  return rows.rows.map((r) => ({ countyCode: String(r.county_code), year: Number(r.year), month: Number(r.month), value: String(r.value), enterprises: Number(r.enterprises) }))
}

export interface ReadingRow {
  uscc: string
  name: string
  countyCode: string
  year: number
  month: number
  revision: number
  value: string
  /** the same month of the previous year, in force */
  priorValue: string | null
  accountNumber: string | null
  parts: ReadingPart[] | null
  batchId: number | null
  sourceRow: number | null
  recordedAt: Date
  supersededAt: Date | null
  revisionReason: string | null
}

const READING = sql.raw(`
  e.uscc, e.name, e.county_code, r.year, r.month, r.revision, r.value, r.account_number, r.parts, r.batch_id, r.source_row,
  r.recorded_at, r.superseded_at, r.revision_reason`)

function readingOf(r: Record<string, unknown>): ReadingRow {
  const parts = r.parts === null || r.parts === undefined ? null : typeof r.parts === 'string' ? (JSON.parse(r.parts) as ReadingPart[]) : (r.parts as ReadingPart[])
  return {
    uscc: String(r.uscc).trim(), name: String(r.name), countyCode: String(r.county_code), year: Number(r.year), month: Number(r.month), revision: Number(r.revision),
    value: String(r.value), priorValue: text(r.prior_value), accountNumber: text(r.account_number), parts,
    batchId: r.batch_id === null || r.batch_id === undefined ? null : Number(r.batch_id), sourceRow: r.source_row === null || r.source_row === undefined ? null : Number(r.source_row),
    recordedAt: date(r.recorded_at) ?? new Date(0), supersededAt: date(r.superseded_at), revisionReason: text(r.revision_reason),
  }
}

/** One page of the readings in force of a month, with the same month a year earlier, and the total in scope. */
export async function listReadings(tx: Tx, scope: Scope, q: { year: number; month: number; region?: string; page: number; pageSize: number }) {
  const where = sql`r.year = ${q.year} and r.month = ${q.month} and r.superseded_at is null and ${scopeOn(scope, q.region)}`
  const total = await tx.execute<{ n: string | number }>(sql`select count(*) as n from electricity_readings r join enterprises e on e.id = r.enterprise_id where ${where}`)
  const rows = await tx.execute<Record<string, unknown>>(sql`
    select ${READING}, p.value as prior_value
      from electricity_readings r join enterprises e on e.id = r.enterprise_id
      left join electricity_readings p on p.enterprise_id = r.enterprise_id and p.year = ${q.year - 1} and p.month = ${q.month} and p.superseded_at is null
     where ${where}
     order by e.county_code, e.uscc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`)
  return { total: Number(total.rows[0]?.n ?? 0), items: rows.rows.map(readingOf) }
}

/** Every revision of an enterprise's readings (of one month, or all), oldest first: the trace of each value. */
export async function readingHistory(tx: Tx, scope: Scope, q: { uscc: string; year?: number; month?: number }): Promise<ReadingRow[]> {
  const conds = [sql`e.uscc = ${q.uscc}`, scopeOn(scope)]
  if (q.year !== undefined) conds.push(sql`r.year = ${q.year}`)
  if (q.month !== undefined) conds.push(sql`r.month = ${q.month}`)
  const rows = await tx.execute<Record<string, unknown>>(sql`
    select ${READING}, null as prior_value from electricity_readings r join enterprises e on e.id = r.enterprise_id
     where ${sql.join(conds, sql` and `)} order by r.year, r.month, r.revision`)
  return rows.rows.map(readingOf)
}

/** The months that have readings in scope, newest first, with how many enterprises and their total. */
export async function readingMonths(tx: Tx, scope: Scope, q: { limit: number }): Promise<{ year: number; month: number; enterprises: number; value: string }[]> {
  const rows = await tx.execute<Record<string, unknown>>(sql`
    select r.year, r.month, count(*) as n, sum(r.value) as value
      from electricity_readings r join enterprises e on e.id = r.enterprise_id
     where r.superseded_at is null and ${scopeOn(scope)}
     group by r.year, r.month order by r.year desc, r.month desc limit ${q.limit}`)
  return rows.rows.map((r) => ({ year: Number(r.year), month: Number(r.month), enterprises: Number(r.n), value: String(r.value) }))
}

export interface AccountRow {
  accountNumber: string
  accountName: string | null
  uscc: string
  name: string
  countyCode: string
  revision: number
  batchId: number | null
  recordedAt: Date
  recordedBy: string | null
  supersededAt: Date | null
  note: string | null
}

const ACCOUNT = sql.raw(`a.account_number, a.account_name, e.uscc, e.name, e.county_code, a.revision, a.batch_id, a.recorded_at, a.recorded_by, a.superseded_at, a.note`)

function accountOf(r: Record<string, unknown>): AccountRow {
  return {
    accountNumber: String(r.account_number), accountName: text(r.account_name), uscc: String(r.uscc).trim(), name: String(r.name), countyCode: String(r.county_code),
    revision: Number(r.revision), batchId: r.batch_id === null || r.batch_id === undefined ? null : Number(r.batch_id),
    recordedAt: date(r.recorded_at) ?? new Date(0), recordedBy: text(r.recorded_by), supersededAt: date(r.superseded_at), note: text(r.note),
  }
}

/** One page of the mappings in force whose enterprise is in scope; `q` matches the account number, the USCC or a name. */
export async function listAccounts(tx: Tx, scope: Scope, q: { q?: string; region?: string; page: number; pageSize: number }) {
  const conds = [sql`a.superseded_at is null`, scopeOn(scope, q.region)]
  const term = q.q?.trim()
  if (term) {
    const pat = `%${likeEscape(term)}%`
    const upper = `${likeEscape(term.toUpperCase())}%`
    conds.push(sql`(a.account_number like ${upper} or e.uscc like ${upper} or e.name like ${pat} or a.account_name like ${pat})`)
  }
  const where = sql.join(conds, sql` and `)
  const total = await tx.execute<{ n: string | number }>(sql`select count(*) as n from grid_accounts a join enterprises e on e.id = a.enterprise_id where ${where}`)
  const rows = await tx.execute<Record<string, unknown>>(sql`
    select ${ACCOUNT} from grid_accounts a join enterprises e on e.id = a.enterprise_id where ${where}
     order by e.county_code, e.uscc, a.account_number limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`)
  return { total: Number(total.rows[0]?.n ?? 0), items: rows.rows.map(accountOf) }
}

/** Every revision of an account's mapping, oldest first; only those whose enterprise is in scope. */
export async function accountHistory(tx: Tx, scope: Scope, accountNumber: string): Promise<AccountRow[]> {
  const rows = await tx.execute<Record<string, unknown>>(sql`
    select ${ACCOUNT} from grid_accounts a join enterprises e on e.id = a.enterprise_id
     where a.account_number = ${accountNumber} and ${scopeOn(scope)} order by a.revision`)
  return rows.rows.map(accountOf)
}
