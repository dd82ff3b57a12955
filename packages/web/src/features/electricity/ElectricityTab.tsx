import { useState } from 'react'
import { Alert, Segmented, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../auth/AuthContext.tsx'
import { AccountsSection } from './AccountsSection.tsx'
import { ElectricityImportPanel } from './ElectricityImportPanel.tsx'
import { ReadingsSection } from './ReadingsSection.tsx'

type Section = 'import' | 'readings' | 'accounts'

/**
 * 用电数据: the grid company's enterprise electricity — its import and the account mapping's (permission
 * statistics.import), the month's readings and the mapping (dispatch.read, the tab's own permission).
 */
export function ElectricityTab() {
  const { t } = useTranslation()
  const { can } = useAuth()
  const canImport = can('statistics.import')
  const [section, setSection] = useState<Section>(canImport ? 'import' : 'readings')
  const sections: Section[] = canImport ? ['import', 'readings', 'accounts'] : ['readings', 'accounts']

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="electricity-tab">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('electricity.intro')}
      </Typography.Paragraph>
      {!canImport && <Alert type="info" showIcon title={t('electricity.noImport')} />}
      <Segmented<Section> value={section} onChange={setSection} options={sections.map((s) => ({ value: s, label: t(`electricity.sections.${s}`) }))} data-testid="electricity-sections" />
      {section === 'import' && <ElectricityImportPanel />}
      {section === 'readings' && <ReadingsSection />}
      {section === 'accounts' && <AccountsSection canEdit={canImport} />}
    </Space>
  )
}
