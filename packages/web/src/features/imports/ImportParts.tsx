import { useState, type CSSProperties, type ReactNode } from 'react'
import { Alert, App, Button, Descriptions, Form, Input, Space, Steps, Table, Upload } from 'antd'
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { ApiError, apiUrl } from '../../api/client.ts'
import type { FieldError } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { pickText } from '../../i18n/locale.ts'
import { errorText } from '../../shared/errors.ts'
import { formatValue } from '../../shared/format.ts'

/**
 * The pieces every import screen shares (the enterprise registry's modal, the monthly data intake):
 * choosing the file, the counts of a dry run, the table of row errors and the error workbook link; and the
 * two-step import of facts (monthly statistics, electricity, official statistics, targets): its state
 * (useTwoStepImport), its steps, revision reason, buttons and outcome.
 */

/** A link the server gave (absolute, or relative to the API). */
export const hrefOf = (url: string) => (url.startsWith('/') || /^https?:/.test(url) ? url : apiUrl(`/${url}`))

export const IMPORT_ACCEPT = '.xlsx,.csv'

interface FileChooserProps {
  file: File | null
  onChange: (file: File | null) => void
  /** a drop zone instead of a button */
  dragger?: boolean
  disabled?: boolean
  testId?: string
}

/** One .xlsx or .csv file, kept in the browser until it is sent. */
export function FileChooser({ file, onChange, dragger = false, disabled = false, testId }: FileChooserProps) {
  const { t } = useTranslation()
  const props = {
    accept: IMPORT_ACCEPT,
    maxCount: 1,
    disabled,
    beforeUpload: (f: File) => {
      onChange(f)
      return false
    },
    onRemove: () => {
      onChange(null)
    },
    fileList: file ? [{ uid: 'file', name: file.name, status: 'done' as const }] : [],
    ...(testId ? { 'data-testid': testId } : {}),
  }
  if (dragger) {
    return (
      <Upload.Dragger {...props}>
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.dropFile')}</p>
        <p className="ant-upload-hint">{t('import.fileHint')}</p>
      </Upload.Dragger>
    )
  }
  return (
    <Upload {...props}>
      <Button icon={<UploadOutlined />}>{t('import.chooseFile')}</Button>
    </Upload>
  )
}

/** The counts of a dry run or a commit, one column per key. */
export function ImportCountsView<K extends string>({ keys, counts, label }: { keys: readonly K[]; counts: Partial<Record<K, number>>; label: (k: K) => string }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={keys.length}
      layout="vertical"
      items={keys.map((k) => ({ key: k, label: label(k), children: counts[k] ?? 0 }))}
    />
  )
}

/** The workbook the server marks the wrong cells in. */
export function ErrorWorkbookLink({ url }: { url: string | null }): ReactNode {
  const { t } = useTranslation()
  if (!url) return null
  return (
    <a href={hrefOf(url)} download>
      <DownloadOutlined /> {t('import.errorWorkbook')}
    </a>
  )
}

/** Row errors (or warnings) of an import: row, column, field, the message in the current language, the value. */
export function FieldErrorTable({ rows, testId, warnings = false }: { rows: FieldError[]; testId?: string; warnings?: boolean }) {
  const { t } = useTranslation()
  const locale = currentLocale()
  return (
    <Table<FieldError & { key: number }>
      size="small"
      data-testid={testId}
      dataSource={rows.map((e, i) => ({ ...e, key: i }))}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { key: 'row', dataIndex: 'row', title: t('import.columns.row'), width: 70 },
        { key: 'column', dataIndex: 'column', title: t('import.columns.column'), width: 90 },
        { key: 'field', dataIndex: 'field', title: t('import.columns.field'), width: 140 },
        {
          key: 'message',
          title: warnings ? t('import.columns.warning') : t('import.columns.message'),
          render: (_, e) => pickText(e.message, locale),
        },
        {
          key: 'value',
          title: t('import.columns.value'),
          width: 160,
          ellipsis: true,
          render: (_, e) => (e.value === undefined ? '' : formatValue(e.value)),
        },
      ]}
    />
  )
}

/** What a two-step import of facts answers, for a dry run and for the commit. */
export interface TwoStepImportResult<C> {
  batchId: number | null
  counts: C
  errors: FieldError[]
  warnings: FieldError[]
  errorCount: number
  warningCount: number
  errorWorkbookUrl: string | null
}

