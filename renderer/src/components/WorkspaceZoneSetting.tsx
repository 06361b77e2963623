import { useState } from 'react'
import { useWorkspace, useWrites } from '../db/data-layer'
import { ZonePicker } from '../ui/ZonePicker'
import { toastShow } from '../ui/toasts'

/**
 * The workspace time zone: reporting cycles (monthly, quarterly) of every pool are cut at
 * midnight in this zone. Stored as the workspace's settings record, synced like any record.
 */
export function WorkspaceZoneSetting() {
  const live = useWorkspace()
  const writes = useWrites()
  const [problem, setProblem] = useState<string | null>(null)
  if (!live) return null
  const current = live.workspace.timeZone ?? 'UTC'
  const save = async (timeZone: string) => {
    if (timeZone === current) return
    const result = await writes.settingsSave(timeZone)
    if (!result.ok) return setProblem(result.message)
    setProblem(null)
    toastShow({ title: `Reporting cycles now start at midnight in ${timeZone}` })
  }
  return (
    <ZonePicker
      label="Workspace time zone"
      description="Pool reporting cycles (monthly, quarterly) start at midnight in this zone."
      value={current}
      onChange={(zone) => void save(zone)}
      problems={problem ? [problem] : []}
    />
  )
}
