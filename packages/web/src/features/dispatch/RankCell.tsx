import { rankArrow } from './format.ts'

/** A rank change as an arrow: up (better) in blue, down in red. */
export function RankChange({ change }: { change: number | null | undefined }) {
  const a = rankArrow(change)
  const cls = a.tone === 'up' ? 'gx-up' : a.tone === 'down' ? 'gx-down' : 'gx-same'
  return <span className={`gx-num ${cls}`}>{a.symbol}</span>
}
