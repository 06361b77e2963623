import { afterEach, describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../core/src/demo/demo-workspace'
import { workspaceParse } from '../../core/src/validation'
import { FIXTURE_NOW } from './test-support/fixtures'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'
import { workspaceReplace } from './workspace-store'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('workspaceReplace', () => {
  it('gives bookings without a manage token a new one when asked (the demo team), and keeps tokens they have', async () => {
    app = await startTestApp({ clock: fixedClock(FIXTURE_NOW) })
    const parsed = workspaceParse(demoWorkspace(FIXTURE_NOW))
    if (!parsed.ok) throw new Error('the demo workspace is invalid')
    const { workspace } = parsed
    expect(workspace.bookings.length).toBeGreaterThan(0)
    await workspaceReplace(app.teamslot.db, workspace, FIXTURE_NOW)
    const without = await app.teamslot.service.bookingDoc(workspace.bookings[0]!.id)
    expect(without?.manageToken ?? null).toBeNull()

    let n = 0
    const made = () => `demo-manage-token-${++n}-0123456789abcdef`
    await workspaceReplace(app.teamslot.db, workspace, FIXTURE_NOW, made)
    const tokens = await Promise.all(
      workspace.bookings.map(
        async (b) => (await app!.teamslot.service.bookingDoc(b.id))?.manageToken,
      ),
    )
    expect(new Set(tokens).size).toBe(workspace.bookings.length)
    expect(tokens.every((t) => typeof t === 'string' && t.startsWith('demo-manage-token-'))).toBe(
      true,
    )
    // The customer's manage page reads the booking with it.
    const first = workspace.bookings[0]!
    const read = await app.request(
      `/api/public/bookings/${first.id}?token=${encodeURIComponent(String(tokens[0]))}`,
    )
    expect(read.status).toBe(200)

    // Replaced again (with or without new tokens), a booking keeps the token it has.
    await workspaceReplace(app.teamslot.db, workspace, FIXTURE_NOW, made)
    await workspaceReplace(app.teamslot.db, workspace, FIXTURE_NOW)
    expect((await app.teamslot.service.bookingDoc(first.id))?.manageToken).toBe(tokens[0])
  })
})
