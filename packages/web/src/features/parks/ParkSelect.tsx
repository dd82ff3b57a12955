import type { CSSProperties } from 'react'
import { Select } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { referenceApi } from '../../api/endpoints.ts'
import { useTopRegions } from '../regions/RegionCascader.tsx'

interface Props {
  /** only parks inside this region (a county, city or province code); all of the user's scope without it */
  region?: string | null
  value?: number | null
  onChange?: (id: number | undefined) => void
  placeholder?: string
  style?: CSSProperties
  disabled?: boolean
  id?: string
}

export function ParkSelect({ region, value, onChange, placeholder, style, disabled, id }: Props) {
  const { t } = useTranslation()
  const top = useTopRegions()
  // Without a chosen region, ask for the parks of the whole scope (its top region when there is one).
  const onlyTop = top.data?.length === 1 ? top.data[0]?.code : undefined
  const effective = region ?? onlyTop
  const parks = useQuery({
    queryKey: ['parks', effective ?? 'scope'],
    queryFn: () => referenceApi.parks(effective).then((r) => r.items),
    staleTime: 5 * 60_000,
    enabled: Boolean(region) || top.isFetched,
  })
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? undefined)}
      options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name, title: p.kind }))}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder ?? t('common.select')}
      style={style}
      allowClear
      disabled={disabled}
      loading={parks.isLoading}
      popupMatchSelectWidth={false}
    />
  )
}
