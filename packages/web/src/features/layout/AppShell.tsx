import { useState } from 'react'
import { Avatar, Button, Dropdown, Layout, Space, Tag, Tooltip, Typography } from 'antd'
import { KeyOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx'
import { useAuth, useMe } from '../auth/AuthContext.tsx'
import { ChangePasswordModal } from '../auth/ChangePasswordModal.tsx'
import { menuKeyOf, matchRoute } from './routes.ts'
import { SideMenu } from './SideMenu.tsx'
import { TabWorkspace } from './TabWorkspace.tsx'
import { WorkspaceProvider } from './Workspace.tsx'

const COLLAPSED_KEY = 'gongxin.menuCollapsed'

export function AppShell() {
  const { t } = useTranslation()
  const me = useMe()
  const { logout, switchLocale } = useAuth()
  const location = useLocation()
  const [collapsed, setCollapsed] = useState(() => window.localStorage.getItem(COLLAPSED_KEY) === '1')
  const [changingPassword, setChangingPassword] = useState(false)
  const selected = menuKeyOf(matchRoute(location.pathname))

  const toggle = () => {
    const next = !collapsed
    setCollapsed(next)
    try {
      window.localStorage.setItem(COLLAPSED_KEY, next ? '1' : '0')
    } catch {
      // not remembered: fine
    }
  }

  return (
    <WorkspaceProvider>
      <Layout className="gx-shell">
        <Layout.Sider collapsible collapsed={collapsed} trigger={null} width={240} className="gx-sider">
          <div className="gx-logo" title={t('app.name')}>
            <span className="gx-logo-mark">{t('app.logoMark')}</span>
            {!collapsed && <span className="gx-logo-text">{t('app.shortName')}</span>}
          </div>
          <SideMenu selected={selected} collapsed={collapsed} />
        </Layout.Sider>
        <Layout>
          <Layout.Header className="gx-header">
            <Space size="middle">
              <Tooltip title={t('menu.collapse')}>
                <Button type="text" icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />} onClick={toggle} />
              </Tooltip>
              <Typography.Text strong className="gx-product">
                {t('app.name')}
              </Typography.Text>
            </Space>
            <Space size="small">
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'role', disabled: true, label: t('header.role', { role: t(`roles.${me.role}`) }) },
                    { key: 'scope', disabled: true, label: t('header.scope', { scope: me.scopeName }) },
                    { type: 'divider' },
                    { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
                  ],
                  onClick: ({ key }) => {
                    if (key === 'password') setChangingPassword(true)
                  },
                }}
              >
                <Button type="text" className="gx-user" data-testid="user-menu">
                  <Avatar size="small" icon={<UserOutlined />} />
                  <span className="gx-user-name">{me.displayName}</span>
                  <Tag color="blue">{t(`roles.${me.role}`)}</Tag>
                  <span className="gx-user-scope">{me.scopeName}</span>
                </Button>
              </Dropdown>
              <LanguageSwitch onSwitch={(l) => void switchLocale(l)} />
              <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
                {t('auth.logout')}
              </Button>
            </Space>
          </Layout.Header>
          <Layout.Content className="gx-content">
            <TabWorkspace />
          </Layout.Content>
        </Layout>
        <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
      </Layout>
    </WorkspaceProvider>
  )
}
