import type { NextFunction, Request, Response } from 'express'
import { isAdminRequest } from './auth'
import { sendError } from './errors'

/** Express middleware: 401 unless the request carries `Authorization: Bearer <admin token>`. */
export function requireAdmin(adminToken: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isAdminRequest(req.headers, adminToken)) {
      res.setHeader('WWW-Authenticate', 'Bearer')
      sendError(res, 'unauthorized', 'admin token required')
      return
    }
    next()
  }
}
