import { defineConfig } from 'vitest/config'

/**
 * Three vitest projects split by runtime. `npm test` runs `core` twice (TZ=UTC and
 * TZ=Pacific/Auckland) to catch local-time leaks, then `server` and `renderer`.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['core/**/*.test.ts'],
          environment: 'node',
          // The property tests are CPU-bound: the longest takes ~3.3 s alone, over the default
          // 5 s on a machine shared with other jobs (it timed out once beside a benchmark).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          include: [
            'sync-server/**/*.test.ts',
            'electron/**/*.test.ts',
            'scripts/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          environment: 'node',
          setupFiles: ['sync-server/src/test-support/temp-dirs-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'booking-page/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['sync-server/src/test-support/temp-dirs-setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
})
