import { sql } from 'drizzle-orm'
import type { Figure } from '../harness.ts'
import { startedDemoDatabase } from './foundation.ts'
import { systemActor } from '../../src/http/context.ts'
import { runEvaluation } from '../../src/modules/land-efficiency/service.ts'

const demo = startedDemoDatabase

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
