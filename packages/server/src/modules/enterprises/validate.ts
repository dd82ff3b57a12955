import { validateUscc } from '@gongxin/domain'
import type { FieldError } from '../../lib/errors.ts'

/** The reference data a row is checked against, loaded once per request or import. */
export interface ReferenceLookup {
  /** county-level division codes → names (level 3; a prefecture-level city without counties counts as its own county) */
  counties: Map<string, string>
  /** park name → { id, countyCode } */
  parksByName: Map<string, { id: number; countyCode: string }>
  parksById: Map<number, { name: string; countyCode: string }>
  /** every industry code of the catalogue (sections, divisions and the finer codes shipped) */
  industries: Set<string>
  /** divisions for which the catalogue ships its groups (中类): a finer code there must be one of them */
  divisionsWithGroups: Set<string>
}

export interface EnterpriseInput {
  uscc: string
  name: string
  countyCode: string
  parkId?: number | null | undefined
  parkName?: string | null | undefined
  industryCode: string
  foundedOn?: string | null | undefined
  ownership?: string | null | undefined
  tags?: string[] | undefined
  aboveScale?: boolean | null | undefined
  aboveScaleYear?: number | null | undefined
  aboveScaleReason?: string | null | undefined
  employees?: number | null | undefined
}

export interface CleanEnterprise {
  uscc: string
  name: string
  countyCode: string
  parkId: number | null
  industryCode: string
  industryDivision: string
  foundedOn: string | null
  ownership: string | null
  tags: string[]
  aboveScale: boolean | null
  aboveScaleYear: number | null
  aboveScaleReason: string | null
  employees: number | null
}

type Where = { row?: number; columnOf?: (field: string) => string | undefined }

const err = (where: Where, field: string, code: string, zh: string, en: string, value?: unknown): FieldError => ({
  ...(where.row !== undefined ? { row: where.row } : {}),
  ...(where.columnOf?.(field) !== undefined ? { column: where.columnOf(field) } : {}),
  field,
  code,
  message: { zh, en },
  ...(value !== undefined ? { value } : {}),
})

/** Normalises an industry code: 'C3911' → '3911', ' 39 ' → '39'. */
export const normalizeIndustryCode = (raw: string) => raw.trim().toUpperCase().replace(/^[A-T](?=\d)/, '')

/**
 * Checks one enterprise (from a form or an import row) against the standards and the reference data.
 * Returns the cleaned record, or the errors (each naming the field, and the row and column when known),
 * and warnings that do not stop the write (a normalised USCC, a pilot code).
 */
