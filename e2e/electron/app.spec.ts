import { _electron as electron, expect, test } from '@playwright/test'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** The Electron binary (the `electron` package exports its path). */
const electronPath = createRequire(import.meta.url)('electron') as string

/**
 * Runs only where Electron's binary is installed (see playwright.config.ts): the desktop app
 * starts its embedded sync server with the demo team in a fresh user-data folder.
 */
test('the desktop app opens with the embedded server and the demo team', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'teamslot-electron-'))
  const app = await electron.launch({
    args: [resolve(import.meta.dirname, '..', '..'), `--user-data-dir=${userData}`],
  })
  try {
    const window = await app.firstWindow()
    // The calendar opens on today, with the demo team's columns.
    await expect(window.getByRole('region', { name: "Ana Silva's day" })).toBeVisible()
    await expect(window.getByRole('status', { name: 'Sync status' })).toContainText('Connected')
    const isSandboxed = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences exists at run time but is missing from Electron's typings.
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as
        { getLastWebPreferences(): Record<string, unknown> } | undefined
      const prefs = contents?.getLastWebPreferences()
      return (
        prefs?.sandbox === true &&
        prefs.contextIsolation === true &&
        prefs.nodeIntegration === false
      )
    })
    expect(isSandboxed).toBe(true)
    await window
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click()
    await expect(window.getByText('Using the sync server built into this app')).toBeVisible()
    expect(
      await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
    ).toBe('undefined')
  } finally {
    await app.close()
  }
})

/**
 * A second launch on the same user-data folder must not start a second embedded server on the
 * same data (its file lock would refuse it and the person would see a failing window): it quits,
 * and the window already open stays connected.
 */
test('a second launch brings the open app forward instead of starting another', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'teamslot-electron-'))
  const args = [resolve(import.meta.dirname, '..', '..'), `--user-data-dir=${userData}`]
  const first = await electron.launch({ args })
  try {
    const window = await first.firstWindow()
    await expect(window.getByRole('status', { name: 'Sync status' })).toContainText('Connected')
    const second = spawn(electronPath, args, { stdio: 'ignore' })
    const exitCode = await new Promise<number | null>((done) => second.on('exit', done))
    expect(exitCode).toBe(0)
    expect(first.windows()).toHaveLength(1)
    await expect(window.getByRole('status', { name: 'Sync status' })).toContainText('Connected')
  } finally {
    await first.close()
  }
})
