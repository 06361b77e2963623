import { useEffect } from 'react'
import { useBookingChanges, useWorkspace } from '../db/data-layer'
import { decisionMessageForPeople, workspaceNames } from '../forms/form-problems'
import { toastShow } from '../ui/toasts'

/** How long the word about a change that was not saved (or saved after a restart) stays up. */
const OUTCOME_TOAST_MS = 10_000

/**
 * Says so when a change that was shown could not be written when its undo window closed
 * (someone took the time meanwhile): the calendar has already moved it back. Changes left waiting
 * when Teamslot last closed are written on this start; each is named, saved or not (and why).
 */
export function useBookingOutcomes(): void {
  const changes = useBookingChanges()
  const live = useWorkspace()
  const workspace = live?.workspace
  useEffect(
    () =>
      changes.onOutcome((outcome) => {
        const names = workspace ? workspaceNames(workspace) : new Map<string, string>()
        if (outcome.kind === 'refused') {
          const why = decisionMessageForPeople(outcome.message, names).replace(/\.$/, '')
          toastShow(
            {
              title: `Not saved: ${outcome.change.label}`,
              description: outcome.recovered
                ? `${why}. It was still waiting to be saved when Teamslot closed.`
                : why,
              tone: 'error',
            },
            OUTCOME_TOAST_MS,
          )
        } else if (outcome.recovered) {
          toastShow(
            {
              title: `Saved: ${outcome.change.label}`,
              description: 'It was still waiting to be saved when Teamslot closed.',
              tone: 'success',
            },
            OUTCOME_TOAST_MS,
          )
        }
      }),
    [changes, workspace],
  )
}
