import type {
  Booking,
  HistoryAction,
  HistoryEntry,
  Workspace,
} from '../../../core/src/model/workspace'
import { dateTimeText } from '../format/datetime-format'

const ACTION_TEXT: Readonly<Record<HistoryAction, string>> = {
  created: 'Booked',
  reassigned: 'Reassigned',
  cancelled: 'Cancelled',
  rescheduled: 'Rescheduled',
  completed: 'Completed',
  'no-show': 'Marked as no-show',
  'conflict-resolved': 'Double booking kept on purpose',
  'change-superseded': 'An offline change lost to a change made elsewhere',
}

/** Who acted, in words: the customer, the system, or a named person at the desk (staff). */
export function historyActorText(by: string): string {
  if (by === 'customer') return 'by the customer'
  if (by === 'system') return 'automatically'
  return `by ${by} (staff)`
}

function detail(
  entry: HistoryEntry,
  names: ReadonlyMap<string, string>,
  zone: string,
): string | null {
  const name = (id: string | null | undefined) =>
    id ? (names.get(id) ?? 'a former member') : 'someone'
  switch (entry.action) {
    case 'reassigned':
      return `From ${name(entry.fromMemberId)} to ${name(entry.toMemberId)}${entry.forced ? ' (override: they were not free)' : ''}.`
    case 'rescheduled':
      return entry.previousStart ? `Was ${dateTimeText(entry.previousStart, zone)}.` : null
    case 'change-superseded': {
      const v = entry.supersededVersion
      return v
        ? `The offline change had ${v.hostMemberIds.map((id) => name(id)).join(', ')} at ${dateTimeText(v.start, zone)} (${v.status}).`
        : null
    }
    default:
      return null
  }
}

/**
 * The booking's history, oldest first: what happened, when, who did it, and the reason — for
 * the booked entry, the assignment explanation ("why did this go to Ana?").
 */
export function BookingHistory({
  booking,
  workspace,
  zone,
}: {
  booking: Booking
  workspace: Workspace
  zone: string
}) {
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))
  return (
    <ol className="timeline" aria-label="History">
      {booking.history.map((entry, i) => {
        const extra = detail(entry, names, zone)
        return (
          <li key={`${entry.at}-${i}`}>
            <strong>{ACTION_TEXT[entry.action]}</strong> {historyActorText(entry.by)}
            <br />
            <span className="muted small">{dateTimeText(entry.at, zone)}</span>
            {extra ? <div>{extra}</div> : null}
            {entry.reason ? (
              <div className={entry.action === 'created' ? 'timeline-why' : undefined}>
                {entry.action === 'created' ? 'Why: ' : 'Reason: '}
                {entry.reason}
              </div>
            ) : null}
          </li>
        )
      })}
    </ol>
  )
}
