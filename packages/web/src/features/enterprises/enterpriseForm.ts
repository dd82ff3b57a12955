import dayjs, { type Dayjs } from 'dayjs'
import type { EnterpriseDetail, EnterpriseInput } from '../../api/types.ts'

/** The enterprise form's values, and their conversion from a stored enterprise and to the API's body. */
export interface EnterpriseFormValues {
  uscc: string
  name: string
  countyCode?: string
  parkId?: number | null
  industryCode?: string
  foundedOn?: Dayjs | null
  ownership?: string
  tags: string[]
  aboveScale: boolean
  aboveScaleYear?: number | null
  aboveScaleReason?: string
}

export function emptyEnterpriseForm(): EnterpriseFormValues {
  return { uscc: '', name: '', tags: [], aboveScale: false, aboveScaleYear: new Date().getFullYear() }
}

export function formFromDetail(d: EnterpriseDetail): EnterpriseFormValues {
  const latest = [...d.scaleHistory].sort((a, b) => b.year - a.year)[0]
  return {
    uscc: d.uscc,
    name: d.name,
    countyCode: d.countyCode,
    parkId: d.parkId,
    industryCode: d.industryCode,
    foundedOn: d.foundedOn ? dayjs(d.foundedOn) : null,
    ownership: d.ownership ?? undefined,
    tags: d.tags,
    aboveScale: d.aboveScale,
    aboveScaleYear: latest?.year ?? null,
    aboveScaleReason: latest?.reason ?? undefined,
  }
}

const blankToNull = (s: string | undefined | null) => {
  const v = s?.trim()
  return v ? v : null
}

export function inputFromForm(v: EnterpriseFormValues): EnterpriseInput {
  return {
    uscc: v.uscc.trim().toUpperCase(),
    name: v.name.trim(),
    countyCode: v.countyCode ?? '',
    parkId: v.parkId ?? null,
    industryCode: v.industryCode ?? '',
    foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null,
    ownership: blankToNull(v.ownership),
    tags: [...new Set(v.tags.map((t) => t.trim()).filter(Boolean))],
    aboveScale: v.aboveScale,
    aboveScaleYear: v.aboveScaleYear ?? null,
    aboveScaleReason: blankToNull(v.aboveScaleReason),
  }
}

/**
 * 登记注册类型 values as the statistics system names them (the stored value is this Chinese name, like a
 * region's name): offered as suggestions, any other text is accepted.
 */
export const OWNERSHIP_SUGGESTIONS: readonly string[] = [
  '国有企业', '集体企业', '股份合作企业', '联营企业', '有限责任公司', '股份有限公司', '私营企业',
  '港澳台商投资企业', '外商投资企业', '其他企业',
]
