import type { ReactNode } from 'react'
import { Button, Descriptions, Table, Upload } from 'antd'
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { apiUrl } from '../../api/client.ts'
import type { FieldError } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { pickText } from '../../i18n/locale.ts'
import { formatValue } from '../../shared/format.ts'

/**
 * The pieces every import screen shares (the enterprise registry's modal, the monthly data intake):
 * choosing the file, the counts of a dry run, the table of row errors and the error workbook link.
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
export function ImportCountsView<K extends string>({ keys, counts, label }: { keys: readonly K[]; counts: Record<K, number>; label: (k: K) => string }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={keys.length}
      layout="vertical"
      items={keys.map((k) => ({ key: k, label: label(k), children: counts[k] }))}
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
