import { useMemo, useState } from 'react'
import { Divider, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { indicatorCatalog, mayWriteTarget, type Indicator, type Scope } from '@gongxin/domain'
import { referenceApi } from '../../api/endpoints.ts'
import type { Region } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { errorText } from '../../shared/errors.ts'
import { useAuth, useMe } from '../auth/AuthContext.tsx'
import { FactImportPanel } from '../indicators/FactImportPanel.tsx'
import { figureText, indicatorName, unitLabel } from '../indicators/figures.ts'
import { regionsQueryKey, useTopRegions } from '../regions/RegionCascader.tsx'
import { TARGETS_TEMPLATE_PATH, targetsApi, type Target } from './api.ts'
import { TargetModal } from './TargetModal.tsx'

interface Row {
  code: string
  name: string
  /** the region the table is opened on (the province, or a city), shown first */
  own: boolean
}

/**
 * 年度目标: the year's targets of a region and the regions one level below it (the province and its cities, or a
 * city and its counties) by indicator; a cell sets or changes the target where the user may (domain
 * mayWriteTarget: the level above sets them), and an import for whole files.
 */
export function TargetsTab() {
  const { t } = useTranslation()
  const locale = currentLocale()
  const { can } = useAuth()
  const me = useMe()
  const queryClient = useQueryClient()
  const canWrite = can('targets.write')
  const scope: Scope = { kind: 'region', prefix: me.scopePrefix ?? '' }
  const thisYear = dayjs().year()
  const [year, setYear] = useState(thisYear)
  const [chosenWithin, setWithin] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ region: Row; indicator: Indicator; current: Target | null } | null>(null)

  const top = useTopRegions()
  const topRegion: Region | undefined = top.data?.[0]
  const within = chosenWithin ?? topRegion?.code ?? null
  // the cities under the top region, to open the table on one of them (its counties)
  const topChildren = useQuery({
    queryKey: regionsQueryKey(topRegion?.code ?? 'none'),
    queryFn: () => referenceApi.regions(topRegion?.code).then((r) => r.items),
    enabled: topRegion !== undefined && topRegion.level < 3,
    staleTime: Infinity,
  })
  const children = useQuery({
    queryKey: regionsQueryKey(within ?? 'none'),
    queryFn: () => referenceApi.regions(within ?? undefined).then((r) => r.items),
    enabled: within !== null,
    staleTime: Infinity,
  })
  const targets = useQuery({
    queryKey: ['targets', 'list', year, within],
    queryFn: () => targetsApi.list(year, within ?? undefined).then((r) => r.items),
    enabled: within !== null,
  })

  const withinOptions = [
    ...(topRegion ? [{ value: topRegion.code, label: topRegion.name }] : []),
    ...(topRegion && topRegion.level === 1 ? (topChildren.data ?? []).map((c) => ({ value: c.code, label: c.name })) : []),
  ]
  const withinName = withinOptions.find((o) => o.value === within)?.label ?? ''
  const rows: Row[] = useMemo(
    () => (within ? [{ code: within, name: withinName, own: true }, ...(children.data ?? []).map((c) => ({ code: c.code, name: c.name, own: false }))] : []),
    [within, withinName, children.data],
  )
  const byCell = useMemo(() => new Map((targets.data ?? []).map((x) => [`${x.regionCode}/${x.indicatorId}`, x])), [targets.data])

  const columns: TableColumnsType<Row> = [
    { key: 'region', title: t('targets.region'), fixed: 'left', width: 170, render: (_, r) => (r.own ? <Typography.Text strong>{r.name}</Typography.Text> : r.name) },
    ...indicatorCatalog.map((ind) => ({
      key: ind.id,
      title: `${indicatorName(ind, locale)} (${unitLabel(ind, locale)})`,
      width: 140,
      align: 'right' as const,
      render: (_: unknown, row: Row) => {
        const current = byCell.get(`${row.code}/${ind.id}`) ?? null
        const text = current ? figureText(ind, current.target, locale) : t('targets.empty')
        if (!canWrite || !mayWriteTarget(scope, row.code)) return <Typography.Text type={current ? undefined : 'secondary'}>{text}</Typography.Text>
        return (
          <Typography.Link onClick={() => setEditing({ region: row, indicator: ind, current })} data-testid="target-cell">
            <Typography.Text type={current ? undefined : 'secondary'}>{text}</Typography.Text>
          </Typography.Link>
        )
      },
    })),
  ]

  const reload = () => void queryClient.invalidateQueries({ queryKey: ['targets'] })

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('targets.intro')}
      </Typography.Paragraph>
      <div className="gx-toolbar">
        <Space wrap>
          <span>{t('targets.year')}</span>
          <Select<number> value={year} onChange={setYear} style={{ width: 110 }} options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))} data-testid="targets-year" />
          <span>{t('targets.within')}</span>
          <Select<string> value={within ?? undefined} onChange={setWithin} style={{ minWidth: 180 }} options={withinOptions} loading={top.isLoading} data-testid="targets-within" />
        </Space>
      </div>
      {(targets.isError || children.isError) && <Typography.Text type="danger">{errorText(targets.error ?? children.error, t)}</Typography.Text>}
      <Table<Row>
        rowKey="code"
        size="middle"
        data-testid="targets-table"
        columns={columns}
        dataSource={rows}
        loading={targets.isFetching || children.isFetching}
        scroll={{ x: 170 + indicatorCatalog.length * 140 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      />
      <Typography.Text type="secondary">{canWrite ? t('targets.legend') : t('targets.readOnly')}</Typography.Text>
      {canWrite && (
        <>
          <Divider />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('targets.importTitle')}
          </Typography.Title>
          <FactImportPanel run={targetsApi.import} templatePath={TARGETS_TEMPLATE_PATH} templateLabel={t('targets.template')} invalidate={[['targets']]} testId="targets-import" />
        </>
      )}
      {editing && (
        <TargetModal
          region={editing.region}
          indicator={editing.indicator}
          year={year}
          current={editing.current}
          onClose={() => setEditing(null)}
          onChanged={reload}
        />
      )}
    </Space>
  )
}
