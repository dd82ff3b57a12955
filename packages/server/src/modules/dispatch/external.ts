import { sql } from 'drizzle-orm'
import { indicatorCatalog } from '@gongxin/domain'
import type { Tx } from '../../db/index.ts'
import type { OfficialInput, TargetInput } from './compute.ts'

/*
 * The dispatch's reads of the other sources: annual targets and official statistics (modules/targets,
 * modules/indicators), the revision in force of each. All regions: the computation covers the whole period.
 */

const info = new Map(indicatorCatalog.map((i) => [i.id as string, i]))
const nameOf = (id: string) => {
  const i = info.get(id)
  return i ? { zh: i.nameZh, en: i.nameEn } : { zh: id, en: id }
}

/** The targets in force for the year, every region. */
export async function loadTargets(tx: Tx, year: number): Promise<TargetInput[]> {
  const res = await tx.execute<{ region_code: string; indicator_id: string; target: string; unit: string | null }>(sql`
    select region_code, indicator_id, target, unit from targets where year = ${year} and superseded_at is null order by region_code, indicator_id`)
  return res.rows.map((r) => {
    const i = info.get(r.indicator_id)
    return { regionCode: r.region_code.trim(), indicator: r.indicator_id, kind: i?.kind ?? 'growth', target: Number(r.target), unit: r.unit ?? i?.unit ?? '', name: nameOf(r.indicator_id) }
  })
}

/** The official figures in force for the period (and the previous period's, for the trend), every region. */
export async function loadOfficial(tx: Tx, p: { year: number; month: number; asOf?: Date }, prev: { year: number; month: number }): Promise<OfficialInput[]> {
  const inForce = p.asOf
    ? sql`recorded_at <= ${p.asOf.toISOString()}::timestamptz and (superseded_at is null or superseded_at > ${p.asOf.toISOString()}::timestamptz)`
    : sql`superseded_at is null`
  const res = await tx.execute<{ region_code: string; indicator_id: string; year: number; month: number; value: string; unit: string | null }>(sql`
    select region_code, indicator_id, year, month, value, unit from official_stats
     where ((year = ${p.year} and month = ${p.month}) or (year = ${prev.year} and month = ${prev.month})) and ${inForce}`)
  const previous = new Map<string, number>()
  const out: OfficialInput[] = []
  for (const r of res.rows) {
    const key = `${r.region_code.trim()}/${r.indicator_id}`
    if (Number(r.year) === p.year && Number(r.month) === p.month) continue
    previous.set(key, Number(r.value))
  }
  for (const r of res.rows) {
    if (Number(r.year) !== p.year || Number(r.month) !== p.month) continue
    const code = r.region_code.trim()
    out.push({ regionCode: code, indicator: r.indicator_id, value: Number(r.value), unit: r.unit ?? info.get(r.indicator_id)?.unit ?? '', name: nameOf(r.indicator_id), previous: previous.get(`${code}/${r.indicator_id}`) ?? null })
  }
  return out
}
