import { useState } from 'react'
import { App, Button } from 'antd'
import { FileExcelOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../shared/errors.ts'
import { exportTable } from './api.ts'
import type { ExportCell } from './types.ts'

/** A column as the table shows it and as the export writes it: the same text, from the same function. */
export interface ShownColumn<T> {
  key: string
  title: string
  /** the cell's value, as shown (numbers stay numbers in Excel) */
  value: (row: T) => ExportCell
  width?: number
}

export function shownRows<T>(columns: readonly ShownColumn<T>[], rows: readonly T[]): ExportCell[][] {
  return rows.map((r) => columns.map((c) => c.value(r)))
}

/**
 * Exports a table to Excel exactly as it is shown on screen: the caller passes the columns and the rows it
 * displays; the server writes them as a workbook (POST /exports/table, audited).
 */
export function ExportTableButton<T>({
  title,
  columns,
  rows,
  source,
  testId,
}: {
  title: string
  columns: readonly ShownColumn<T>[]
  rows: readonly T[]
  source?: string
  testId?: string
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      await exportTable({
        title,
        ...(source ? { source } : {}),
        columns: columns.map((c) => ({ title: c.title, ...(c.width ? { width: c.width } : {}) })),
        rows: shownRows(columns, rows),
      })
      void message.success(t('dispatch.export.done'))
    } catch (e) {
      void message.error(errorText(e, t))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button size="small" icon={<FileExcelOutlined />} loading={busy} disabled={rows.length === 0} onClick={() => void run()} data-testid={testId}>
      {t('dispatch.export.excel')}
    </Button>
  )
}
