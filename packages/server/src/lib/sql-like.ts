/** Escapes LIKE's wildcards in user text (with the default escape character, backslash). */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c)

/** A LIKE pattern matching every code that starts with `prefix` (a region scope prefix, a division code's stem). */
export const likePrefix = (prefix: string) => likeEscape(prefix) + '%'
