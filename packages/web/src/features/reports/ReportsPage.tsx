import { lazy, Suspense, useState } from 'react'
import { Alert, Card, Spin, Tabs, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../auth/AuthContext.tsx'
import { BatchesTab } from './BatchesTab.tsx'
import { MonthlyImportTab } from './MonthlyImportTab.tsx'
import { ReportsTab } from './ReportsTab.tsx'
import { useReportPeriod } from './usePeriod.tsx'
import { OfficialStatsTab } from '../indicators/OfficialStatsTab.tsx'
import { TargetsTab } from '../targets/TargetsTab.tsx'
import { ElectricityTab } from '../electricity/ElectricityTab.tsx'

// the chart (ECharts) loads only when the completeness tab is first opened
const CompletenessTab = lazy(() => import('./CompletenessTab.tsx').then((m) => ({ default: m.CompletenessTab })))

type TabKey = 'import' | 'batches' | 'completeness' | 'data' | 'officialStats' | 'targets' | 'electricity'

/**
 * 数据采集: the monthly statistics of above-scale industrial enterprises — import (dry run, then commit),
 * the batch history, reporting completeness by county and the latest figures with their revisions.
 * Importing needs `enterprise.import`; the read-only tabs need `enterprise.read` (the page's permission).
 */
export function ReportsPage() {
  const { t } = useTranslation()
  const { can } = useAuth()
  const canImport = can('enterprise.import')
  const [active, setActive] = useState<TabKey>(canImport ? 'import' : 'completeness')
  const { period, setPeriod, loading } = useReportPeriod()

  const items = [
    ...(canImport
      ? [
          { key: 'import', label: t('reports.tabs.import'), children: <MonthlyImportTab /> },
          { key: 'batches', label: t('reports.tabs.batches'), children: <BatchesTab /> },
        ]
      : []),
    {
      key: 'completeness',
      label: t('reports.tabs.completeness'),
      children: (
        <Suspense fallback={<Spin />}>
          <CompletenessTab period={period} onPeriod={setPeriod} loadingPeriod={loading} />
        </Suspense>
      ),
    },
    { key: 'data', label: t('reports.tabs.data'), children: <ReportsTab period={period} onPeriod={setPeriod} loadingPeriod={loading} /> },
    // official statistics and targets: read with dispatch.read; their import and editing check their own permissions
    ...(can('dispatch.read')
      ? [
          { key: 'officialStats', label: t('indicators.tab'), children: <OfficialStatsTab /> },
          { key: 'targets', label: t('targets.tab'), children: <TargetsTab /> },
          { key: 'electricity', label: t('electricity.tab'), children: <ElectricityTab /> },
        ]
      : []),
  ]

  return (
    <div className="gx-page" data-testid="reports-page">
      <Card className="gx-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('reports.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('reports.subtitle')}</Typography.Paragraph>
        {!canImport && <Alert type="info" showIcon title={t('reports.import.noPermission')} className="gx-form-alert" />}
        <Tabs activeKey={active} onChange={(k) => setActive(k as TabKey)} items={items} />
      </Card>
    </div>
  )
}
