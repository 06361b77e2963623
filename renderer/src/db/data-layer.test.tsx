// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import { COLLECTION_NAMES } from '../../../core/src/schema/collections'
import { dataLayerCreate, DataLayerContext, useBookings, useWorkspace } from './data-layer'
import type { DataLayer } from './data-layer'
import { testDatabaseOpen } from './test-database'

const NOW = '2027-03-15T08:00:00.000Z'
const ws = demoWorkspace(NOW)
let layer: DataLayer | undefined
afterEach(async () => {
  cleanup()
  layer?.destroy()
  await layer?.db.destroy()
  layer = undefined
})

function MemberNames() {
  const live = useWorkspace()
  if (!live) return <p>loading</p>
  return <p data-testid="members">{live.workspace.members.map((m) => m.name).join(', ')}</p>
}

const DAY_FROM = Date.parse('2027-03-16T00:00:00.000Z')
const DAY_TO = Date.parse('2027-03-17T00:00:00.000Z')

function DayCount() {
  const inRange = useBookings({ fromMs: DAY_FROM, toMs: DAY_TO })
  if (!inRange) return <p>loading</p>
  return <p data-testid="day">{inRange.bookings.map((b) => b.id).join(' ')}</p>
}

describe('the data layer', () => {
  it('feeds every view from one subscription per collection and updates them all on a write', async () => {
    const db = await testDatabaseOpen(ws)
    const finds = new Map<string, number>()
    for (const name of COLLECTION_NAMES) {
      const original = db[name].find.bind(db[name])
      db[name].find = ((...args: Parameters<typeof original>) => {
        finds.set(name, (finds.get(name) ?? 0) + 1)
        return original(...args)
      }) as (typeof db)[typeof name]['find']
    }
    layer = dataLayerCreate(db)
    render(
      <DataLayerContext.Provider value={layer}>
        <MemberNames />
        <DayCount />
        <MemberNames />
      </DataLayerContext.Provider>,
    )
    const [first] = await screen.findAllByTestId('members')
    expect(first?.textContent).toBe('Ana Silva, Ben Okafor, Chen Wei, Dev Patel, Emma Jones')
    expect(Object.fromEntries(finds)).toEqual(
      Object.fromEntries(COLLECTION_NAMES.map((n) => [n, 1])),
    )

    await act(async () => {
      const result = await layer!.writes.recordSave(ws, 'members', {
        ...ws.members[0]!,
        name: 'Ana Costa',
      })
      expect(result.ok).toBe(true)
    })
    await screen.findAllByText(/^Ana Costa, Ben Okafor/)
    expect(screen.getAllByTestId('members').map((p) => p.textContent?.split(',')[0])).toEqual([
      'Ana Costa',
      'Ana Costa',
    ])
    expect(Object.fromEntries(finds)).toEqual(
      Object.fromEntries(COLLECTION_NAMES.map((n) => [n, 1])),
    )
  })

  it('reads bookings through one place, by time range, soonest first (ties by id)', async () => {
    layer = dataLayerCreate(await testDatabaseOpen(ws))
    render(
      <DataLayerContext.Provider value={layer}>
        <DayCount />
      </DataLayerContext.Provider>,
    )
    const day = await screen.findByTestId('day')
    const expected = ws.bookings
      .filter((b) => Date.parse(b.start) < DAY_TO && Date.parse(b.end) > DAY_FROM)
      .toSorted((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id))
      .map((b) => b.id)
    expect(expected.length).toBeGreaterThan(3)
    expect(day.textContent).toBe(expected.join(' '))
  })

  it('shows the manage token the server wrote on a booking', async () => {
    const db = await testDatabaseOpen(ws)
    const booking = ws.bookings[0]!
    await (await db.bookings.findOne(booking.id).exec())!.incrementalPatch({ manageToken: 'tok-1' })
    layer = dataLayerCreate(db)
    await new Promise<void>((resolve) => {
      const check = () => layer!.store.getSnapshot() && resolve()
      layer!.store.subscribe(check)
      check()
    })
    expect(layer.store.getSnapshot()!.manageTokens.get(booking.id)).toBe('tok-1')
  })
})
