import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import { recordAudit } from '../audit/service.ts'
import { attachment } from '../imports/routes.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const cell = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])

/**
 * A table exported as shown on screen: the web app sends the columns and rows it displays (already in the scope
 * and the filters of the page it read them from) and gets them back as a workbook. Audited like every export.
 */
export function tableExportRoutes(app: FastifyInstance, { database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.post(
    '/exports/table',
    {
      config: { policy: { authenticated: true } },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['exports'],
        description: 'Turns a table as shown on screen into an .xlsx file (title row, header row, rows). Numbers stay numbers.',
        body: z.object({
          title: z.string().trim().min(1).max(120),
          /** where the table came from, for the audit entry (page and query) */
          source: z.string().max(500).optional(),
          columns: z.array(z.object({ title: z.string().max(200), width: z.number().int().min(4).max(80).optional() })).min(1).max(100),
          rows: z.array(z.array(cell).max(100)).max(100_000),
        }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const { title, columns, rows, source } = req.body
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet(title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31))
      ws.addRow([title]).font = { bold: true, size: 14 }
      ws.mergeCells(1, 1, 1, columns.length)
      ws.addRow(columns.map((c) => c.title)).font = { bold: true }
      for (const r of rows) ws.addRow(r)
      columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? Math.min(40, Math.max(10, c.title.length * 2 + 2))))
      ws.views = [{ state: 'frozen', ySplit: 2 }]
      const buf = Buffer.from(await wb.xlsx.writeBuffer())
      await database.db.transaction((tx) => recordAudit(tx, actor, { action: 'table.export', entity: 'table', detail: { title, source: source ?? null, rows: rows.length } }))
      return reply.header('content-disposition', attachment(`${title}.xlsx`)).type(XLSX).send(buf)
    },
  )
}
