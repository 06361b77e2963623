import { describe, expect, it } from 'vitest'
import { singleInstanceHold } from './single-instance'
import type { ForwardWindow, SingleInstanceApp } from './single-instance'

function fakeApp(isLockFree: boolean) {
  const listeners: (() => void)[] = []
  const calls: string[] = []
  const app: SingleInstanceApp = {
    requestSingleInstanceLock: () => isLockFree,
    on: (_event, listener) => listeners.push(listener),
    quit: () => calls.push('quit'),
  }
  return { app, calls, secondLaunch: () => listeners.forEach((listener) => listener()) }
}

function fakeWindow(state: { minimized: boolean; destroyed?: boolean }) {
  const calls: string[] = []
  const win: ForwardWindow = {
    isDestroyed: () => state.destroyed ?? false,
    isMinimized: () => state.minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  }
  return { win, calls }
}

describe('singleInstanceHold', () => {
  it('lets the first launch start and brings its window forward when launched again', () => {
    const { app, calls, secondLaunch } = fakeApp(true)
    const { win, calls: windowCalls } = fakeWindow({ minimized: true })
    expect(singleInstanceHold(app, () => win)).toBe(true)
    expect(calls).toEqual([])
    secondLaunch()
    expect(windowCalls).toEqual(['restore', 'show', 'focus'])
  })

  it('does not restore a window that is not minimised, and ignores a missing or closed one', () => {
    const { app, secondLaunch } = fakeApp(true)
    const open = fakeWindow({ minimized: false })
    const closed = fakeWindow({ minimized: true, destroyed: true })
    let current: ForwardWindow | null = null
    singleInstanceHold(app, () => current)
    secondLaunch()
    current = closed.win
    secondLaunch()
    expect(closed.calls).toEqual([])
    current = open.win
    secondLaunch()
    expect(open.calls).toEqual(['show', 'focus'])
  })

  it('quits a second launch before it starts anything', () => {
    const { app, calls } = fakeApp(false)
    expect(singleInstanceHold(app, () => null)).toBe(false)
    expect(calls).toEqual(['quit'])
  })
})
