import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Figure, BenchContext } from '../harness.ts'
import { openDatabase, type Database } from '../../src/db/index.ts'
import { migrateDatabase } from '../../src/db/migrate.ts'
import { generateDemo } from '../../src/demo/index.ts'
import { systemActor } from '../../src/http/context.ts'
import { ensureReferenceData } from '../../src/modules/reference/load.ts'
import { monthlyColumns } from '../../src/modules/reports/columns.ts'
import { importMonthlyReports } from '../../src/modules/reports/import.ts'

interface Intake {
  database: Database
  files: Buffer[]
  turn: number
}

/**
 * A demo province of 20,000 enterprises (with its monthly reports) on the embedded database, and two
 * 20,000-row workbooks of the latest period whose figures differ from each other and from the database, so that
 * every import writes a revision of every row.
 */
async function intake(ctx: BenchContext): Promise<Intake> {
  const have = ctx.state.get('intake') as Intake | undefined
  if (have) return have
  const dir = fs.mkdtempSync(path.join(ctx.tmp, 'intake-'))
  const database = await openDatabase({ dataDir: dir })
  await migrateDatabase(database)
  await ensureReferenceData(database.db)
  await generateDemo(database, { province: '43', enterprises: 20000, seed: 1 })
  const latest = await database.pool.query<{ year: number; month: number }>('select year, month from monthly_reports order by year desc, month desc limit 1')
  const { year, month } = latest.rows[0] ?? { year: 0, month: 0 }
  const rows = await database.pool.query<Record<string, string | number | null>>(
    `select e.uscc, e.name, r.gross_output_cum, r.gross_output_prior_cum, r.revenue_cum, r.revenue_prior_cum, r.profit_cum,
            r.profit_prior_cum, r.electricity_cum, r.employees
       from monthly_reports r join enterprises e on e.id = r.enterprise_id
      where r.year = $1 and r.month = $2 and r.superseded_at is null`,
    [year, month],
  )
  // pad to 20,000 rows with the previous month where the latest has fewer (late reporters, exits)
  const files: Buffer[] = []
  for (const delta of [1, 2]) {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('月度主要指标')
    ws.addRow(monthlyColumns.map((c) => c.header))
    for (const r of rows.rows.slice(0, 20000)) {
      const bump = (v: string | number | null | undefined) => (v == null ? null : Number(v) + delta)
      const num = (v: string | number | null | undefined) => (v == null ? null : Number(v))
      ws.addRow([r.uscc, r.name, `${year}-${String(month).padStart(2, '0')}`, bump(r.gross_output_cum), num(r.gross_output_prior_cum), bump(r.revenue_cum), num(r.revenue_prior_cum), num(r.profit_cum), num(r.profit_prior_cum), num(r.electricity_cum), r.employees])
    }
    files.push(Buffer.from(await wb.xlsx.writeBuffer()))
  }
  ctx.log(`  intake: ${rows.rows.length} reports for ${year}-${month}; files of ${Math.min(20000, rows.rows.length)} rows`)
  const it = { database, files, turn: 0 }
  ctx.state.set('intake', it)
  ctx.cleanups.push(() => database.close())
  return it
}

async function importOnce(it: Intake, file: Buffer) {
  const t = performance.now()
  const r = await importMonthlyReports(it.database.db, systemActor('cli', 'bench'), { fileName: 'bench.xlsx', data: file, dryRun: false, source: 'cli' })
  if (r.errors.length) throw new Error(`bench import refused: ${JSON.stringify(r.errors.slice(0, 3))}`)
  return { ms: performance.now() - t, counts: r.counts }
}

/** A 20,000-row monthly statistics workbook parsed, validated and committed (each run revises every row). */
export const monthlyImport: Figure = {
  name: 'intake.monthly.pglite',
  description: '20,000-row monthly statistics .xlsx parsed, validated and committed on PGlite (every row revised), in process',
  unit: 's',
  target: 5,
  warmup: 1,
  runs: 3,
  async measure(ctx) {
    const it = await intake(ctx)
    it.turn += 1
    const { ms } = await importOnce(it, it.files[it.turn % 2] as Buffer)
    return ms / 1000
  },
}

/** The same workbook imported again: nothing to write. */
export const monthlyReimport: Figure = {
  name: 'intake.monthly.unchanged',
  description: 're-import of an unchanged 20,000-row monthly statistics .xlsx on PGlite: validated, nothing written',
  unit: 's',
  target: 2,
  warmup: 1,
  runs: 3,
  async measure(ctx) {
    const it = await intake(ctx)
    const { ms, counts } = await importOnce(it, it.files[it.turn % 2] as Buffer)
    if (counts.revised || counts.created) throw new Error('an unchanged re-import wrote revisions')
    return ms / 1000
  },
}

export const intakeFigures = [monthlyImport, monthlyReimport]
