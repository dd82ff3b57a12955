import type { ReactNode } from 'react'
import { Table, Typography, type TableProps } from 'antd'
import { ExportTableButton, type ShownColumn } from './ExportTableButton.tsx'

export interface TableColumn<T> extends ShownColumn<T> {
  /** how the cell looks when it is more than its text (an arrow, a tag, a link); the export keeps `value` */
  render?: (row: T) => ReactNode
  align?: 'left' | 'right' | 'center'
  /** decimals a number is shown with (the export keeps the number itself) */
  decimals?: number
}

function shown(v: string | number | null, decimals: number | undefined): ReactNode {
  if (v === null) return '—'
  return typeof v === 'number' && decimals !== undefined ? v.toFixed(decimals) : v
}

/**
 * A table whose Excel export is what it shows: every column has one `value` function used by the cell
 * and by the export.
 */
export function ShownTable<T extends object>({
  title,
  columns,
  rows,
  rowKey,
  onPick,
  extra,
  testId,
  highlight,
  pagination = false,
  loading,
}: {
  title: string
  columns: readonly TableColumn<T>[]
  rows: readonly T[]
  rowKey: (row: T) => string | number
  onPick?: (row: T) => void
  extra?: ReactNode
  testId?: string
  highlight?: (row: T) => boolean
  pagination?: TableProps<T>['pagination']
  loading?: boolean
}) {
  return (
    <div data-testid={testId}>
      <div className="gx-table-head">
        <Typography.Text strong>{title}</Typography.Text>
        <span style={{ flex: 1 }} />
        {extra}
        <ExportTableButton title={title} columns={columns} rows={rows} testId={testId ? `${testId}-export` : undefined} />
      </div>
      <Table<T>
        size="small"
        rowKey={rowKey}
        dataSource={[...rows]}
        pagination={pagination}
        loading={loading}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => [onPick ? 'gx-clickable' : '', highlight?.(r) ? 'gx-row-highlight' : ''].join(' ')}
        onRow={onPick ? (r) => ({ onClick: () => onPick(r) }) : undefined}
        columns={columns.map((c) => ({
          key: c.key,
          title: c.title,
          align: c.align,
          render: (_: unknown, r: T) => (c.render ? c.render(r) : shown(c.value(r), c.decimals)),
        }))}
      />
    </div>
  )
}
