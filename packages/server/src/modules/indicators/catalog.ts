import { sql } from 'drizzle-orm'
import { indicatorCatalog, type Indicator } from '@gongxin/domain'
import type { Db } from '../../db/index.ts'
import { indicators } from './schema.ts'

type IndicatorRow = typeof indicators.$inferInsert

const rowOf = (i: Indicator, sortOrder: number): IndicatorRow => ({
  id: i.id, nameZh: i.nameZh, nameEn: i.nameEn, unit: i.unit, kind: i.kind, frequency: i.frequency, cumulative: i.cumulative,
  sourceZh: i.source.zh, precision: i.precision, direction: i.direction, thresholdBasis: i.thresholds.basis,
  alarmThreshold: String(i.thresholds.alarm), excellenceThreshold: String(i.thresholds.excellence), computed: i.computed, sortOrder,
})

/** Compares as the database returns the row (numeric as text with four decimals). */
const sameRow = (a: IndicatorRow, b: IndicatorRow) =>
  (Object.keys(a) as (keyof IndicatorRow)[]).every((k) => (k === 'alarmThreshold' || k === 'excellenceThreshold' ? Number(a[k]) === Number(b[k]) : a[k] === b[k]))

/**
 * Brings the `indicators` table in line with the domain catalogue: inserts new indicators and updates changed
 * ones in one statement; writes nothing when they agree (every start). Indicators are never deleted: official
 * figures and targets refer to them.
 */
export async function ensureIndicatorCatalog(db: Db, log: (s: string) => void = () => {}): Promise<void> {
  const wanted = indicatorCatalog.map(rowOf)
  const have = new Map((await db.select().from(indicators)).map((r) => [r.id, r as IndicatorRow]))
  const changed = wanted.filter((w) => {
    const h = have.get(w.id)
    return !h || !sameRow(w, h)
  })
  if (!changed.length) return
  log(`loading ${changed.length} indicators of the catalogue…`)
  await db
    .insert(indicators)
    .values(changed)
    .onConflictDoUpdate({
      target: indicators.id,
      set: Object.fromEntries(Object.keys(rowOf(indicatorCatalog[0] as Indicator, 0)).filter((k) => k !== 'id').map((k) => [k, sql.raw(`excluded.${indicators[k as keyof IndicatorRow].name}`)])),
    })
}
