import { useState } from 'react'
import { Button, Empty, Select, Space, Spin, Table, Typography, type TableColumnsType } from 'antd'
import { HistoryOutlined } from '@ant-design/icons'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { ReportPeriod } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { errorText } from '../../shared/errors.ts'
import { useServerPaging } from '../../shared/paging.ts'
import { RegionCascader } from '../regions/RegionCascader.tsx'
import { electricityApi, yoyPercent, type ElectricityReading } from './api.ts'
import { formatKwh } from './format.ts'
import { ReadingHistoryDrawer, ReadingSource } from './ReadingHistoryDrawer.tsx'

const key = (p: ReportPeriod) => `${p.year}-${p.month}`

/** 月度用电: the readings in force of a month within the user's area, with the same month a year before; a row opens its revisions. */
export function ReadingsSection() {
  const { t } = useTranslation()
  const locale = currentLocale()
  const [chosen, setChosen] = useState<ReportPeriod | null>(null)
  const [region, setRegion] = useState<string | undefined>(undefined)
  const { page, firstPage, pagination } = useServerPaging()
  const [open, setOpen] = useState<ElectricityReading | null>(null)
  const months = useQuery({ queryKey: ['electricity', 'months'], queryFn: () => electricityApi.months().then((r) => r.items) })
  const month = chosen ?? months.data?.[0] ?? null
  const list = useQuery({
    queryKey: ['electricity', 'readings', month && key(month), region, page],
    queryFn: () => (month ? electricityApi.readings({ year: month.year, month: month.month, ...page, ...(region ? { region } : {}) }) : Promise.resolve(null)),
    enabled: month !== null,
    placeholderData: keepPreviousData,
  })

  const columns: TableColumnsType<ElectricityReading> = [
    { key: 'uscc', dataIndex: 'uscc', title: t('electricity.readings.uscc'), width: 200, fixed: 'left' },
    { key: 'name', dataIndex: 'name', title: t('electricity.readings.name'), width: 240, ellipsis: true },
    { key: 'county', dataIndex: 'countyCode', title: t('electricity.readings.county'), width: 100 },
    { key: 'value', title: t('electricity.readings.value'), align: 'right', width: 130, render: (_, r) => <span className="gx-num">{formatKwh(r.value, locale)}</span> },
    { key: 'prior', title: t('electricity.readings.priorValue'), align: 'right', width: 130, render: (_, r) => <span className="gx-num gx-muted">{formatKwh(r.priorValue, locale)}</span> },
    {
      key: 'yoy',
      title: t('electricity.readings.yoy'),
      align: 'right',
      width: 90,
      render: (_, r) => {
        const y = yoyPercent(r.value, r.priorValue)
        if (y === null) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        return <Typography.Text type={y <= -30 ? 'danger' : undefined}>{`${y > 0 ? '+' : ''}${y.toFixed(1)}%`}</Typography.Text>
      },
    },
    { key: 'source', title: t('electricity.readings.source'), width: 160, render: (_, r) => <ReadingSource r={r} /> },
    { key: 'revision', dataIndex: 'revision', title: t('electricity.readings.revision'), width: 80, align: 'right' },
    {
      key: 'history',
      title: t('common.actions'),
      width: 110,
      fixed: 'right',
      render: (_, r) => (
        <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setOpen(r)} data-testid="electricity-history-open">
          {t('electricity.readings.history')}
        </Button>
      ),
    },
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="gx-toolbar">
        <Space wrap>
          <span>{t('electricity.readings.month')}</span>
          <Select<string>
            style={{ minWidth: 220 }}
            value={month ? key(month) : undefined}
            loading={months.isLoading}
            placeholder={t('electricity.readings.month')}
            onChange={(v) => {
              const m = months.data?.find((x) => key(x) === v)
              if (m) setChosen({ year: m.year, month: m.month })
              firstPage()
            }}
            options={(months.data ?? []).map((m) => ({ value: key(m), label: t('electricity.readings.monthOption', { year: m.year, month: m.month, count: m.enterprises }) }))}
            data-testid="electricity-month"
          />
          <RegionCascader
            value={region}
            onChange={(r) => {
              setRegion(r)
              firstPage()
            }}
          />
        </Space>
        <Typography.Text type="secondary">{t('electricity.readings.unit')}</Typography.Text>
      </div>
      {months.isLoading && <Spin />}
      {months.isError && <Typography.Text type="danger">{errorText(months.error, t)}</Typography.Text>}
      {!months.isLoading && month === null && <Empty description={t('electricity.readings.none')} />}
      {list.isError && <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text>}
      {month !== null && (
        <Table<ElectricityReading>
          rowKey="uscc"
          size="middle"
          data-testid="electricity-readings"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1300 }}
          pagination={pagination(list.data?.total ?? 0)}
        />
      )}
      {open && <ReadingHistoryDrawer reading={open} onClose={() => setOpen(null)} />}
    </Space>
  )
}
