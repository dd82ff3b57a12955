import { normalizeAccountNumber, scopeCoversDivision, validateUscc } from '@gongxin/domain'
import type { Db } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { AppError, type FieldError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/service.ts'
import { loadEnterprises, type KnownEnterprise } from '../reports/store.ts'
import { ELECTRICITY_LOCK } from './import.ts'
import { commitInstant, loadAccounts, writeAccounts } from './store.ts'

export interface GridAccountInput {
  accountNumber: string
  uscc: string
  accountName?: string | null
  /** why an account is re-mapped (kept on the new revision) */
  note?: string | null
}

const invalid = (errors: FieldError[]) =>
  new AppError('VALIDATION', { summary: { zh: errors.map((e) => e.message.zh).join('；'), en: errors.map((e) => e.message.en).join('; ') } }, errors)

/** The account number and the enterprise of a form, checked: the enterprise must be registered and in the actor's area. */
async function checkInput(db: Db, actor: Actor, input: GridAccountInput): Promise<{ accountNumber: string; enterprise: KnownEnterprise & { uscc: string } }> {
  const errors: FieldError[] = []
  const a = normalizeAccountNumber(input.accountNumber)
  if (!a.ok) errors.push({ field: 'accountNumber', code: a.error.code, message: { zh: a.error.zh, en: a.error.en }, value: input.accountNumber })
  const u = validateUscc(input.uscc)
  if (!u.valid) for (const m of u.errors) errors.push({ field: 'uscc', code: m.code, message: { zh: `统一社会信用代码“${input.uscc}”有误：${m.zh}`, en: `USCC "${input.uscc}" is invalid: ${m.en}` }, value: input.uscc })
  if (errors.length || !a.ok) throw invalid(errors)
  const e = (await loadEnterprises(db, [u.code])).get(u.code)
  if (!e) throw invalid([{ field: 'uscc', code: 'enterpriseUnknown', message: { zh: `统一社会信用代码 ${u.code} 不在企业名录中；请先在企业名录中登记该企业`, en: `USCC ${u.code} is not in the enterprise registry; register the enterprise first` }, value: u.code }])
  // an enterprise outside the area is as absent as an unknown one
  if (!scopeCoversDivision(actor.scope, e.countyCode)) throw new AppError('OUT_OF_SCOPE')
  return { accountNumber: a.accountNumber, enterprise: { ...e, uscc: u.code } }
}

const clean = (s: string | null | undefined) => (s?.trim() ? s.trim() : null)

/** Maps a new account to an enterprise (revision 1). An account already mapped is a conflict: edit it instead. */
export async function createGridAccount(db: Db, actor: Actor, input: GridAccountInput): Promise<string> {
  if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN')
  const { accountNumber, enterprise } = await checkInput(db, actor, input)
  return db.transaction(async (tx) => {
    await tx.execute(ELECTRICITY_LOCK)
    if ((await loadAccounts(tx, [accountNumber])).has(accountNumber)) {
      throw new AppError('CONFLICT', { summary: { zh: `用电户号 ${accountNumber} 已关联企业，请修改该户号的关联`, en: `account ${accountNumber} is mapped already; edit its mapping instead` } })
    }
    const accountName = clean(input.accountName)
    await writeAccounts(tx, [{ accountNumber, enterpriseId: enterprise.id, accountName, supersedes: null, sourceRow: null, note: clean(input.note) }], null, await commitInstant(tx), actor.username)
    await recordAudit(tx, actor, {
      action: 'electricity.account.create', entity: 'gridAccount', entityId: accountNumber,
      changes: { uscc: { before: null, after: enterprise.uscc }, accountName: { before: null, after: accountName } },
    })
    return accountNumber
  })
}

/**
 * Re-maps an account to another enterprise and/or renames it: a new revision supersedes the mapping in force (kept,
 * with its time of validity). `revision` is the revision the user edited: a stale one is refused. Readings already
 * imported keep the enterprise they were imported for.
 */
export async function updateGridAccount(db: Db, actor: Actor, accountNumber: string, input: Omit<GridAccountInput, 'accountNumber'> & { revision: number }): Promise<string> {
  if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN')
  const { accountNumber: number, enterprise } = await checkInput(db, actor, { ...input, accountNumber })
  return db.transaction(async (tx) => {
    await tx.execute(ELECTRICITY_LOCK)
    const current = (await loadAccounts(tx, [number])).get(number)
    if (!current || !scopeCoversDivision(actor.scope, current.countyCode)) throw new AppError('OUT_OF_SCOPE')
    if (current.revision !== input.revision) throw new AppError('STALE_VERSION')
    const accountName = input.accountName === undefined ? current.accountName : clean(input.accountName)
    const changes = {
      ...(current.enterpriseId !== enterprise.id ? { uscc: { before: current.uscc, after: enterprise.uscc } } : {}),
      ...((current.accountName ?? null) !== accountName ? { accountName: { before: current.accountName, after: accountName } } : {}),
    }
    if (!Object.keys(changes).length) return number
    await writeAccounts(tx, [{ accountNumber: number, enterpriseId: enterprise.id, accountName, supersedes: { id: current.id, revision: current.revision }, sourceRow: null, note: clean(input.note) }], null, await commitInstant(tx), actor.username)
    await recordAudit(tx, actor, { action: 'electricity.account.update', entity: 'gridAccount', entityId: number, changes, ...(clean(input.note) ? { detail: { note: clean(input.note) } } : {}) })
    return number
  })
}
