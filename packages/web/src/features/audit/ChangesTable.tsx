import { Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../api/types.ts'
import { formatValue } from '../../shared/format.ts'
import { isKnownField } from './auditLabels.ts'

interface Row {
  field: string
  before: string
  after: string
}

/** Before and after of every field a write changed: the diff that RuoYi's operation log never kept. */
export function ChangesTable({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation()
  const rows: Row[] = Object.entries(entry.changes ?? {}).map(([field, c]) => ({
    field,
    before: formatValue(c.before),
    after: formatValue(c.after),
  }))
  return (
    <div className="gx-changes" data-testid="audit-changes">
      {rows.length > 0 ? (
        <Table<Row>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              key: 'field',
              title: t('audit.field'),
              width: 180,
              render: (_, r) => (isKnownField(r.field) ? `${t(`fields.${r.field}`)} (${r.field})` : r.field),
            },
            { key: 'before', title: t('audit.before'), render: (_, r) => <span className="gx-diff-before">{r.before}</span> },
            { key: 'after', title: t('audit.after'), render: (_, r) => <span className="gx-diff-after">{r.after}</span> },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
      )}
      {entry.detail !== null && entry.detail !== undefined && (
        <div className="gx-audit-detail">
          <Typography.Text type="secondary">{t('audit.detail')}</Typography.Text>
          <pre>{JSON.stringify(entry.detail, null, 2)}</pre>
        </div>
      )}
    </div>
  )
}
