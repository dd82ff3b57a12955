import { useState } from 'react'
import { DatePicker } from 'antd'
import { useQuery } from '@tanstack/react-query'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { reportApi } from '../../api/endpoints.ts'
import type { ReportPeriod } from '../../api/types.ts'
import { periodsBackFrom } from './period.ts'

/** How far back the default period is looked for, and how many months are asked at once. */
const LOOK_BACK = 36
const CHUNK = 6

/** The latest month that has reports in the user's scope (null when there are none in three years). */
async function latestReportedPeriod(): Promise<ReportPeriod | null> {
  const now = dayjs()
  const candidates = periodsBackFrom({ year: now.year(), month: now.month() + 1 }, LOOK_BACK)
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const chunk = candidates.slice(i, i + CHUNK)
    const totals = await Promise.all(chunk.map((p) => reportApi.list({ ...p, page: 1, pageSize: 1 }).then((r) => r.total)))
    const hit = totals.findIndex((n) => n > 0)
    if (hit >= 0) return chunk[hit] ?? null
  }
  return null
}

/** The period the read-only tabs show: the user's choice, else the latest reported month. */
export function useReportPeriod() {
  const [chosen, setChosen] = useState<ReportPeriod | null>(null)
  const latest = useQuery({ queryKey: ['reports', 'latestPeriod'], queryFn: latestReportedPeriod, staleTime: 5 * 60_000 })
  return { period: chosen ?? latest.data ?? null, setPeriod: setChosen, loading: latest.isLoading && chosen === null }
}

/** A year-month picker; future months cannot be chosen. */
export function PeriodPicker({ value, onChange }: { value: ReportPeriod | null; onChange: (p: ReportPeriod) => void }) {
  const { t } = useTranslation()
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      placeholder={t('reports.period.label')}
      value={value ? dayjs(new Date(value.year, value.month - 1, 1)) : null}
      disabledDate={(d) => d.isAfter(dayjs(), 'month')}
      onChange={(d) => {
        if (d) onChange({ year: d.year(), month: d.month() + 1 })
      }}
    />
  )
}
