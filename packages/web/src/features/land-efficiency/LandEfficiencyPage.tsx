import { useEffect, useMemo, useState } from 'react'
import { Alert, App, Button, Card, InputNumber, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../auth/AuthContext.tsx'
import { errorText } from '../../shared/errors.ts'
import { ShownTable, type TableColumn } from '../dispatch/ShownTable.tsx'
import { referenceApi } from '../../api/endpoints.ts'
import { LAND_CLASSES, landApi, type LandClass, type ResultFilter, type ResultItem } from './api.ts'
import { CLASS_COLORS, ClassChart } from './ClassChart.tsx'
import { ScoreCardDrawer } from './ScoreCardDrawer.tsx'

const PAGE = 50

/** 亩均效益评价: run a scheme over a year, browse and export the results, the classes by county, score cards, publish. */
export function LandEfficiencyPage() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { can } = useAuth()
  const qc = useQueryClient()
  const en = i18n.language === 'en-US'
  const [year, setYear] = useState(new Date().getFullYear() - 1)
  const [scheme, setScheme] = useState<string>('huaian2024')
  const [runId, setRunId] = useState<number | null>(null)
  const [filter, setFilter] = useState<ResultFilter>({})
  const [page, setPage] = useState(1)
  const [card, setCard] = useState<string | null>(null)

  const schemes = useQuery({ queryKey: ['landEfficiency', 'schemes'], queryFn: landApi.schemes })
  const runs = useQuery({ queryKey: ['landEfficiency', 'runs'], queryFn: landApi.runs })
  const industries = useQuery({ queryKey: ['industries', 2], queryFn: () => referenceApi.industries(2), staleTime: Infinity })
  useEffect(() => {
    const latest = runs.data?.items[0]
    if (runId === null && latest) { setRunId(latest.id); setYear(latest.year) }
  }, [runs.data, runId])
  const current = runs.data?.items.find((r) => r.id === runId) ?? null
  const results = useQuery({ queryKey: ['landEfficiency', 'results', runId, filter, page], queryFn: () => landApi.results(runId ?? 0, filter, page, PAGE), enabled: runId !== null })
  const dist = useQuery({ queryKey: ['landEfficiency', 'distribution', runId], queryFn: () => landApi.distribution(runId ?? 0, 'county'), enabled: runId !== null })

  const run = useMutation({
    mutationFn: () => landApi.run(year, scheme),
    onSuccess: (out) => {
      void message.success(t('landEfficiency.ran', { total: out.summary.total, evaluated: out.summary.evaluated, ms: out.ms }))
      setRunId(out.evaluationId)
      setFilter({})
      setPage(1)
      void qc.invalidateQueries({ queryKey: ['landEfficiency', 'runs'] })
    },
    onError: (e) => void message.error(errorText(e, t)),
  })
  const publish = useMutation({
    mutationFn: (id: number) => landApi.publish(id),
    onSuccess: () => { void message.success(t('landEfficiency.published')); void qc.invalidateQueries({ queryKey: ['landEfficiency', 'runs'] }) },
    onError: (e) => void message.error(errorText(e, t)),
  })

  const inds = useMemo(() => results.data?.indicators ?? [], [results.data])
  const columns = useMemo<TableColumn<ResultItem>[]>(() => [
    { key: 'class', title: t('landEfficiency.class'), value: (r) => r.class, render: (r) => <Tag color={CLASS_COLORS[r.class]}>{r.class}</Tag> },
    { key: 'rank', title: t('landEfficiency.rank'), value: (r) => r.rank, align: 'right' },
    { key: 'name', title: t('landEfficiency.enterprise'), value: (r) => r.name, width: 32, render: (r) => <Typography.Link onClick={() => setCard(r.uscc)}>{r.name}</Typography.Link> },
    { key: 'uscc', title: t('landEfficiency.uscc'), value: (r) => r.uscc, width: 22 },
    { key: 'county', title: t('landEfficiency.county'), value: (r) => r.countyName ?? r.countyCode },
    { key: 'industry', title: t('landEfficiency.industry'), value: (r) => r.industry },
    { key: 'total', title: t('landEfficiency.total'), value: (r) => r.total, align: 'right', decimals: 2 },
    ...inds.map<TableColumn<ResultItem>>((i) => ({
      key: i.id, title: `${en ? i.en : i.zh}${i.unit ? `（${i.unit}）` : ''}`, value: (r) => r.indicators[i.id] ?? null, align: 'right', decimals: 2,
    })),
    { key: 'previous', title: t('landEfficiency.lastYear'), value: (r) => r.previousClass },
    { key: 'note', title: t('landEfficiency.note'), value: (r) => (r.reason ? (en ? r.reason.en : r.reason.zh) : r.missing.join(', ')) },
  ], [inds, t, en])

  const s = current?.summary
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="land-efficiency-page">
      <Card size="small" title={t('landEfficiency.title')}>
        <Space wrap>
          <span>{t('landEfficiency.year')}</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v !== null && setYear(v)} data-testid="land-year" />
          <span>{t('landEfficiency.scheme')}</span>
          <Select
            style={{ minWidth: 260 }} value={scheme} onChange={setScheme} loading={schemes.isLoading} data-testid="land-scheme"
            options={(schemes.data?.items ?? []).map((x) => ({ value: x.code, label: `${en ? x.definition.name.en : x.definition.name.zh} (${x.code} v${x.version})` }))}
          />
          {can('targets.write') ? <Button type="primary" loading={run.isPending} onClick={() => run.mutate()} data-testid="land-run">{t('landEfficiency.run')}</Button> : null}
          <span>{t('landEfficiency.run_label')}</span>
          <Select
            style={{ minWidth: 320 }} value={runId ?? undefined} onChange={(v: number) => { setRunId(v); setPage(1); setFilter({}) }} placeholder={t('landEfficiency.noRuns')}
            options={(runs.data?.items ?? []).map((r) => ({ value: r.id, label: `#${r.id} · ${r.year} · ${r.scheme.code} v${r.scheme.version} · ${t(`landEfficiency.status.${r.status}`)}` }))}
          />
          {current && current.status === 'draft' && can('targets.write') ? (
            <Popconfirm title={t('landEfficiency.publishConfirm', { year: current.year })} onConfirm={() => publish.mutate(current.id)}>
              <Button loading={publish.isPending} data-testid="land-publish">{t('landEfficiency.publish')}</Button>
            </Popconfirm>
          ) : null}
          {current ? <Button onClick={() => void landApi.exportList(current.id, filter).catch((e: unknown) => void message.error(errorText(e, t)))}>{t('landEfficiency.exportList')}</Button> : null}
        </Space>
        {run.isPending ? <div style={{ marginTop: 12 }}><Spin /> {t('landEfficiency.running')}</div> : null}
        {s ? <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>{t('landEfficiency.summary', { total: s.total, evaluated: s.evaluated, incomplete: s.incomplete, ...s.byClass })}</Typography.Paragraph> : null}
        {s?.problems.map((p) => <Alert key={p.code} type="warning" showIcon message={en ? p.en : p.zh} style={{ marginTop: 8 }} />)}
      </Card>
      {runId === null ? <Alert type="info" message={t('landEfficiency.noRuns')} /> : (
        <>
          <Card size="small" title={t('landEfficiency.distribution')}>
            {dist.data ? <ClassChart data={dist.data} onPick={(k) => { setFilter((f) => ({ ...f, county: k })); setPage(1) }} /> : <Spin />}
          </Card>
          <Card size="small">
            <Space wrap style={{ marginBottom: 8 }}>
              <span>{t('landEfficiency.county')}</span>
              <Select
                allowClear style={{ minWidth: 160 }} value={filter.county} placeholder={t('landEfficiency.all')}
                onChange={(v?: string) => { setFilter((f) => ({ ...f, county: v })); setPage(1) }}
                options={(dist.data?.items ?? []).map((d) => ({ value: d.key, label: d.name ?? d.key }))}
              />
              <span>{t('landEfficiency.industry')}</span>
              <Select
                allowClear showSearch optionFilterProp="label" style={{ minWidth: 220 }} value={filter.industry} placeholder={t('landEfficiency.all')}
                onChange={(v?: string) => { setFilter((f) => ({ ...f, industry: v })); setPage(1) }}
                options={(industries.data?.items ?? []).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }))}
              />
              <span>{t('landEfficiency.class')}</span>
              <Select
                allowClear style={{ minWidth: 90 }} value={filter.class} placeholder={t('landEfficiency.all')}
                onChange={(v?: LandClass) => { setFilter((f) => ({ ...f, class: v })); setPage(1) }}
                options={LAND_CLASSES.map((c) => ({ value: c, label: c }))}
              />
            </Space>
            <ShownTable<ResultItem>
              title={`${t('landEfficiency.results')}${current ? ` · ${current.year}` : ''}`}
              columns={columns}
              rows={results.data?.items ?? []}
              rowKey={(r) => r.uscc}
              loading={results.isFetching}
              testId="land-results"
              pagination={{ current: page, pageSize: PAGE, total: results.data?.total ?? 0, showSizeChanger: false, onChange: (p) => setPage(p) }}
            />
          </Card>
        </>
      )}
      {runId !== null ? <ScoreCardDrawer evaluationId={runId} uscc={card} onClose={() => setCard(null)} /> : null}
    </Space>
  )
}
