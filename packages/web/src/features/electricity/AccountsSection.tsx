import { useState } from 'react'
import { Button, Drawer, Input, Space, Table, Typography, type TableColumnsType } from 'antd'
import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons'
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../shared/errors.ts'
import { formatDateTime } from '../../shared/format.ts'
import { useServerPaging } from '../../shared/paging.ts'
import { RegionCascader } from '../regions/RegionCascader.tsx'
import { electricityApi, type GridAccount } from './api.ts'
import { AccountHistoryTable, AccountModal } from './AccountModal.tsx'

/** 户号对照: the accounts in force within the user's area; those who may import also map and re-map them here. */
export function AccountsSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [q, setQ] = useState('')
  const [region, setRegion] = useState<string | undefined>(undefined)
  const { page, firstPage, pagination } = useServerPaging()
  const [editing, setEditing] = useState<GridAccount | 'new' | null>(null)
  const [history, setHistory] = useState<GridAccount | null>(null)
  const list = useQuery({
    queryKey: ['electricity', 'accounts', q, region, page],
    queryFn: () => electricityApi.accounts({ ...page, ...(q.trim() ? { q: q.trim() } : {}), ...(region ? { region } : {}) }),
    placeholderData: keepPreviousData,
  })
  const none = t('common.none')

  const columns: TableColumnsType<GridAccount> = [
    { key: 'accountNumber', dataIndex: 'accountNumber', title: t('electricity.accounts.accountNumber'), width: 150, fixed: 'left', render: (v: string) => <span className="gx-num">{v}</span> },
    { key: 'accountName', dataIndex: 'accountName', title: t('electricity.accounts.accountName'), width: 220, ellipsis: true, render: (v: string | null) => v ?? none },
    { key: 'uscc', dataIndex: 'uscc', title: t('electricity.accounts.uscc'), width: 190 },
    { key: 'name', dataIndex: 'name', title: t('electricity.accounts.name'), width: 240, ellipsis: true },
    { key: 'county', dataIndex: 'countyCode', title: t('electricity.accounts.county'), width: 100 },
    { key: 'revision', dataIndex: 'revision', title: t('electricity.accounts.revision'), width: 70, align: 'right' },
    { key: 'recordedAt', dataIndex: 'recordedAt', title: t('electricity.accounts.recordedAt'), width: 170, render: (v: string) => formatDateTime(v) },
    { key: 'recordedBy', dataIndex: 'recordedBy', title: t('electricity.accounts.recordedBy'), width: 110, render: (v: string | null) => v ?? none },
    {
      key: 'actions',
      title: t('common.actions'),
      width: canEdit ? 170 : 110,
      fixed: 'right',
      render: (_, a) => (
        <Space size={0}>
          {canEdit && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(a)} data-testid="electricity-account-edit">
              {t('common.edit')}
            </Button>
          )}
          <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistory(a)}>
            {t('electricity.accounts.history')}
          </Button>
        </Space>
      ),
    },
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="gx-toolbar">
        <Space wrap>
          <Input.Search
            allowClear
            style={{ width: 260 }}
            placeholder={t('electricity.accounts.search')}
            onSearch={(v) => {
              setQ(v)
              firstPage()
            }}
            data-testid="electricity-account-search"
          />
          <RegionCascader
            value={region}
            onChange={(r) => {
              setRegion(r)
              firstPage()
            }}
          />
        </Space>
        {canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="electricity-account-create">
            {t('electricity.accounts.create')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('electricity.accounts.readOnly')}</Typography.Text>
        )}
      </div>
      {list.isError && <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text>}
      <Table<GridAccount>
        rowKey="accountNumber"
        size="middle"
        data-testid="electricity-accounts"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: t('electricity.accounts.empty') }}
        scroll={{ x: 1400 }}
        pagination={pagination(list.data?.total ?? 0)}
      />
      {editing && (
        <AccountModal
          current={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => void queryClient.invalidateQueries({ queryKey: ['electricity'] })}
        />
      )}
      {history && (
        <Drawer open size="min(1100px, 96vw)" title={t('electricity.accounts.historyTitle', { number: history.accountNumber })} onClose={() => setHistory(null)}>
          <AccountHistoryTable accountNumber={history.accountNumber} />
        </Drawer>
      )}
    </Space>
  )
}
