/**
 * The one contract between the renderer and the Electron main process. Channel names follow
 * `namespace:verb-noun`. Main implements every channel (`satisfies IpcHandlers`), validates every
 * argument, and the preload exposes exactly `TeamslotBridge` as `window.teamslot`.
 * Type-only: nothing here runs.
 */

/** Where the desktop app syncs to and with which token. */
export interface ConnectionInfo {
  readonly serverUrl: string
  readonly adminToken: string
  /** `embedded`: the local server the app started; `remote`: a configured server. */
  readonly mode: 'embedded' | 'remote'
}

export interface DesktopSettings {
  /** null = use the embedded local sync server. */
  readonly remoteServerUrl: string | null
  readonly remoteAdminToken: string | null
}

export interface EmbeddedServerStatus {
  readonly state: 'starting' | 'running' | 'stopped' | 'failed'
  readonly message?: string
}

export interface IpcChannels {
  'connection:get-info': { readonly args: []; readonly result: ConnectionInfo }
  'settings:get-settings': { readonly args: []; readonly result: DesktopSettings }
  'settings:set-remote-server': {
    readonly args: [settings: DesktopSettings]
    readonly result: DesktopSettings
  }
  'shell:open-external': { readonly args: [url: string]; readonly result: boolean }
}

/** Events main pushes to the renderer. */
export interface IpcEvents {
  'server:status-changed': EmbeddedServerStatus
}

export type IpcChannel = keyof IpcChannels

/** What main registers: one async handler per channel, taking untrusted arguments. */
export type IpcHandlers = {
  readonly [C in IpcChannel]: (...args: unknown[]) => Promise<IpcChannels[C]['result']>
}

/** What the preload exposes on `window.teamslot`: named functions only, never ipcRenderer. */
export interface TeamslotBridge {
  getConnectionInfo(): Promise<ConnectionInfo>
  getSettings(): Promise<DesktopSettings>
  setRemoteServer(settings: DesktopSettings): Promise<DesktopSettings>
  openExternal(url: string): Promise<boolean>
  /** Subscribes to the embedded server's status; returns the unsubscribe function. */
  onServerStatus(listener: (status: EmbeddedServerStatus) => void): () => void
}
