import { sql } from 'drizzle-orm'
import { checkIndicatorValue, indicatorById, mayWriteTarget, targetVisible, valueText, type Indicator } from '@gongxin/domain'
import type { Db, Tx } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { AppError, type FieldError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/service.ts'
import { noteFactsChanged } from '../dispatch/facts.ts'
import { getDivision } from '../regions/repository.ts'
import { checkTargetYear, targetScopeMessage, TARGETS_LOCK } from './import.ts'
import { currentTarget, targetById, type TargetRow } from './repository.ts'
import { writeTargetRevisions } from './store.ts'

/*
 * Setting a target in the UI: the same checks as the import (domain), one revision per change, audited, the
 * dispatch's fact versions bumped. Editing sends back the revision it was shown (optimistic version): a target
 * changed by someone else (or by an import) since then is refused with STALE_VERSION.
 */

export interface TargetInput {
  regionCode: string
  year: number
  indicatorId: string
  target: number
}

const invalid = (errors: FieldError[]) =>
  new AppError('VALIDATION', { summary: { zh: errors.map((e) => e.message.zh).join('；'), en: errors.map((e) => e.message.en).join('; ') } }, errors)

const fieldError = (field: string, code: string, m: { zh: string; en: string }, value?: unknown): FieldError => ({ field, code, message: { zh: m.zh, en: m.en }, ...(value !== undefined ? { value } : {}) })

function checkValue(ind: Indicator, target: number): string {
  const c = checkIndicatorValue(ind, target, { zh: '目标值', en: 'the target' })
  if (c.errors.length) throw invalid(c.errors.map((e) => fieldError('target', e.code, e, target)))
  return valueText(target)
}

async function writeOne(tx: Tx, actor: Actor, ind: Indicator, k: { regionCode: string; year: number }, value: string, supersedes: TargetRow | null, reason: string | null) {
  const at = (await tx.execute<{ at: string | Date }>(sql`select clock_timestamp() as at`)).rows[0]?.at ?? new Date()
  const w = await writeTargetRevisions(
    tx,
    [{ regionCode: k.regionCode, year: k.year, indicatorId: ind.id, target: value, unit: ind.unit, supersedes: supersedes ? { id: supersedes.id, revision: supersedes.revision } : null, sourceRow: null }],
    { batchId: null, at: new Date(at), reason, recordedBy: actor.username },
  )
  if (supersedes && w.superseded !== 1) throw new AppError('STALE_VERSION')
  await noteFactsChanged(tx, 'targets', [{ year: k.year, month: 12 }])
  const id = w.ids[0]
  if (id === undefined) throw new Error('insert into targets returned nothing')
  return id
}

/** Sets a target that has none yet; a target already set is a conflict (edit it instead). Returns the new row. */
export async function createTarget(db: Db, actor: Actor, input: TargetInput): Promise<TargetRow> {
  const ind = indicatorById(input.indicatorId)
  if (!ind) throw invalid([fieldError('indicatorId', 'indicatorUnknown', { zh: `指标“${input.indicatorId}”不在指标目录中`, en: `indicator "${input.indicatorId}" is not in the catalogue` }, input.indicatorId)])
  const yearError = checkTargetYear(input.year, new Date())
  if (yearError) throw invalid([fieldError('year', 'yearOutOfRange', yearError, input.year)])
  const value = checkValue(ind, input.target)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${TARGETS_LOCK})`)
    const division = await getDivision(tx, input.regionCode)
    if (!division || !targetVisible(actor.scope, input.regionCode)) throw new AppError('OUT_OF_SCOPE')
    if (!mayWriteTarget(actor.scope, input.regionCode)) {
      throw new AppError('FORBIDDEN', {}, [fieldError('regionCode', 'targetOutsideScope', targetScopeMessage(actor.scope, division.name, input.regionCode), input.regionCode)])
    }
    const k = { regionCode: input.regionCode, indicatorId: ind.id, year: input.year }
    const existing = await currentTarget(tx, actor.scope, k)
    if (existing) {
      throw new AppError('CONFLICT', { summary: { zh: `${division.name} ${input.year} 年“${ind.nameZh}”的目标已设定（${existing.target}${ind.unit}），请修改该目标`, en: `the ${input.year} target of ${ind.nameEn} for ${input.regionCode} is set already (${existing.target} ${ind.unit}); edit it instead` } })
    }
    const id = await writeOne(tx, actor, ind, input, value, null, null)
    await recordAudit(tx, actor, { action: 'target.create', entity: 'target', entityId: id, changes: { target: { before: null, after: value } }, detail: { ...k, unit: ind.unit } })
    const row = await targetById(tx, actor.scope, id)
    if (!row) throw new Error(`target ${id} vanished`)
    return row
  })
}

/**
 * Changes a target: `revision` is the revision the user was shown. The same value again changes nothing (the row
 * in force is returned); otherwise the row in force is superseded by revision + 1.
 */
export async function updateTarget(db: Db, actor: Actor, id: number, input: { target: number; revision: number; reason?: string }): Promise<TargetRow> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${TARGETS_LOCK})`)
    const row = await targetById(tx, actor.scope, id)
    if (!row) throw new AppError('OUT_OF_SCOPE')
    if (!mayWriteTarget(actor.scope, row.regionCode)) {
      throw new AppError('FORBIDDEN', {}, [fieldError('regionCode', 'targetOutsideScope', targetScopeMessage(actor.scope, row.regionName, row.regionCode), row.regionCode)])
    }
    if (row.supersededAt !== null || row.revision !== input.revision) throw new AppError('STALE_VERSION')
    const ind = indicatorById(row.indicatorId)
    if (!ind) throw new Error(`target ${id} has an indicator not in the catalogue: ${row.indicatorId}`)
    const value = checkValue(ind, input.target)
    if (Number(value) === Number(row.target)) return row
    const reason = input.reason?.trim() || null
    const newId = await writeOne(tx, actor, ind, row, value, row, reason)
    await recordAudit(tx, actor, {
      action: 'target.update', entity: 'target', entityId: newId, changes: { target: { before: row.target, after: value } },
      detail: { regionCode: row.regionCode, indicatorId: row.indicatorId, year: row.year, revision: row.revision + 1, supersedes: row.id, ...(reason ? { reason } : {}) },
    })
    const out = await targetById(tx, actor.scope, newId)
    if (!out) throw new Error(`target ${newId} vanished`)
    return out
  })
}
