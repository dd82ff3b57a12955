import { useState } from 'react'
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import type { FieldError } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { pickText } from '../../i18n/locale.ts'
import { errorText } from '../../shared/errors.ts'
import { formatAmount, formatDateTime } from '../../shared/format.ts'
import { useMe } from '../auth/AuthContext.tsx'
import { formValuesOf, selfReportApi, SELF_REPORT_FIELDS, type OwnReport, type SelfReportField, type SelfReportResult } from './selfReportApi.ts'

type Values = Partial<Record<SelfReportField, number | null>> & { period?: Dayjs; revisionReason?: string }

const ROWS: readonly { label: 'grossOutput' | 'revenue' | 'profit' | 'electricity'; current: SelfReportField; prior: SelfReportField | null; signed?: true }[] = [
  { label: 'grossOutput', current: 'grossOutputCum', prior: 'grossOutputPriorCum' },
  { label: 'revenue', current: 'revenueCum', prior: 'revenuePriorCum' },
  { label: 'profit', current: 'profitCum', prior: 'profitPriorCum', signed: true },
  { label: 'electricity', current: 'electricityCum', prior: null },
]

/**
 * 企业自主填报: a key enterprise's user files its own monthly figures (year to date). The server checks them exactly
 * like a row of the statistics import and names each wrong field; a correction keeps the earlier revision. Below,
 * every revision of the enterprise's reports, whether imported by the statistics office or filed here.
 */
