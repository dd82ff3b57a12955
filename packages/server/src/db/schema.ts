// The whole database schema, one file per feature module (drizzle-kit reads this file).
export * from '../modules/regions/schema.ts'
export * from '../modules/industries/schema.ts'
export * from '../modules/parks/schema.ts'
export * from '../modules/enterprises/schema.ts'
export * from '../modules/auth/schema.ts'
export * from '../modules/audit/schema.ts'
export * from '../modules/imports/schema.ts'
export * from '../modules/reports/schema.ts'
