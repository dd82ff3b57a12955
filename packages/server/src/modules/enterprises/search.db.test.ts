import { expect, it, beforeAll } from 'vitest'
import { describeEachDb } from '../../../test/db-harness.ts'
import { fixtureEnterprises, seedFixtures } from '../../../test/fixtures.ts'
import { listEnterprises, searchGrams } from './repository.ts'

it.each([
  ['湘', ['湘']],
  ['机械', ['机械']],
  ['有限公司', ['有限', '限公', '公司']],
  ['株洲株洲', ['株洲', '洲株']],
])('searchGrams(%s) gives the characters or pairs the index holds', (q, grams) => {
  expect(searchGrams(q)).toEqual(grams)
})

describeEachDb('registry search', (ctx) => {
  beforeAll(async () => {
    await seedFixtures(ctx.database)
  })
  const province = { kind: 'region' as const, prefix: '43' }
  const names = async (q: string, scope: { kind: 'region'; prefix: string } = province) =>
    (await listEnterprises(ctx.database.db, scope, { q }, 'name', 1, 50)).items.map((i) => i.name)

  it('finds Chinese substrings of any length, in name order, with the total', async () => {
    expect(await names('机械')).toEqual(['株洲硬质合金机械有限公司', '长沙芙蓉精密机械有限公司'])
    expect(await names('浏')).toEqual(['浏阳电子信息股份有限公司', '浏阳花炮新材料有限公司'])
    expect(await names('轨道装备有限')).toEqual(['株洲荷塘轨道装备有限公司'])
    expect(await names('机械股份')).toEqual([])
    const r = await listEnterprises(ctx.database.db, province, { q: '有限' }, 'name', 1, 2)
    expect(r.total).toBe(5)
    expect(r.items).toHaveLength(2)
  })

  it('finds by USCC prefix, and keeps to the scope', async () => {
    const uscc = fixtureEnterprises[3]?.uscc ?? ''
    expect(await names(uscc)).toEqual(['株洲荷塘轨道装备有限公司'])
    expect(await names('机械', { kind: 'region', prefix: '4301' })).toEqual(['长沙芙蓉精密机械有限公司'])
  })

  it('treats LIKE wildcards in the search text as plain characters', async () => {
    expect(await names('%')).toEqual([])
    expect(await names('_')).toEqual([])
  })
})
