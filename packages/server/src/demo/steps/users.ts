import { inArray } from 'drizzle-orm'
import { users } from '../../modules/auth/schema.ts'
import { hashPassword } from '../../modules/auth/passwords.ts'
import { provinceProfiles } from '../data/provinces.ts'
import { DEMO_PASSWORD } from '../logins.ts'
import { need, type DemoEnterprise, type DemoGeography, type DemoStep, type DemoUser } from '../types.ts'

export type PlannedUser = Omit<DemoUser, 'id'>

/**
 * One user per role: the province's admin, handler, service officer and leader; the official of the
 * heaviest city; the official of one of its counties (the profile's, e.g. 浏阳市, else the county with the
 * most enterprises, so that the demo shows a full list); and an enterprise user acting for that county's
 * largest above-scale enterprise.
 */
export function planUsers(geo: DemoGeography, enterprises: readonly DemoEnterprise[]): PlannedUser[] {
  const profile = provinceProfiles[geo.province.prefix]
  const city = geo.cities[0]
  if (!city) throw new Error('the province has no prefectures')
  const perCounty = new Map<string, number>()
  for (const e of enterprises) perCounty.set(e.countyCode, (perCounty.get(e.countyCode) ?? 0) + 1)
  const preferred = profile?.demoCounty ? city.counties.find((c) => c.code === profile.demoCounty) : undefined
  const county =
    preferred ??
    city.counties.slice().sort((a, b) => (perCounty.get(b.code) ?? 0) - (perCounty.get(a.code) ?? 0) || a.code.localeCompare(b.code))[0]
  if (!county) throw new Error(`${city.name} has no counties`)
  const local = enterprises.filter((e) => e.countyCode === county.code)
  const firm = local.filter((e) => e.aboveScale).sort((a, b) => b.revenue - a.revenue)[0] ?? local[0] ?? enterprises[0]

  const prov = geo.province
  const planned: PlannedUser[] = [
    { username: 'admin', displayName: '省级管理员', role: 'provinceAdmin', scopePrefix: prov.prefix, enterpriseUscc: null, scopeName: prov.name },
    {
      username: profile?.usernames[city.code] ?? 'city',
      displayName: `${city.name}工信局`,
      role: 'cityOfficial',
      scopePrefix: city.code.slice(0, 4),
      enterpriseUscc: null,
      scopeName: city.name,
    },
    {
      username: profile?.usernames[county.code] ?? 'county',
      displayName: `${county.name === city.name ? county.name : city.name + county.name}工信局`,
      role: 'countyOfficial',
      scopePrefix: county.code,
      enterpriseUscc: null,
      scopeName: county.name,
    },
    { username: 'handler', displayName: '业务处室经办人', role: 'handler', scopePrefix: prov.prefix, enterpriseUscc: null, scopeName: prov.name },
    { username: 'officer', displayName: '服务专员', role: 'serviceOfficer', scopePrefix: prov.prefix, enterpriseUscc: null, scopeName: prov.name },
    { username: 'leader', displayName: '厅领导', role: 'leader', scopePrefix: prov.prefix, enterpriseUscc: null, scopeName: prov.name },
  ]
  if (firm) {
    planned.push({ username: 'qiye', displayName: firm.name, role: 'enterprise', scopePrefix: null, enterpriseUscc: firm.uscc, scopeName: firm.name })
  }
  return planned
}

export const usersStep: DemoStep = {
  id: 'users',
  title: '创建演示账号',
  dependsOn: ['reference', 'enterprises'],
  async run(ctx) {
    const planned = planUsers(need(ctx, 'geography'), need(ctx, 'enterprises'))
    // Adding to a database that has these usernames: take 'admin43' instead, and leave existing accounts alone.
    const candidates = planned.flatMap((u) => [u.username, `${u.username}${ctx.options.province}`])
    const taken = new Set(
      (await ctx.tx.select({ username: users.username }).from(users).where(inArray(users.username, candidates))).map((r) => r.username),
    )
    const toCreate: PlannedUser[] = []
    for (const u of planned) {
      const username = [u.username, `${u.username}${ctx.options.province}`].find((n) => !taken.has(n))
      if (username) toCreate.push({ ...u, username })
      else ctx.log(`demo user ${u.username} exists already: left as it is`)
    }
    if (toCreate.length === 0) return { users: 0 }
    // argon2id costs ~0.1–0.3 s a hash: one hash of the shared demo password serves every account.
    const passwordHash = await hashPassword(DEMO_PASSWORD)
    const rows = await ctx.tx
      .insert(users)
      .values(
        toCreate.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          scopePrefix: u.scopePrefix,
          enterpriseUscc: u.enterpriseUscc,
          passwordHash,
        })),
      )
      .returning({ id: users.id, username: users.username })
    const idByName = new Map(rows.map((r) => [r.username, r.id]))
    ctx.state.users = toCreate.map((u) => ({ ...u, id: idByName.get(u.username) ?? 0 }))
    ctx.progress(1, 1)
    return { users: toCreate.length }
  },
}
