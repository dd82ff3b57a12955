import { useState } from 'react'
import { Button, Empty, Space, Spin, Table, Typography, type TableColumnsType } from 'antd'
import { HistoryOutlined } from '@ant-design/icons'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { reportApi } from '../../api/endpoints.ts'
import type { MonthlyReport, ReportPeriod } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { errorText } from '../../shared/errors.ts'
import { useServerPaging } from '../../shared/paging.ts'
import { RegionCascader } from '../regions/RegionCascader.tsx'
import { HistoryDrawer } from './HistoryDrawer.tsx'
import { periodLabel } from './period.ts'
import { valueColumns } from './reportColumns.tsx'
import { PeriodPicker } from './usePeriod.tsx'
import { PeriodPublication } from './PeriodPublication.tsx'

interface Props {
  period: ReportPeriod | null
  onPeriod: (p: ReportPeriod) => void
  loadingPeriod: boolean
}

/** 月报数据: the latest revision of every enterprise's figures for a period; a row opens its revisions. */
export function ReportsTab({ period, onPeriod, loadingPeriod }: Props) {
  const { t } = useTranslation()
  const locale = currentLocale()
  const [region, setRegion] = useState<string | undefined>(undefined)
  const { page, firstPage, pagination } = useServerPaging()
  const [open, setOpen] = useState<MonthlyReport | null>(null)
  const list = useQuery({
    queryKey: ['reports', 'monthly', period, region, page],
    queryFn: () => (period ? reportApi.list({ ...period, ...page, ...(region ? { region } : {}) }) : Promise.resolve(null)),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  })

  const columns: TableColumnsType<MonthlyReport> = [
    { key: 'uscc', dataIndex: 'uscc', title: t('reports.data.uscc'), width: 200, fixed: 'left' },
    { key: 'name', dataIndex: 'name', title: t('reports.data.name'), width: 240, ellipsis: true },
    { key: 'county', dataIndex: 'countyCode', title: t('reports.data.county'), width: 100 },
    ...valueColumns(t, locale),
    { key: 'revision', dataIndex: 'revision', title: t('reports.data.revision'), width: 80, align: 'right' },
    {
      key: 'history',
      title: t('common.actions'),
      width: 110,
      fixed: 'right',
      render: (_, r) => (
        <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setOpen(r)} data-testid="reports-history-open">
          {t('reports.data.history')}
        </Button>
      ),
    },
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="gx-toolbar">
        <Space wrap>
          <span>{t('reports.period.label')}</span>
          <PeriodPicker
            value={period}
            onChange={(p) => {
              onPeriod(p)
              firstPage()
            }}
          />
          {period && <Typography.Text type="secondary">{periodLabel(period, t, locale)}</Typography.Text>}
          {period && <PeriodPublication period={period} />}
          <RegionCascader
            value={region}
            onChange={(r) => {
              setRegion(r)
              firstPage()
            }}
          />
        </Space>
        <Typography.Text type="secondary">{t('reports.data.unit')}</Typography.Text>
      </div>
      {loadingPeriod && <Spin />}
      {!loadingPeriod && period === null && <Empty description={t('reports.period.none')} />}
      {list.isError && <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text>}
      {period !== null && (
        <Table<MonthlyReport>
          rowKey="uscc"
          size="middle"
          data-testid="reports-table"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1400 }}
          pagination={pagination(list.data?.total ?? 0)}
        />
      )}
      {open && <HistoryDrawer report={open} onClose={() => setOpen(null)} />}
    </Space>
  )
}
