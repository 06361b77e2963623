/**
 * Preload: exposes exactly the `TeamslotBridge` named functions on `window.teamslot`.
 * Never exposes ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { EmbeddedServerStatus, TeamslotBridge } from '../shared/ipc-contract'

const bridge: TeamslotBridge = {
  getConnectionInfo: () => ipcRenderer.invoke('connection:get-info'),
  getSettings: () => ipcRenderer.invoke('settings:get-settings'),
  setRemoteServer: (settings) => ipcRenderer.invoke('settings:set-remote-server', settings),
  openExternal: (url) => ipcRenderer.invoke('shell:open-external', url),
  onServerStatus(listener) {
    const wrapped = (_event: unknown, status: EmbeddedServerStatus) => listener(status)
    ipcRenderer.on('server:status-changed', wrapped)
    return () => {
      ipcRenderer.removeListener('server:status-changed', wrapped)
    }
  },
}

contextBridge.exposeInMainWorld('teamslot', bridge)
