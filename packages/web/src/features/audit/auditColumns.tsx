import { Tag, Typography } from 'antd'
import type { TableColumnsType, TableProps } from 'antd'
import type { TFunction } from 'i18next'
import type { AuditEntry } from '../../api/types.ts'
import { formatDateTime } from '../../shared/format.ts'
import { actionKey, isAuditEntity, isAuditSource } from './auditLabels.ts'
import { ChangesTable } from './ChangesTable.tsx'

export function actionLabel(action: string, t: TFunction): string {
  const k = actionKey(action)
  return k ? t(`audit.actions.${k}`) : action
}

export function auditColumns(t: TFunction, opts: { withEntity: boolean }): TableColumnsType<AuditEntry> {
  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', dataIndex: 'at', title: t('audit.at'), width: 180, render: (v: string) => formatDateTime(v) },
    { key: 'user', dataIndex: 'username', title: t('audit.user'), width: 140 },
    {
      key: 'action',
      title: t('audit.action'),
      width: 200,
      render: (_, r) => (
        <span>
          {actionLabel(r.action, t)} <Typography.Text type="secondary" className="gx-mono gx-small">{r.action}</Typography.Text>
        </span>
      ),
    },
  ]
  if (opts.withEntity) {
    columns.push({
      key: 'entity',
      title: t('audit.entity'),
      render: (_, r) => {
        if (!r.entity) return ''
        const label = isAuditEntity(r.entity) ? t(`audit.entities.${r.entity}`) : r.entity
        return r.entityId ? `${label} #${r.entityId}` : label
      },
    })
  }
  columns.push(
    {
      key: 'source',
      dataIndex: 'source',
      title: t('audit.source'),
      width: 130,
      render: (v: string, r) => (
        <span>
          <Tag>{isAuditSource(v) ? t(`audit.sources.${v}`) : v}</Tag>
          {r.batchId !== null && <Typography.Text type="secondary">{t('audit.batch', { id: r.batchId })}</Typography.Text>}
        </span>
      ),
    },
    { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), width: 140 },
  )
  return columns
}

/** Rows expand to the before/after diff of the fields they changed (and their detail, if any). */
export const auditExpandable: TableProps<AuditEntry>['expandable'] = {
  expandedRowRender: (r) => <ChangesTable entry={r} />,
  rowExpandable: (r) => (r.changes !== null && Object.keys(r.changes).length > 0) || (r.detail !== null && r.detail !== undefined),
}
