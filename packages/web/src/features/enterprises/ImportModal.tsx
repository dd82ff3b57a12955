import { useState } from 'react'
import { Alert, App, Button, Descriptions, Modal, Space, Steps, Table, Upload } from 'antd'
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ApiError, apiUrl } from '../../api/client.ts'
import { ENTERPRISE_TEMPLATE_PATH, enterpriseApi } from '../../api/endpoints.ts'
import type { FieldError, ImportCounts, ImportResult } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { pickText } from '../../i18n/locale.ts'
import { errorText } from '../../shared/errors.ts'
import { formatValue } from '../../shared/format.ts'

interface Checked {
  counts: ImportCounts | null
  errors: FieldError[]
  errorWorkbookUrl: string | null
}

const COUNT_KEYS: (keyof ImportCounts)[] = ['read', 'accepted', 'rejected', 'unchanged', 'created', 'updated']

/** A link the server gave (absolute, or relative to the API). */
const hrefOf = (url: string) => (url.startsWith('/') || /^https?:/.test(url) ? url : apiUrl(`/${url}`))

/**
 * Import in two steps: a dry run that writes nothing and lists every row error, then the commit of the
 * same file. The server refuses a commit with errors as a whole (422 IMPORT_INVALID).
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const locale = currentLocale()
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
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f)
              setChecked(null)
              setFailure(null)
              return false
            }}
            onRemove={() => {
              setFile(null)
              setChecked(null)
            }}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>{t('import.chooseFile')}</Button>
          </Upload>
          <a href={apiUrl(ENTERPRISE_TEMPLATE_PATH)} download>
            <DownloadOutlined /> {t('import.template')}
          </a>
        </Space>
        <span className="gx-muted">{t('import.fileHint')}</span>
        {failure && <Alert type="error" showIcon title={failure} />}
        {checked?.counts && (
          <Descriptions size="small" bordered column={6} layout="vertical"
            items={COUNT_KEYS.map((k) => ({ key: k, label: t(`import.counts.${k}`), children: checked.counts?.[k] ?? 0 }))}
          />
        )}
        {checked && checked.errors.length === 0 && checked.counts && <Alert type="success" showIcon title={t('import.noErrors')} />}
        {checked && checked.errors.length > 0 && (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('import.hasErrors', { count: checked.errors.length })}
              action={
                checked.errorWorkbookUrl ? (
                  <a href={hrefOf(checked.errorWorkbookUrl)} download>
                    <DownloadOutlined /> {t('import.errorWorkbook')}
                  </a>
                ) : undefined
              }
            />
            <Table<FieldError & { key: number }>
              size="small"
              data-testid="import-errors"
              dataSource={checked.errors.map((e, i) => ({ ...e, key: i }))}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { key: 'row', dataIndex: 'row', title: t('import.columns.row'), width: 70 },
                { key: 'column', dataIndex: 'column', title: t('import.columns.column'), width: 90 },
                { key: 'field', dataIndex: 'field', title: t('import.columns.field'), width: 140 },
                { key: 'message', title: t('import.columns.message'), render: (_, e) => pickText(e.message, locale) },
                {
                  key: 'value',
                  title: t('import.columns.value'),
                  width: 160,
                  ellipsis: true,
                  render: (_, e) => (e.value === undefined ? '' : formatValue(e.value)),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  )
}
