import cliProgress from 'cli-progress'

export interface Progress {
  update(done: number, total?: number): void
  stop(): void
}

/** A progress bar on stderr when it is a terminal; silent otherwise (CI logs, pipes, --json). */
export function progressBar(label: string, total: number, enabled = Boolean(process.stderr.isTTY)): Progress {
  if (!enabled) return { update() {}, stop() {} }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  )
  bar.start(total, 0)
  return {
    update(done, t) {
      if (t !== undefined) bar.setTotal(t)
      bar.update(done)
    },
    stop() {
      bar.stop()
    },
  }
}
