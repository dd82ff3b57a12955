import { useMemo, useState } from 'react'
import { Alert, Divider, Empty, Segmented, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { peerGroupById, peerGroupIds, type Indicator, type PeerGroupId } from '@gongxin/domain'
import type { ReportPeriod } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { errorText } from '../../shared/errors.ts'
import { useAuth, useMe } from '../auth/AuthContext.tsx'
import { periodLabel } from '../reports/period.ts'
import { OFFICIAL_STATS_TEMPLATE_PATH, officialStatsApi, type OfficialStat } from './api.ts'
import { FactImportPanel } from './FactImportPanel.tsx'
import { figureLevel, figureText, indicatorName, toGrid, unitLabel, type GridRow } from './figures.ts'
import { OfficialHistoryDrawer } from './OfficialHistoryDrawer.tsx'

type Level = 1 | 2 | 3
const ALL = 'all'

/**
 * 统计公布数: the import of official regional statistics (for those who may), and the figures of a period as a
 * region × indicator table: every province (filtered by a peer group), or the cities or counties of the own
 * province within the user's area. A figure opens its revisions.
 */
export function OfficialStatsTab() {
  const { t } = useTranslation()
  const locale = currentLocale()
  const { can } = useAuth()
  const me = useMe()
  const canImport = can('statistics.import')
  const ownProvince = me.scopePrefix ? `${me.scopePrefix.slice(0, 2)}0000` : undefined
  const [chosen, setChosen] = useState<ReportPeriod | null>(null)
  const [level, setLevel] = useState<Level>(1)
  const [group, setGroup] = useState<PeerGroupId | typeof ALL>(ALL)
  const [open, setOpen] = useState<{ region: { code: string; name: string }; indicator: Indicator } | null>(null)

  const periods = useQuery({ queryKey: ['officialStats', 'periods'], queryFn: () => officialStatsApi.periods().then((r) => r.items) })
  const period = chosen ?? periods.data?.[0] ?? null
  const list = useQuery({
    queryKey: ['officialStats', 'list', period, level, ownProvince],
    queryFn: () => (period ? officialStatsApi.list({ ...period, level, ...(level > 1 && ownProvince ? { parent: ownProvince } : {}) }) : Promise.resolve(null)),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  })

  const peer = level === 1 && group !== ALL && period ? peerGroupById(group, period.year) : null
  const grid = useMemo(() => {
    const rows = (list.data?.items ?? []).filter((r) => !peer || peer.members.includes(r.regionCode))
    return toGrid(rows)
  }, [list.data, peer])

  const columns: TableColumnsType<GridRow<OfficialStat>> = [
    { key: 'region', title: t('indicators.table.region'), dataIndex: 'regionName', fixed: 'left', width: 180 },
    ...grid.indicators.map((ind) => ({
      key: ind.id,
      title: `${indicatorName(ind, locale)} (${unitLabel(ind, locale)})`,
      width: 150,
      align: 'right' as const,
      sorter: (a: GridRow<OfficialStat>, b: GridRow<OfficialStat>) => Number(a.cells[ind.id]?.value ?? -Infinity) - Number(b.cells[ind.id]?.value ?? -Infinity),
      render: (_: unknown, row: GridRow<OfficialStat>) => {
        const cell = row.cells[ind.id]
        if (!cell) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        const lvl = figureLevel(ind, cell.value)
        return (
          <Typography.Link onClick={() => setOpen({ region: { code: row.regionCode, name: row.regionName }, indicator: ind })} data-testid="official-figure">
            <Typography.Text type={lvl === 'alarm' ? 'danger' : lvl === 'excellent' ? 'success' : undefined}>{figureText(ind, cell.value, locale)}</Typography.Text>
          </Typography.Link>
        )
      },
    })),
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('indicators.intro')}
      </Typography.Paragraph>
      {canImport ? (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('indicators.importTitle')}
          </Typography.Title>
          <FactImportPanel
            run={officialStatsApi.import}
            templatePath={OFFICIAL_STATS_TEMPLATE_PATH}
            templateLabel={t('indicators.template')}
            invalidate={[['officialStats']]}
            testId="official-import"
          />
          <Divider />
        </>
      ) : (
        <Alert type="info" showIcon title={t('indicators.noImport')} />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('indicators.table.title')}
      </Typography.Title>
      <div className="gx-toolbar">
        <Space wrap>
          <span>{t('indicators.table.period')}</span>
          <Select<string>
            style={{ minWidth: 180 }}
            loading={periods.isLoading}
            value={period ? `${period.year}-${period.month}` : undefined}
            onChange={(v) => {
              const [y, m] = v.split('-').map(Number)
              setChosen({ year: y ?? 0, month: m ?? 0 })
            }}
            options={(periods.data ?? []).map((p) => ({ value: `${p.year}-${p.month}`, label: periodLabel(p, t, locale) }))}
            data-testid="official-period"
          />
          <Segmented<Level>
            value={level}
            onChange={setLevel}
            options={[
              { value: 1, label: t('indicators.table.levels.provinces') },
              { value: 2, label: t('indicators.table.levels.cities') },
              { value: 3, label: t('indicators.table.levels.counties') },
            ]}
          />
          {level === 1 && (
            <Select<PeerGroupId | typeof ALL>
              style={{ minWidth: 180 }}
              value={group}
              onChange={setGroup}
              options={[
                { value: ALL, label: t('indicators.table.allProvinces') },
                ...peerGroupIds.flatMap((id) => {
                  const g = peerGroupById(id, period?.year)
                  return g ? [{ value: id, label: locale === 'en-US' ? g.nameEn : g.nameZh }] : []
                }),
              ]}
              aria-label={t('indicators.table.group')}
            />
          )}
        </Space>
      </div>
      {periods.isError && <Typography.Text type="danger">{errorText(periods.error, t)}</Typography.Text>}
      {list.isError && <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text>}
      {!periods.isLoading && period === null && <Empty description={t('indicators.table.noPeriods')} />}
      {period !== null && (
        <>
          <Table<GridRow<OfficialStat>>
            rowKey="regionCode"
            size="middle"
            data-testid="official-table"
            columns={columns}
            dataSource={grid.rows}
            loading={list.isFetching}
            scroll={{ x: 180 + grid.indicators.length * 150 }}
            locale={{ emptyText: t('indicators.table.empty') }}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => t('common.total', { count: total }) }}
          />
          <Typography.Text type="secondary">{t('indicators.table.legend')}</Typography.Text>
        </>
      )}
      {open && period && <OfficialHistoryDrawer region={open.region} indicator={open.indicator} period={period} onClose={() => setOpen(null)} />}
    </Space>
  )
}
