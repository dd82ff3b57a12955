import { useMemo, useState } from 'react'
import { Alert, App, Badge, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { PlusOutlined, SearchOutlined } from '@ant-design/icons'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { userApi } from '../../api/endpoints.ts'
import { ROLES, type UserRow } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { formatDateTime } from '../../shared/format.ts'
import { useAuth } from '../auth/AuthContext.tsx'
import { ResetPasswordModal } from './ResetPasswordModal.tsx'
import { UserFormModal } from './UserFormModal.tsx'
import { isLocked, withActive } from './userForm.ts'

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserRow } | { kind: 'reset'; user: UserRow } | null

/**
 * 用户管理. The province administrator manages accounts; city and county officials see the accounts of
 * their own area (the server scopes the list) without changing them.
 */
export function UsersPage() {
  const { t } = useTranslation()
  const { can, me } = useAuth()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const writable = can('user.write')
  const [search, setSearch] = useState('')
  const [dialog, setDialog] = useState<Dialog>(null)
  const users = useQuery({ queryKey: ['users'], queryFn: () => userApi.list().then((r) => r.items) })

  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run()
      void message.success(done)
      await queryClient.invalidateQueries({ queryKey: ['users'] })
    } catch (e) {
      void message.error(errorText(e, t))
    }
  }

  const rows = useMemo(() => {
    const s = search.trim().toLowerCase()
    const all = users.data ?? []
    return s ? all.filter((u) => u.username.toLowerCase().includes(s) || u.displayName.toLowerCase().includes(s)) : all
  }, [users.data, search])

  const now = new Date()
  const columns: TableColumnsType<UserRow> = [
    { key: 'username', dataIndex: 'username', title: t('users.username'), width: 140, sorter: (a, b) => a.username.localeCompare(b.username) },
    { key: 'displayName', dataIndex: 'displayName', title: t('users.displayName'), width: 140 },
    {
      key: 'role',
      dataIndex: 'role',
      title: t('users.role'),
      width: 150,
      filters: ROLES.map((r) => ({ text: t(`roles.${r}`), value: r })),
      onFilter: (value, u) => u.role === value,
      render: (_, u) => <Tag color="blue">{t(`roles.${u.role}`)}</Tag>,
    },
    { key: 'scope', title: t('users.scope'), width: 150, render: (_, u) => u.scopeName || u.enterpriseUscc || '' },
    {
      key: 'active',
      dataIndex: 'active',
      title: t('users.active'),
      width: 100,
      render: (_, u) => <Badge status={u.active ? 'success' : 'default'} text={u.active ? t('users.activeYes') : t('users.activeNo')} />,
    },
    {
      key: 'lockedUntil',
      dataIndex: 'lockedUntil',
      title: t('users.lockedUntil'),
      width: 170,
      render: (_, u) => (isLocked(u, now) ? <Tag color="red">{formatDateTime(u.lockedUntil)}</Tag> : ''),
    },
    {
      key: 'lastLoginAt',
      dataIndex: 'lastLoginAt',
      title: t('users.lastLoginAt'),
      width: 170,
      render: (_, u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>),
    },
  ]
  if (writable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 260,
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>{t('common.edit')}</Button>
          {isLocked(u, now) && (
            <Button type="link" size="small" onClick={() => void act(() => userApi.unlock(u.id), t('users.unlocked'))}>{t('users.unlock')}</Button>
          )}
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user: u })}>{t('users.resetPassword')}</Button>
          {u.active ? (
            <Popconfirm
              title={t('users.deactivateConfirm', { name: u.displayName })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => act(() => userApi.update(u.id, withActive(u, false)), t('users.deactivated'))}
              disabled={u.id === me?.id}
            >
              <Button type="link" size="small" danger disabled={u.id === me?.id}>{t('users.deactivate')}</Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => void act(() => userApi.update(u.id, withActive(u, true)), t('users.activated'))}>
              {t('users.activate')}
            </Button>
          )}
        </Space>
      ),
    })
  }

  return (
    <div className="gx-page" data-testid="users-page">
      <Card className="gx-card">
        {!writable && <Alert type="info" showIcon title={t('users.readOnly')} className="gx-form-alert" />}
        <div className="gx-toolbar">
          <Input
            prefix={<SearchOutlined />}
            allowClear
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 260 }}
          />
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="users-create">
              {t('users.create')}
            </Button>
          )}
        </div>
        {users.isError && <Typography.Text type="danger">{errorText(users.error, t)}</Typography.Text>}
        <Table<UserRow>
          rowKey="id"
          size="middle"
          data-testid="users-table"
          columns={columns}
          dataSource={rows}
          loading={users.isLoading}
          scroll={{ x: 1200 }}
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { count: total }) }}
        />
      </Card>
      {dialog?.kind === 'create' && <UserFormModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </div>
  )
}
