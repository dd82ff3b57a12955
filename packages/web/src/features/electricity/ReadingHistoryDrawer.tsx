import { Drawer, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../../i18n/index.ts'
import { errorText } from '../../shared/errors.ts'
import { formatDateTime } from '../../shared/format.ts'
import { electricityApi, type ElectricityReading } from './api.ts'
import { formatKwh } from './format.ts'

/** Where a reading came from: its account, or each account's part of a sum. */
export function ReadingSource({ r }: { r: Pick<ElectricityReading, 'accountNumber' | 'parts'> }) {
  const { t } = useTranslation()
  const locale = currentLocale()
  if (r.accountNumber) return <span className="gx-num">{r.accountNumber}</span>
  if (!r.parts?.length) return <Typography.Text type="secondary">{t('electricity.readings.byUscc')}</Typography.Text>
  return (
    <span title={r.parts.map((p) => `${p.accountNumber}: ${formatKwh(p.value, locale)}`).join('\n')}>
      {t('electricity.readings.accountsSummed', { count: r.parts.length })}
    </span>
  )
}

/** Every revision of one enterprise's electricity of one month, newest first, with where each came from. */
export function ReadingHistoryDrawer({ reading, onClose }: { reading: ElectricityReading; onClose: () => void }) {
  const { t } = useTranslation()
  const locale = currentLocale()
  const month = { year: reading.year, month: reading.month }
  const history = useQuery({ queryKey: ['electricity', 'history', reading.uscc, month], queryFn: () => electricityApi.history(reading.uscc, month) })
  const rows = [...(history.data?.items ?? [])].sort((a, b) => b.revision - a.revision)
  const none = t('common.none')

  const columns: TableColumnsType<ElectricityReading> = [
    {
      key: 'revision',
      title: t('electricity.readings.revision'),
      width: 110,
      render: (_, r) => (
        <>
          {r.revision} {r.supersededAt === null && <Tag color="green">{t('electricity.readings.current')}</Tag>}
        </>
      ),
    },
    { key: 'value', title: t('electricity.readings.value'), align: 'right', width: 130, render: (_, r) => <span className="gx-num">{formatKwh(r.value, locale)}</span> },
    {
      key: 'parts',
      title: t('electricity.readings.parts'),
      width: 260,
      render: (_, r) =>
        r.parts?.length ? (
          r.parts.map((p) => (
            <div key={p.accountNumber} className="gx-num">
              {p.accountNumber}：{formatKwh(p.value, locale)}
              {p.row !== null ? ` (${t('electricity.readings.sourceRow')} ${p.row})` : ''}
            </div>
          ))
        ) : (
          <ReadingSource r={r} />
        ),
    },
    { key: 'batch', dataIndex: 'batchId', title: t('electricity.readings.batch'), width: 80, render: (v: number | null) => v ?? none },
    { key: 'sourceRow', dataIndex: 'sourceRow', title: t('electricity.readings.sourceRow'), width: 100, render: (v: number | null) => v ?? none },
    { key: 'recordedAt', dataIndex: 'recordedAt', title: t('electricity.readings.recordedAt'), width: 170, render: (v: string) => formatDateTime(v) },
    { key: 'supersededAt', dataIndex: 'supersededAt', title: t('electricity.readings.supersededAt'), width: 170, render: (v: string | null) => (v ? formatDateTime(v) : none) },
    { key: 'reason', dataIndex: 'revisionReason', title: t('electricity.readings.reason'), width: 180, render: (v: string | null) => v ?? none },
  ]

  return (
    <Drawer
      open
      size="min(1200px, 96vw)"
      title={t('electricity.readings.historyTitle', { name: reading.name, month: t('electricity.readings.monthLabel', month) })}
      onClose={onClose}
      data-testid="electricity-history"
    >
      <Typography.Paragraph type="secondary">
        {reading.uscc} · {t('electricity.readings.unit')}
      </Typography.Paragraph>
      {history.isError && <Typography.Text type="danger">{errorText(history.error, t)}</Typography.Text>}
      <Table<ElectricityReading> rowKey="revision" size="small" columns={columns} dataSource={rows} loading={history.isLoading} pagination={false} scroll={{ x: 1200 }} />
    </Drawer>
  )
}
