import { Router } from 'express'
import type { Response } from 'express'
import { auditQuerySchema, personBodySchema, personPatchSchema } from '../http/admin-schemas'
import { asyncRoute } from '../http/async-route'
import { HttpError } from '../http/errors'
import { refuseInvalidId } from '../http/id-param'
import { parseOrThrow } from '../http/public-schemas'
import { may, personOf } from '../http/require-person'
import type { AuditLog } from '../people/audit-log'
import type { People, PersonView } from '../people/people-store'
import { recordChangedFields } from '../../../core/src/people'

export interface PeopleDeps {
  readonly people: People
  readonly audit: AuditLog
}

/** Most entries one page of the activity log has unless `limit` says otherwise. */
const AUDIT_PAGE_DEFAULT = 100

/** A person with their new token: the only answers that carry one (never cached). */
function withToken(res: Response, person: PersonView, token: string) {
  res.setHeader('Cache-Control', 'no-store')
  return { id: person.id, name: person.name, email: person.email, role: person.role, token }
}

/**
 * People and the activity log (api.md v1.1 "People and roles", behind `requirePerson`):
 * `GET /me` for anyone signed in; people for owners; the activity log for managers and owners.
 * Every change to people is written to the activity log.
 */
export function peopleRouter(deps: PeopleDeps): Router {
  const { people, audit } = deps
  const router = Router()
  router.param('id', refuseInvalidId)
  const notFound = () => new HttpError('not-found', 'no such person')

  router.get('/me', may('read'), (_req, res) => {
    const me = personOf(res)
    res.json({ id: me.id, name: me.name, email: me.email, role: me.role })
  })

  router.get('/people', may('people'), (_req, res) => {
    res.json({ people: people.list() })
  })

  router.post(
    '/people',
    may('people'),
    asyncRoute(async (req, res) => {
      const body = parseOrThrow(personBodySchema, req.body)
      const { person, token } = await people.add(body)
      await audit.record(personOf(res), [
        {
          collection: 'people',
          recordId: person.id,
          recordName: person.name,
          action: 'create',
          fields: ['email', 'name', 'role'],
        },
      ])
      res.status(201).json(withToken(res, person, token))
    }),
  )

  router.patch(
    '/people/:id',
    may('people'),
    asyncRoute(async (req, res) => {
      const patch = parseOrThrow(personPatchSchema, req.body)
      const changed = await people.update(String(req.params['id']), {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
      })
      if (!changed) throw notFound()
      const fields = recordChangedFields(
        { ...changed.before, updatedAt: undefined },
        { ...changed.after, updatedAt: undefined },
      )
      await audit.record(personOf(res), [
        {
          collection: 'people',
          recordId: changed.after.id,
          recordName: changed.after.name,
          action: 'update',
          fields,
        },
      ])
      res.json(changed.after)
    }),
  )

  router.delete(
    '/people/:id',
    may('people'),
    asyncRoute(async (req, res) => {
      const removed = await people.remove(String(req.params['id']))
      if (!removed) throw notFound()
      await audit.record(personOf(res), [
        {
          collection: 'people',
          recordId: removed.id,
          recordName: removed.name,
          action: 'delete',
          fields: [],
        },
      ])
      res.status(204).end()
    }),
  )

  router.post(
    '/people/:id/token',
    may('people'),
    asyncRoute(async (req, res) => {
      const rotated = await people.rotate(String(req.params['id']))
      if (!rotated) throw notFound()
      await audit.record(personOf(res), [
        {
          collection: 'people',
          recordId: rotated.person.id,
          recordName: rotated.person.name,
          action: 'update',
          fields: ['token'],
        },
      ])
      res.json(withToken(res, rotated.person, rotated.token))
    }),
  )

  router.get(
    '/audit',
    may('audit'),
    asyncRoute(async (req, res) => {
      const query = parseOrThrow(auditQuerySchema, req.query)
      const entries = await audit.list({
        limit: query.limit ?? AUDIT_PAGE_DEFAULT,
        ...(query.before ? { before: new Date(query.before).toISOString() } : {}),
      })
      res.json({ entries })
    }),
  )

  return router
}