/** What the last dry run (or refused commit: no counts) said about the chosen file. */
export type ImportCheck<C> = Omit<TwoStepImportResult<C>, 'batchId' | 'counts'> & { counts: C | null }

/** The counts every import of facts reports: new, revised and unchanged figures. */
interface FactCounts {
  read: number
  created: number
  revised: number
  unchanged: number
}

/**
 * The i18n groups that hold the texts of a two-step import: revisionReason, revisionReasonNeeded,
 * revisionReasonPlaceholder, done, committed, warnings, listed.
 */
export type ImportTexts = 'reports.import' | 'electricity.import' | 'indicators.import'

/** Sends the chosen file: a dry run, or the commit. */
export type ImportRequest<C> = (file: File, dryRun: boolean, revisionReason: string) => Promise<TwoStepImportResult<C>>

/** the server's code for a change to a period closed for publication */
const PERIOD_CLOSED = 'periodClosed'

const detailNumber = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback)

/**
 * The state of a two-step import: a dry run that writes nothing and lists every row error and warning, then the
 * commit of the same file. A refused file keeps its errors on show; a file that changes a closed period needs a
 * revision reason, asked for once the server says so. A commit announces its counts, forgets the file and the
 * reason, and refreshes the queries under `invalidate` and the import batches.
 */
