import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react'
import { Cascader } from 'antd'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { referenceApi } from '../../api/endpoints.ts'
import type { Region } from '../../api/types.ts'
import { levelOfCode, pathOfCode, type RegionLevel } from './regionCodes.ts'

interface RegionOption {
  value: string
  label: string
  isLeaf: boolean
  children?: RegionOption[]
}

export const regionsQueryKey = (parent: string | undefined) => ['regions', parent ?? 'top'] as const

/** The top of the user's scope (the province for a province user, the city for a city official…). */
export function useTopRegions() {
  return useQuery({
    queryKey: regionsQueryKey(undefined),
    queryFn: () => referenceApi.regions().then((r) => r.items),
    staleTime: Infinity,
  })
}

export interface RegionCascaderProps {
  /** a division code at any level */
  value?: string | null
  onChange?: (code: string | undefined) => void
  /** allow choosing a province or city, not only the deepest level */
  anyLevel?: boolean
  /** the deepest level offered (3 = county) */
  maxLevel?: RegionLevel
  placeholder?: string
  style?: CSSProperties
  disabled?: boolean
  allowClear?: boolean
  id?: string
}

/**
 * A province → city → county cascader loaded level by level from /regions (which only answers within
 * the user's scope). Its value is one division code; the path to it is derived and loaded on demand,
 * so a form can be filled with a stored county code.
 */
export function RegionCascader({
  value, onChange, anyLevel = false, maxLevel = 3, placeholder, style, disabled, allowClear = true, id,
}: RegionCascaderProps) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const top = useTopRegions()
  const [children, setChildren] = useState<Record<string, Region[]>>({})
  const requested = useRef(new Set<string>())

  const load = useCallback(
    async (parent: string) => {
      if (requested.current.has(parent)) return
      requested.current.add(parent)
      try {
        const items = await queryClient.fetchQuery({
          queryKey: regionsQueryKey(parent),
          queryFn: () => referenceApi.regions(parent).then((r) => r.items),
          staleTime: Infinity,
        })
        setChildren((prev) => ({ ...prev, [parent]: items }))
      } catch {
        requested.current.delete(parent)
      }
    },
    [queryClient],
  )

  const topLevel = top.data?.[0]?.level ?? 1
  const path = useMemo(
    () => (value ? pathOfCode(value).filter((c) => levelOfCode(c) >= topLevel) : []),
    [value, topLevel],
  )

  // A value set from outside (an edit form): load the levels above it so that its names show.
  useEffect(() => {
    if (!top.data) return
    for (const code of path.slice(0, -1)) void load(code)
  }, [path, top.data, load])

  const options = useMemo(() => {
    const build = (regions: Region[]): RegionOption[] =>
      regions.map((r) => {
        const kids = children[r.code]
        const isLeaf = r.level >= maxLevel || (kids !== undefined && kids.length === 0)
        return { value: r.code, label: r.name, isLeaf, ...(kids && !isLeaf ? { children: build(kids) } : {}) }
      })
    return build(top.data ?? [])
  }, [top.data, children, maxLevel])

  return (
    <Cascader<RegionOption>
      id={id}
      options={options}
      value={path.length ? path : undefined}
      loadData={(selected) => {
        const last = selected[selected.length - 1]
        if (last) void load(last.value)
      }}
      onChange={(v) => onChange?.(Array.isArray(v) && v.length ? String(v[v.length - 1]) : undefined)}
      changeOnSelect={anyLevel}
      placeholder={placeholder ?? t('common.select')}
      style={style}
      disabled={disabled}
      allowClear={allowClear}
      loading={top.isLoading}
      showSearch={false}
    />
  )
}
