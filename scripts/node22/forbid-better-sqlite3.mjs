/**
 * Preloaded (`--import`) into every process of the Node 22 storage run: refuses to load
 * better-sqlite3, whose native addon is built for Node 20's ABI, so that run can only pass on
 * `node:sqlite`. Needs `module.registerHooks` (Node ≥ 22.15); covers `import` and `require`.
 */
import { registerHooks } from 'node:module'

const BETTER_SQLITE3 = /[\\/]node_modules[\\/]better-sqlite3[\\/]/

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context)
    if (BETTER_SQLITE3.test(resolved.url)) {
      throw new Error(
        `better-sqlite3 must not load in the Node ${process.versions.node} node:sqlite run ` +
          `(asked for ${specifier})`,
      )
    }
    return resolved
  },
})
