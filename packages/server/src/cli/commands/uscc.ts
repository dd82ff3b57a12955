import type { Command } from 'commander'
import { validateUscc } from '@gongxin/domain'

/** `gongxin uscc CODE…`: one JSON object per line; exit 1 when any code is invalid. */
export function register(program: Command) {
  program
    .command('uscc')
    .description('check 统一社会信用代码 (GB 32100-2015) and decode their parts; one JSON object per line')
    .argument('<codes...>', 'one or more codes (quote codes containing spaces)')
    .action((codes: string[]) => {
      let invalid = false
      for (const c of codes) {
        const r = validateUscc(c)
        if (!r.valid) invalid = true
        process.stdout.write(JSON.stringify({ code: r.code, valid: r.valid, warnings: r.warnings, errors: r.errors, parts: r.parts }) + '\n')
      }
      process.exitCode = invalid ? 1 : 0
    })
}
