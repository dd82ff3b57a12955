import { makeUscc } from '@gongxin/domain'
import type { Database } from '../src/db/index.ts'
import { systemActor } from '../src/http/context.ts'
import { hashPassword } from '../src/modules/auth/passwords.ts'
import { users } from '../src/modules/auth/schema.ts'
import { writeEnterprise } from '../src/modules/enterprises/service.ts'
import { parks } from '../src/modules/parks/schema.ts'
import { loadConfig, type Config } from '../src/config.ts'
import { buildApp } from '../src/http/app.ts'

export const PASSWORD = 'Test-Passw0rd!'

/** Three enterprises in 长沙 (two counties) and two in 株洲; one user per role. */
export const fixtureEnterprises = [
  { uscc: makeUscc('914301025000001'.padEnd(16, '0')), name: '长沙芙蓉精密机械有限公司', countyCode: '430102', industryCode: '3411' },
  { uscc: makeUscc('914301815000002'.padEnd(16, '0')), name: '浏阳花炮新材料有限公司', countyCode: '430181', industryCode: '2671' },
  { uscc: makeUscc('914301815000003'.padEnd(16, '0')), name: '浏阳电子信息股份有限公司', countyCode: '430181', industryCode: '3971' },
  { uscc: makeUscc('914302025000004'.padEnd(16, '0')), name: '株洲荷塘轨道装备有限公司', countyCode: '430202', industryCode: '3711' },
  { uscc: makeUscc('914302025000005'.padEnd(16, '0')), name: '株洲硬质合金机械有限公司', countyCode: '430202', industryCode: '3399' },
]

export const fixtureUsers = [
  { username: 'admin', role: 'provinceAdmin', scopePrefix: '43', enterpriseUscc: null },
  { username: 'changsha', role: 'cityOfficial', scopePrefix: '4301', enterpriseUscc: null },
  { username: 'liuyang', role: 'countyOfficial', scopePrefix: '430181', enterpriseUscc: null },
  { username: 'zhuzhou', role: 'cityOfficial', scopePrefix: '4302', enterpriseUscc: null },
  { username: 'handler', role: 'handler', scopePrefix: '43', enterpriseUscc: null },
  { username: 'officer', role: 'serviceOfficer', scopePrefix: '4301', enterpriseUscc: null },
  { username: 'leader', role: 'leader', scopePrefix: '43', enterpriseUscc: null },
  { username: 'qiye', role: 'enterprise', scopePrefix: null, enterpriseUscc: fixtureEnterprises[1]?.uscc ?? null },
] as const

export async function seedFixtures(database: Database): Promise<void> {
  const hash = await hashPassword(PASSWORD)
  const actor = systemActor('system', 'test')
  await database.db.transaction(async (tx) => {
    await tx.insert(parks).values({ name: '浏阳经济技术开发区', countyCode: '430181', level: 'national', kind: '经济技术开发区' }).onConflictDoNothing()
    for (const e of fixtureEnterprises) {
      await writeEnterprise(tx, actor, {
        ...e,
        industryDivision: e.industryCode.slice(0, 2),
        parkId: null,
        foundedOn: '2010-05-01',
        ownership: '有限责任公司',
        tags: [],
        aboveScale: true,
        aboveScaleYear: 2025,
        aboveScaleReason: '保持',
        employees: 100,
      })
    }
    for (const u of fixtureUsers) {
      await tx
        .insert(users)
        .values({ username: u.username, displayName: u.username, role: u.role, scopePrefix: u.scopePrefix, enterpriseUscc: u.enterpriseUscc, passwordHash: hash })
        .onConflictDoNothing()
    }
  })
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ dataDir: '/tmp/gongxin-test-unused' }, { GONGXIN_SESSION_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent', GONGXIN_LOGIN_RATE_LIMIT: '10000' }), ...overrides }
}

export async function testApp(database: Database, overrides: Partial<Config> = {}) {
  return buildApp({ config: testConfig(overrides), database }, { logger: false })
}

type App = Awaited<ReturnType<typeof testApp>>

/** Logs in through the API and returns the headers later requests need. */
export async function loginAs(app: App, username: string, password = PASSWORD) {
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })
  if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`)
  const cookie = String(r.headers['set-cookie']).split(';')[0] as string
  const csrf = (r.json() as { csrfToken: string }).csrfToken
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } }
}
