import type { CountsRange, HistoryRange } from '../db/booking-history'
import { HISTORY_CACHE_MAX_BOOKINGS } from '../db/booking-history'
import { appLocale, dateText } from '../format/datetime-format'

export interface HistoryNoticeProps {
  /** What `useBookings` (or `useBookingCounts`) answered for the range shown. */
  readonly result:
    | { readonly history: HistoryRange | CountsRange | null; readonly windowStartMs: number }
    | undefined
  readonly zone: string
}

/**
 * Says where the bookings before this computer's window stand when a view shows a range reaching
 * before it: being read from the sync server, not available offline, or not readable. Nothing
 * when the range lies inside the window or the history is shown.
 */
export function HistoryNotice({ result, zone }: HistoryNoticeProps) {
  const history = result?.history
  if (!result || !history || history.status === 'ready') return null
  const since = dateText(result.windowStartMs, zone)
  const text = {
    loading: `Loading bookings before ${since} from the sync server…`,
    offline: `Bookings before ${since} are not available offline. They appear when the sync server can be reached.`,
    failed: `Bookings before ${since} could not be read from the sync server.`,
    'too-large': `This range holds too many bookings before ${since} to show at once (more than ${HISTORY_CACHE_MAX_BOOKINGS.toLocaleString(appLocale())}). Choose a shorter range, such as a month.`,
  }[history.status]
  return (
    <p
      className={`history-notice small${history.status === 'loading' ? ' muted' : ' is-warning'}`}
      role={history.status === 'loading' ? 'status' : 'alert'}
    >
      {text}
    </p>
  )
}
