import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

/**
 * electron-vite for this layout (its defaults look under src/): main and the embedded sync server
 * from electron/main, the sandboxed preload from electron/preload (CommonJS, as sandboxed preloads
 * must be), the renderer from renderer/. Main-process output is CommonJS (`.cjs`) because the
 * package is `"type": "module"`.
 */
const cjsOutput = {
  format: 'cjs' as const,
  entryFileNames: '[name].cjs',
  chunkFileNames: 'chunks/[name]-[hash].cjs',
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'sync-server': resolve('electron/main/embedded-server.ts'),
        },
        output: cjsOutput,
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve('electron/preload/index.ts') }, output: cjsOutput },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    resolve: {
      // rxdb-server's client imports the Node-only `eventsource` package; the renderer supplies a
      // fetch-based EventSource that can send the Authorization header.
      alias: { eventsource: resolve('renderer/src/db/fetch-event-source.ts') },
    },
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
})
