// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { AppDialog } from './AppDialog'

afterEach(cleanup)

/** A dialog that opens a second one from inside, as the booking details open Reschedule. */
function Nested() {
  const [isOuterOpen, setOuterOpen] = useState(true)
  const [isInnerOpen, setInnerOpen] = useState(true)
  return (
    <>
      <p>{isOuterOpen ? 'outer open' : 'outer closed'}</p>
      {isOuterOpen ? (
        <AppDialog title="Outer" onClose={() => setOuterOpen(false)}>
          <button type="button">In the outer</button>
          {isInnerOpen ? (
            <AppDialog title="Inner" onClose={() => setInnerOpen(false)}>
              <button type="button" onClick={() => setInnerOpen(false)}>
                Close the inner
              </button>
            </AppDialog>
          ) : null}
        </AppDialog>
      ) : null}
    </>
  )
}

describe('AppDialog', () => {
  it('closes the topmost dialog on an Escape that lands on the page, before focus is back in it', () => {
    render(<Nested />)
    act(() => screen.getByRole('button', { name: 'Close the inner' }).click())
    expect(screen.queryByRole('dialog', { name: 'Inner' })).toBeNull()
    // The moment between the inner dialog's close and the outer one getting the focus back.
    act(() => {
      ;(document.activeElement as HTMLElement | null)?.blur()
    })
    expect(document.activeElement === document.body || document.activeElement === null).toBe(true)
    act(() => {
      fireEvent.keyDown(document.body, { key: 'Escape' })
    })
    expect(screen.getByText('outer closed')).toBeTruthy()
  })

  it('leaves the dialogs alone on other keys, and when nothing is open', () => {
    render(<Nested />)
    act(() => screen.getByRole('button', { name: 'Close the inner' }).click())
    act(() => {
      ;(document.activeElement as HTMLElement | null)?.blur()
      fireEvent.keyDown(document.body, { key: 'Enter' })
    })
    expect(screen.getByText('outer open')).toBeTruthy()
    act(() => {
      fireEvent.keyDown(document.body, { key: 'Escape' })
    })
    expect(screen.getByText('outer closed')).toBeTruthy()
    act(() => {
      fireEvent.keyDown(document.body, { key: 'Escape' })
    })
    expect(screen.getByText('outer closed')).toBeTruthy()
  })
})