export function SelfReportPage() {
  const { t } = useTranslation()
  const locale = currentLocale()
  const me = useMe()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [result, setResult] = useState<SelfReportResult | null>(null)
  const [problems, setProblems] = useState<FieldError[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const isEnterprise = me.enterpriseUscc !== null
  const own = useQuery({ queryKey: ['reports', 'self'], queryFn: () => selfReportApi.own(), enabled: isEnterprise })

  const label = (p: { year: number; month: number }) => t('selfReport.periodLabel', { year: p.year, month: p.month })

  const submit = async () => {
    const v = await form.validateFields()
    if (!v.period) return
    setSaving(true)
    setFailure(null)
    setProblems(null)
    setResult(null)
    try {
      const figures = Object.fromEntries(SELF_REPORT_FIELDS.map((f) => [f, v[f] ?? null])) as Record<SelfReportField, number | null>
      const r = await selfReportApi.submit({ period: v.period.format('YYYY-MM'), ...figures, ...(v.revisionReason?.trim() ? { revisionReason: v.revisionReason.trim() } : {}) })
      setResult(r)
      void message.success(t(`selfReport.${r.outcome}`, { period: label(r), batch: r.batchId ?? '' }))
      await queryClient.invalidateQueries({ queryKey: ['reports'] })
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length) {
        setProblems(e.fieldErrors)
        const by = new Map<string, string[]>()
        for (const f of e.fieldErrors) if (f.field) by.set(f.field, [...(by.get(f.field) ?? []), pickText(f.message, locale)])
        form.setFields([...by].map(([name, errors]) => ({ name: name as keyof Values, errors })))
      } else setFailure(errorText(e, t))
    } finally {
      setSaving(false)
    }
  }

  const none = t('common.none')
  const amount = (v: string | null) => (v === null ? none : formatAmount(v, locale))
  const columns: TableColumnsType<OwnReport> = [
    { key: 'period', title: t('selfReport.period'), width: 150, render: (_, r) => label(r) },
    {
      key: 'revision',
      title: t('selfReport.revision'),
      width: 130,
      render: (_, r) => (
        <>
          {r.revision} {r.supersededAt !== null && <Tag>{t('selfReport.superseded')}</Tag>}
        </>
      ),
    },
    { key: 'source', title: t('selfReport.source'), width: 130, render: (_, r) => <Tag color={r.source === 'selfReport' ? 'blue' : undefined}>{r.source === 'selfReport' ? t('selfReport.sources.selfReport') : t('selfReport.sources.import')}</Tag> },
    ...ROWS.map((row) => ({
      key: row.current,
      title: t(`selfReport.${row.label}`),
      align: 'right' as const,
      width: 150,
      render: (_: unknown, r: OwnReport) => (
        <>
          <div className="gx-num">{amount(r[row.current] as string | null)}</div>
          {row.prior && r[row.prior] !== null && <div className="gx-muted gx-num">{amount(r[row.prior] as string | null)}</div>}
        </>
      ),
    })),
    { key: 'employees', dataIndex: 'employees', title: t('selfReport.employees'), align: 'right', width: 110, render: (v: number | null) => v ?? none },
    { key: 'recordedAt', dataIndex: 'recordedAt', title: t('selfReport.recordedAt'), width: 170, render: (v: string) => formatDateTime(v) },
    { key: 'reason', dataIndex: 'revisionReason', title: t('selfReport.reason'), width: 160, render: (v: string | null) => v ?? none },
    {
      key: 'fill',
      title: t('common.actions'),
      width: 150,
      fixed: 'right',
      render: (_, r) =>
        r.supersededAt === null && r.month >= 2 ? (
          <Button
            type="link"
            size="small"
            onClick={() => {
              form.setFieldsValue({ ...formValuesOf(r), period: dayjs(new Date(r.year, r.month - 1, 1)) })
              setResult(null)
              setProblems(null)
            }}
          >
            {t('selfReport.fill')}
          </Button>
        ) : null,
    },
  ]
  const history = [...(own.data?.items ?? [])].sort((a, b) => b.year - a.year || b.month - a.month || b.revision - a.revision)

  return (
    <div className="gx-page" data-testid="self-report-page">
      <Card className="gx-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('selfReport.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('selfReport.subtitle')}</Typography.Paragraph>
        {!isEnterprise ? (
          <Alert type="info" showIcon title={t('selfReport.onlyEnterprise')} />
        ) : (
          <>
            <Typography.Paragraph>
              {t('selfReport.enterprise')}：<strong>{own.data?.name || me.displayName}</strong>（{me.enterpriseUscc}）
            </Typography.Paragraph>
            <Form form={form} layout="vertical" style={{ maxWidth: 760 }} data-testid="self-report-form">
              <Form.Item name="period" label={t('selfReport.period')} extra={t('selfReport.periodHint')} rules={[{ required: true, message: t('common.required', { field: t('selfReport.period') }) }]}>
                <DatePicker
                  picker="month"
                  allowClear={false}
                  disabledDate={(d) => d.month() === 0 || d.isAfter(dayjs(), 'month')}
                  format={(d) => label({ year: d.year(), month: d.month() + 1 })}
                  data-testid="self-report-period"
                />
              </Form.Item>
              <Row gutter={16}>
                <Col span={8} />
                <Col span={8}>
                  <Typography.Text strong>{t('selfReport.current')}</Typography.Text>
                </Col>
                <Col span={8}>
                  <Typography.Text strong>{t('selfReport.prior')}</Typography.Text>
                </Col>
              </Row>
              {ROWS.map((row) => (
                <Row gutter={16} key={row.current} align="middle">
                  <Col span={8}>{t(`selfReport.${row.label}`)}</Col>
                  <Col span={8}>
                    <Form.Item name={row.current} style={{ marginBottom: 12 }}>
                      <InputNumber<number> style={{ width: '100%' }} min={row.signed ? undefined : 0} precision={2} data-testid={`self-report-${row.current}`} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    {row.prior && (
                      <Form.Item name={row.prior} style={{ marginBottom: 12 }}>
                        <InputNumber<number> style={{ width: '100%' }} min={row.signed ? undefined : 0} precision={2} />
                      </Form.Item>
                    )}
                  </Col>
                </Row>
              ))}
              <Typography.Paragraph type="secondary">{t('selfReport.priorHint')}</Typography.Paragraph>
              <Form.Item name="employees" label={t('selfReport.employees')}>
                <InputNumber<number> style={{ width: 240 }} min={0} precision={0} data-testid="self-report-employees" />
              </Form.Item>
              <Form.Item name="revisionReason" label={t('selfReport.revisionReason')} extra={t('selfReport.revisionReasonHint')}>
                <Input maxLength={500} />
              </Form.Item>
              <Button type="primary" onClick={() => void submit()} loading={saving} data-testid="self-report-submit">
                {t('selfReport.submit')}
              </Button>
            </Form>
            <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
              {failure && <Alert type="error" showIcon title={failure} />}
              {problems && (
                <Alert
                  type="error"
                  showIcon
                  title={t('selfReport.errors')}
                  description={problems.map((p, i) => <div key={i}>{pickText(p.message, locale)}</div>)}
                  data-testid="self-report-errors"
                />
              )}
              {result && <Alert type={result.outcome === 'unchanged' ? 'info' : 'success'} showIcon title={t(`selfReport.${result.outcome}`, { period: label(result), batch: result.batchId ?? '' })} />}
              {result && result.warnings.length > 0 && (
                <Alert type="warning" showIcon title={t('selfReport.warnings')} description={result.warnings.map((w, i) => <div key={i}>{pickText(w.message, locale)}</div>)} />
              )}
            </Space>
            <Typography.Title level={5}>{t('selfReport.history')}</Typography.Title>
            {own.isError && <Typography.Text type="danger">{errorText(own.error, t)}</Typography.Text>}
            <Table<OwnReport>
              rowKey={(r) => `${r.year}-${r.month}-${r.revision}`}
              size="small"
              columns={columns}
              dataSource={history}
              loading={own.isLoading}
              locale={{ emptyText: t('selfReport.historyEmpty') }}
              scroll={{ x: 1500 }}
              pagination={{ pageSize: 12, hideOnSinglePage: true }}
              data-testid="self-report-history"
            />
          </>
        )}
      </Card>
    </div>
  )
}
