import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { ReloadOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { MONTHLY_IMPORT_KIND, importApi } from '../../api/endpoints.ts'
import type { ImportBatch } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { formatDateTime } from '../../shared/format.ts'

const STATUS_COLORS: Record<string, string> = { committed: 'green', rejected: 'red', dryRun: 'default' }
const isKnownStatus = (s: string): s is 'committed' | 'rejected' | 'dryRun' => s in STATUS_COLORS

/** The history of monthly imports (the server lists everyone's for a province user, else one's own). */
export function BatchesTab() {
  const { t } = useTranslation()
  const batches = useQuery({ queryKey: ['imports', MONTHLY_IMPORT_KIND], queryFn: () => importApi.batches(MONTHLY_IMPORT_KIND) })
  const n = (b: ImportBatch, k: string) => b.counts[k] ?? 0

  const columns: TableColumnsType<ImportBatch> = [
    { key: 'id', dataIndex: 'id', title: t('reports.batches.id'), width: 80 },
    { key: 'file', dataIndex: 'fileName', title: t('reports.batches.file'), ellipsis: true },
    { key: 'user', dataIndex: 'username', title: t('reports.batches.user'), width: 120, render: (v: string | null) => v ?? t('common.none') },
    { key: 'startedAt', dataIndex: 'startedAt', title: t('reports.batches.startedAt'), width: 180, render: (v: string) => formatDateTime(v) },
    {
      key: 'counts',
      title: t('reports.batches.counts'),
      render: (_, b) =>
        t('reports.batches.countsText', {
          read: n(b, 'read'),
          created: n(b, 'created'),
          revised: n(b, 'revised'),
          unchanged: n(b, 'unchanged'),
          rejected: n(b, 'rejected'),
        }),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('reports.batches.status'),
      width: 100,
      render: (s: string) => <Tag color={STATUS_COLORS[s] ?? 'default'}>{isKnownStatus(s) ? t(`reports.batches.statuses.${s}`) : s}</Tag>,
    },
  ]

  return (
    <>
      <div className="gx-toolbar">
        <span />
        <Button icon={<ReloadOutlined />} onClick={() => void batches.refetch()} loading={batches.isFetching}>
          {t('common.reload')}
        </Button>
      </div>
      {batches.isError && <Typography.Text type="danger">{errorText(batches.error, t)}</Typography.Text>}
      <Table<ImportBatch>
        rowKey="id"
        size="middle"
        data-testid="reports-batches-table"
        columns={columns}
        dataSource={batches.data?.items ?? []}
        loading={batches.isLoading}
        locale={{ emptyText: t('reports.batches.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { count: total }) }}
      />
    </>
  )
}