export function useTwoStepImport<C extends FactCounts>({ request, texts, invalidate, onCommitted }: {
  request: ImportRequest<C>
  texts: ImportTexts
  /** query keys whose data the commit changes */
  invalidate: readonly (readonly string[])[]
  onCommitted?: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [reason, setReason] = useState('')
  const [checked, setChecked] = useState<ImportCheck<C> | null>(null)
  const [committed, setCommitted] = useState<{ id: number | null; counts: C } | null>(null)
  const [busy, setBusy] = useState<'dryRun' | 'commit' | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  /** a dry run or the commit; `send` may be another request than the usual one (a dry run with other options) */
  const run = async (dryRun: boolean, send: ImportRequest<C> = request) => {
    if (!file) return
    setBusy(dryRun ? 'dryRun' : 'commit')
    setFailure(null)
    try {
      const r = await send(file, dryRun, reason)
      if (dryRun) {
        setChecked({ counts: r.counts, errors: r.errors, warnings: r.warnings, errorCount: r.errorCount, warningCount: r.warningCount, errorWorkbookUrl: r.errorWorkbookUrl })
        setCommitted(null)
      } else {
        void message.success(t(`${texts}.done`, { created: r.counts.created, revised: r.counts.revised, unchanged: r.counts.unchanged }))
        setCommitted({ id: r.batchId, counts: r.counts })
        setChecked(null)
        setFile(null)
        setReason('')
        onCommitted?.()
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
  return {
    texts,
    file,
    /** another file (or none): what was said about the last one is forgotten */
    chooseFile(f: File | null) {
      setFile(f)
      setChecked(null)
      setCommitted(null)
      setFailure(null)
    },
    reason,
    setReason,
    checked,
    /** an option of the dry run changed: its answer no longer holds */
    clearCheck: () => setChecked(null),
    committed,
    busy,
    failure,
    run,
    periodClosed,
    /** the reason is asked for once the server refused a closed period, and kept on show while filled */
    showReason: periodClosed || reason.trim() !== '',
    canCommit: checked !== null && checked.counts !== null && checked.errors.length === 0 && checked.counts.read > 0,
    step: committed ? 3 : checked === null ? (file ? 1 : 0) : 2,
  }
}

export type TwoStepImport<C extends FactCounts> = ReturnType<typeof useTwoStepImport<C>>

/** Choose the file, check it, import it. */
export function ImportSteps({ current }: { current: number }) {
  const { t } = useTranslation()
  return <Steps size="small" current={current} items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }]} />
}

/** The link to an import's template. */
export function TemplateLink({ path, label }: { path: string; label: string }) {
  return (
    <a href={apiUrl(path)} download>
      <DownloadOutlined /> {label}
    </a>
  )
}

/**
 * The revision reason of a change to a closed period, in a form of its own, or, with `inForm`, as one more
 * field of the form around it.
 */
export function RevisionReasonField<C extends FactCounts>({ imp, testId, inForm = false }: { imp: TwoStepImport<C>; testId: string; inForm?: boolean }) {
  const { t } = useTranslation()
  const style: CSSProperties = inForm ? { marginTop: 16, maxWidth: 560 } : { maxWidth: 560, marginBottom: 0 }
  const item = (
    <Form.Item label={t(`${imp.texts}.revisionReason`)} required style={style}>
      {imp.periodClosed && <Alert type="warning" showIcon title={t(`${imp.texts}.revisionReasonNeeded`)} style={{ marginBottom: 8 }} />}
      <Input value={imp.reason} maxLength={500} placeholder={t(`${imp.texts}.revisionReasonPlaceholder`)} onChange={(e) => imp.setReason(e.target.value)} data-testid={testId} />
    </Form.Item>
  )
  if (inForm) return item
  return (
    <Form layout="vertical" component="div">
      {item}
    </Form>
  )
}

/** 预检 and 确认导入; the commit only after a clean dry run. Test ids `${testId}-dry-run` and `${testId}-commit`. */
export function DryRunCommitButtons<C extends FactCounts>({ imp, testId }: { imp: TwoStepImport<C>; testId: string }) {
  const { t } = useTranslation()
  return (
    <Space>
      <Button onClick={() => void imp.run(true)} disabled={!imp.file} loading={imp.busy === 'dryRun'} data-testid={`${testId}-dry-run`}>
        {t('import.dryRun')}
      </Button>
      <Button type="primary" onClick={() => void imp.run(false)} disabled={!imp.canCommit || imp.busy !== null} loading={imp.busy === 'commit'} data-testid={`${testId}-commit`}>
        {t('import.commit')}
      </Button>
    </Space>
  )
}

interface OutcomeProps<C extends FactCounts & Partial<Record<K, number>>, K extends string> {
  imp: TwoStepImport<C>
  t: TFunction
  /** the counts shown, one column each */
  keys: readonly K[]
  doneLabel: (k: K) => string
  checkLabel: (k: K) => string
  /** test ids `${testId}-errors` and `${testId}-warnings` of the tables */
  testId: string
  /** a note under the counts of a dry run */
  countsNote?: ReactNode
  /** shown after a dry run, above its errors */
  beforeErrors?: ReactNode
}

/**
 * What came of the last dry run or commit: the failure, the counts, the row errors (with the error workbook) and
 * the warnings. Elements, not a component: each becomes an item of the panel's vertical Space.
 */
export function importOutcome<C extends FactCounts & Partial<Record<K, number>>, K extends string>({ imp, t, keys, doneLabel, checkLabel, testId, countsNote, beforeErrors }: OutcomeProps<C, K>): ReactNode {
  const { checked, committed, texts } = imp
  return (
    <>
      {imp.failure && <Alert type="error" showIcon title={imp.failure} />}
      {committed && (
        <>
          <Alert type="success" showIcon title={committed.id === null ? t('import.noErrors') : t(`${texts}.committed`, { id: committed.id })} />
          <ImportCountsView keys={keys} counts={committed.counts} label={doneLabel} />
        </>
      )}
      {checked?.counts && <ImportCountsView keys={keys} counts={checked.counts} label={checkLabel} />}
      {checked?.counts && countsNote}
      {checked && checked.errors.length === 0 && checked.counts && <Alert type="success" showIcon title={t('import.noErrors')} />}
      {checked && beforeErrors}
      {checked && checked.errors.length > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('import.hasErrors', { count: checked.errorCount })}
            description={checked.errorCount > checked.errors.length ? t(`${texts}.listed`, { listed: checked.errors.length, count: checked.errorCount }) : undefined}
            action={<ErrorWorkbookLink url={checked.errorWorkbookUrl} />}
          />
          <FieldErrorTable rows={checked.errors} testId={`${testId}-errors`} />
        </>
      )}
      {checked && checked.warnings.length > 0 && (
        <>
          <Alert type="info" showIcon title={t(`${texts}.warnings`, { count: checked.warningCount })} />
          <FieldErrorTable rows={checked.warnings} warnings testId={`${testId}-warnings`} />
        </>
      )}
    </>
  )
}
