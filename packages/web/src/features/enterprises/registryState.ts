import type { EnterpriseFilters, EnterpriseSort } from '../../api/types.ts'

/** The registry page's filters as the user sets them, and their translation to the API's query. */
export type AboveScaleFilter = 'all' | 'yes' | 'no'

export interface RegistryFilterValues {
  q: string
  region?: string
  parkId?: number
  industry?: string
  aboveScale: AboveScaleFilter
}

export const emptyFilters: RegistryFilterValues = { q: '', aboveScale: 'all' }

export function toApiFilters(v: RegistryFilterValues): EnterpriseFilters {
  const f: EnterpriseFilters = {}
  const q = v.q.trim()
  if (q) f.q = q
  if (v.region) f.region = v.region
  if (v.parkId !== undefined) f.parkId = v.parkId
  if (v.industry) f.industry = v.industry
  if (v.aboveScale !== 'all') f.aboveScale = v.aboveScale === 'yes'
  return f
}

export type SortableColumn = 'name' | 'foundedOn' | 'revenue'
export type SortOrder = 'ascend' | 'descend'

/** antd's (column, order) → the API's `sort` parameter (`-` for descending). */
export function toSortParam(column: string | undefined, order: SortOrder | null | undefined): EnterpriseSort | undefined {
  if (!order || (column !== 'name' && column !== 'foundedOn' && column !== 'revenue')) return undefined
  return order === 'descend' ? `-${column}` : column
}

/** The API's `sort` parameter → which column shows which order. */
export function fromSortParam(sort: EnterpriseSort | undefined): { column: SortableColumn; order: SortOrder } | null {
  if (!sort) return null
  const desc = sort.startsWith('-')
  const column = (desc ? sort.slice(1) : sort) as SortableColumn
  return { column, order: desc ? 'descend' : 'ascend' }
}

/** A USCC: 18 characters from the 31-character set without I, O, S, V, Z (GB 32100-2015). */
export const USCC_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{18}$/
