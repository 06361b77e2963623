import { useState } from 'react'
import { SETTINGS_ID } from '../../../core/src/schema/records'
import { zoneIsKnown } from '../../../core/src/validation'
import { useDatabase } from '../db/hooks'
import { useWorkspace } from '../db/use-workspace'

/** Every zone this browser knows (IANA names), UTC first. */
function zoneNames(): readonly string[] {
  const known = Intl.supportedValuesOf('timeZone')
  return ['UTC', ...known.filter((zone) => zone !== 'UTC')]
}

/**
 * The workspace time zone: reporting cycles (monthly, quarterly) of every pool are cut at
 * midnight in this zone. Stored as the workspace's settings record, synced like any record.
 */
export function WorkspaceZoneSetting() {
  const live = useWorkspace()
  const db = useDatabase()
  const [message, setMessage] = useState<string | null>(null)
  if (!live) return null
  const current = live.workspace.timeZone ?? 'UTC'
  const save = async (timeZone: string) => {
    if (!zoneIsKnown(timeZone)) return setMessage(`Unknown time zone ${timeZone}`)
    await db.settings.upsert({ id: SETTINGS_ID, timeZone, updatedAt: new Date().toISOString() })
    setMessage(`Reporting cycles now start at midnight in ${timeZone}.`)
  }
  return (
    <div className="settings-zone">
      <label>
        Workspace time zone (pool reporting cycles start at midnight here)
        <select value={current} onChange={(e) => void save(e.target.value)}>
          {zoneNames().map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      {message ? <p role="status">{message}</p> : null}
    </div>
  )
}
