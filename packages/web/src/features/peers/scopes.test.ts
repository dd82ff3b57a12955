import { describe, expect, it } from 'vitest'
import { peerGroupsOf } from '@gongxin/domain'
import { NATIONAL, peerScopes } from './scopes.ts'

describe('the scopes of a peer comparison', () => {
  it('Hunan: the whole country first, then each group it belongs to (中部六省 among them)', () => {
    const scopes = peerScopes(peerGroupsOf('430000', 2025), 'zh-CN', '全国')
    expect(scopes[0]).toEqual({ id: NATIONAL, name: '全国' })
    expect(scopes.map((s) => s.id)).toContain('central6')
    expect(new Set(scopes.map((s) => s.id)).size).toBe(scopes.length)
  })
  it('a province in no group is compared nationally only; names follow the language', () => {
    expect(peerScopes([], 'en-US', 'All provinces')).toEqual([{ id: NATIONAL, name: 'All provinces' }])
    const en = peerScopes(peerGroupsOf('430000', 2025), 'en-US', 'All provinces')
    expect(en.every((s) => !/[\u4e00-\u9fff]/.test(s.name))).toBe(true)
  })
})
