import { z } from 'zod'

/** A statistical period in a query or a path: YYYY-MM (1—2月 is 02), parsed to { year, month }. */
export const periodParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
  .transform((s) => ({ year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)) }))
