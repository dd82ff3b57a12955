import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import type { Db } from '../db/index.ts'
import { systemActor, type Actor } from '../http/context.ts'
import { AppError, type FieldError } from '../lib/errors.ts'
import { addDbOptions, EXIT, withDatabase, type DbOptions } from './context.ts'
import { progressBar, type Progress } from './progress.ts'

/*
 * What every `gongxin import …` command does and prints, so that the importers read alike: the file check, the
 * progress bars, the JSON error object, the error listing and the marked copy of the file (registerImport).
 */

export const english = () => /^en/i.test(process.env.LC_ALL ?? process.env.LANG ?? '')
export const text = (m: { zh: string; en: string }) => (english() ? m.en : m.zh)

export function describeError(e: FieldError): string {
  const where = [e.row !== undefined ? (english() ? `row ${e.row}` : `第 ${e.row} 行`) : '', e.column ? (english() ? `column ${e.column}` : `${e.column} 列`) : '']
    .filter(Boolean)
    .join(english() ? ', ' : ' ')
  return `  ${where ? where + (english() ? ': ' : '：') : ''}${text(e.message)}`
}

export type ImportProgress = (p: { phase: 'read' | 'write'; done: number; total?: number }) => void

/** One bar per phase on stderr; reading has no known total, so its bar just counts. */
export function phaseProgress(enabled: boolean): { onProgress: ImportProgress; stop(): void } {
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

/** The file's absolute path and content, or undefined (usage error reported) when it cannot be read. */
export function readImportFile(file: string): { abs: string; data: Buffer } | undefined {
  const abs = path.resolve(file)
  try {
    if (!fs.statSync(abs).isFile()) throw new Error('not a file')
    return { abs, data: fs.readFileSync(abs) }
  } catch {
    process.stderr.write(`文件不存在或无法读取：${file}\nno such file, or it cannot be read: ${file}\n`)
    process.exitCode = EXIT.usage
    return undefined
  }
}

/** Runs the import with progress bars; an AppError under --json becomes one JSON error object (undefined returned). */
export async function runWithProgress<R>(json: boolean, run: (onProgress: ImportProgress) => Promise<R>): Promise<R | undefined> {
  const progress = phaseProgress(!json)
  try {
    return await run(progress.onProgress)
  } catch (err) {
    if (!(err instanceof AppError) || !json) throw err
    process.stdout.write(JSON.stringify({ error: { code: err.code, message: { zh: err.messageIn('zh-CN'), en: err.messageIn('en-US') } } }) + '\n')
    process.exitCode = EXIT.invalid
    return undefined
  } finally {
    progress.stop()
  }
}

/** Writes the marked copy of a refused file next to it and returns its path. */
export function saveErrorWorkbook(abs: string, errorWorkbook: Buffer | undefined): string | null {
  if (!errorWorkbook) return null
  const workbook = `${abs}.errors.xlsx`
  fs.writeFileSync(workbook, errorWorkbook)
  return workbook
}

/** The summary line, or the refusal with the first errors. */
export function printOutcome(head: string, batchId: number | null, errors: readonly FieldError[], rejected: number) {
  if (!errors.length) {
    process.stdout.write(`${head}${batchId !== null ? ` #${batchId}` : ''}\n`)
    return
  }
  process.stdout.write(english() ? `refused: ${errors.length} errors in ${rejected} rows; nothing was written\n` : `未导入：${rejected} 行共 ${errors.length} 处错误，未写入任何数据\n`)
  for (const e of errors.slice(0, 30)) process.stdout.write(describeError(e) + '\n')
  if (errors.length > 30) process.stdout.write(english() ? `  … and ${errors.length - 30} more\n` : `  …… 另有 ${errors.length - 30} 处\n`)
}

export function printWorkbookPath(workbook: string | null) {
  if (workbook) process.stdout.write(english() ? `the rows with their errors marked: ${workbook}\n` : `已标出错误的文件：${workbook}\n`)
}

export function printWarnings(warnings: readonly FieldError[]) {
  if (!warnings.length) return
  process.stdout.write(english() ? `${warnings.length} warnings:\n` : `${warnings.length} 条提示：\n`)
  for (const w of warnings.slice(0, 10)) process.stdout.write(describeError(w) + '\n')
}

/** Only the number of warnings and the first one. */
function printFirstWarning(warnings: readonly FieldError[]) {
  if (!warnings.length) return
  const first = text(warnings[0]?.message ?? { zh: '', en: '' })
  process.stdout.write(english() ? `${warnings.length} warnings (first: ${first})\n` : `${warnings.length} 条提示（如：${first}）\n`)
}

/** What every importer is given by the CLI. */
export interface CliImportInput {
  fileName: string
  data: Buffer
  dryRun: boolean
  source: 'cli'
  onProgress: ImportProgress
}

interface CliImportCounts {
  read: number
  rejected: number
}

/** What every importer answers. */
export interface CliImportResult<C extends CliImportCounts> {
  batchId: number | null
  dryRun: boolean
  counts: C
  errors: FieldError[]
  warnings: FieldError[]
  errorWorkbook?: Buffer
}

/** The options every import command has (more may be added by `options`). */
export type ImportCommandOptions = DbOptions & { dryRun?: boolean; json?: boolean }

interface ImportCommand<O extends ImportCommandOptions, C extends CliImportCounts> {
  name: string
  description: string
  /** the command's own options, after --dry-run and --json */
  options?: (cmd: Command) => Command
  run: (db: Db, actor: Actor, input: CliImportInput, opts: O) => Promise<CliImportResult<C>>
  /** what the summary line tells after "FILE: read N rows; " */
  summary: (counts: C) => { zh: string; en: string }
  /** the warnings under the summary: the first ten listed (default), or only their number and the first */
  warnings?: 'list' | 'first'
}

/** The summary of an import that revises facts: new, revised, unchanged. */
export const revisedSummary = (c: { created: number; revised: number; unchanged: number }) => ({
  zh: `新增 ${c.created}，修订 ${c.revised}，未变 ${c.unchanged}`,
  en: `new ${c.created}, revised ${c.revised}, unchanged ${c.unchanged}`,
})

/**
 * One `gongxin import <name> FILE [--dry-run] [--json] …` command. It reads the file, runs the importer as the
 * local operator with progress bars, saves the marked copy of a refused file as FILE.errors.xlsx, and prints one
 * JSON object {batchId, dryRun, counts, errors, warnings, errorWorkbook} (--json) or the summary line, the errors,
 * the warnings and the marked copy's path. Exit 0 written (or a clean dry run), 1 refused, 2 usage.
 */
export function registerImport<O extends ImportCommandOptions, C extends CliImportCounts>(importCommand: Command, spec: ImportCommand<O, C>) {
  const cmd = importCommand
    .command(spec.name)
    .description(spec.description)
    .argument('<file>', 'the .xlsx or .csv file')
    .option('--dry-run', 'check the file and report what would change, writing nothing')
    .option('--json', 'print one JSON object {batchId, dryRun, counts, errors, warnings} to stdout')
  addDbOptions(spec.options ? spec.options(cmd) : cmd).action(async (file: string, opts: O) => {
    const input = readImportFile(file)
    if (!input) return
    const { abs, data } = input
    const fileName = path.basename(abs)
    await withDatabase(opts, async ({ database }) => {
      const result = await runWithProgress(Boolean(opts.json), (onProgress) =>
        spec.run(database.db, systemActor('cli'), { fileName, data, dryRun: Boolean(opts.dryRun), source: 'cli', onProgress }, opts),
      )
      if (!result) return
      const workbook = saveErrorWorkbook(abs, result.errorWorkbook)
      const { batchId, dryRun, counts: c, errors, warnings } = result
      if (opts.json) {
        process.stdout.write(JSON.stringify({ batchId, dryRun, counts: c, errors, warnings, errorWorkbook: workbook }) + '\n')
      } else {
        const summary = spec.summary(c)
        const head = english()
          ? `${fileName}: read ${c.read} rows; ${summary.en}${dryRun ? ' (dry run: nothing written)' : ''}`
          : `${fileName}：读取 ${c.read} 行；${summary.zh}${dryRun ? '（试导入：未写入）' : ''}`
        printOutcome(head, batchId, errors, c.rejected)
        if (spec.warnings === 'first') printFirstWarning(warnings)
        else printWarnings(warnings)
        printWorkbookPath(workbook)
      }
      process.exitCode = errors.length ? EXIT.invalid : EXIT.ok
    })
  })
}
