import { useState } from 'react'
import { Col, Collapse, Empty, Row, Spin, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { enterpriseApi } from '../../api/endpoints.ts'
import type { EnterpriseFilters } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { BarChart } from './BarChart.tsx'

const OPEN_KEY = 'gongxin.registrySummaryOpen'

/**
 * Counts of the filtered enterprises by region (cities for a province user, counties for a city
 * official: the server groups one level below the user's scope) and by industry section.
 */
export function SummaryPanel({ filters }: { filters: EnterpriseFilters }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(() => window.localStorage.getItem(OPEN_KEY) !== '0')
  const summary = useQuery({
    queryKey: ['enterprises', 'summary', filters],
    queryFn: () => enterpriseApi.summary(filters),
    enabled: open,
  })

  const toggle = (keys: string[]) => {
    const next = keys.includes('summary')
    setOpen(next)
    try {
      window.localStorage.setItem(OPEN_KEY, next ? '1' : '0')
    } catch {
      // not remembered
    }
  }

  const data = summary.data
  const body = summary.isLoading ? (
    <Spin />
  ) : summary.isError ? (
    <Typography.Text type="danger">{errorText(summary.error, t)}</Typography.Text>
  ) : !data || (data.byRegion.length === 0 && data.bySection.length === 0) ? (
    <Empty description={t('registry.summary.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
  ) : (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Typography.Text strong>{t('registry.summary.byRegion')}</Typography.Text>
        <BarChart
          categories={data.byRegion.map((r) => r.name)}
          series={[
            { name: t('registry.summary.count'), values: data.byRegion.map((r) => r.count) },
            { name: t('registry.summary.aboveScale'), values: data.byRegion.map((r) => r.aboveScale) },
          ]}
          testId="summary-by-region"
        />
      </Col>
      <Col xs={24} lg={10}>
        <Typography.Text strong>{t('registry.summary.bySection')}</Typography.Text>
        <BarChart
          categories={data.bySection.map((s) => `${s.section} ${s.name}`)}
          series={[{ name: t('registry.summary.count'), values: data.bySection.map((s) => s.count) }]}
          horizontal
          testId="summary-by-section"
        />
      </Col>
    </Row>
  )

  return (
    <Collapse
      className="gx-summary"
      activeKey={open ? ['summary'] : []}
      onChange={(keys) => toggle(Array.isArray(keys) ? keys.map(String) : [String(keys)])}
      items={[{ key: 'summary', label: t('registry.summary.title'), children: body }]}
    />
  )
}
