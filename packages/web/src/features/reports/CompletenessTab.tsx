import { useState } from 'react'
import { Button, Empty, Progress, Space, Spin, Table, Typography, type TableColumnsType } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { reportApi } from '../../api/endpoints.ts'
import type { CountyCompleteness, ReportPeriod } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { errorText } from '../../shared/errors.ts'
import { BarChart } from '../enterprises/BarChart.tsx'
import { RegionCascader } from '../regions/RegionCascader.tsx'
import { chartCounties, completenessCsv, percent, periodLabel } from './period.ts'
import { PeriodPicker } from './usePeriod.tsx'

/** With more counties than this (a province), the chart shows the ones that reported least. */
const CHART_MAX = 30

interface Props {
  period: ReportPeriod | null
  onPeriod: (p: ReportPeriod) => void
  loadingPeriod: boolean
}

function saveCsv(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** 报送完整性: per county, how many above-scale enterprises reported for the period, and who did not. */
export function CompletenessTab({ period, onPeriod, loadingPeriod }: Props) {
  const { t } = useTranslation()
  const locale = currentLocale()
  const [region, setRegion] = useState<string | undefined>(undefined)
  const data = useQuery({
    queryKey: ['reports', 'completeness', period, region],
    queryFn: () => (period ? reportApi.completeness({ ...period, ...(region ? { region } : {}) }) : Promise.resolve(null)),
    enabled: period !== null,
  })
  const counties = data.data?.counties ?? []
  const charted = chartCounties(counties, CHART_MAX)

  const columns: TableColumnsType<CountyCompleteness> = [
    { key: 'county', title: t('reports.completeness.county'), render: (_, c) => (
        <>
          {c.countyName} <Typography.Text type="secondary">{c.countyCode}</Typography.Text>
        </>
      ),
    },
    { key: 'expected', dataIndex: 'expected', title: t('reports.completeness.expected'), align: 'right', width: 140 },
    { key: 'reported', dataIndex: 'reported', title: t('reports.completeness.reported'), align: 'right', width: 120 },
    {
      key: 'share',
      title: t('reports.completeness.share'),
      width: 240,
      sorter: (a, b) => a.share - b.share,
      render: (_, c) => <Progress percent={percent(c.share)} size="small" status={c.share >= 1 ? 'success' : 'normal'} />,
    },
  ]

  const exportCsv = () => {
    if (!period) return
    const headers = [
      t('reports.data.county'),
      t('reports.completeness.county'),
      t('reports.completeness.expected'),
      t('reports.completeness.reported'),
      t('reports.completeness.share'),
      t('reports.completeness.missing'),
    ]
    const month = String(period.month).padStart(2, '0')
    saveCsv(completenessCsv(counties, headers), `${t('reports.completeness.fileName')}-${period.year}-${month}.csv`)
  }

  const summary = data.data
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="gx-toolbar">
        <Space wrap>
          <span>{t('reports.period.label')}</span>
          <PeriodPicker value={period} onChange={onPeriod} />
          {period && <Typography.Text type="secondary">{periodLabel(period, t, locale)}</Typography.Text>}
          <RegionCascader value={region} onChange={setRegion} />
        </Space>
        <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={counties.length === 0}>
          {t('reports.completeness.exportCsv')}
        </Button>
      </div>
      {loadingPeriod && <Spin />}
      {!loadingPeriod && period === null && <Empty description={t('reports.period.none')} />}
      {data.isError && <Typography.Text type="danger">{errorText(data.error, t)}</Typography.Text>}
      {summary && (
        <Typography.Text strong>
          {t('reports.completeness.summary', { expected: summary.expected, reported: summary.reported, share: `${percent(summary.share)}%` })}
        </Typography.Text>
      )}
      {counties.length > 0 && (
        <div>
          <Typography.Text strong>
            {charted.length < counties.length ? t('reports.completeness.chartLowest', { count: charted.length }) : t('reports.completeness.chart')}
          </Typography.Text>
          <BarChart
            categories={charted.map((c) => c.countyName)}
            series={[{ name: t('reports.completeness.share'), values: charted.map((c) => percent(c.share)) }]}
            testId="reports-completeness-chart"
          />
        </div>
      )}
      {period !== null && (
        <Table<CountyCompleteness>
          rowKey="countyCode"
          size="middle"
          data-testid="reports-completeness-table"
          columns={columns}
          dataSource={counties}
          loading={data.isLoading}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          expandable={{
            rowExpandable: (c) => c.missing.length > 0,
            expandedRowRender: (c) => (
              <Table
                rowKey="uscc"
                size="small"
                title={() => t('reports.completeness.missing')}
                dataSource={c.missing}
                pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                columns={[
                  { key: 'uscc', dataIndex: 'uscc', title: t('reports.data.uscc'), width: 220 },
                  { key: 'name', dataIndex: 'name', title: t('reports.data.name') },
                ]}
              />
            ),
          }}
          summary={() =>
            summary && counties.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} />
                <Table.Summary.Cell index={1}>{t('common.all')}</Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">{summary.expected}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{summary.reported}</Table.Summary.Cell>
                <Table.Summary.Cell index={4}>
                  <Progress percent={percent(summary.share)} size="small" />
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
    </Space>
  )
}
