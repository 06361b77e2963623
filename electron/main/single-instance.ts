/**
 * One desktop app per user-data folder. A second launch (a double click while the app is open, a
 * shortcut on the taskbar) would start a second embedded sync server on the same data, which the
 * storage's file lock refuses: the person would see a window failing to connect instead of the one
 * already open. So the second launch only asks the first to come forward, and quits.
 */

/** The part of Electron's `app` this needs. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean
  on(event: 'second-instance', listener: () => void): unknown
  quit(): void
}

/** The part of a `BrowserWindow` brought forward. */
export interface ForwardWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
}

/**
 * Takes the user-data folder's single-instance lock. Held: brings `currentWindow()` forward
 * (restored if minimised) whenever another launch tries to start, and returns true — go on
 * starting. Not held (this is the second launch): quits and returns false — start nothing.
 */
export function singleInstanceHold(
  app: SingleInstanceApp,
  currentWindow: () => ForwardWindow | null,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', () => {
    const win = currentWindow()
    if (!win || win.isDestroyed()) return
    if (win.isMinimized()) win.restore()
    win.show()
    win.focus()
  })
  return true
}
