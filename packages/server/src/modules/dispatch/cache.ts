/*
 * The kept dispatch of the regions most read (the dashboards), held in memory for a moment so that many clients
 * reading the same page do not each queue a query behind the embedded database's single connection. A write of
 * facts or rules in this process forgets it at once; a write by another process (several servers on one
 * PostgreSQL) is seen after at most TTL_MS, when the entry is checked against the database again.
 */

export const TTL_MS = 1000

const entries = new Map<string, { text: string; at: number }>()

export function cachedDispatch(key: string, now = Date.now()): string | null {
  const e = entries.get(key)
  return e && now - e.at < TTL_MS ? e.text : null
}

export function keepDispatch(key: string, text: string, now = Date.now()): void {
  if (entries.size > 500) entries.clear()
  entries.set(key, { text, at: now })
}

/** Called by every writer of facts and rules in this process. */
export function forgetKeptDispatch(): void {
  entries.clear()
}
