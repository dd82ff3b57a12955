import { asc, count, eq, sql } from 'drizzle-orm'
import { mergeNameIndex } from '../db/statistics.ts'
import type { Database, Tx } from '../db/index.ts'
import { systemActor, type Actor } from '../http/context.ts'
import { recordAudit } from '../modules/audit/service.ts'
import { enterprises } from '../modules/enterprises/schema.ts'
import { divisions } from '../modules/regions/schema.ts'
import { AUDIT_ACTION, loginsOf, type DemoLogin } from './logins.ts'
import { demoSteps } from './registry.ts'
import { rngFor } from './rng.ts'
import type { DemoOptions, DemoProgressEvent, DemoState, DemoStep, DemoStepSummary } from './types.ts'

/** Progress of the running step: its title, units done and total; the event has the step's id and index too. */
export type DemoProgressListener = (step: string, done: number, total: number, event: DemoProgressEvent) => void

export const DEFAULT_DEMO_OPTIONS = { province: '43', enterprises: 20_000, seed: 1 } as const
export const MAX_DEMO_ENTERPRISES = 500_000

export interface GenerateDemoOptions extends Partial<DemoOptions> {
  /** generate even though the database holds enterprises: adds to it (nothing is deleted or changed) */
  force?: boolean
  /** who the audit entry names; default the system actor 'demo' */
  actor?: Pick<Actor, 'userId' | 'username' | 'source' | 'ip'>
  /** the steps to run, in order; default the registry */
  steps?: readonly DemoStep[]
  log?: (message: string) => void
}

export interface DemoStepReport {
  id: string
  title: string
  ms: number
  /**
   * CPU time of the process during the step (both threads: the embedded database's worker is in this process),
   * which on a busy machine says more about the step's own cost than `ms`
   */
  cpuMs: number
  summary: DemoStepSummary
}

export interface DemoResult {
  options: DemoOptions
  addedToExistingData: boolean
  steps: DemoStepReport[]
  totalMs: number
  state: DemoState
  logins: DemoLogin[]
}

/** The options are unusable (a usage error): nothing was written. */
export class DemoOptionsError extends Error {
  constructor(
    message: string,
    readonly validProvinces: readonly { code: string; name: string }[] = [],
  ) {
    super(message)
    this.name = 'DemoOptionsError'
  }
}

/** The database already holds enterprises and `force` was not given: nothing was written. */
export class DemoRefusedError extends Error {
  constructor(readonly existingEnterprises: number) {
    super(
      `the database already holds ${existingEnterprises} enterprises: the demo is generated into an empty database ` +
        '(use --force to add a demo province to existing data; nothing is ever deleted)',
    )
    this.name = 'DemoRefusedError'
  }
}

/** Defaults filled in and every option checked; throws DemoOptionsError. */
export function resolveDemoOptions(opts: Partial<DemoOptions>, now = new Date()): DemoOptions {
  const o = {
    province: opts.province ?? DEFAULT_DEMO_OPTIONS.province,
    enterprises: opts.enterprises ?? DEFAULT_DEMO_OPTIONS.enterprises,
    seed: opts.seed ?? DEFAULT_DEMO_OPTIONS.seed,
    // The latest complete year: statistics of the running year are not final.
    year: opts.year ?? now.getFullYear() - 1,
  }
  if (!/^\d{2}$/.test(o.province)) throw new DemoOptionsError(`the province must be a 2-digit GB/T 2260 code such as 43, not "${o.province}"`)
  if (!Number.isInteger(o.enterprises) || o.enterprises < 1 || o.enterprises > MAX_DEMO_ENTERPRISES) {
    throw new DemoOptionsError(`the number of enterprises must be a whole number from 1 to ${MAX_DEMO_ENTERPRISES}, not ${o.enterprises}`)
  }
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) throw new DemoOptionsError(`the seed must be a whole number from 0 to 4294967295, not ${o.seed}`)
  if (!Number.isInteger(o.year) || o.year < 1990 || o.year > 2100) throw new DemoOptionsError(`the year must be between 1990 and 2100, not ${o.year}`)
  return o
}

/** Checks that ids are unique and every dependency comes earlier; throws a message naming the culprit. */
export function checkStepOrder(steps: readonly DemoStep[]): void {
  const seen = new Set<string>()
  for (const s of steps) {
    if (seen.has(s.id)) throw new Error(`demo step "${s.id}" is registered twice`)
    for (const d of s.dependsOn ?? []) {
      if (!seen.has(d)) throw new Error(`demo step "${s.id}" depends on "${d}", which must come earlier in the registry`)
    }
    seen.add(s.id)
  }
}

