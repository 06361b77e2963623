import express from 'express'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { guardHandler, isPullQuery, isPushBody } from './replication'

describe('guardHandler', () => {
  it('answers a throwing async handler with the generic 500, logs the error, and keeps serving', async () => {
    const app = express()
    const logged: { path: string; status: number; err: unknown }[] = []
    const logError = (req: express.Request, status: number, err: unknown) =>
      logged.push({ path: req.path, status, err })
    app.get(
      '/boom',
      guardHandler(async () => {
        throw new Error('body document contains meta!')
      }, logError),
    )
    app.get(
      '/ok',
      guardHandler((_req, res) => res.json({ ok: true }), logError),
    )
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const boom = await fetch(`${base}/boom`)
      expect(boom.status).toBe(500)
      expect(await boom.json()).toEqual({ error: { code: 'internal', message: 'internal error' } })
      expect(logged).toHaveLength(1)
      expect(logged[0]).toMatchObject({ path: '/boom', status: 500 })
      expect((logged[0]!.err as Error).message).toBe('body document contains meta!')
      expect((await fetch(`${base}/ok`)).status).toBe(200)
      expect(logged).toHaveLength(1)
    } finally {
      server.close()
    }
  })
})

describe('isPushBody', () => {
  it.each([
    [[], true],
    [[{ newDocumentState: { id: 'm-ana' } }], true],
    [[{ newDocumentState: { id: 'm-ana' }, assumedMasterState: { id: 'm-ana' } }], true],
    [[{ newDocumentState: { id: 'm-ana' }, assumedMasterState: null }], true],
    [{ newDocumentState: { id: 'm-ana' } }, false],
    [[{ newDocumentState: { id: 'a b' } }], false],
    [[{ newDocumentState: { id: 'x&lwt=9' } }], false],
    [[{ newDocumentState: { id: 42 } }], false],
    [[{ newDocumentState: 'doc' }], false],
    [[null], false],
    [[{ newDocumentState: { id: 'm' }, assumedMasterState: { id: 'm', _meta: {} } }], false],
    [[{ newDocumentState: { id: 'm' }, assumedMasterState: 'x' }], false],
  ])('%j → %s', (body, expected) => {
    expect(isPushBody(body)).toBe(expected)
  })
})

describe('isPullQuery', () => {
  it.each([
    [{ lwt: '0', id: '', limit: '200' }, true],
    [{ lwt: '1764000000000.01', id: 'bk-1', limit: '1' }, true],
    [{}, true],
    [{ lwt: 'abc', id: '', limit: '5' }, false],
    [{ lwt: '0', id: ['x'], limit: '5' }, false],
    [{ lwt: '0', id: 'a b', limit: '5' }, false],
    [{ lwt: '0', id: '', limit: '0' }, false],
    [{ lwt: '0', id: '', limit: '1001' }, false],
    [{ lwt: '0', id: '', limit: '-1' }, false],
  ])('%j → %s', (query, expected) => {
    expect(isPullQuery(query)).toBe(expected)
  })
})
