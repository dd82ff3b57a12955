import { describe, expect, it } from 'vitest'
import { matchRoute, menuKeyOf, normalizePath, permissionOf } from './routes.ts'
import { MAX_TABS, emptyTabs, restoreTabs, serializeTabs, tabsReducer, type TabsAction, type TabsState } from './tabsReducer.ts'

const run = (actions: TabsAction[], from: TabsState = emptyTabs) => actions.reduce(tabsReducer, from)
const keys = (s: TabsState) => s.tabs.map((t) => t.key)

describe('tab workspace', () => {
  // An official opens the registry (home), then two enterprises, then the first enterprise again.
  const opened = run([
    { type: 'activate', key: '/enterprises', affix: true },
    { type: 'activate', key: '/enterprises/7' },
    { type: 'activate', key: '/enterprises/9' },
    { type: 'activate', key: '/enterprises/7' },
  ])

  it('opening a page that is already open focuses its tab instead of adding one', () => {
    expect(keys(opened)).toEqual(['/enterprises', '/enterprises/7', '/enterprises/9'])
    expect(opened.activeKey).toBe('/enterprises/7')
  })

  it('closing the active tab focuses its right neighbour, else its left one', () => {
    const a = tabsReducer(opened, { type: 'close', key: '/enterprises/7' })
    expect(keys(a)).toEqual(['/enterprises', '/enterprises/9'])
    expect(a.activeKey).toBe('/enterprises/9')
    const b = tabsReducer(a, { type: 'close', key: '/enterprises/9' })
    expect(b.activeKey).toBe('/enterprises')
  })

  it('closing an inactive tab keeps the active one', () => {
    const s = tabsReducer(opened, { type: 'close', key: '/enterprises/9' })
    expect(s.activeKey).toBe('/enterprises/7')
  })

  it('the affixed home tab survives close, close others and close all', () => {
    expect(tabsReducer(opened, { type: 'close', key: '/enterprises' })).toBe(opened)
    const others = tabsReducer(opened, { type: 'closeOthers', key: '/enterprises/9' })
    expect(keys(others)).toEqual(['/enterprises', '/enterprises/9'])
    expect(others.activeKey).toBe('/enterprises/9')
    const all = tabsReducer(opened, { type: 'closeAll' })
    expect(keys(all)).toEqual(['/enterprises'])
    expect(all.activeKey).toBe('/enterprises')
  })

  it('close to the right keeps the tab and those before it', () => {
    const s = tabsReducer(opened, { type: 'closeRight', key: '/enterprises/7' })
    expect(keys(s)).toEqual(['/enterprises', '/enterprises/7'])
  })

  it('close all without an affixed tab leaves nothing active', () => {
    const s = run([{ type: 'activate', key: '/users' }, { type: 'closeAll' }])
    expect(s).toEqual({ tabs: [], activeKey: null })
  })

  it('a page names its tab; the same title twice changes nothing', () => {
    const s = tabsReducer(opened, { type: 'setTitle', key: '/enterprises/7', title: '长沙某某电子有限公司' })
    expect(s.tabs[1]?.title).toBe('长沙某某电子有限公司')
    expect(tabsReducer(s, { type: 'setTitle', key: '/enterprises/7', title: '长沙某某电子有限公司' })).toBe(s)
    expect(tabsReducer(s, { type: 'setTitle', key: '/nope', title: 'x' })).toBe(s)
  })

  it(`past ${MAX_TABS} tabs the oldest inactive, non-affixed one is closed`, () => {
    const actions: TabsAction[] = [{ type: 'activate', key: '/enterprises', affix: true }]
    for (let i = 1; i <= MAX_TABS; i++) actions.push({ type: 'activate', key: `/enterprises/${i}` })
    const s = run(actions)
    expect(s.tabs).toHaveLength(MAX_TABS)
    expect(keys(s)[0]).toBe('/enterprises')
    expect(keys(s)).not.toContain('/enterprises/1')
    expect(s.activeKey).toBe(`/enterprises/${MAX_TABS}`)
  })

  it('restores saved tabs defensively: bad JSON, duplicates and unknown paths are dropped', () => {
    const known = (p: string) => matchRoute(p).kind !== 'notFound'
    const saved = serializeTabs([{ key: '/enterprises/3', title: 'A' }, { key: '/audit' }])
    expect(restoreTabs(saved, known)).toEqual([{ key: '/enterprises/3', title: 'A' }, { key: '/audit' }])
    expect(restoreTabs('{oops', known)).toEqual([])
    expect(restoreTabs(JSON.stringify([{ key: '/audit' }, { key: '/audit' }, { key: '/etc/passwd' }, 5, null]), known)).toEqual([
      { key: '/audit' },
    ])
  })
})

describe('routes', () => {
  it('normalizes trailing slashes, queries and hashes so that one page is one tab', () => {
    expect(normalizePath('/enterprises/')).toBe('/enterprises')
    expect(normalizePath('/enterprises/12?x=1#top')).toBe('/enterprises/12')
    expect(normalizePath('')).toBe('/')
  })

  it('maps paths to pages, menus and permissions', () => {
    const detail = matchRoute('/enterprises/42')
    expect(detail).toEqual({ kind: 'enterprise', id: 42 })
    expect(menuKeyOf(detail)).toBe('enterprises')
    expect(permissionOf(detail)).toBe('enterprise.read')
    expect(matchRoute('/audit')).toEqual({ kind: 'feature', feature: 'audit' })
    expect(permissionOf(matchRoute('/audit'))).toBe('audit.read')
    expect(matchRoute('/land-efficiency')).toEqual({ kind: 'feature', feature: 'landEfficiency' })
    expect(permissionOf(matchRoute('/land-efficiency'))).toBe('dispatch.read')
    expect(matchRoute('/projects')).toEqual({ kind: 'coming', feature: 'projects' })
    expect(permissionOf(matchRoute('/projects'))).toBeNull()
    expect(matchRoute('/enterprises/abc')).toEqual({ kind: 'notFound', path: '/enterprises/abc' })
  })

  it('each region of the monthly dispatch is its own page (and tab), under the dispatch menu and permission', () => {
    expect(matchRoute('/dispatch')).toEqual({ kind: 'feature', feature: 'dispatch' })
    const city = matchRoute('/dispatch/430100/')
    expect(city).toEqual({ kind: 'dispatchRegion', region: '430100' })
    expect(menuKeyOf(city)).toBe('dispatch')
    expect(permissionOf(city)).toBe('dispatch.read')
    expect(matchRoute('/dispatch/43')).toEqual({ kind: 'notFound', path: '/dispatch/43' })
    expect(permissionOf(matchRoute('/warnings'))).toBe('dispatch.read')
  })
})
