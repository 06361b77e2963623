import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** Imports core/ may never use: it is pure TypeScript (luxon is the one allowed library). */
const CORE_FORBIDDEN = [
  {
    group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto'],
    message: 'core/ is pure: no Node APIs.',
  },
  { group: ['react', 'react-*', 'zustand', '@fullcalendar/*'], message: 'core/ is pure: no UI.' },
  {
    group: ['rxdb', 'rxdb/*', 'rxdb-server', 'rxdb-server/*', 'rxjs', 'express'],
    message: 'core/ is pure: no storage or servers.',
  },
  {
    group: [
      'electron',
      '**/renderer/**',
      '**/sync-server/**',
      '**/electron/**',
      '**/e2e/**',
      '**/bench/**',
    ],
    message: 'core/ imports nothing outside core/.',
  },
]

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      '.tsbuild',
      'test-results',
      'playwright-report',
      'coverage',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: CORE_FORBIDDEN }],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'setTimeout',
        'setInterval',
        'console',
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core/ takes now as an argument.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core/ takes now as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'core/ is deterministic.',
        },
      ],
    },
  },
  {
    // CommonJS helper scripts (the utility-process harness) load modules with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The public booking page: React's API (run on Preact), a browser page, no server code.
    files: ['booking-page/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sync-server/**', '**/renderer/**', '**/electron/**', 'node:*'],
              message: 'The booking page is a public web page: it talks to the public API only.',
            },
          ],
          paths: [
            {
              name: 'react-dom',
              importNames: ['flushSync'],
              message: 'Keep to what preact/compat implements.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web mode's service worker; the build fills in its file list.
    files: ['renderer/sw/**/*.js'],
    languageOptions: {
      globals: { ...globals.serviceworker, __TEAMSLOT_SW_FILES__: 'readonly' },
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer runs in a sandboxed window.' }],
          patterns: [
            {
              group: ['**/sync-server/**', 'better-sqlite3', 'node:*', 'express'],
              message: 'The renderer runs in a sandboxed window.',
            },
            {
              group: ['**/electron/main/**', '**/electron/preload/**'],
              message:
                'The renderer meets the main process only through electron/shared/ipc-contract.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer runs in a sandboxed window.' }],
          patterns: [
            {
              group: ['rxdb', 'rxdb/*', 'rxdb-server', 'rxdb-server/*'],
              message: 'Only renderer/src/db/ imports rxdb.',
            },
            {
              group: ['**/sync-server/**', 'better-sqlite3', 'node:*', 'express'],
              message: 'The renderer runs in a sandboxed window.',
            },
            {
              group: ['**/electron/main/**', '**/electron/preload/**'],
              message:
                'The renderer meets the main process only through electron/shared/ipc-contract.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Integration tests of the renderer's replication run against the real server's test support.
    files: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['sync-server/**/*.ts', 'electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'Nothing imports renderer/.' }] },
      ],
    },
  },
)