export function validateEnterpriseInput(
  input: EnterpriseInput,
  ref: ReferenceLookup,
  where: Where = {},
  currentYear = new Date().getFullYear(),
): { value: CleanEnterprise | null; errors: FieldError[]; warnings: FieldError[] } {
  const errors: FieldError[] = []
  const warnings: FieldError[] = []
  const u = validateUscc(input.uscc ?? '')
  for (const w of u.warnings) warnings.push(err(where, 'uscc', w.code, w.zh, w.en, input.uscc))
  for (const e of u.errors) errors.push(err(where, 'uscc', e.code, e.zh, e.en, input.uscc))

  const name = (input.name ?? '').trim().replace(/\s+/g, ' ')
  if (!name) errors.push(err(where, 'name', 'required', '企业名称不能为空', 'the enterprise name is required'))
  else if (name.length > 100) errors.push(err(where, 'name', 'tooLong', '企业名称超过 100 个字符', 'the enterprise name is longer than 100 characters', name))

  const countyCode = (input.countyCode ?? '').trim()
  if (!/^\d{6}$/.test(countyCode)) {
    errors.push(err(where, 'countyCode', 'format', `县区代码应为 6 位数字，而不是“${countyCode}”`, `the county code must be 6 digits, not "${countyCode}"`, countyCode))
  } else if (!ref.counties.has(countyCode)) {
    errors.push(err(where, 'countyCode', 'unknownDivision', `县区代码 ${countyCode} 不是现行的县级行政区划代码（GB/T 2260）`, `${countyCode} is not a current county-level division code (GB/T 2260)`, countyCode))
  }

  let parkId: number | null = null
  if (input.parkId !== undefined && input.parkId !== null) {
    const p = ref.parksById.get(input.parkId)
    if (!p) errors.push(err(where, 'park', 'unknownPark', `园区 ${input.parkId} 不存在`, `park ${input.parkId} does not exist`, input.parkId))
    else parkId = input.parkId
  } else if (input.parkName && input.parkName.trim()) {
    const p = ref.parksByName.get(input.parkName.trim())
    if (!p) errors.push(err(where, 'park', 'unknownPark', `园区“${input.parkName}”不存在`, `park "${input.parkName}" does not exist`, input.parkName))
    else parkId = p.id
  }
  if (parkId !== null && /^\d{6}$/.test(countyCode)) {
    const p = ref.parksById.get(parkId)
    if (p && p.countyCode !== countyCode) {
      errors.push(err(where, 'park', 'parkOutsideCounty', `园区位于 ${p.countyCode}，与企业所在县区 ${countyCode} 不符`, `the park lies in ${p.countyCode}, not in the enterprise's county ${countyCode}`, p.name))
    }
  }

  const industryCode = normalizeIndustryCode(input.industryCode ?? '')
  const division = industryCode.slice(0, 2)
  if (!/^\d{2,4}$/.test(industryCode)) {
    errors.push(err(where, 'industryCode', 'format', `行业代码应为 2–4 位数字（GB/T 4754-2017 大类或更细），而不是“${input.industryCode ?? ''}”`, `the industry code must be 2–4 digits (a GB/T 4754-2017 division or finer), not "${input.industryCode ?? ''}"`, input.industryCode))
  } else if (!ref.industries.has(division)) {
    errors.push(err(where, 'industryCode', 'unknownIndustry', `行业大类 ${division} 在 GB/T 4754-2017 中不存在`, `division ${division} does not exist in GB/T 4754-2017`, input.industryCode))
  } else if (industryCode.length >= 3 && ref.divisionsWithGroups.has(division) && !ref.industries.has(industryCode.slice(0, 3))) {
    errors.push(err(where, 'industryCode', 'unknownIndustry', `行业中类 ${industryCode.slice(0, 3)} 在 GB/T 4754-2017 中不存在`, `group ${industryCode.slice(0, 3)} does not exist in GB/T 4754-2017`, input.industryCode))
  }

  let foundedOn: string | null = null
  if (input.foundedOn) {
    const d = input.foundedOn.trim()
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d + 'T00:00:00Z')) && new Date(d + 'T00:00:00Z').toISOString().slice(0, 10) === d
    if (!ok) errors.push(err(where, 'foundedOn', 'date', `成立日期“${d}”不是有效日期（应为 YYYY-MM-DD）`, `founded "${d}" is not a valid date (YYYY-MM-DD)`, d))
    else if (d > new Date().toISOString().slice(0, 10)) errors.push(err(where, 'foundedOn', 'future', `成立日期 ${d} 在将来`, `founded ${d} lies in the future`, d))
    else if (d < '1800-01-01') errors.push(err(where, 'foundedOn', 'tooOld', `成立日期 ${d} 早于 1800 年`, `founded ${d} is before 1800`, d))
    else foundedOn = d
  }

  const year = input.aboveScaleYear ?? null
  if (year !== null && (!Number.isInteger(year) || year < 1998 || year > currentYear + 1)) {
    errors.push(err(where, 'aboveScaleYear', 'range', `规上年度 ${year} 不在 1998–${currentYear + 1} 之间`, `the above-scale year ${year} is not between 1998 and ${currentYear + 1}`, year))
  }
  const employees = input.employees ?? null
  if (employees !== null && (!Number.isInteger(employees) || employees < 0)) {
    errors.push(err(where, 'employees', 'range', '从业人员数应为非负整数', 'employees must be a non-negative whole number', employees))
  }

  if (errors.length) return { value: null, errors, warnings }
  return {
    value: {
      uscc: u.code,
      name,
      countyCode,
      parkId,
      industryCode,
      industryDivision: division,
      foundedOn,
      ownership: input.ownership?.trim() || null,
      tags: [...new Set((input.tags ?? []).map((t) => t.trim()).filter(Boolean))],
      aboveScale: input.aboveScale ?? null,
      aboveScaleYear: year,
      aboveScaleReason: input.aboveScaleReason?.trim() || null,
      employees,
    },
    errors,
    warnings,
  }
}
