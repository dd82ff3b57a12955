import { and, asc, eq, inArray, like } from 'drizzle-orm'
import type { Scope } from '@gongxin/domain'
import type { Tx } from '../../db/index.ts'
import { divisions } from './schema.ts'

export type DivisionRow = typeof divisions.$inferSelect

export async function divisionExists(tx: Tx, code: string): Promise<boolean> {
  const rows = await tx.select({ code: divisions.code }).from(divisions).where(eq(divisions.code, code)).limit(1)
  return rows.length > 0
}

export async function getDivision(tx: Tx, code: string): Promise<DivisionRow | undefined> {
  const rows = await tx.select().from(divisions).where(eq(divisions.code, code)).limit(1)
  return rows[0]
}

export async function getDivisions(tx: Tx, codes: string[]): Promise<Map<string, DivisionRow>> {
  if (codes.length === 0) return new Map()
  const rows = await tx.select().from(divisions).where(inArray(divisions.code, [...new Set(codes)]))
  return new Map(rows.map((r) => [r.code, r]))
}

/** Children of a division, limited to the scope: a city official asking for the province gets only the city. */
export async function listChildDivisions(tx: Tx, scope: Scope, parent: string): Promise<DivisionRow[]> {
  const prefix = scope.kind === 'region' ? scope.prefix : ''
  return tx
    .select()
    .from(divisions)
    .where(and(eq(divisions.parentCode, parent), prefix ? like(divisions.code, `${prefix}%`) : undefined))
    .orderBy(asc(divisions.code))
}

export async function listDivisionsOfLevel(tx: Tx, level: number, prefix = ''): Promise<DivisionRow[]> {
  return tx
    .select()
    .from(divisions)
    .where(and(eq(divisions.level, level), prefix ? like(divisions.code, `${prefix}%`) : undefined))
    .orderBy(asc(divisions.code))
}

export async function countDivisions(tx: Tx): Promise<number> {
  const rows = await tx.select({ code: divisions.code }).from(divisions)
  return rows.length
}
