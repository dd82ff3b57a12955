import { useMemo, type CSSProperties } from 'react'
import { Select } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { referenceApi } from '../../api/endpoints.ts'

/** GB/T 4754 sections (level 1) or divisions (level 2), cached for the session. */
export function useIndustries(level: 1 | 2) {
  return useQuery({
    queryKey: ['industries', level],
    queryFn: () => referenceApi.industries(level).then((r) => r.items),
    staleTime: Infinity,
  })
}

interface Props {
  value?: string | null
  onChange?: (code: string | undefined) => void
  placeholder?: string
  style?: CSSProperties
  allowClear?: boolean
  id?: string
}

/** Industry divisions grouped by section, searchable by code or name. */
export function IndustrySelect({ value, onChange, placeholder, style, allowClear = true, id }: Props) {
  const { t } = useTranslation()
  const divisions = useIndustries(2)
  const sections = useIndustries(1)

  const options = useMemo(() => {
    const sectionName = new Map((sections.data ?? []).map((s) => [s.section || s.code, s.name]))
    const groups = new Map<string, { value: string; label: string }[]>()
    for (const d of divisions.data ?? []) {
      const list = groups.get(d.section) ?? []
      list.push({ value: d.code, label: `${d.code} ${d.name}` })
      groups.set(d.section, list)
    }
    return [...groups.entries()].map(([section, opts]) => ({
      label: `${section} ${sectionName.get(section) ?? ''}`.trim(),
      title: section,
      options: opts,
    }))
  }, [divisions.data, sections.data])

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder ?? t('common.select')}
      style={style}
      allowClear={allowClear}
      loading={divisions.isLoading}
      popupMatchSelectWidth={false}
    />
  )
}
