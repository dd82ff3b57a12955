import { and, eq } from 'drizzle-orm'
import { isWithinScope, parseUscc, validateUscc } from '@gongxin/domain'
import type { Db, Tx } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { AppError } from '../../lib/errors.ts'
import { diffFields, recordAudit } from '../audit/service.ts'
import { industries } from '../industries/schema.ts'
import { parks } from '../parks/schema.ts'
import { divisions } from '../regions/schema.ts'
import { findEnterpriseByUscc, getEnterprise, scaleHistory, usccTaken, type EnterpriseRow } from './repository.ts'
import { enterpriseScaleStatus, enterprises } from './schema.ts'
import { validateEnterpriseInput, type CleanEnterprise, type EnterpriseInput, type ReferenceLookup } from './validate.ts'

/** Loads the reference data rows are validated against (counties of the actor's scope only). */
export async function loadReferenceLookup(tx: Tx, scopePrefix = ''): Promise<ReferenceLookup> {
  const [divs, parkRows, inds] = await Promise.all([
    tx.select({ code: divisions.code, name: divisions.name, level: divisions.level }).from(divisions),
    tx.select().from(parks),
    tx.select({ code: industries.code, level: industries.level }).from(industries),
  ])
  const parents = new Set(divs.map((d) => d.code).filter((c) => c.endsWith('00')))
  const withChildren = new Set<string>()
  for (const d of divs) if (d.level === 3) withChildren.add(d.code.slice(0, 4) + '00')
  const counties = new Map<string, string>()
  for (const d of divs) {
    const county = d.level === 3 || (d.level === 2 && parents.has(d.code) && !withChildren.has(d.code))
    if (county && isWithinScope(scopePrefix, d.code)) counties.set(d.code, d.name)
  }
  return {
    counties,
    parksByName: new Map(parkRows.map((p) => [p.name, { id: p.id, countyCode: p.countyCode }])),
    parksById: new Map(parkRows.map((p) => [p.id, { name: p.name, countyCode: p.countyCode }])),
    industries: new Set(inds.map((i) => i.code)),
    divisionsWithGroups: new Set(inds.filter((i) => i.level === 3).map((i) => i.code.slice(0, 2))),
  }
}

const auditedFields = ['uscc', 'name', 'countyCode', 'parkId', 'industryCode', 'foundedOn', 'ownership', 'tags', 'aboveScale', 'employees'] as const

export type WriteOutcome = 'created' | 'updated' | 'unchanged'

/**
 * Writes one validated enterprise: insert, or update when its USCC exists (idempotent: an identical row
 * changes nothing and writes no audit entry). Above-scale status is kept per year.
 */
