import { useCallback, useState } from 'react'
import type { FormEvent } from 'react'
import { rescheduleAvailability } from '../../../core/src/booking'
import type { Booking } from '../../../core/src/model/workspace'
import { useWorkspace } from '../db/data-layer'
import { clockNow } from '../clock'
import { dateTimeText, zoneText } from '../format/datetime-format'
import { useBookingActions } from '../hooks/use-booking-actions'
import { AppDialog } from '../ui/AppDialog'
import { SlotDayPicker } from './SlotDayPicker'

export interface RescheduleDialogProps {
  readonly booking: Booking
  readonly zone: string
  readonly onClose: () => void
}

/**
 * Move a booking to a chosen free time: any day on the calendar, then one of its free starts
 * (core's `rescheduleAvailability`: the hosts are kept when free, a pool seat is re-filled).
 */
export function RescheduleDialog({ booking, zone, onClose }: RescheduleDialogProps) {
  const live = useWorkspace()!
  const actions = useBookingActions()
  const [start, setStart] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { workspace } = live
  const slotsIn = useCallback(
    (fromMs: number, toMs: number) => {
      const result = rescheduleAvailability(workspace, booking.id, fromMs, toMs, clockNow())
      return result.ok ? result.slots : []
    },
    [workspace, booking.id],
  )
  const initialDate = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(
    Date.parse(booking.start),
  )
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!start) return
    const result = await actions.reschedule(
      booking.id,
      Date.parse(start),
      `Moved ${booking.customer.name} to ${dateTimeText(start, zone)}`,
    )
    if (result.ok) onClose()
    else setError(result.message)
  }
  return (
    <AppDialog title="Reschedule booking" size="large" onClose={onClose}>
      <form className="stack" onSubmit={submit}>
        <p className="small muted">
          Currently booked for {dateTimeText(booking.start, zone)}. Times are {zoneText(zone)} time;
          the hosts stay when they are free.
        </p>
        <SlotDayPicker
          zone={zone}
          initialDate={initialDate}
          slotsIn={slotsIn}
          selected={start}
          onSelect={setStart}
        />
        {error ? (
          <p role="alert" className="field-error">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={!start}>
            Move to this time
          </button>
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </AppDialog>
  )
}
