import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import { sizeBudgetPlugin } from './build/size-budget.ts'

/**
 * The public booking page (`/book/{slug}`): its own Vite build into `out/book`, served by the
 * sync server under `/book-assets/`. Written against React's API and run on Preact through
 * `preact/compat` (aliased here), so React Aria Components fit the page's size budget
 * (`build/size-budget.ts`): React and react-dom alone are ~60 kB gzipped, Preact ~5 kB.
 */
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: '/book-assets/',
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  plugins: [sizeBudgetPlugin()],
  build: {
    outDir: resolve(import.meta.dirname, '..', 'out', 'book'),
    emptyOutDir: true,
    target: 'es2022',
    // No inline code anywhere: the page's CSP allows only its own files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
})
