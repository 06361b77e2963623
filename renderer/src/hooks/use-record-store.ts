import { useMemo, useState } from 'react'
import type { Workspace } from '../../../core/src/model/workspace'
import type { WorkspaceProblem, WorkspaceRecord } from '../../../core/src/validation'
import { recordParse } from '../../../core/src/validation'
import { useWrites } from '../db/data-layer'
import type { EditableKey } from '../db/writes'
import {
  formProblems,
  NO_PROBLEMS,
  problemsForPeople,
  workspaceNames,
} from '../forms/form-problems'
import type { FormProblems } from '../forms/form-problems'
import { toastShow } from '../ui/toasts'

/** Labels for the toast: "Saved pool Sales". */
const KIND: Readonly<Record<EditableKey, string>> = {
  members: 'member',
  eventTypes: 'event type',
  pools: 'pool',
  panels: 'panel',
  masterPages: 'master page',
  bookingPages: 'booking page',
}

function recordName(record: Record<string, unknown>): string {
  const name = record['name'] ?? record['title'] ?? record['slug']
  return typeof name === 'string' ? name : ''
}

/**
 * Saving and deleting one record of `key` through the writes module: core's one validation
 * (`recordParse`, the same the server runs) decides; every problem comes back at its path, with
 * names instead of ids, for the form to show beside its fields. A save shows a toast with Undo
 * (the previous version is written back, or the new record removed).
 */
export function useRecordStore<K extends EditableKey>(
  workspace: Workspace,
  key: K,
  onDone: () => void,
) {
  const writes = useWrites()
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS)
  const names = useMemo(() => workspaceNames(workspace), [workspace])
  const readable = (list: readonly WorkspaceProblem[]) =>
    formProblems(problemsForPeople(list, names))
  return {
    problems,
    /** Shows the editor's own problems (e.g. a field that is not a number) with core's. */
    check(record: unknown, extra: readonly WorkspaceProblem[] = []): boolean {
      const parsed = recordParse(workspace, key, record)
      const all = [...extra, ...(parsed.ok ? [] : parsed.problems)]
      setProblems(readable(all))
      return all.length === 0
    },
    async save(record: WorkspaceRecord<K>, extra: readonly WorkspaceProblem[] = []) {
      if (extra.length > 0) {
        const parsed = recordParse(workspace, key, record)
        return setProblems(readable([...extra, ...(parsed.ok ? [] : parsed.problems)]))
      }
      const before = (workspace[key] as readonly { id: string }[]).find((r) => r.id === record.id)
      const result = await writes.recordSave(workspace, key, record)
      if (!result.ok) return setProblems(readable(result.problems))
      setProblems(NO_PROBLEMS)
      const name = recordName(result.record as Record<string, unknown>)
      toastShow({
        title: `Saved ${KIND[key]} ${name}`.trim(),
        undo: () =>
          void (before
            ? writes.recordSave(workspace, key, before)
            : writes.recordRemove(workspace, key, record.id)),
      })
      onDone()
    },
    async remove(id: string) {
      const result = await writes.recordRemove(workspace, key, id)
      if (!result.ok)
        return setProblems(formProblems([{ path: '(record)', message: result.message }]))
      toastShow({ title: `Deleted ${KIND[key]}`, tone: 'info' })
      onDone()
    },
  }
}
