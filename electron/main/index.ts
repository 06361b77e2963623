/**
 * Electron main: lifecycle wiring only. Starts the embedded sync server (unless a remote server is
 * configured), opens one locked-down window, and answers the IPC contract.
 */
import { app, BrowserWindow, ipcMain, net, protocol, session, shell } from 'electron'
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import type { ConnectionInfo, DesktopSettings, IpcHandlers } from '../shared/ipc-contract'
import { embeddedServerStart } from './embedded-server-client'
import type { EmbeddedServer } from './embedded-server-client'
import { settingsLoad, settingsParse, settingsSave } from './settings'
import { canNavigate, canOpenExternally } from './trusted-url'
import { APP_ORIGIN, APP_SCHEME, appFilePath } from './app-protocol'
import { singleInstanceHold } from './single-instance'

const settingsFile = () => join(app.getPath('userData'), 'settings.json')
let embedded: EmbeddedServer | null = null
let window: BrowserWindow | null = null

/**
 * Where the window's pages come from: the dev server in `electron-vite dev`, else the built renderer
 * served on the privileged `teamslot://app` scheme (not file://, so requests to the sync server carry
 * a real origin that the server's CORS list can name).
 */
const appOrigin = process.env['ELECTRON_RENDERER_URL']
  ? new URL(process.env['ELECTRON_RENDERER_URL']).origin
  : APP_ORIGIN

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
  },
])

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
    [appOrigin],
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
    if (!canNavigate(url, appOrigin)) event.preventDefault()
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  if (process.env['ELECTRON_RENDERER_URL']) void win.loadURL(process.env['ELECTRON_RENDERER_URL'])
  else void win.loadURL(`${APP_ORIGIN}/index.html`)
  return win
}

function start(): void {
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
      callback(false),
    )
    const rendererDir = join(__dirname, '../renderer')
    protocol.handle(APP_SCHEME, (request) => {
      const file = appFilePath(rendererDir, request.url)
      return file
        ? net.fetch(pathToFileURL(file).toString())
        : new Response('not found', { status: 404 })
    })
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
}

// A second launch on the same user-data folder brings this window forward and quits.
if (singleInstanceHold(app, () => window)) start()
