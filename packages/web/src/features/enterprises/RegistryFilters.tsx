import { useEffect, useState } from 'react'
import { Button, Input, Segmented, Space } from 'antd'
import { SearchOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { IndustrySelect } from '../industries/IndustrySelect.tsx'
import { ParkSelect } from '../parks/ParkSelect.tsx'
import { RegionCascader } from '../regions/RegionCascader.tsx'
import { emptyFilters, type AboveScaleFilter, type RegistryFilterValues } from './registryState.ts'

interface Props {
  value: RegistryFilterValues
  onChange: (v: RegistryFilterValues) => void
}

/** Search box (applied after a pause in typing, or at once on Enter) and the registry's filters. */
export function RegistryFilters({ value, onChange }: Props) {
  const { t } = useTranslation()
  const [typed, setTyped] = useState(value.q)

  useEffect(() => {
    if (typed === value.q) return
    const timer = setTimeout(() => onChange({ ...value, q: typed }), 400)
    return () => clearTimeout(timer)
  }, [typed, value, onChange])

  const set = (patch: Partial<RegistryFilterValues>) => onChange({ ...value, ...patch })

  return (
    <Space wrap className="gx-filters">
      <Input
        data-testid="registry-search"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onPressEnter={() => set({ q: typed })}
        placeholder={t('registry.searchPlaceholder')}
        prefix={<SearchOutlined />}
        allowClear
        style={{ width: 280 }}
      />
      <RegionCascader
        anyLevel
        value={value.region}
        onChange={(region) => set({ region, parkId: undefined })}
        placeholder={t('registry.region')}
        style={{ width: 240 }}
      />
      <ParkSelect
        region={value.region}
        value={value.parkId}
        onChange={(parkId) => set({ parkId })}
        placeholder={t('registry.park')}
        style={{ width: 200 }}
      />
      <IndustrySelect
        value={value.industry}
        onChange={(industry) => set({ industry })}
        placeholder={t('registry.industry')}
        style={{ width: 240 }}
      />
      <Segmented<AboveScaleFilter>
        value={value.aboveScale}
        onChange={(aboveScale) => set({ aboveScale })}
        options={[
          { value: 'all', label: t('registry.aboveScaleAll') },
          { value: 'yes', label: t('registry.aboveScaleYes') },
          { value: 'no', label: t('registry.aboveScaleNo') },
        ]}
      />
      <Button
        onClick={() => {
          setTyped('')
          onChange(emptyFilters)
        }}
      >
        {t('common.reset')}
      </Button>
    </Space>
  )
}
