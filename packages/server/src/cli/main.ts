import { Command, CommanderError } from 'commander'
import { ConfigError } from '../config.ts'
import { AppError } from '../lib/errors.ts'
import { register as registerBackup } from './commands/backup.ts'
import { register as registerBench } from './commands/bench.ts'
import { register as registerDemo } from './commands/demo.ts'
import { register as registerDispatch } from './commands/dispatch.ts'
import { register as registerExport } from './commands/export.ts'
import { register as registerEvaluate } from './commands/evaluate.ts'
import { register as registerImport } from './commands/import.ts'
import { register as registerMigrate } from './commands/migrate.ts'
import { register as registerServe } from './commands/serve.ts'
import { register as registerUscc } from './commands/uscc.ts'
import { EXIT } from './context.ts'

export function buildProgram(): Command {
  const program = new Command('gongxin')
    .description('Gongxin 工信运行服务平台: server, data import and export, demo data, checks')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError()
  for (const register of [registerServe, registerDemo, registerUscc, registerImport, registerExport, registerEvaluate, registerDispatch, registerMigrate, registerBackup, registerBench]) {
    register(program)
  }
  return program
}

/** Runs the CLI and returns the exit code: 0 done, 1 input refused, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n')
      return EXIT.usage
    }
    if (err instanceof AppError) {
      process.stderr.write(`${err.messageIn('zh-CN')}\n${err.messageIn('en-US')}\n`)
      return err.status >= 500 ? EXIT.invalid : EXIT.invalid
    }
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    return EXIT.invalid
  }
}
