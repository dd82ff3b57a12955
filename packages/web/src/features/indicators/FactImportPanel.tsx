import { useState } from 'react'
import { Alert, App, Button, Form, Input, Space, Steps } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ApiError, apiUrl } from '../../api/client.ts'
import type { FieldError } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { ErrorWorkbookLink, FieldErrorTable, FileChooser, ImportCountsView } from '../imports/ImportParts.tsx'
import type { FactImportCounts, FactImportOptions, FactImportResult } from './api.ts'

/** What the last dry run (or refused commit) said about the chosen file. */
interface Checked {
  counts: FactImportCounts | null
  errors: FieldError[]
  warnings: FieldError[]
  errorCount: number
  warningCount: number
  errorWorkbookUrl: string | null
}

const COUNT_KEYS: readonly (keyof FactImportCounts)[] = ['read', 'accepted', 'rejected', 'unchanged', 'created', 'revised']
/** the server's code for a change to a period closed for publication */
const PERIOD_CLOSED = 'periodClosed'

const detailNumber = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback)

interface Props {
  run: (file: File, opts: FactImportOptions) => Promise<FactImportResult>
  templatePath: string
  templateLabel: string
  /** query keys whose data the commit changes */
  invalidate: readonly (readonly string[])[]
  testId: string
}

/**
 * Import of a file of regional facts (official statistics, targets) in two steps, as the monthly statistics
 * import: a dry run that writes nothing and lists every row error and warning, then the commit of the same
 * file. A file that changes a closed period needs a revision reason, asked for once the server says so.
 */
export function FactImportPanel({ run, templatePath, templateLabel, invalidate, testId }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [reason, setReason] = useState('')
  const [checked, setChecked] = useState<Checked | null>(null)
  const [committed, setCommitted] = useState<{ id: number | null; counts: FactImportCounts } | null>(null)
  const [busy, setBusy] = useState<'dryRun' | 'commit' | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  const send = async (dryRun: boolean) => {
    if (!file) return
    setBusy(dryRun ? 'dryRun' : 'commit')
    setFailure(null)
    try {
      const r = await run(file, { dryRun, revisionReason: reason })
      if (dryRun) {
        setChecked({ counts: r.counts, errors: r.errors, warnings: r.warnings, errorCount: r.errorCount, warningCount: r.warningCount, errorWorkbookUrl: r.errorWorkbookUrl })
        setCommitted(null)
      } else {
        void message.success(t('indicators.import.done', { created: r.counts.created, revised: r.counts.revised, unchanged: r.counts.unchanged }))
        setCommitted({ id: r.batchId, counts: r.counts })
        setChecked(null)
        setFile(null)
        setReason('')
        for (const key of [...invalidate, ['imports']]) await queryClient.invalidateQueries({ queryKey: [...key] })
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID') {
        const url = e.details.errorWorkbookUrl
        setChecked({ counts: null, errors: e.fieldErrors, warnings: [], errorCount: detailNumber(e.details.errorCount, e.fieldErrors.length), warningCount: 0, errorWorkbookUrl: typeof url === 'string' ? url : null })
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
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={testId}>
      <Steps size="small" current={step} items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }]} />
      <FileChooser
        dragger
        file={file}
        testId={`${testId}-file`}
        onChange={(f) => {
          setFile(f)
          setChecked(null)
          setCommitted(null)
          setFailure(null)
        }}
      />
      <a href={apiUrl(templatePath)} download>
        <DownloadOutlined /> {templateLabel}
      </a>
      {showReason && (
        <Form layout="vertical" component="div">
          <Form.Item label={t('indicators.import.revisionReason')} required style={{ maxWidth: 560, marginBottom: 0 }}>
            {periodClosed && <Alert type="warning" showIcon title={t('indicators.import.revisionReasonNeeded')} style={{ marginBottom: 8 }} />}
            <Input value={reason} maxLength={500} placeholder={t('indicators.import.revisionReasonPlaceholder')} onChange={(e) => setReason(e.target.value)} data-testid={`${testId}-reason`} />
          </Form.Item>
        </Form>
      )}
      <Space>
        <Button onClick={() => void send(true)} disabled={!file} loading={busy === 'dryRun'} data-testid={`${testId}-dry-run`}>
          {t('import.dryRun')}
        </Button>
        <Button type="primary" onClick={() => void send(false)} disabled={!canCommit || busy !== null} loading={busy === 'commit'} data-testid={`${testId}-commit`}>
          {t('import.commit')}
        </Button>
      </Space>
      {failure && <Alert type="error" showIcon title={failure} />}
      {committed && (
        <>
          <Alert type="success" showIcon title={committed.id === null ? t('import.noErrors') : t('indicators.import.committed', { id: committed.id })} />
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
            description={checked.errorCount > checked.errors.length ? t('indicators.import.listed', { listed: checked.errors.length, count: checked.errorCount }) : undefined}
            action={<ErrorWorkbookLink url={checked.errorWorkbookUrl} />}
          />
          <FieldErrorTable rows={checked.errors} testId={`${testId}-errors`} />
        </>
      )}
      {checked && checked.warnings.length > 0 && (
        <>
          <Alert type="info" showIcon title={t('indicators.import.warnings', { count: checked.warningCount })} />
          <FieldErrorTable rows={checked.warnings} warnings testId={`${testId}-warnings`} />
        </>
      )}
    </Space>
  )
}