export async function writeEnterprise(
  tx: Tx,
  actor: Actor,
  clean: CleanEnterprise,
  opts: { existing?: EnterpriseRow | undefined; expectedVersion?: number; batchId?: number | null } = {},
): Promise<{ id: number; outcome: WriteOutcome }> {
  const year = clean.aboveScaleYear ?? new Date().getFullYear()
  const next = {
    uscc: clean.uscc,
    name: clean.name,
    countyCode: clean.countyCode,
    parkId: clean.parkId,
    industryCode: clean.industryCode,
    industryDivision: clean.industryDivision,
    foundedOn: clean.foundedOn,
    ownership: clean.ownership,
    tags: clean.tags,
    employees: clean.employees,
  }
  const existing = opts.existing
  if (!existing) {
    const [row] = await tx
      .insert(enterprises)
      .values({ ...next, aboveScale: clean.aboveScale ?? false })
      .returning({ id: enterprises.id })
    if (!row) throw new Error('insert returned nothing')
    if (clean.aboveScale !== null) {
      await tx.insert(enterpriseScaleStatus).values({ enterpriseId: row.id, year, aboveScale: clean.aboveScale, reason: clean.aboveScaleReason })
    }
    await recordAudit(tx, actor, {
      action: 'enterprise.create',
      entity: 'enterprise',
      entityId: clean.uscc,
      batchId: opts.batchId ?? null,
      changes: diffFields(null, { ...next, aboveScale: clean.aboveScale ?? false }, auditedFields),
    })
    return { id: row.id, outcome: 'created' }
  }
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== existing.version) throw new AppError('STALE_VERSION')
  const after = { ...existing, ...next, aboveScale: clean.aboveScale ?? existing.aboveScale }
  const changes = diffFields(existing as Record<string, unknown>, after as Record<string, unknown>, auditedFields)
  let scaleChanged = false
  if (clean.aboveScale !== null) {
    const prior = await tx
      .select()
      .from(enterpriseScaleStatus)
      .where(and(eq(enterpriseScaleStatus.enterpriseId, existing.id), eq(enterpriseScaleStatus.year, year)))
    const p = prior[0]
    if (!p || p.aboveScale !== clean.aboveScale || (clean.aboveScaleReason !== null && p.reason !== clean.aboveScaleReason)) {
      scaleChanged = true
      await tx
        .insert(enterpriseScaleStatus)
        .values({ enterpriseId: existing.id, year, aboveScale: clean.aboveScale, reason: clean.aboveScaleReason })
        .onConflictDoUpdate({
          target: [enterpriseScaleStatus.enterpriseId, enterpriseScaleStatus.year],
          set: { aboveScale: clean.aboveScale, reason: clean.aboveScaleReason },
        })
      changes[`aboveScale${year}`] = { before: p ? { aboveScale: p.aboveScale, reason: p.reason } : null, after: { aboveScale: clean.aboveScale, reason: clean.aboveScaleReason } }
    }
  }
  if (Object.keys(changes).length === 0 && !scaleChanged) return { id: existing.id, outcome: 'unchanged' }
  await tx
    .update(enterprises)
    .set({ ...next, aboveScale: after.aboveScale, updatedAt: new Date(), version: existing.version + 1 })
    .where(eq(enterprises.id, existing.id))
  await recordAudit(tx, actor, { action: 'enterprise.update', entity: 'enterprise', entityId: clean.uscc, batchId: opts.batchId ?? null, changes })
  return { id: existing.id, outcome: 'updated' }
}

function rejectIfInvalid(result: ReturnType<typeof validateEnterpriseInput>): CleanEnterprise {
  if (!result.value) {
    const summary = {
      zh: result.errors.map((e) => e.message.zh).join('；'),
      en: result.errors.map((e) => e.message.en).join('; '),
    }
    throw new AppError('VALIDATION', { summary }, result.errors)
  }
  return result.value
}

export async function createEnterprise(db: Db, actor: Actor, input: EnterpriseInput) {
  return db.transaction(async (tx) => {
    const ref = await loadReferenceLookup(tx, actor.scope.kind === 'region' ? actor.scope.prefix : '')
    const clean = rejectIfInvalid(validateEnterpriseInput(input, ref))
    if (await usccTaken(tx, clean.uscc)) {
      throw new AppError('CONFLICT', { summary: { zh: `统一社会信用代码 ${clean.uscc} 已登记`, en: `USCC ${clean.uscc} is registered already` } })
    }
    const { id } = await writeEnterprise(tx, actor, clean)
    return id
  })
}

export async function updateEnterprise(db: Db, actor: Actor, id: number, input: EnterpriseInput & { version: number }) {
  return db.transaction(async (tx) => {
    const current = await getEnterprise(tx, actor.scope, id)
    if (!current) throw new AppError('OUT_OF_SCOPE')
    const ref = await loadReferenceLookup(tx, actor.scope.kind === 'region' ? actor.scope.prefix : '')
    const clean = rejectIfInvalid(validateEnterpriseInput(input, ref))
    if (clean.uscc !== current.uscc && (await usccTaken(tx, clean.uscc))) {
      throw new AppError('CONFLICT', { summary: { zh: `统一社会信用代码 ${clean.uscc} 已登记`, en: `USCC ${clean.uscc} is registered already` } })
    }
    const existing = await findEnterpriseByUscc(tx, actor.scope, current.uscc)
    await writeEnterprise(tx, actor, clean, { existing, expectedVersion: input.version })
    return id
  })
}

export async function enterpriseDetail(db: Db, actor: Actor, id: number) {
  const row = await getEnterprise(db, actor.scope, id)
  if (!row) throw new AppError('OUT_OF_SCOPE')
  const history = await scaleHistory(db, id)
  const parts = parseUscc(row.uscc)
  return { ...row, usccParts: parts, scaleHistory: history }
}

export { validateUscc }
