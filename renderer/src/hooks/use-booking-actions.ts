import { useMemo } from 'react'
import { bookingIdCompose } from '../../../core/src/model/booking-id'
import { randomBase64Url } from '../bookings/manage-link'
import type { BookingRequest, ReassignRequest } from '../../../core/src/booking'
import type { Booking, Workspace } from '../../../core/src/model/workspace'
import type { ConflictResolveRequest } from '../../../core/src/conflicts/conflict-resolve'
import type { ProposeResult } from '../db/booking-changes'
import { UNDO_WINDOW_MS } from '../db/booking-changes'
import type { BookingIntent } from '../db/booking-intent'
import { useBookingChanges, useWorkspace } from '../db/data-layer'
import { decisionMessageForPeople, workspaceNames } from '../forms/form-problems'
import { useActorName } from '../session/use-can'
import { toastShow } from '../ui/toasts'

/** What a change's notice says while it waits out its undo window. */
const SAVED_SOON = 'Saved in a few seconds; undo until then.'

/**
 * New booking ids: unique, within the id charset, in creation order (core's `bookingIdCompose`:
 * the store adds them at the end of its indexes).
 */
export function bookingIdNew(): string {
  return bookingIdCompose(Date.now(), randomBase64Url(6))
}

/**
 * Every booking action of the desk, each core's decision shown at once and written after the
 * undo window (a toast offers Undo): reschedule, reassign, cancel, no-show, book. Each is an
 * intent (`db/booking-intent.ts`) kept on disk until written, so a crash loses none. Refusals
 * come back with core's message in plain words (names, never ids). Staff actions are recorded
 * with the scheduler's name (`by`) and are not bound by customer policies.
 */
export function useBookingActions() {
  const changes = useBookingChanges()
  const by = useActorName()
  const live = useWorkspace()
  const names = useMemo(() => (live ? workspaceNames(live.workspace) : new Map()), [live])
  return useMemo(() => {
    /** Decides and keeps one change in the undo window; refusals in plain words. */
    const decide = async (
      label: string,
      intent: BookingIntent,
      manageToken?: string,
    ): Promise<ProposeResult> => {
      const result = await changes.propose({
        label,
        intent,
        ...(manageToken ? { manageToken } : {}),
      })
      return result.ok
        ? result
        : { ok: false, message: decisionMessageForPeople(result.message, names) }
    }
    const propose = async (
      label: string,
      intent: BookingIntent,
      description?: string,
      manageToken?: string,
    ): Promise<ProposeResult> => {
      const result = await decide(label, intent, manageToken)
      if (!result.ok) return result
      // A move that gave a seat to someone else says so (the hosts stay only when free then).
      const handedOver =
        intent.kind === 'reschedule'
          ? hostsHandedOver(live?.workspace, result.change.preview, names)
          : null
      undoNotice(label, (handedOver ? `${handedOver} ` : '') + (description ?? SAVED_SOON), [
        result.change.id,
      ])
      return result
    }
    /** The notice of changes in their undo window: its Undo drops every one still pending. */
    const undoNotice = (title: string, description: string, changeIds: readonly string[]) =>
      toastShow(
        {
          title,
          description,
          undo: () => {
            const undone = changeIds.filter((id) => changes.undo(id)).length
            if (undone > 0) toastShow({ title: 'Undone', tone: 'info' })
          },
        },
        UNDO_WINDOW_MS,
      )
    /** A reassignment's intent, recorded with the scheduler's name (a reason only when given). */
    const reassignIntent = ({
      reason,
      ...request
    }: Omit<ReassignRequest, 'by' | 'reason'> & {
      reason?: string | undefined
    }): BookingIntent => ({
      kind: 'reassign',
      request: { ...request, by, ...(reason ? { reason } : {}) },
    })
    return {
      reschedule: (bookingId: string, startMs: number, label: string) =>
        propose(label, { kind: 'reschedule', request: { bookingId, startMs, by } }),
      reassign: (
        request: {
          bookingId: string
          toMemberId: string
          fromMemberId: string
          force: boolean
          reason?: string
        },
        label: string,
      ) => propose(label, reassignIntent(request)),
      /**
       * Several reassignments as one step (a member's day handed over): each decided in turn
       * (each sees the ones before it), one notice for all with one Undo. Returns each outcome.
       */
      reassignMany: async (
        requests: readonly {
          bookingId: string
          toMemberId: string
          fromMemberId: string
          reason?: string
          label: string
        }[],
        label: string,
      ): Promise<readonly ProposeResult[]> => {
        const results: ProposeResult[] = []
        for (const { label: one, ...request } of requests) {
          results.push(await decide(one, reassignIntent({ ...request, force: false })))
        }
        const ids = results.flatMap((result) => (result.ok ? [result.change.id] : []))
        if (ids.length > 0) undoNotice(label, SAVED_SOON, ids)
        return results
      },
      cancel: (bookingId: string, reason: string, label: string) =>
        propose(label, {
          kind: 'cancel',
          request: { bookingId, by, reason: reason.trim() || null },
        }),
      resolveConflict: (request: Omit<ConflictResolveRequest, 'by'>, label: string) =>
        propose(label, { kind: 'resolve-conflict', request: { ...request, by } }),
      noShow: (bookingId: string, label: string) =>
        propose(label, { kind: 'no-show', request: { bookingId, by } }),
      book: (
        request: Omit<BookingRequest, 'by' | 'createdVia'>,
        bookingId: string,
        label: string,
        manageToken?: string,
      ) =>
        propose(
          label,
          { kind: 'book', bookingId, request: { ...request, by, createdVia: 'desktop' } },
          'Booked; undo within a few seconds.',
          manageToken,
        ),
    }
  }, [changes, by, names, live])
}

/**
 * "Member 17 takes over from Member 4, who is not free then." for each seat a reschedule gave to
 * someone else (`preview` against the booking as the views show it), or null when none changed.
 */
export function hostsHandedOver(
  workspace: Workspace | undefined,
  preview: Booking,
  names: ReadonlyMap<string, string>,
): string | null {
  const before = workspace?.bookings.find((b) => b.id === preview.id)?.hostMemberIds ?? []
  const handovers = preview.hostMemberIds.flatMap((memberId, seat) => {
    const was = before[seat]
    return was === undefined || was === memberId
      ? []
      : [
          `${names.get(memberId) ?? 'another member'} takes over from ${names.get(was) ?? 'a former member'}, who is not free then.`,
        ]
  })
  return handovers.length === 0 ? null : handovers.join(' ')
}
