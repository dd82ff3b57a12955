import { sql } from 'drizzle-orm'
import type { BenchContext, Figure } from '../harness.ts'
import { startedDataDir } from './foundation.ts'
import { openDatabase, type Database } from '../../src/db/index.ts'
import { migrateDatabase } from '../../src/db/migrate.ts'
import { systemActor } from '../../src/http/context.ts'
import { runEvaluation } from '../../src/modules/land-efficiency/service.ts'

/** The demo province the first start made (PGlite, in this process), shared with other figures that open it. */
async function demo(ctx: BenchContext): Promise<Database> {
  const have = ctx.state.get('landPglite') as Database | undefined
  if (have) return have
  await startedDataDir(ctx)
  const database = await openDatabase({ dataDir: ctx.state.get('startedDir') as string })
  await migrateDatabase(database)
  ctx.state.set('landPglite', database)
  ctx.cleanups.push(() => database.close())
  return database
}

/**
 * One land-efficiency evaluation of the whole demo province (every enterprise with annual figures, ~17,500 of the
 * 20,000; huaian2024, which also reads last year's figures for its benchmarks): load, evaluate, store the run.
 */
export const landEfficiencyFigures: Figure[] = [
  {
    name: 'landEfficiency.evaluate',
    description: 'one 亩均效益 evaluation of the demo province (huaian2024: two years read, ~17,500 results stored), PGlite',
    unit: 's',
    target: 1,
    warmup: 1,
    runs: 5,
    async setup(ctx) {
      const database = await demo(ctx)
      const y = await database.db.execute<{ y: number }>(sql`select max(year) as y from land_annual_data where superseded_at is null`)
      ctx.state.set('landYear', Number(y.rows[0]?.y))
    },
    async measure(ctx) {
      const database = await demo(ctx)
      const out = await runEvaluation(database.db, systemActor('cli', 'bench'), { year: ctx.state.get('landYear') as number, scheme: 'huaian2024' })
      return out.ms / 1000
    },
  },
]
