// @gongxin/domain: the field's knowledge as pure functions and data (no IO), shared by the server and the web app.
export { msg } from './msg.ts'
export type { Msg } from './msg.ts'
export * from './uscc/index.ts'
export * from './regions/index.ts'
export * from './industries/index.ts'
export * from './auth/index.ts'
export * from './reports/index.ts'
