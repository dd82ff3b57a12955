import { useState } from 'react'
import { Card, Drawer, Table } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { enterpriseApi, reportApi } from '../../api/endpoints.ts'
import type { EnterpriseListItem, MonthlyReport } from '../../api/types.ts'
import { useAuth } from '../auth/AuthContext.tsx'
import { enterprisePath } from '../layout/routes.ts'
import { useWorkspace } from '../layout/Workspace.tsx'
import { enterpriseGrowth, fixed, parsePeriod, yiNumber } from './format.ts'
import { ShownTable, type TableColumn } from './ShownTable.tsx'
import type { Dispatch, ParkRow } from './types.ts'
import { useOpenEnterprise } from './useOpenEnterprise.ts'

/** The parks of the region ranked on gross output growth; a click lists the park's enterprises. */
export function ParksPanel({ d }: { d: Dispatch }) {
  const { t } = useTranslation()
  const { can } = useAuth()
  const [park, setPark] = useState<ParkRow | null>(null)
  const rows = [...d.parks].sort((a, b) => (a.rank.grossOutput ?? 999) - (b.rank.grossOutput ?? 999))
  const columns: TableColumn<ParkRow>[] = [
    { key: 'rank', title: t('dispatch.col.rank'), value: (r) => r.rank.grossOutput ?? null, align: 'right' },
    { key: 'name', title: t('dispatch.col.park'), value: (r) => r.name, width: 24 },
    { key: 'cum', title: t('dispatch.col.cumYi', { indicator: t('dispatch.ind.grossOutput') }), value: (r) => yiNumber(r.indicators.grossOutput.cumAll), decimals: 2, align: 'right' },
    { key: 'growth', title: t('dispatch.col.growth'), value: (r) => r.indicators.grossOutput.growthPct, decimals: 1, align: 'right' },
    { key: 'revenue', title: t('dispatch.col.growthOf', { indicator: t('dispatch.ind.revenue') }), value: (r) => r.indicators.revenue.growthPct, decimals: 1, align: 'right' },
    { key: 'profit', title: t('dispatch.col.growthOf', { indicator: t('dispatch.ind.profit') }), value: (r) => r.indicators.profit.growthPct, decimals: 1, align: 'right' },
    { key: 'reporting', title: t('dispatch.col.reportingCount'), value: (r) => r.reporting, align: 'right' },
    { key: 'loss', title: t('dispatch.col.lossRatio'), value: (r) => r.lossRatioPct, render: (r) => fixed(r.lossRatioPct), align: 'right' },
  ]
  if (!rows.length) return null
  return (
    <Card className="gx-card" title={t('dispatch.parks.heading')}>
      <ShownTable
        title={t('dispatch.parks.title', { region: d.name, period: d.period })}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        onPick={can('enterprise.read') ? setPark : undefined}
        pagination={rows.length > 15 ? { pageSize: 15, size: 'small' } : false}
        testId="dispatch-parks"
      />
      <ParkEnterprises park={park} onClose={() => setPark(null)} />
    </Card>
  )
}

function ParkEnterprises({ park, onClose }: { park: ParkRow | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { openPage } = useWorkspace()
  const [page, setPage] = useState(1)
  const list = useQuery({
    queryKey: ['dispatch', 'parkEnterprises', park?.id, page],
    queryFn: () => enterpriseApi.list({ parkId: park?.id, aboveScale: true, page, pageSize: 20 }),
    enabled: park !== null,
  })
  return (
    <Drawer open={park !== null} onClose={onClose} size={720} title={t('dispatch.parks.enterprises', { park: park?.name ?? '' })} destroyOnHidden>
      <Table<EnterpriseListItem>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        rowClassName={() => 'gx-clickable'}
        onRow={(r) => ({ onClick: () => openPage(enterprisePath(r.id)) })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, size: 'small', showSizeChanger: false }}
        columns={[
          { key: 'name', title: t('dispatch.col.enterprise'), dataIndex: 'name' },
          { key: 'uscc', title: 'USCC', dataIndex: 'uscc', className: 'gx-mono' },
          { key: 'county', title: t('dispatch.col.county'), dataIndex: 'countyName' },
          { key: 'industry', title: t('dispatch.col.industry'), dataIndex: 'industryName' },
        ]}
      />
    </Drawer>
  )
}

/** The enterprises of a county that reported for the period, with their figures (the monthly reports). */
export function CountyEnterprises({ d }: { d: Dispatch }) {
  const { t } = useTranslation()
  const openEnterprise = useOpenEnterprise()
  const [page, setPage] = useState(1)
  const p = parsePeriod(d.period)
  const pageSize = 20
  const list = useQuery({
    queryKey: ['dispatch', 'countyEnterprises', d.period, d.region, page],
    queryFn: () => reportApi.list({ year: p?.year ?? 0, month: p?.month ?? 0, region: d.region, page, pageSize }),
    enabled: p !== null,
  })
  const columns: TableColumn<MonthlyReport>[] = [
    { key: 'name', title: t('dispatch.col.enterprise'), value: (r) => r.name, width: 30 },
    { key: 'uscc', title: 'USCC', value: (r) => r.uscc, width: 22 },
    { key: 'output', title: t('dispatch.col.cumWan', { indicator: t('dispatch.ind.grossOutput') }), value: (r) => (r.grossOutputCum === null ? null : Number(r.grossOutputCum)), align: 'right' },
    { key: 'growth', title: t('dispatch.col.growth'), value: (r) => enterpriseGrowth(r.grossOutputCum, r.grossOutputPriorCum), align: 'right' },
    { key: 'revenue', title: t('dispatch.col.cumWan', { indicator: t('dispatch.ind.revenue') }), value: (r) => (r.revenueCum === null ? null : Number(r.revenueCum)), align: 'right' },
    { key: 'profit', title: t('dispatch.col.cumWan', { indicator: t('dispatch.ind.profit') }), value: (r) => (r.profitCum === null ? null : Number(r.profitCum)), align: 'right' },
  ]
  return (
    <Card className="gx-card" title={t('dispatch.enterprises.heading', { count: list.data?.total ?? 0 })}>
      <ShownTable
        title={t('dispatch.enterprises.title', { region: d.name, period: d.period, page })}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(r) => r.uscc}
        loading={list.isLoading}
        onPick={openEnterprise ? (r) => openEnterprise(r.uscc) : undefined}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage, size: 'small', showSizeChanger: false }}
        testId="dispatch-enterprises"
      />
    </Card>
  )
}