/** The provinces the division table knows, as 2-digit codes. */
export async function demoProvinces(db: Tx): Promise<{ code: string; name: string }[]> {
  const rows = await db.select({ code: divisions.code, name: divisions.name }).from(divisions).where(eq(divisions.level, 1)).orderBy(asc(divisions.code))
  return rows.map((r) => ({ code: r.code.slice(0, 2), name: r.name }))
}

export async function countEnterprises(db: Tx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(enterprises)
  return row?.n ?? 0
}

/**
 * Runs the steps inside the caller's transaction (no audit entry): for tests that roll back, and for
 * callers that own the transaction. Most callers want generateDemo.
 */
export async function runDemoSteps(
  tx: Tx,
  options: DemoOptions,
  opts: { force?: boolean; steps?: readonly DemoStep[]; log?: (m: string) => void; onProgress?: DemoProgressListener } = {},
): Promise<Omit<DemoResult, 'logins' | 'totalMs'>> {
  const steps = opts.steps ?? demoSteps
  checkStepOrder(steps)
  const provinces = await demoProvinces(tx)
  if (!provinces.some((p) => p.code === options.province)) {
    throw new DemoOptionsError(
      provinces.length
        ? `province ${options.province} is not in the division table`
        : 'the division table is empty: load the reference data first',
      provinces,
    )
  }
  const existing = await countEnterprises(tx)
  if (existing > 0 && !opts.force) throw new DemoRefusedError(existing)

  const state: DemoState = {}
  const reports: DemoStepReport[] = []
  const log = opts.log ?? (() => {})
  for (const [index, step] of steps.entries()) {
    // 0 = not known yet: the step reports its total once it has planned its work.
    let total = 0
    const started = performance.now()
    const cpu = process.cpuUsage()
    const progress = (done: number, t?: number) => {
      if (t !== undefined) total = t
      opts.onProgress?.(step.title, done, total, { stepId: step.id, title: step.title, index, steps: steps.length, done, total })
    }
    progress(0)
    const summary = await step.run({ tx, rng: rngFor(options.seed, step.id), options, state, addingToExistingData: existing > 0, log, progress })
    const used = process.cpuUsage(cpu)
    reports.push({ id: step.id, title: step.title, ms: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000), summary: summary ?? {} })
  }
  return { options, addedToExistingData: existing > 0, steps: reports, state }
}

/**
 * Generates the demo province in ONE transaction (all or nothing) and records a demo.generate audit
 * entry with the options, the counts and the accounts created. Throws DemoOptionsError (bad options,
 * unknown province) or DemoRefusedError (not empty, no force) before writing anything.
 */
export async function generateDemo(
  database: Pick<Database, 'db'>,
  options: GenerateDemoOptions = {},
  onProgress?: DemoProgressListener,
): Promise<DemoResult> {
  const resolved = resolveDemoOptions(options)
  const started = performance.now()
  const actor = options.actor ?? systemActor('system', 'demo')
  const result = await database.db.transaction(async (tx) => {
    const run = await runDemoSteps(tx, resolved, { force: options.force ?? false, steps: options.steps, log: options.log, onProgress })
    await analyzeTablesLeftStale(tx)
    const users = run.state.users ?? []
    const totalMs = Math.round(performance.now() - started)
    await recordAudit(tx, actor, {
      action: AUDIT_ACTION,
      detail: {
        ...resolved,
        addedToExistingData: run.addedToExistingData,
        steps: Object.fromEntries(run.steps.map((s) => [s.id, { ...s.summary, ms: s.ms, cpuMs: s.cpuMs }])),
        users: users.map((u) => u.username),
        totalMs,
      },
    })
    return { ...run, totalMs, logins: loginsOf(users) }
  })
  // entries added to the name-search index's pending list (when adding to existing data) merged now: PGlite never does
  await mergeNameIndex(database.db)
  return result
}

/**
 * Fresh statistics for the planner after the bulk load, committed with it: PGlite never analyses by itself, and
 * without them it picks plans that are orders of magnitude slower (measured on the registry search and the
 * imports). Tables a step analysed itself after loading them (the big ones: its later steps needed the statistics)
 * are not sampled twice: analysing the whole database took ~2.3 s of CPU after the 20,000-enterprise demo, a
 * quarter of it on monthly_reports alone.
 */
async function analyzeTablesLeftStale(tx: Tx): Promise<void> {
  const stale = await tx.execute<{ name: string }>(sql`
    select format('%I.%I', schemaname, relname) as name from pg_stat_user_tables
     where coalesce(last_analyze, '-infinity') < now() order by 1`)
  if (stale.rows.length) await tx.execute(sql.raw(`analyze ${stale.rows.map((r) => r.name).join(', ')}`))
}
