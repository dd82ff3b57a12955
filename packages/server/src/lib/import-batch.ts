import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Tx } from '../db/index.ts'
import type { Actor } from '../http/context.ts'
import { importBatches } from '../modules/imports/schema.ts'

/*
 * The batch record every importer writes (import_batches): one place for how a file is identified and how a
 * batch is opened and closed, so that the batch history reads the same whatever the source.
 */

export const fileSha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

export interface BatchInput {
  /** enterprises | monthly | electricity | officialStats | targets */
  kind: string
  fileName: string
  data: Buffer
  /** web, api, cli */
  source: string
}

/** Opens a batch (committed: finished later by finishBatch; rejected: finished now). */
export async function insertBatch(tx: Tx, actor: Actor, input: BatchInput, status: 'committed' | 'rejected', counts: object): Promise<number> {
  const [batch] = await tx
    .insert(importBatches)
    .values({
      kind: input.kind, fileName: input.fileName, fileSha256: fileSha256(input.data), userId: actor.userId, username: actor.username,
      source: input.source, status, counts, ...(status === 'rejected' ? { finishedAt: new Date() } : {}),
    })
    .returning({ id: importBatches.id })
  if (!batch) throw new Error('insert into import_batches returned nothing')
  return batch.id
}

export async function finishBatch(tx: Tx, batchId: number, counts: object): Promise<void> {
  await tx.update(importBatches).set({ counts, finishedAt: new Date() }).where(eq(importBatches.id, batchId))
}
