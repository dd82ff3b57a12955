import { Drawer, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Indicator } from '@gongxin/domain'
import type { ReportPeriod } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { errorText } from '../../shared/errors.ts'
import { formatDateTime } from '../../shared/format.ts'
import { periodLabel } from '../reports/period.ts'
import { officialStatsApi, type OfficialStat } from './api.ts'
import { figureText, indicatorName, unitLabel } from './figures.ts'

interface Props {
  region: { code: string; name: string }
  indicator: Indicator
  period: ReportPeriod
  onClose: () => void
}

/** Every revision of one region's official figure for one period, newest first, with the batch and file row of each. */
export function OfficialHistoryDrawer({ region, indicator, period, onClose }: Props) {
  const { t } = useTranslation()
  const locale = currentLocale()
  const history = useQuery({
    queryKey: ['officialStats', 'history', region.code, indicator.id, period],
    queryFn: () => officialStatsApi.history(region.code, indicator.id, period),
  })
  const rows = [...(history.data?.items ?? [])].sort((a, b) => b.revision - a.revision)
  const none = t('common.none')
  const columns: TableColumnsType<OfficialStat> = [
    {
      key: 'revision', title: t('indicators.history.revision'), width: 110,
      render: (_, r) => (
        <>
          {r.revision} {r.supersededAt === null && <Tag color="green">{t('indicators.history.inForce')}</Tag>}
        </>
      ),
    },
    { key: 'value', title: `${t('indicators.history.value')} (${unitLabel(indicator, locale)})`, width: 110, align: 'right', render: (_, r) => figureText(indicator, r.value, locale) },
    { key: 'source', dataIndex: 'source', title: t('indicators.history.source'), ellipsis: true, render: (v: string | null) => v ?? none },
    { key: 'batch', dataIndex: 'batchId', title: t('indicators.history.batch'), width: 90, render: (v: number | null) => v ?? t('indicators.history.demo') },
    { key: 'row', dataIndex: 'sourceRow', title: t('indicators.history.row'), width: 90, render: (v: number | null) => v ?? none },
    { key: 'recordedAt', dataIndex: 'recordedAt', title: t('indicators.history.recordedAt'), width: 170, render: (v: string) => formatDateTime(v) },
    { key: 'supersededAt', dataIndex: 'supersededAt', title: t('indicators.history.supersededAt'), width: 170, render: (v: string | null) => (v ? formatDateTime(v) : none) },
    { key: 'reason', dataIndex: 'revisionReason', title: t('indicators.history.reason'), width: 160, render: (v: string | null) => v ?? none },
  ]
  return (
    <Drawer
      open
      size="min(1100px, 96vw)"
      title={t('indicators.history.title', { region: region.name, indicator: indicatorName(indicator, locale), period: periodLabel(period, t, locale) })}
      onClose={onClose}
      data-testid="official-history"
    >
      {history.isError && <Typography.Text type="danger">{errorText(history.error, t)}</Typography.Text>}
      <Table<OfficialStat> rowKey="revision" size="small" columns={columns} dataSource={rows} loading={history.isLoading} pagination={false} />
    </Drawer>
  )
}
