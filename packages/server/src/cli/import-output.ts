import fs from 'node:fs'
import path from 'node:path'
import { AppError, type FieldError } from '../lib/errors.ts'
import { EXIT } from './context.ts'
import { progressBar, type Progress } from './progress.ts'

/*
 * What every `gongxin import …` command prints, so that the importers read alike: the file check, the progress
 * bars, the JSON error object, the error listing and the marked copy of the file.
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
