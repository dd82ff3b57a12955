import { defineConfig } from 'vitest/config'

// Test tiers are named by suffix: `.test.ts` (pure/unit), `.db.test.ts` (runs on PGlite and PostgreSQL),
// `.e2e.test.ts` (headless chromium against a running server).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['packages/domain/**/*.test.ts'] } },
      {
        test: {
          name: 'server-unit',
          include: ['packages/server/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.e2e.test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server-db',
          include: ['packages/server/**/*.db.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['packages/**/*.e2e.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      { test: { name: 'web', include: ['packages/web/**/*.test.{ts,tsx}'] } },
    ],
  },
})
