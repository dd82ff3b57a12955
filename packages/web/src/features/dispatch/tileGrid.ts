/**
 * A tile-grid cartogram: one square per city, laid out roughly as the cities lie on the map. No open
 * boundary data ship with the project, so the province's shape is approximated by hand for Hunan (43) and
 * by a grid ordered by code for any other province (or for the counties of a city).
 */

export interface Tile {
  code: string
  row: number
  col: number
}

/** Hunan's 14 prefecture-level divisions: north at the top, west on the left. */
export const HUNAN_LAYOUT: Readonly<Record<string, readonly [row: number, col: number]>> = {
  '430800': [0, 1], // 张家界
  '430700': [0, 2], // 常德
  '430600': [0, 3], // 岳阳
  '433100': [1, 0], // 湘西州
  '430900': [1, 2], // 益阳
  '430100': [1, 3], // 长沙
  '431200': [2, 0], // 怀化
  '431300': [2, 1], // 娄底
  '430300': [2, 2], // 湘潭
  '430200': [2, 3], // 株洲
  '430500': [3, 1], // 邵阳
  '430400': [3, 2], // 衡阳
  '431100': [4, 1], // 永州
  '431000': [4, 2], // 郴州
}

const LAYOUTS: Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>> = { '43': HUNAN_LAYOUT }

/** Columns of the generic grid for n tiles: about square, a little wider than tall. */
export function gridColumns(n: number): number {
  return n <= 0 ? 1 : Math.ceil(Math.sqrt(n * 1.5))
}

/**
 * The tiles of the given regions. The hand-made layout is used when it places every one of them; otherwise
 * (another province, counties, a code the layout does not know) a grid ordered by code.
 */
export function tileLayout(codes: readonly string[]): { tiles: Tile[]; rows: number; cols: number } {
  const unique = [...new Set(codes)].sort()
  const province = unique[0]?.slice(0, 2) ?? ''
  const layout = LAYOUTS[province]
  const allCities = unique.every((c) => c.slice(0, 2) === province && /^\d{4}00$/.test(c) && !c.endsWith('0000'))
  if (layout && allCities && unique.every((c) => layout[c] !== undefined)) {
    const tiles = unique.map((code) => {
      const [row, col] = layout[code] ?? [0, 0]
      return { code, row, col }
    })
    return { tiles, rows: Math.max(...tiles.map((t) => t.row)) + 1, cols: Math.max(...tiles.map((t) => t.col)) + 1 }
  }
  const cols = gridColumns(unique.length)
  const tiles = unique.map((code, i) => ({ code, row: Math.floor(i / cols), col: i % cols }))
  return { tiles, rows: Math.max(1, Math.ceil(unique.length / cols)), cols }
}
