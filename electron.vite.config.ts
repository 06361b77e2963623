import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * Emits the web mode's service worker (`sw.js`, from renderer/sw/service-worker.js) with the list
 * of built files to keep and a version derived from their names, so an offline reload opens the
 * app (see the worker's comment). A few lines instead of a service-worker framework.
 */
function serviceWorkerPlugin(): Plugin {
  return {
    name: 'teamslot-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = ['./', ...Object.keys(bundle).filter((name) => !name.endsWith('.map'))].sort()
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12)
      const source = readFileSync(resolve('renderer/sw/service-worker.js'), 'utf8')
        .replace('__TEAMSLOT_SW_VERSION__', version)
        .replace('__TEAMSLOT_SW_FILES__', JSON.stringify(files))
      this.emitFile({ type: 'asset', fileName: 'sw.js', source })
    },
  }
}

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
    plugins: [react(), serviceWorkerPlugin()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
})
