import { useState } from 'react'
import { App, Button, Dropdown } from 'antd'
import { DownOutlined, ExportOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { enterpriseApi } from '../../api/endpoints.ts'
import type { EnterpriseFilters } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'

/** Exports exactly what the table shows (the current filters), as Excel or CSV. */
export function ExportButton({ filters }: { filters: EnterpriseFilters }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)

  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(true)
    const hide = message.loading(t('registry.exporting'), 0)
    try {
      await enterpriseApi.exportFile(format, filters)
      void message.success(t('registry.exported'))
    } catch (e) {
      void message.error(errorText(e, t))
    } finally {
      hide()
      setBusy(false)
    }
  }

  return (
    <Dropdown
      trigger={['click']}
      disabled={busy}
      menu={{
        items: [
          { key: 'xlsx', label: t('registry.exportXlsx') },
          { key: 'csv', label: t('registry.exportCsv') },
        ],
        onClick: ({ key }) => void run(key === 'csv' ? 'csv' : 'xlsx'),
      }}
    >
      <Button icon={<ExportOutlined />} loading={busy} data-testid="registry-export">
        {t('registry.export')} <DownOutlined />
      </Button>
    </Dropdown>
  )
}
