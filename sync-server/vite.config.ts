import { resolve } from 'node:path'
import { defineConfig } from 'vite'

/**
 * The standalone sync server (`sync-server/src/main.ts`, what `npm run sync-server`, web mode and
 * the benches run) as one built ES module, `out/server/main.js`: Node loads plain JavaScript
 * instead of compiling the server's TypeScript at every start (issue 9's cold start). A server
 * (SSR) build: packages under node_modules stay imports, resolved by Node at run time as under
 * `tsx`; only this repository's code (sync-server/, core/) is bundled.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  // Nothing from the repository's public/ folder (there is none for the server).
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: resolve(import.meta.dirname, 'src', 'main.ts'),
    outDir: resolve(import.meta.dirname, '..', 'out', 'server'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      output: {
        format: 'es',
        entryFileNames: 'main.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
})
