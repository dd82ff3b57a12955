import { useRef, useState } from 'react'
import { Alert, Button, Card, Select, Skeleton, Space, Typography } from 'antd'
import { EditOutlined, PlusOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { indicatorCatalog } from '@gongxin/domain'
import type { Locale } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { useAuth, useMe } from '../auth/AuthContext.tsx'
import { weightShares } from './assessment.ts'
import { compositeApi, schemesQueryKey, type CompositeResult, type SchemeEntry } from './assessmentApi.ts'
import { localized } from './format.ts'
import { SchemeEditor } from './SchemeEditor.tsx'
import { ShownTable, type TableColumn } from './ShownTable.tsx'
import { useNearViewport } from './useNearViewport.ts'

type ScoreRow = CompositeResult['items'][number]

/**
 * 年度考核: the sub-regions of the region (the cities of the province, the counties of a city) scored on a
 * weighted scheme for the period, ranked, with each indicator's weighted points; exported as shown. Province-level
 * users who may set targets edit the schemes. Asked for only when the card nears the viewport.
 */
export function CompositePanel({ region, regionName, level, period, locale }: { region: string; regionName: string; level: 'city' | 'county'; period: string; locale: Locale }) {
  const { t } = useTranslation()
  const { can } = useAuth()
  const me = useMe()
  const canEdit = can('province.configure') && me.scopePrefix !== null && me.scopePrefix.length <= 2
  const ref = useRef<HTMLDivElement>(null)
  const near = useNearViewport(ref)
  const [chosen, setChosen] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ entry: SchemeEntry | null } | null>(null)

  const schemes = useQuery({ queryKey: schemesQueryKey, queryFn: compositeApi.schemes, enabled: near, staleTime: 60_000 })
  const list = schemes.data?.items ?? []
  const current = list.find((s) => s.scheme.id === chosen) ?? list.find((s) => s.scheme.id === 'annualAssessment') ?? list[0]
  const schemeId = current?.scheme.id ?? null
  const scores = useQuery({
    queryKey: ['dispatch', 'composite', schemeId, period, level, region],
    queryFn: () => compositeApi.scores({ scheme: schemeId ?? '', period, level, parent: region }),
    enabled: near && schemeId !== null,
    staleTime: 60_000,
  })
  const result = scores.data

  const shares = weightShares(result?.scheme.items.map((it) => it.weight) ?? [])
  const indicatorName = (id: string) => {
    const fromServer = result?.indicators[id]?.name
    if (fromServer) return localized(fromServer, locale)
    const ind = indicatorCatalog.find((i) => i.id === id)
    return ind ? localized({ zh: ind.nameZh, en: ind.nameEn }, locale) : id
  }
  const columns: TableColumn<ScoreRow>[] = [
    { key: 'rank', title: t('dispatch.col.rank'), value: (r) => r.rank, align: 'right' },
    { key: 'name', title: t(`dispatch.col.${level}`), value: (r) => r.name, width: 16 },
    { key: 'score', title: t('dispatch.composite.score'), value: (r) => r.score, render: (r) => <strong>{r.score.toFixed(2)}</strong>, decimals: 2, align: 'right' },
    ...(result?.scheme.items ?? []).map(
      (it, i): TableColumn<ScoreRow> => ({
        key: `part-${it.indicator}`,
        title: t('dispatch.composite.part', { indicator: indicatorName(it.indicator), share: shares[i] ?? '—' }),
        value: (r) => (r.parts[it.indicator] === null || r.parts[it.indicator] === undefined ? null : Math.round((r.parts[it.indicator] as number) * 100) / 100),
        decimals: 2,
        align: 'right',
        width: 18,
      }),
    ),
  ]
  const schemeName = current ? localized(current.scheme.name, locale) : ''

  return (
    <div ref={ref}>
      <Card
        className="gx-card"
        title={t('dispatch.composite.heading')}
        data-testid="dispatch-composite"
        extra={
          <Space wrap>
            <Select
              style={{ minWidth: 240 }}
              value={schemeId}
              loading={schemes.isLoading}
              onChange={setChosen}
              options={list.map((s) => ({ value: s.scheme.id, label: localized(s.scheme.name, locale) }))}
              aria-label={t('dispatch.composite.scheme')}
              data-testid="composite-scheme"
            />
            {canEdit && (
              <>
                <Button size="small" icon={<EditOutlined />} disabled={!current} onClick={() => setEditing({ entry: current ?? null })} data-testid="composite-edit">
                  {t('dispatch.composite.edit')}
                </Button>
                <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ entry: null })} data-testid="composite-create">
                  {t('dispatch.composite.create')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        {(schemes.error ?? scores.error) && <Alert type="error" showIcon title={errorText(schemes.error ?? scores.error, t)} />}
        {!result && !scores.error && !schemes.error && <Skeleton active paragraph={{ rows: 4 }} />}
        {result && result.items.length === 0 && <Alert type="info" showIcon title={t('dispatch.composite.noData', { period: result.period })} />}
        {result && result.items.length > 0 && (
          <ShownTable
            title={t(`dispatch.composite.title.${level}`, { region: regionName, scheme: schemeName, period: result.period })}
            columns={columns}
            rows={result.items}
            rowKey={(r) => r.region}
            testId="composite-table"
          />
        )}
        {result && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
            {t('dispatch.composite.note', { method: t(`dispatch.composite.method.${result.scheme.method}`) })}
          </Typography.Paragraph>
        )}
      </Card>
      {editing && (
        <SchemeEditor
          entry={editing.entry}
          existing={list}
          base={current?.scheme ?? null}
          locale={locale}
          onClose={() => setEditing(null)}
          onSaved={(id) => {
            setChosen(id)
            setEditing(null)
          }}
        />
      )}
    </div>
  )
}
