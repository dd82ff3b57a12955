import { useState } from 'react'
import { Alert, App, Button, Checkbox, Form, Input, Segmented, Space, Steps, Typography } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ApiError, apiUrl } from '../../api/client.ts'
import type { FieldError } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { ErrorWorkbookLink, FieldErrorTable, FileChooser, ImportCountsView } from '../imports/ImportParts.tsx'
import { ELECTRICITY_TEMPLATE_PATH, GRID_ACCOUNTS_TEMPLATE_PATH, electricityApi, type ElectricityImportCounts } from './api.ts'

type Kind = 'readings' | 'accounts'
type CountKey = keyof Required<ElectricityImportCounts>

/** What the last dry run (or refused commit) said about the chosen file. */
interface Checked {
  counts: ElectricityImportCounts | null
  errors: FieldError[]
  warnings: FieldError[]
  errorCount: number
  warningCount: number
  errorWorkbookUrl: string | null
}

const READING_KEYS: readonly CountKey[] = ['read', 'accepted', 'rejected', 'unchanged', 'created', 'revised', 'mappedAccounts']
const ACCOUNT_KEYS: readonly CountKey[] = ['read', 'accepted', 'rejected', 'unchanged', 'created', 'revised']
/** the server's codes the panel reacts to */
const PERIOD_CLOSED = 'periodClosed'
const ACCOUNT_UNKNOWN = 'accountUnknown'

const detailNumber = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback)
const full = (c: ElectricityImportCounts): Required<ElectricityImportCounts> => ({ ...c, mappedAccounts: c.mappedAccounts ?? 0 })

/**
 * Import of the grid company's electricity file, or of the account mapping, in two steps as every import: a dry
 * run that writes nothing and lists every row error and warning, then the commit of the same file. Unmapped
 * account numbers are offered to be mapped from their rows' USCCs; a closed month asks for a revision reason.
 */
