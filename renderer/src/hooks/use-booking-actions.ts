import { useMemo } from 'react'
import {
  bookingDecide,
  cancelDecide,
  noShowDecide,
  reassignDecide,
  rescheduleDecide,
} from '../../../core/src/booking'
import type { BookingRequest } from '../../../core/src/booking'
import { conflictResolveDecide } from '../../../core/src/conflicts/conflict-resolve'
import type { ConflictResolveRequest } from '../../../core/src/conflicts/conflict-resolve'
import type { Workspace } from '../../../core/src/model/workspace'
import type { ChangeDecision, ProposeResult } from '../db/booking-changes'
import { UNDO_WINDOW_MS } from '../db/booking-changes'
import { useBookingChanges, useWorkspace } from '../db/data-layer'
import { decisionMessageForPeople, workspaceNames } from '../forms/form-problems'
import { useActorName } from '../session/use-can'
import { toastShow } from '../ui/toasts'

/** New booking ids: unique, within the id charset. */
export function bookingIdNew(): string {
  return `bk-${crypto.randomUUID()}`
}

type Decide = (workspace: Workspace, nowMs: number) => ChangeDecision

/**
 * Every booking action of the desk, each core's decision shown at once and written after the
 * undo window (a toast offers Undo): reschedule, reassign, cancel, no-show, book. Refusals come
 * back with core's message in plain words (names, never ids). Staff actions are recorded with
 * the scheduler's name (`by`) and are not bound by customer policies.
 */
export function useBookingActions() {
  const changes = useBookingChanges()
  const by = useActorName()
  const live = useWorkspace()
  const names = useMemo(() => (live ? workspaceNames(live.workspace) : new Map()), [live])
  return useMemo(() => {
    const propose = (
      label: string,
      decide: Decide,
      description?: string,
      manageToken?: string,
    ): ProposeResult => {
      const result = changes.propose({ label, decide, ...(manageToken ? { manageToken } : {}) })
      if (!result.ok) return { ok: false, message: decisionMessageForPeople(result.message, names) }
      toastShow(
        {
          title: label,
          description: description ?? 'Saved in a few seconds; undo until then.',
          undo: () => {
            if (changes.undo(result.change.id)) toastShow({ title: 'Undone', tone: 'info' })
          },
        },
        UNDO_WINDOW_MS,
      )
      return result
    }
    return {
      reschedule: (bookingId: string, startMs: number, label: string) =>
        propose(label, (ws, now) => rescheduleDecide(ws, { bookingId, startMs, by }, now)),
      reassign: (
        request: {
          bookingId: string
          toMemberId: string
          fromMemberId: string
          force: boolean
          reason?: string
        },
        label: string,
      ) =>
        propose(label, (ws, now) =>
          reassignDecide(
            ws,
            { ...request, by, ...(request.reason ? { reason: request.reason } : {}) },
            now,
          ),
        ),
      cancel: (bookingId: string, reason: string, label: string) =>
        propose(label, (ws, now) =>
          cancelDecide(ws, { bookingId, by, reason: reason.trim() || null }, now),
        ),
      resolveConflict: (request: Omit<ConflictResolveRequest, 'by'>, label: string) =>
        propose(label, (ws, now) => conflictResolveDecide(ws, { ...request, by }, now)),
      noShow: (bookingId: string, label: string) =>
        propose(label, (ws, now) => noShowDecide(ws, { bookingId, by }, now)),
      book: (
        request: Omit<BookingRequest, 'by' | 'createdVia'>,
        bookingId: string,
        label: string,
        manageToken?: string,
      ) =>
        propose(
          label,
          (ws, now) => {
            // Written once: a booking already in the replica is not booked again.
            if (ws.bookings.some((b) => b.id === bookingId)) {
              return { ok: false, message: 'This booking was already made.' }
            }
            return bookingDecide(
              ws,
              { ...request, by, createdVia: 'desktop' },
              { nowMs: now, bookingId },
            )
          },
          'Booked; undo within a few seconds.',
          manageToken,
        ),
    }
  }, [changes, by, names])
}
