import { describe, expect, it } from 'vitest'
import { toApiFilters, toSortParam, fromSortParam, emptyFilters } from '../features/enterprises/registryState.ts'
import { codeOfPrefix, levelOfCode, pathOfCode, prefixOfCode } from '../features/regions/regionCodes.ts'
import { scopeProblem, toCreate, toUpdate } from '../features/users/userForm.ts'
import { ApiError, buildQuery, fileNameFromDisposition, parseErrorBody } from './http.ts'

/** How the web app speaks the API contract: query strings, errors, downloads, scopes and sorting. */

describe('query strings', () => {
  it('drops undefined, null and empty values and keeps false and 0', () => {
    expect(buildQuery({ q: '', region: undefined, parkId: null, aboveScale: false, page: 0 })).toBe('?aboveScale=false&page=0')
    expect(buildQuery({})).toBe('')
    expect(buildQuery({ q: '长沙 电子&' })).toBe('?q=%E9%95%BF%E6%B2%99+%E7%94%B5%E5%AD%90%26')
  })
  it('registry filters become API filters; "all" sends no aboveScale', () => {
    expect(toApiFilters(emptyFilters)).toEqual({})
    expect(toApiFilters({ q: '  91430100 ', region: '430100', aboveScale: 'no', parkId: 0 })).toEqual({
      q: '91430100',
      region: '430100',
      parkId: 0,
      aboveScale: false,
    })
  })
  it('table sorting maps to name|-name|foundedOn|… and back', () => {
    expect(toSortParam('revenue', 'descend')).toBe('-revenue')
    expect(toSortParam('name', 'ascend')).toBe('name')
    expect(toSortParam('uscc', 'ascend')).toBeUndefined()
    expect(toSortParam('name', null)).toBeUndefined()
    expect(fromSortParam('-foundedOn')).toEqual({ column: 'foundedOn', order: 'descend' })
  })
})

describe('errors', () => {
  it('reads the server error envelope', () => {
    const e = parseErrorBody(409, {
      error: {
        code: 'STALE_VERSION',
        message: '该记录已被他人修改，请刷新后重试',
        fieldErrors: [{ field: 'version', code: 'stale', message: { zh: '版本过旧', en: 'stale' } }, { bogus: true }],
        details: { errorWorkbookUrl: '/api/v1/imports/3/errors.xlsx' },
      },
    })
    expect(e).toBeInstanceOf(ApiError)
    expect([e.status, e.code, e.message]).toEqual([409, 'STALE_VERSION', '该记录已被他人修改，请刷新后重试'])
    expect(e.fieldErrors).toHaveLength(1)
    expect(e.details.errorWorkbookUrl).toBe('/api/v1/imports/3/errors.xlsx')
    expect(e.isUnauthenticated).toBe(false)
  })
  it('anything else (a proxy page, no body) gets a code from the status and no message', () => {
    const e = parseErrorBody(502, '<html>Bad gateway</html>')
    expect([e.code, e.message]).toEqual(['HTTP_502', ''])
    expect(parseErrorBody(401, null).isUnauthenticated).toBe(true)
  })
  it('takes the download name from Content-Disposition, UTF-8 form first', () => {
    expect(fileNameFromDisposition(`attachment; filename="e.xlsx"; filename*=UTF-8''%E4%BC%81%E4%B8%9A.xlsx`, 'x')).toBe('企业.xlsx')
    expect(fileNameFromDisposition('attachment; filename="enterprises.csv"', 'x')).toBe('enterprises.csv')
    expect(fileNameFromDisposition(null, 'enterprises.xlsx')).toBe('enterprises.xlsx')
  })
})

describe('region scopes', () => {
  it('converts between division codes and scope prefixes', () => {
    expect([levelOfCode('430000'), levelOfCode('430100'), levelOfCode('430102')]).toEqual([1, 2, 3])
    expect([prefixOfCode('430000'), prefixOfCode('430100'), prefixOfCode('430102')]).toEqual(['43', '4301', '430102'])
    expect([codeOfPrefix('43'), codeOfPrefix('4301'), codeOfPrefix('430102')]).toEqual(['430000', '430100', '430102'])
    expect([codeOfPrefix(''), codeOfPrefix(null), codeOfPrefix('431')]).toEqual([null, null, null])
    expect(pathOfCode('430102')).toEqual(['430000', '430100', '430102'])
  })
  it('binds officials to their level and sends the prefix', () => {
    expect(scopeProblem('cityOfficial', '430100')).toBeNull()
    expect(scopeProblem('cityOfficial', '430102')).toBe('city')
    expect(scopeProblem('countyOfficial', '430100')).toBe('county')
    expect(scopeProblem('handler', undefined)).toBe('required')
    expect(scopeProblem('enterprise', undefined)).toBeNull()
    const official = { username: ' cs01 ', displayName: '张三', role: 'cityOfficial' as const, region: '430100', password: 'x', active: true }
    expect(toCreate(official)).toEqual({ username: 'cs01', displayName: '张三', role: 'cityOfficial', password: 'x', scopePrefix: '4301', enterpriseUscc: null })
    expect(toUpdate({ ...official, role: 'enterprise', enterpriseUscc: '91430100ma4t00019u' })).toEqual({
      displayName: '张三', role: 'enterprise', active: true, scopePrefix: null, enterpriseUscc: '91430100MA4T00019U',
    })
  })
})