export function ElectricityImportPanel() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [kind, setKind] = useState<Kind>('readings')
  const [file, setFile] = useState<File | null>(null)
  const [mapNewAccounts, setMapNewAccounts] = useState(false)
  const [reason, setReason] = useState('')
  const [checked, setChecked] = useState<Checked | null>(null)
  const [committed, setCommitted] = useState<{ id: number | null; counts: ElectricityImportCounts } | null>(null)
  const [busy, setBusy] = useState<'dryRun' | 'commit' | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  const reset = () => {
    setChecked(null)
    setCommitted(null)
    setFailure(null)
  }

  const send = async (dryRun: boolean, map = mapNewAccounts) => {
    if (!file) return
    setBusy(dryRun ? 'dryRun' : 'commit')
    setFailure(null)
    try {
      const run = kind === 'readings' ? electricityApi.importReadings : electricityApi.importAccounts
      const r = await run(file, { dryRun, mapNewAccounts: map, revisionReason: reason })
      if (dryRun) {
        setChecked({ counts: r.counts, errors: r.errors, warnings: r.warnings, errorCount: r.errorCount, warningCount: r.warningCount, errorWorkbookUrl: r.errorWorkbookUrl })
        setCommitted(null)
      } else {
        void message.success(t('electricity.import.done', { created: r.counts.created, revised: r.counts.revised, unchanged: r.counts.unchanged }))
        setCommitted({ id: r.batchId, counts: r.counts })
        setChecked(null)
        setFile(null)
        setReason('')
        setMapNewAccounts(false)
        await queryClient.invalidateQueries({ queryKey: ['electricity'] })
        await queryClient.invalidateQueries({ queryKey: ['imports'] })
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

  const keys = kind === 'readings' ? READING_KEYS : ACCOUNT_KEYS
  const doneLabel = (k: CountKey) => (kind === 'readings' ? t(`electricity.doneCounts.${k}`) : t(`electricity.accountCounts.${k as Exclude<CountKey, 'mappedAccounts'>}`))
  const checkLabel = (k: CountKey) => (kind === 'readings' ? t(`electricity.counts.${k}`) : t(`electricity.accountCounts.${k as Exclude<CountKey, 'mappedAccounts'>}`))
  const periodClosed = checked?.errors.some((e) => e.code === PERIOD_CLOSED) ?? false
  const unknownAccounts = checked?.errors.filter((e) => e.code === ACCOUNT_UNKNOWN).length ?? 0
  const showReason = kind === 'readings' && (periodClosed || reason.trim() !== '')
  const canCommit = checked !== null && checked.counts !== null && checked.errors.length === 0 && checked.counts.read > 0
  const step = committed ? 3 : checked === null ? (file ? 1 : 0) : 2

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="electricity-import">
      <Steps size="small" current={step} items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }]} />
      <Space wrap>
        <span>{t('electricity.import.kind')}</span>
        <Segmented<Kind>
          value={kind}
          onChange={(k) => {
            setKind(k)
            setFile(null)
            reset()
          }}
          options={[
            { value: 'readings', label: t('electricity.import.kinds.readings') },
            { value: 'accounts', label: t('electricity.import.kinds.accounts') },
          ]}
          data-testid="electricity-import-kind"
        />
      </Space>
      <FileChooser
        dragger
        file={file}
        testId="electricity-import-file"
        onChange={(f) => {
          setFile(f)
          reset()
        }}
      />
      <Space wrap size="large">
        <a href={apiUrl(kind === 'readings' ? ELECTRICITY_TEMPLATE_PATH : GRID_ACCOUNTS_TEMPLATE_PATH)} download>
          <DownloadOutlined /> {kind === 'readings' ? t('electricity.import.readingsTemplate') : t('electricity.import.accountsTemplate')}
        </a>
        {kind === 'readings' && (
          <>
            <Checkbox
              checked={mapNewAccounts}
              onChange={(e) => {
                setMapNewAccounts(e.target.checked)
                setChecked(null)
              }}
              data-testid="electricity-map-new-accounts"
            >
              {t('electricity.import.mapNewAccounts')}
            </Checkbox>
            <Typography.Text type="secondary">{t('electricity.import.mapNewAccountsHint')}</Typography.Text>
          </>
        )}
      </Space>
      {showReason && (
        <Form layout="vertical" component="div">
          <Form.Item label={t('electricity.import.revisionReason')} required style={{ maxWidth: 560, marginBottom: 0 }}>
            {periodClosed && <Alert type="warning" showIcon title={t('electricity.import.revisionReasonNeeded')} style={{ marginBottom: 8 }} />}
            <Input value={reason} maxLength={500} placeholder={t('electricity.import.revisionReasonPlaceholder')} onChange={(e) => setReason(e.target.value)} data-testid="electricity-revision-reason" />
          </Form.Item>
        </Form>
      )}
      <Space>
        <Button onClick={() => void send(true)} disabled={!file} loading={busy === 'dryRun'} data-testid="electricity-dry-run">
          {t('import.dryRun')}
        </Button>
        <Button type="primary" onClick={() => void send(false)} disabled={!canCommit || busy !== null} loading={busy === 'commit'} data-testid="electricity-commit">
          {t('import.commit')}
        </Button>
      </Space>
      {failure && <Alert type="error" showIcon title={failure} />}
      {committed && (
        <>
          <Alert type="success" showIcon title={committed.id === null ? t('import.noErrors') : t('electricity.import.committed', { id: committed.id })} />
          <ImportCountsView keys={keys} counts={full(committed.counts)} label={doneLabel} />
        </>
      )}
      {checked?.counts && <ImportCountsView keys={keys} counts={full(checked.counts)} label={checkLabel} />}
      {checked?.counts && kind === 'readings' && <Typography.Text type="secondary">{t('electricity.import.countsNote')}</Typography.Text>}
      {checked && checked.errors.length === 0 && checked.counts && <Alert type="success" showIcon title={t('import.noErrors')} />}
      {checked && unknownAccounts > 0 && !mapNewAccounts && kind === 'readings' && (
        <Alert
          type="info"
          showIcon
          title={t('electricity.import.unknownAccounts', { count: unknownAccounts })}
          action={
            <Button
              size="small"
              onClick={() => {
                setMapNewAccounts(true)
                void send(true, true)
              }}
              data-testid="electricity-offer-map"
            >
              {t('electricity.import.mapNewAccounts')}
            </Button>
          }
        />
      )}
      {checked && checked.errors.length > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('import.hasErrors', { count: checked.errorCount })}
            description={checked.errorCount > checked.errors.length ? t('electricity.import.listed', { listed: checked.errors.length, count: checked.errorCount }) : undefined}
            action={<ErrorWorkbookLink url={checked.errorWorkbookUrl} />}
          />
          <FieldErrorTable rows={checked.errors} testId="electricity-import-errors" />
        </>
      )}
      {checked && checked.warnings.length > 0 && (
        <>
          <Alert type="info" showIcon title={t('electricity.import.warnings', { count: checked.warningCount })} />
          <FieldErrorTable rows={checked.warnings} warnings testId="electricity-import-warnings" />
        </>
      )}
    </Space>
  )
}
