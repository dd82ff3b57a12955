import { Drawer, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { reportApi } from '../../api/endpoints.ts'
import type { MonthlyReport } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { errorText } from '../../shared/errors.ts'
import { formatDateTime } from '../../shared/format.ts'
import { periodLabel } from './period.ts'
import { valueColumns } from './reportColumns.tsx'

/** Every revision of one enterprise's figures for one period, newest first, with where each came from. */
export function HistoryDrawer({ report, onClose }: { report: MonthlyReport; onClose: () => void }) {
  const { t } = useTranslation()
  const locale = currentLocale()
  const period = { year: report.year, month: report.month }
  const history = useQuery({
    queryKey: ['reports', 'history', report.uscc, period],
    queryFn: () => reportApi.history(report.uscc, period),
  })
  const rows = [...(history.data?.items ?? [])].sort((a, b) => b.revision - a.revision)

  const columns: TableColumnsType<MonthlyReport> = [
    {
      key: 'revision',
      title: t('reports.data.revision'),
      width: 110,
      fixed: 'left',
      render: (_, r) => (
        <>
          {r.revision} {r.supersededAt === null && <Tag color="green">{t('reports.data.current')}</Tag>}
        </>
      ),
    },
    ...valueColumns(t, locale),
    { key: 'batch', dataIndex: 'batchId', title: t('reports.data.batch'), width: 80, render: (v: number | null) => v ?? t('common.none') },
    { key: 'sourceRow', dataIndex: 'sourceRow', title: t('reports.data.sourceRow'), width: 100, render: (v: number | null) => v ?? t('common.none') },
    { key: 'recordedAt', dataIndex: 'recordedAt', title: t('reports.data.recordedAt'), width: 170, render: (v: string) => formatDateTime(v) },
    {
      key: 'supersededAt',
      dataIndex: 'supersededAt',
      title: t('reports.data.supersededAt'),
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : t('common.none')),
    },
    { key: 'reason', dataIndex: 'revisionReason', title: t('reports.data.reason'), width: 180, render: (v: string | null) => v ?? t('common.none') },
  ]

  return (
    <Drawer
      open
      size="min(1280px, 96vw)"
      title={t('reports.data.historyTitle', { name: report.name, period: periodLabel(period, t, locale) })}
      onClose={onClose}
      data-testid="reports-history"
    >
      <Typography.Paragraph type="secondary">
        {report.uscc} · {t('reports.data.unit')}
      </Typography.Paragraph>
      {history.isError && <Typography.Text type="danger">{errorText(history.error, t)}</Typography.Text>}
      <Table<MonthlyReport>
        rowKey="revision"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={history.isLoading}
        pagination={false}
        scroll={{ x: 1500 }}
      />
    </Drawer>
  )
}
