import { useState } from 'react'
import { Alert, App, Button, Checkbox, Form, Input, Select, Space, Steps, Tag, Typography } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ApiError, apiUrl } from '../../api/client.ts'
import { MONTHLY_TEMPLATE_PATH, reportApi } from '../../api/endpoints.ts'
import type { FieldError, MonthlyImportCounts } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { ErrorWorkbookLink, FieldErrorTable, FileChooser, ImportCountsView } from '../imports/ImportParts.tsx'

/** What the last dry run (or refused commit) said about the chosen file. */
interface Checked {
  counts: MonthlyImportCounts | null
  errors: FieldError[]
  warnings: FieldError[]
  errorCount: number
  warningCount: number
  errorWorkbookUrl: string | null
}

const COUNT_KEYS: readonly (keyof MonthlyImportCounts)[] = ['read', 'accepted', 'rejected', 'unchanged', 'created', 'revised']
type Source = 'monthly' | 'electricity' | 'officialStats' | 'targets'
// official statistics, targets and electricity are imported on their own tabs (统计公布数, 年度目标, 用电数据)
const COMING_SOURCES: readonly Source[] = []
/** the server's code for a change to a period closed for publication */
const PERIOD_CLOSED = 'periodClosed'

const detailNumber = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback)

/**
 * Import of 规上工业企业月度主要指标 in two steps: a dry run that writes nothing and lists every row
 * error and warning, then the commit of the same file. A file that changes a closed period needs a
 * revision reason, asked for once the server says so.
 */
export function MonthlyImportTab() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [source, setSource] = useState<Source>('monthly')
  const [file, setFile] = useState<File | null>(null)
  const [allowJanuary, setAllowJanuary] = useState(false)
  const [reason, setReason] = useState('')
  const [checked, setChecked] = useState<Checked | null>(null)
  const [committed, setCommitted] = useState<{ id: number | null; counts: MonthlyImportCounts } | null>(null)
  const [busy, setBusy] = useState<'dryRun' | 'commit' | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  const reset = () => {
    setChecked(null)
    setCommitted(null)
    setFailure(null)
  }

  const run = async (dryRun: boolean) => {
    if (!file) return
    setBusy(dryRun ? 'dryRun' : 'commit')
    setFailure(null)
    try {
      const r = await reportApi.importMonthly(file, { dryRun, allowJanuary, revisionReason: reason })
      if (dryRun) {
        setChecked({ counts: r.counts, errors: r.errors, warnings: r.warnings, errorCount: r.errorCount, warningCount: r.warningCount, errorWorkbookUrl: r.errorWorkbookUrl })
        setCommitted(null)
      } else {
        void message.success(t('reports.import.done', { created: r.counts.created, revised: r.counts.revised, unchanged: r.counts.unchanged }))
        setCommitted({ id: r.batchId, counts: r.counts })
        setChecked(null)
        setFile(null)
        setReason('')
        await queryClient.invalidateQueries({ queryKey: ['reports'] })
        await queryClient.invalidateQueries({ queryKey: ['imports'] })
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID') {
        const url = e.details.errorWorkbookUrl
        setChecked({
          counts: null,
          errors: e.fieldErrors,
          warnings: [],
          errorCount: detailNumber(e.details.errorCount, e.fieldErrors.length),
          warningCount: 0,
          errorWorkbookUrl: typeof url === 'string' ? url : null,
        })
      }
      setFailure(errorText(e, t))
    } finally {
      setBusy(null)
    }
  }

  const periodClosed = checked?.errors.some((e) => e.code === PERIOD_CLOSED) ?? false
  const showReason = periodClosed || reason.trim() !== ''
  const canCommit = checked !== null && checked.counts !== null && checked.errors.length === 0 && checked.counts.read > 0
  const step = committed ? 3 : checked === null ? (file ? 1 : 0) : 2

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Steps
        size="small"
        current={step}
        items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }]}
      />
      <Form layout="vertical" component="div">
        <Form.Item label={t('reports.sources.label')}>
          <Select<Source>
            value={source}
            onChange={setSource}
            style={{ maxWidth: 480 }}
            options={[
              { value: 'monthly', label: t('reports.sources.monthly') },
              ...COMING_SOURCES.map((s) => ({
                value: s,
                disabled: true,
                label: (
                  <Space size={4}>
                    {t(`reports.sources.${s}`)}
                    <Tag variant="filled">{t('reports.sources.coming')}</Tag>
                  </Space>
                ),
              })),
            ]}
          />
        </Form.Item>
        <Form.Item>
          <FileChooser
            dragger
            file={file}
            testId="reports-import-file"
            onChange={(f) => {
              setFile(f)
              reset()
            }}
          />
        </Form.Item>
        <Space wrap size="large">
          <a href={apiUrl(MONTHLY_TEMPLATE_PATH)} download>
            <DownloadOutlined /> {t('reports.import.template')}
          </a>
          <Checkbox
            checked={allowJanuary}
            onChange={(e) => {
              setAllowJanuary(e.target.checked)
              setChecked(null)
            }}
          >
            {t('reports.import.allowJanuary')}
          </Checkbox>
          <Typography.Text type="secondary">{t('reports.import.allowJanuaryHint')}</Typography.Text>
        </Space>
        {showReason && (
          <Form.Item label={t('reports.import.revisionReason')} required style={{ marginTop: 16, maxWidth: 560 }}>
            {periodClosed && <Alert type="warning" showIcon title={t('reports.import.revisionReasonNeeded')} style={{ marginBottom: 8 }} />}
            <Input
              value={reason}
              maxLength={500}
              placeholder={t('reports.import.revisionReasonPlaceholder')}
              onChange={(e) => setReason(e.target.value)}
              data-testid="reports-revision-reason"
            />
          </Form.Item>
        )}
      </Form>
      <Space>
        <Button onClick={() => void run(true)} disabled={!file} loading={busy === 'dryRun'} data-testid="reports-dry-run">
          {t('import.dryRun')}
        </Button>
        <Button type="primary" onClick={() => void run(false)} disabled={!canCommit || busy !== null} loading={busy === 'commit'} data-testid="reports-commit">
          {t('import.commit')}
        </Button>
      </Space>
      {failure && <Alert type="error" showIcon title={failure} />}
      {committed && (
        <>
          <Alert type="success" showIcon title={committed.id === null ? t('import.noErrors') : t('reports.import.committed', { id: committed.id })} />
          <ImportCountsView keys={COUNT_KEYS} counts={committed.counts} label={(k) => t(`reports.doneCounts.${k}`)} />
        </>
      )}
      {checked?.counts && <ImportCountsView keys={COUNT_KEYS} counts={checked.counts} label={(k) => t(`reports.counts.${k}`)} />}
      {checked && checked.errors.length === 0 && checked.counts && <Alert type="success" showIcon title={t('import.noErrors')} />}
      {checked && checked.errors.length > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('import.hasErrors', { count: checked.errorCount })}
            description={checked.errorCount > checked.errors.length ? t('reports.import.listed', { listed: checked.errors.length, count: checked.errorCount }) : undefined}
            action={<ErrorWorkbookLink url={checked.errorWorkbookUrl} />}
          />
          <FieldErrorTable rows={checked.errors} testId="reports-import-errors" />
        </>
      )}
      {checked && checked.warnings.length > 0 && (
        <>
          <Alert type="info" showIcon title={t('reports.import.warnings', { count: checked.warningCount })} />
          <FieldErrorTable rows={checked.warnings} warnings testId="reports-import-warnings" />
        </>
      )}
    </Space>
  )
}
