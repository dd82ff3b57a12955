import { sql } from 'drizzle-orm'
import { compositeScores, findIndicator, validateCompositeScheme, type CompositeScheme, type RankInput, type Scope } from '@gongxin/domain'
import type { Db } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { AppError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/service.ts'
import { rankRegions, type RankQuery } from './rank.ts'

/*
 * Composite scores (年度考核): a weighted scheme over several indicators, each ranked among the same regions as
 * `rank` ranks them (official figures, else computed), turned into points by the domain's compositeScores.
 */

/** The default scheme a department starts from; documented in docs/methodology.md. */
export const defaultCompositeScheme: CompositeScheme = {
  id: 'annualAssessment',
  name: { zh: '工业经济年度考核（默认方案）', en: 'Annual industrial assessment (default scheme)' },
  method: 'rankPoints',
  items: [
    { indicator: 'valueAddedGrowth', weight: 30, direction: 'higherIsBetter' },
    { indicator: 'grossOutputGrowth', weight: 20, direction: 'higherIsBetter' },
    { indicator: 'industrialInvestmentGrowth', weight: 20, direction: 'higherIsBetter' },
    { indicator: 'renovationInvestmentGrowth', weight: 15, direction: 'higherIsBetter' },
    { indicator: 'profitGrowth', weight: 15, direction: 'higherIsBetter' },
  ],
}

export async function listSchemes(db: Db): Promise<{ scheme: CompositeScheme; version: number }[]> {
  await db.execute(sql`insert into composite_schemes (id, scheme) values (${defaultCompositeScheme.id}, ${JSON.stringify(defaultCompositeScheme)}::jsonb) on conflict (id) do nothing`)
  const r = await db.execute<{ scheme: unknown; version: number }>(sql`select scheme, version from composite_schemes order by id`)
  return r.rows.map((x) => ({ scheme: (typeof x.scheme === 'string' ? JSON.parse(x.scheme) : x.scheme) as CompositeScheme, version: Number(x.version) }))
}

const invalid = (errors: { field: string; message: { zh: string; en: string } }[]) =>
  new AppError('VALIDATION', { summary: errors.map((e) => e.message.zh).join('；') + ' / ' + errors.map((e) => e.message.en).join('; ') }, errors.map((e) => ({ field: e.field, code: 'invalid', message: e.message })))

/** Creates or replaces a scheme (validated; every indicator must be in the catalogue); audited. */
export async function saveScheme(db: Db, actor: Actor, input: unknown, version?: number): Promise<{ scheme: CompositeScheme; version: number }> {
  const checked = validateCompositeScheme(input)
  if (!checked.ok) throw invalid(checked.errors)
  const scheme = checked.scheme
  const unknown = scheme.items.map((it, i) => ({ it, i })).filter(({ it }) => !findIndicator(it.indicator))
  if (unknown.length) {
    throw invalid(unknown.map(({ it, i }) => ({ field: `items[${i}].indicator`, message: { zh: `未知指标“${it.indicator}”`, en: `unknown indicator "${it.indicator}"` } })))
  }
  // ids of the catalogue, whatever name the caller used
  const normalised: CompositeScheme = { ...scheme, items: scheme.items.map((it) => ({ ...it, indicator: findIndicator(it.indicator)?.id ?? it.indicator })) }
  return db.transaction(async (tx) => {
    const cur = await tx.execute<{ version: number; scheme: unknown }>(sql`select version, scheme from composite_schemes where id = ${scheme.id} for update`)
    const before = cur.rows[0]
    if (before && version !== undefined && Number(before.version) !== version) throw new AppError('STALE_VERSION')
    const r = await tx.execute<{ version: number }>(sql`
      insert into composite_schemes (id, scheme, updated_by) values (${scheme.id}, ${JSON.stringify(normalised)}::jsonb, ${actor.username})
      on conflict (id) do update set scheme = excluded.scheme, version = composite_schemes.version + 1, updated_by = excluded.updated_by, updated_at = now()
      returning version`)
    await recordAudit(tx, actor, { action: before ? 'composite.update' : 'composite.create', entity: 'compositeScheme', entityId: scheme.id, changes: { scheme: { before: before?.scheme ?? null, after: normalised } } })
    return { scheme: normalised, version: Number(r.rows[0]?.version ?? 1) }
  })
}

/** Scores the regions of a level (under a parent, or a peer group of provinces) on a scheme for a period. */
export async function compositeRanking(db: Db, scope: Scope, q: Omit<RankQuery, 'indicator'> & { scheme: string }) {
  const all = await listSchemes(db)
  const found = all.find((s) => s.scheme.id === q.scheme)
  if (!found) throw new AppError('NOT_FOUND', { what: `考核方案 ${q.scheme} / scoring scheme ${q.scheme}` })
  const scheme = found.scheme
  const values: Record<string, RankInput[]> = {}
  const names = new Map<string, string>()
  const perIndicator: Record<string, { unit: string; name: { zh: string; en: string } }> = {}
  for (const it of scheme.items) {
    const r = await rankRegions(db, scope, { ...q, indicator: it.indicator })
    perIndicator[it.indicator] = { unit: r.unit, name: r.name }
    values[it.indicator] = [...r.items, ...r.unranked].map((x) => {
      names.set(x.region, x.name)
      return { key: x.region, value: x.value }
    })
  }
  const scored = compositeScores(scheme, values)
  return {
    scheme, period: `${q.year}-${String(q.month).padStart(2, '0')}`, level: q.level, indicators: perIndicator,
    items: scored.map((s) => ({ region: s.key, name: names.get(s.key) ?? s.key, score: Math.round(s.score * 100) / 100, rank: s.rank, parts: s.parts })),
  }
}
