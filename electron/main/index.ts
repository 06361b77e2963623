/**
 * Electron main: lifecycle wiring only. Starts the embedded sync server (unless a remote server is
 * configured), opens one locked-down window, and answers the IPC contract.
 */
import { app, BrowserWindow, ipcMain, session, shell } from 'electron'
import { join } from 'node:path'
import type { ConnectionInfo, DesktopSettings, IpcHandlers } from '../shared/ipc-contract'
import { embeddedServerStart } from './embedded-server-client'
import type { EmbeddedServer } from './embedded-server-client'
import { settingsLoad, settingsParse, settingsSave } from './settings'
import { canNavigate, canOpenExternally } from './trusted-url'

const settingsFile = () => join(app.getPath('userData'), 'settings.json')
let embedded: EmbeddedServer | null = null
let window: BrowserWindow | null = null

/** The dev server origin in `electron-vite dev`, else null (the app is loaded from a file). */
const devOrigin = process.env['ELECTRON_RENDERER_URL']
  ? new URL(process.env['ELECTRON_RENDERER_URL']).origin
  : null

async function connectionInfo(): Promise<ConnectionInfo> {
  const settings = settingsLoad(settingsFile())
  if (settings.remoteServerUrl && settings.remoteAdminToken) {
    return {
      serverUrl: settings.remoteServerUrl,
      adminToken: settings.remoteAdminToken,
      mode: 'remote',
    }
  }
  embedded ??= await embeddedServerStart(
    join(__dirname, 'sync-server.cjs'),
    join(app.getPath('userData'), 'sync-data'),
  )
  window?.webContents.send('server:status-changed', { state: 'running', message: embedded.url })
  return { serverUrl: embedded.url, adminToken: embedded.adminToken, mode: 'embedded' }
}

const handlers = {
  'connection:get-info': async () => connectionInfo(),
  'settings:get-settings': async () => settingsLoad(settingsFile()),
  'settings:set-remote-server': async (input: unknown): Promise<DesktopSettings> => {
    const parsed = settingsParse(input)
    if (!parsed.ok) throw new Error(parsed.message)
    settingsSave(settingsFile(), parsed.settings)
    return parsed.settings
  },
  'shell:open-external': async (url: unknown) => {
    if (typeof url !== 'string' || !canOpenExternally(url)) return false
    await shell.openExternal(url)
    return true
  },
} satisfies IpcHandlers

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Teamslot',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (canOpenExternally(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event, url) => {
    if (!canNavigate(url, devOrigin)) event.preventDefault()
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  if (process.env['ELECTRON_RENDERER_URL']) void win.loadURL(process.env['ELECTRON_RENDERER_URL'])
  else void win.loadFile(join(__dirname, '../renderer/index.html'))
  return win
}

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  )
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, (_event, ...args: unknown[]) =>
      (handler as (...a: unknown[]) => Promise<unknown>)(...args),
    )
  }
  window = createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

let quitting = false
app.on('before-quit', (event) => {
  if (quitting || !embedded) return
  event.preventDefault()
  quitting = true
  void embedded.stop().finally(() => app.quit())
})
