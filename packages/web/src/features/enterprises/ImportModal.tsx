import { useState } from 'react'
import { Alert, App, Button, Modal, Space, Steps } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ApiError, apiUrl } from '../../api/client.ts'
import { ENTERPRISE_TEMPLATE_PATH, enterpriseApi } from '../../api/endpoints.ts'
import type { FieldError, ImportCounts, ImportResult } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { ErrorWorkbookLink, FieldErrorTable, FileChooser, ImportCountsView } from '../imports/ImportParts.tsx'

interface Checked {
  counts: ImportCounts | null
  errors: FieldError[]
  errorWorkbookUrl: string | null
}

const COUNT_KEYS: (keyof ImportCounts)[] = ['read', 'accepted', 'rejected', 'unchanged', 'created', 'updated']

/**
 * Import in two steps: a dry run that writes nothing and lists every row error, then the commit of the
 * same file. The server refuses a commit with errors as a whole (422 IMPORT_INVALID).
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [checked, setChecked] = useState<Checked | null>(null)
  const [busy, setBusy] = useState<'dryRun' | 'commit' | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  const fromResult = (r: ImportResult): Checked => ({ counts: r.counts, errors: r.errors, errorWorkbookUrl: r.errorWorkbookUrl })

  const run = async (dryRun: boolean) => {
    if (!file) return
    setBusy(dryRun ? 'dryRun' : 'commit')
    setFailure(null)
    try {
      const r = await enterpriseApi.import(file, dryRun)
      if (dryRun) {
        setChecked(fromResult(r))
      } else {
        void message.success(t('import.done', { created: r.counts.created, updated: r.counts.updated, unchanged: r.counts.unchanged }))
        await queryClient.invalidateQueries({ queryKey: ['enterprises'] })
        await queryClient.invalidateQueries({ queryKey: ['enterprise'] })
        onClose()
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID') {
        const url = e.details.errorWorkbookUrl
        setChecked({ counts: null, errors: e.fieldErrors, errorWorkbookUrl: typeof url === 'string' ? url : null })
      }
      setFailure(errorText(e, t))
    } finally {
      setBusy(null)
    }
  }

  const canCommit = checked !== null && checked.counts !== null && checked.errors.length === 0 && checked.counts.read > 0
  const step = checked === null ? (file ? 1 : 0) : 2

  return (
    <Modal
      open
      width={880}
      title={t('import.title')}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button onClick={() => void run(true)} disabled={!file} loading={busy === 'dryRun'} data-testid="import-dry-run">
            {t('import.dryRun')}
          </Button>
          <Button type="primary" onClick={() => void run(false)} disabled={!canCommit} loading={busy === 'commit'} data-testid="import-commit">
            {t('import.commit')}
          </Button>
        </Space>
      }
    >
      <Steps
        size="small"
        current={step}
        items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }]}
        className="gx-import-steps"
      />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <FileChooser
            file={file}
            onChange={(f) => {
              setFile(f)
              setChecked(null)
              setFailure(null)
            }}
          />
          <a href={apiUrl(ENTERPRISE_TEMPLATE_PATH)} download>
            <DownloadOutlined /> {t('import.template')}
          </a>
        </Space>
        <span className="gx-muted">{t('import.fileHint')}</span>
        {failure && <Alert type="error" showIcon title={failure} />}
        {checked?.counts && (
          <ImportCountsView keys={COUNT_KEYS} counts={checked.counts} label={(k) => t(`import.counts.${k}`)} />
        )}
        {checked && checked.errors.length === 0 && checked.counts && <Alert type="success" showIcon title={t('import.noErrors')} />}
        {checked && checked.errors.length > 0 && (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('import.hasErrors', { count: checked.errors.length })}
              action={<ErrorWorkbookLink url={checked.errorWorkbookUrl} />}
            />
            <FieldErrorTable rows={checked.errors} testId="import-errors" />
          </>
        )}
      </Space>
    </Modal>
  )
}
