import { useEffect } from 'react'
import { useBookingChanges, useWorkspace } from '../db/data-layer'
import { decisionMessageForPeople, workspaceNames } from '../forms/form-problems'
import { toastShow } from '../ui/toasts'

/**
 * Says so when a change that was shown could not be written when its undo window closed
 * (someone took the time meanwhile): the calendar has already moved it back.
 */
export function useBookingOutcomes(): void {
  const changes = useBookingChanges()
  const live = useWorkspace()
  const workspace = live?.workspace
  useEffect(
    () =>
      changes.onOutcome((outcome) => {
        if (outcome.kind !== 'refused') return
        const names = workspace ? workspaceNames(workspace) : new Map<string, string>()
        toastShow(
          {
            title: `Not saved: ${outcome.change.label}`,
            description: decisionMessageForPeople(outcome.message, names),
            tone: 'error',
          },
          10_000,
        )
      }),
    [changes, workspace],
  )
}
