import { Suspense, useCallback, useMemo } from 'react'
import { Button, Dropdown, Spin, Tabs, Tooltip, type MenuProps } from 'antd'
import { DownOutlined } from '@ant-design/icons'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { PageFor } from './PageFor.tsx'
import { PaneContext, type PaneContextValue } from './PaneContext.tsx'
import { PaneErrorBoundary } from './PaneErrorBoundary.tsx'
import { matchRoute, type PageRoute } from './routes.ts'
import { useWorkspace } from './Workspace.tsx'

function routeTitle(route: PageRoute, t: TFunction): string {
  switch (route.kind) {
    case 'feature':
    case 'coming':
      return t(`features.${route.feature}`)
    case 'enterprise':
      return t('tabs.enterprise', { id: route.id })
    case 'dispatchRegion':
      return t('dispatch.tabTitle', { region: route.region })
    case 'notFound':
      return t('errors.notFound')
  }
}

/**
 * The multi-tab workspace: every opened page is a tab, and every tab's page stays mounted while it is
 * open (inactive ones are hidden, not unmounted), so filters, scroll positions and half-filled forms
 * survive switching.
 */
export function TabWorkspace() {
  const { t } = useTranslation()
  const { tabs, activePath, openPage, apply, setTitle } = useWorkspace()

  const menuFor = (key: string): MenuProps => ({
    items: [
      { key: 'close', label: t('tabs.close'), disabled: tabs.find((x) => x.key === key)?.affix === true },
      { key: 'closeOthers', label: t('tabs.closeOthers') },
      { key: 'closeRight', label: t('tabs.closeRight') },
      { type: 'divider' },
      { key: 'closeAll', label: t('tabs.closeAll') },
    ],
    onClick: ({ key: action, domEvent }) => {
      domEvent.stopPropagation()
      if (action === 'close') apply({ type: 'close', key })
      else if (action === 'closeOthers') apply({ type: 'closeOthers', key })
      else if (action === 'closeRight') apply({ type: 'closeRight', key })
      else if (action === 'closeAll') apply({ type: 'closeAll' })
    },
  })

  const items = tabs.map((tab) => {
    const title = tab.title ?? routeTitle(matchRoute(tab.key), t)
    return {
      key: tab.key,
      closable: !tab.affix,
      label: (
        <Dropdown menu={menuFor(tab.key)} trigger={['contextMenu']}>
          <span className="gx-tab-label" title={title} data-testid="workspace-tab" data-tab={tab.key}>
            {title}
          </span>
        </Dropdown>
      ),
    }
  })

  return (
    <div className="gx-workspace">
      <Tabs
        className="gx-tabs"
        type="editable-card"
        hideAdd
        size="small"
        activeKey={activePath}
        items={items}
        onTabClick={(key) => openPage(key)}
        onEdit={(key, action) => {
          if (action === 'remove' && typeof key === 'string') apply({ type: 'close', key })
        }}
        tabBarExtraContent={
          tabs.some((tab) => tab.key === activePath) ? (
            <Dropdown menu={menuFor(activePath)} trigger={['click']}>
              <Tooltip title={t('tabs.more')}>
                <Button type="text" size="small" icon={<DownOutlined />} aria-label={t('tabs.more')} data-testid="tabs-menu" />
              </Tooltip>
            </Dropdown>
          ) : null
        }
      />
      <div className="gx-panes">
        {tabs.map((tab) => (
          <Pane key={tab.key} tabKey={tab.key} active={tab.key === activePath} setTitle={setTitle} />
        ))}
      </div>
    </div>
  )
}

function Pane({ tabKey, active, setTitle }: { tabKey: string; active: boolean; setTitle: (key: string, title: string) => void }) {
  const route = useMemo(() => matchRoute(tabKey), [tabKey])
  const ownSetTitle = useCallback((title: string) => setTitle(tabKey, title), [setTitle, tabKey])
  const ctx = useMemo<PaneContextValue>(() => ({ tabKey, active, setTitle: ownSetTitle }), [tabKey, active, ownSetTitle])
  // Hidden with visibility (not display:none) so that each pane keeps its own scroll position and its
  // charts keep their size; `inert` keeps hidden panes out of focus and of the accessibility tree.
  return (
    <div className={active ? 'gx-pane gx-pane-active' : 'gx-pane'} inert={!active} aria-hidden={!active} data-pane={tabKey}>
      <PaneContext.Provider value={ctx}>
        <PaneErrorBoundary>
          <Suspense fallback={<Spin className="gx-pane-spin" />}>
            <PageFor route={route} />
          </Suspense>
        </PaneErrorBoundary>
      </PaneContext.Provider>
    </div>
  )
}
