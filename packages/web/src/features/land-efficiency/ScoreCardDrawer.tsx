import { Descriptions, Drawer, Empty, Spin, Table, Tag, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../shared/errors.ts'
import { landDataFieldLabels, type LandDataField } from '@gongxin/domain'
import { landApi } from './api.ts'
import { CLASS_COLORS } from './ClassChart.tsx'

const num = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? '—' : x.toFixed(d))

/** One enterprise's score card in a run: indicators and points, the trace, its figures and last year's class. */
export function ScoreCardDrawer({ evaluationId, uscc, onClose }: { evaluationId: number; uscc: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const card = useQuery({ queryKey: ['landEfficiency', 'card', evaluationId, uscc, i18n.language], queryFn: () => landApi.card(evaluationId, uscc ?? ''), enabled: uscc !== null })
  const c = card.data
  const en = i18n.language === 'en-US'
  return (
    <Drawer open={uscc !== null} onClose={onClose} width={720} title={c ? `${t('landEfficiency.card.title')} · ${c.enterprise.name}` : t('landEfficiency.card.title')} data-testid="land-card">
      {card.isLoading ? <Spin /> : card.error ? <Typography.Text type="danger">{errorText(card.error, t)}</Typography.Text> : !c ? <Empty /> : (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('landEfficiency.uscc')}>{c.enterprise.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('landEfficiency.county')}>{c.enterprise.countyName ?? c.enterprise.countyCode}</Descriptions.Item>
            <Descriptions.Item label={t('landEfficiency.class')}><Tag color={CLASS_COLORS[c.class]}>{c.class}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('landEfficiency.total')}>{num(c.total)}{c.rank !== null ? ` · ${t('landEfficiency.card.rankOf', { rank: c.rank, size: c.unitSize })}` : ''}</Descriptions.Item>
            <Descriptions.Item label={t('landEfficiency.card.lastYear', { year: c.evaluation.year - 1 })} span={2}>
              {c.lastYear ? <><Tag color={CLASS_COLORS[c.lastYear.class]}>{c.lastYear.class}</Tag>{c.lastYear.rank !== null ? t('landEfficiency.card.rankOf', { rank: c.lastYear.rank, size: c.lastYear.unitSize }) : ''}</> : t('landEfficiency.card.noLastYear')}
            </Descriptions.Item>
            {c.reason ? <Descriptions.Item label={t('landEfficiency.note')} span={2}>{en ? c.reason.en : c.reason.zh}</Descriptions.Item> : null}
          </Descriptions>
          {c.indicators.length ? (
            <Table
              size="small" style={{ marginTop: 12 }} rowKey="id" pagination={false} dataSource={c.indicators}
              columns={[
                { title: t('landEfficiency.card.indicator'), dataIndex: 'name' },
                { title: t('landEfficiency.card.value'), align: 'right', render: (_: unknown, r) => `${num(r.value, 4)}${r.unit ? ` ${r.unit}` : ''}` },
                { title: t('landEfficiency.card.weight'), dataIndex: 'weight', align: 'right' },
                { title: t('landEfficiency.card.points'), align: 'right', render: (_: unknown, r) => num(r.score) },
              ]}
            />
          ) : null}
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('landEfficiency.card.trace')}</Typography.Title>
          <ol data-testid="land-card-trace">{c.trace.map((line, i) => <li key={i}>{line}</li>)}</ol>
          {c.policies.length ? (
            <>
              <Typography.Title level={5}>{t('landEfficiency.card.policies')}</Typography.Title>
              <ul>{c.policies.map((p) => <li key={p.id}>{p.label}：{p.amount !== null ? `${num(p.amount)} ${t('landEfficiency.card.amount')}` : (p.measure ?? '—')}</li>)}</ul>
            </>
          ) : null}
          {c.figures ? (
            <>
              <Typography.Title level={5}>{t('landEfficiency.card.figures')} ({c.figures.year})</Typography.Title>
              <Descriptions size="small" column={2} bordered>
                {Object.entries(c.figures.values).map(([k, v]) => (
                  <Descriptions.Item key={k} label={`${landDataFieldLabels[k as LandDataField][en ? 'en' : 'zh']}（${landDataFieldLabels[k as LandDataField].unit}）`}>{num(v, 2)}{typeof c.figures?.sources[k] === 'string' ? ` · ${String(c.figures.sources[k])}` : ''}</Descriptions.Item>
                ))}
              </Descriptions>
            </>
          ) : null}
        </>
      )}
    </Drawer>
  )
}
