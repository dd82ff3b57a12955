import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { systemActor } from '../../http/context.ts'
import { AppError, type FieldError } from '../../lib/errors.ts'
import { importEnterprises, type ImportOptions } from '../../modules/enterprises/import.ts'
import { addDbOptions, EXIT, withDatabase, type DbOptions } from '../context.ts'
import { progressBar, type Progress } from '../progress.ts'

const english = () => /^en/i.test(process.env.LC_ALL ?? process.env.LANG ?? '')
const text = (m: { zh: string; en: string }) => (english() ? m.en : m.zh)

function describeError(e: FieldError): string {
  const where = [e.row !== undefined ? (english() ? `row ${e.row}` : `第 ${e.row} 行`) : '', e.column ? (english() ? `column ${e.column}` : `${e.column} 列`) : '']
    .filter(Boolean)
    .join(english() ? ', ' : ' ')
  return `  ${where ? where + (english() ? ': ' : '：') : ''}${text(e.message)}`
}

/** One bar per phase on stderr; reading has no known total, so its bar just counts. */
function phaseProgress(enabled: boolean): { onProgress: NonNullable<ImportOptions['onProgress']>; stop(): void } {
  let bar: Progress | undefined
  let phase: string | undefined
  return {
    onProgress(p) {
      if (p.phase !== phase) {
        bar?.stop()
        phase = p.phase
        bar = progressBar(p.phase === 'read' ? '读取 reading' : '写入 writing', p.total ?? Math.max(p.done, 1), enabled && Boolean(process.stderr.isTTY))
      }
      bar?.update(p.done, p.total ?? Math.max(p.done, 1))
    },
    stop() {
      bar?.stop()
    },
  }
}

/** `gongxin import enterprises FILE [--dry-run] [--json]`: exit 0 written (or a clean dry run), 1 refused, 2 usage. */
export function register(program: Command) {
  const group = program.command('import').description('import data files; every row is checked and nothing is written when any row is wrong')
  addDbOptions(
    group
      .command('enterprises')
      .description('import the enterprise registry (企业名录) from .xlsx or CSV; see docs/import-formats.md')
      .argument('<file>', 'the .xlsx or .csv file')
      .option('--dry-run', 'check the file and report what would change, writing nothing')
      .option('--json', 'print one JSON object {batchId, dryRun, counts, errors, warnings} to stdout'),
  ).action(async (file: string, opts: DbOptions & { dryRun?: boolean; json?: boolean }) => {
    const abs = path.resolve(file)
    let data: Buffer
    try {
      if (!fs.statSync(abs).isFile()) throw new Error('not a file')
      data = fs.readFileSync(abs)
    } catch {
      process.stderr.write(`文件不存在或无法读取：${file}\nno such file, or it cannot be read: ${file}\n`)
      process.exitCode = EXIT.usage
      return
    }
    await withDatabase(opts, async ({ database }) => {
      const progress = phaseProgress(!opts.json)
      let result
      try {
        result = await importEnterprises(database.db, systemActor('cli'), { fileName: path.basename(abs), data, dryRun: Boolean(opts.dryRun), source: 'cli', onProgress: progress.onProgress })
      } catch (err) {
        progress.stop()
        if (!(err instanceof AppError) || !opts.json) throw err
        process.stdout.write(JSON.stringify({ error: { code: err.code, message: { zh: err.messageIn('zh-CN'), en: err.messageIn('en-US') } } }) + '\n')
        process.exitCode = EXIT.invalid
        return
      }
      progress.stop()
      const workbook = result.errorWorkbook ? `${abs}.errors.xlsx` : null
      if (workbook && result.errorWorkbook) fs.writeFileSync(workbook, result.errorWorkbook)
      const { batchId, dryRun, counts, errors, warnings } = result
      if (opts.json) {
        process.stdout.write(JSON.stringify({ batchId, dryRun, counts, errors, warnings, errorWorkbook: workbook }) + '\n')
      } else {
        const c = counts
        const head = english()
          ? `${path.basename(abs)}: read ${c.read} rows; created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}${dryRun ? ' (dry run: nothing written)' : ''}`
          : `${path.basename(abs)}：读取 ${c.read} 行；新增 ${c.created}，更新 ${c.updated}，未变 ${c.unchanged}${dryRun ? '（试导入：未写入）' : ''}`
        if (!errors.length) process.stdout.write(`${head}${batchId !== null ? ` #${batchId}` : ''}\n`)
        else {
          process.stdout.write(english() ? `refused: ${errors.length} errors in ${c.rejected} rows; nothing was written\n` : `未导入：${c.rejected} 行共 ${errors.length} 处错误，未写入任何数据\n`)
          for (const e of errors.slice(0, 30)) process.stdout.write(describeError(e) + '\n')
          if (errors.length > 30) process.stdout.write(english() ? `  … and ${errors.length - 30} more\n` : `  …… 另有 ${errors.length - 30} 处\n`)
        }
        if (warnings.length) process.stdout.write(english() ? `${warnings.length} warnings (first: ${text(warnings[0]?.message ?? { zh: '', en: '' })})\n` : `${warnings.length} 条提示（如：${text(warnings[0]?.message ?? { zh: '', en: '' })}）\n`)
        if (workbook) process.stdout.write(english() ? `the rows with their errors marked: ${workbook}\n` : `已标出错误的文件：${workbook}\n`)
      }
      process.exitCode = errors.length ? EXIT.invalid : EXIT.ok
    })
  })
}
