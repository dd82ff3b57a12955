import { enterprisesStep } from './steps/enterprises.ts'
import { monthlyReportsStep } from './steps/monthly-reports.ts'
import { electricityStep } from './steps/electricity.ts'
import { landEfficiencyStep } from './steps/land-efficiency.ts'
import { officialStatsStep } from './steps/official-stats.ts'
import { parksStep } from './steps/parks.ts'
import { referenceStep } from './steps/reference.ts'
import { targetsStep } from './steps/targets.ts'
import { usersStep } from './steps/users.ts'
import type { DemoStep } from './types.ts'

/**
 * The demo steps in the order they run, all in one transaction. A later feature (monthly reports,
 * electricity, projects, requests, land efficiency, tiers…) adds a step after the steps whose state it
 * reads; the runner checks that every `dependsOn` comes earlier. Adding a step never changes what the
 * others generate: each draws from its own random stream (seed + step id). A step looks like:
 *
 *   export const monthlyStep: DemoStep = {
 *     id: 'monthly', title: '生成月度报表', dependsOn: ['enterprises'],
 *     async run(ctx) {
 *       const firms = need(ctx, 'enterprises')        // ids, sizes, industries, revenueByYear
 *       const rows = planMonthly(firms, ctx.rng, ctx.options.year)   // pure, in memory
 *       await bulkInsert(ctx.tx, monthlyReports, columnsOf(rows), { onChunk: (d) => ctx.progress(d, rows.length) })
 *       ctx.state.monthly = …                           // add the field to DemoState (types.ts)
 *       return { monthlyReports: rows.length }          // shown by the CLI, kept in the audit entry
 *     },
 *   }
 */
export const demoSteps: readonly DemoStep[] = [referenceStep, parksStep, enterprisesStep, usersStep, monthlyReportsStep, officialStatsStep, targetsStep, electricityStep, landEfficiencyStep]
