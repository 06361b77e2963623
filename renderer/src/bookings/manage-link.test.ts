import { describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import { manageLinkFor, manageTokenNew } from './manage-link'

const ws = demoWorkspace('2027-03-15T08:00:00.000Z')
const publicBooking = ws.bookings.find(
  (b) => b.createdVia === 'public' && b.masterPageId === 'mp-sales',
)!
const deskBooking = ws.bookings.find((b) => b.createdVia === 'desktop')!

describe('manageLinkFor', () => {
  it('builds the public page’s manage address with the token in the fragment', () => {
    expect(manageLinkFor(ws, publicBooking, 'tok/1', 'http://127.0.0.1:4400/')).toEqual({
      ok: true,
      url: `http://127.0.0.1:4400/book/sales/manage/${publicBooking.id}#token=tok%2F1`,
    })
  })

  it('says plainly that an older desk booking has no manage link', () => {
    const link = manageLinkFor(ws, deskBooking, undefined, 'http://x')
    expect(link.ok).toBe(false)
    expect(link.ok ? '' : link.reason).toContain('before desk bookings got manage links')
  })

  it('makes desk tokens the server accepts: url-safe, 32 characters, never the same', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => manageTokenNew()))
    expect(tokens.size).toBe(50)
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
  })
})
