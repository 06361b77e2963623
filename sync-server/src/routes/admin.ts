import { Router } from 'express'
import type { Clock } from '../app'
import type { ServerDatabase } from '../database'
import { HttpError } from '../http/errors'
import { requireAdmin } from '../http/require-admin'
import { parseWorkspace } from '../http/workspace-schema'
import { workspaceExport, workspaceReplace } from '../workspace-store'

export interface AdminDeps {
  readonly db: ServerDatabase
  readonly adminToken: string
  readonly clock: Clock
}

/** `/api/admin/*`: every route needs the admin token. */
export function adminRouter(deps: AdminDeps): Router {
  const router = Router()
  router.use(requireAdmin(deps.adminToken))

  router.get('/workspace', async (_req, res, next) => {
    try {
      res.json(await workspaceExport(deps.db))
    } catch (err) {
      next(err)
    }
  })

  router.put('/workspace', async (req, res, next) => {
    try {
      const parsed = parseWorkspace(req.body)
      if (!parsed.ok) {
        throw new HttpError('invalid-request', 'workspace is invalid; nothing was changed', {
          problems: parsed.problems,
        })
      }
      await workspaceReplace(deps.db, parsed.workspace, new Date(deps.clock.now()).toISOString())
      res.json(await workspaceExport(deps.db))
    } catch (err) {
      next(err)
    }
  })

  return router
}
