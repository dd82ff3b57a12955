import { useTranslation } from 'react-i18next'
import { fixed, growthColor, textOn } from './format.ts'
import { tileLayout } from './tileGrid.ts'

export interface TileDatum {
  code: string
  name: string
  value: number | null
}

/**
 * The region's sub-regions as a tile-grid cartogram (one square each, roughly where they lie), coloured by
 * growth on a scale symmetric around zero. A click drills into the region.
 */
export function TileMap({ data, onPick }: { data: readonly TileDatum[]; onPick: (code: string) => void }) {
  const { t } = useTranslation()
  const { tiles, cols, rows } = tileLayout(data.map((d) => d.code))
  const byCode = new Map(data.map((d) => [d.code, d]))
  const extent = Math.max(1, ...data.map((d) => Math.abs(d.value ?? 0)))
  return (
    <div data-testid="dispatch-tilemap">
      <div className="gx-tilemap" style={{ gridTemplateColumns: `repeat(${cols}, minmax(64px, 1fr))`, gridTemplateRows: `repeat(${rows}, auto)` }}>
        {tiles.map((tile) => {
          const d = byCode.get(tile.code)
          const value = d?.value ?? null
          return (
            <div
              key={tile.code}
              role="button"
              tabIndex={0}
              className="gx-tile"
              style={{ gridRow: tile.row + 1, gridColumn: tile.col + 1, background: growthColor(value, extent), color: textOn(value, extent) }}
              title={`${d?.name ?? tile.code} ${fixed(value)}%`}
              onClick={() => onPick(tile.code)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') onPick(tile.code)
              }}
            >
              <span>{d?.name ?? tile.code}</span>
              <span className="gx-tile-value">{value === null ? '—' : `${fixed(value)}%`}</span>
            </div>
          )
        })}
      </div>
      <div className="gx-legend">
        <span>−{fixed(extent)}%</span>
        <span className="gx-legend-bar" />
        <span>+{fixed(extent)}%</span>
        <span>{t('dispatch.map.legend')}</span>
      </div>
    </div>
  )
}
