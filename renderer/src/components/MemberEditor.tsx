import { useEffect, useRef, useState } from 'react'
import { bookingsOutsideHours } from '../../../core/src/booking'
import type { Booking, Member, Workspace } from '../../../core/src/model/workspace'
import { memberColorFor } from '../../../core/src/schema/migrations'
import { boardToday } from '../calendar/board-layout'
import { clockNow } from '../clock'
import { bookingsText, dateTimeText, localZone } from '../format/datetime-format'
import { problemWhere } from '../forms/problem-where'
import { useRecordStore } from '../hooks/use-record-store'
import { FieldError } from '../ui/FieldError'
import { TextInput } from '../ui/TextInput'
import { ZonePicker } from '../ui/ZonePicker'
import type { SyncTarget } from '../db/replication'
import type { BusyCalendarStatus } from '../db/workspace-store'
import { BusyCalendarsEditor } from './BusyCalendarsEditor'
import { CalendarFeedLink } from './CalendarFeedLink'
import { DateOverridesEditor } from './DateOverridesEditor'
import { RecordEditorFrame } from './RecordEditorFrame'
import { WeeklyHoursEditor } from './WeeklyHoursEditor'

export interface MemberEditorProps {
  readonly workspace: Workspace
  /** The member to edit, or null to add one. */
  readonly member: Member | null
  readonly onDone: () => void
  /** How the server last read each of the member's busy calendars (synced). */
  readonly busyCalendars: readonly BusyCalendarStatus[]
  /** The sync server, for what only it can do (read calendars now, the feed address). */
  readonly target: SyncTarget
}

const NINE_TO_FIVE = [['09:00', '17:00']] as const

function newMemberId(): string {
  return `m-${crypto.randomUUID().slice(0, 8)}`
}

/** A workload cap typed by a person: empty = none; anything else is checked by core. */
function cap(text: string): number | null {
  return text.trim() === '' ? null : Number(text)
}

/**
 * Adds or edits a member: details, time zone (searchable, with offsets), weekly hours as time
 * fields per weekday (several ranges), date overrides on a calendar, workload limits, active,
 * their own calendars (busy time) and the feed of their bookings for their calendar.
 * Core's validation decides; every problem is shown beside its field and all at once at the top.
 * Deletion is refused while pages, pools, panels or bookings reference the member.
 */
export function MemberEditor(props: MemberEditorProps) {
  const { workspace, member, onDone } = props
  const [id] = useState(() => member?.id ?? newMemberId())
  const [draft, setDraft] = useState<Member>(
    () =>
      member ?? {
        id,
        name: '',
        email: '',
        timeZone: localZone(),
        weeklyHours: {
          mon: NINE_TO_FIVE,
          tue: NINE_TO_FIVE,
          wed: NINE_TO_FIVE,
          thu: NINE_TO_FIVE,
          fri: NINE_TO_FIVE,
          sat: [],
          sun: [],
        },
        dateOverrides: [],
        maxBookingsPerDay: null,
        maxBookingsPerWeek: null,
        active: true,
        color: memberColorFor(id),
      },
  )
  const [perDay, setPerDay] = useState(member?.maxBookingsPerDay?.toString() ?? '')
  const [perWeek, setPerWeek] = useState(member?.maxBookingsPerWeek?.toString() ?? '')
  const store = useRecordStore(workspace, 'members', onDone)
  const problems = store.problems
  // Bookings of theirs the edit would leave outside their hours, once said (saved on the second
  // press, "Save anyway").
  const [stranded, setStranded] = useState<readonly Booking[] | null>(null)
  const record: Member = {
    ...draft,
    name: draft.name.trim(),
    email: draft.email.trim(),
    maxBookingsPerDay: cap(perDay),
    maxBookingsPerWeek: cap(perWeek),
  }
  return (
    <RecordEditorFrame
      title={member ? `Edit ${member.name}` : 'New member'}
      problems={problems}
      where={problemWhere('members', record, workspace)}
      onSave={() => {
        const left = member ? newlyOutsideHours(workspace, member, record, clockNow()) : []
        const isSaid =
          stranded !== null &&
          stranded.length === left.length &&
          stranded.every((booking, i) => booking.id === left[i]?.id)
        if (left.length > 0 && !isSaid) {
          setStranded(left)
          return
        }
        void store.save(record)
      }}
      notice={
        stranded && stranded.length > 0 ? (
          <StrandedNotice
            bookings={stranded}
            name={record.name || 'This member'}
            workspace={workspace}
          />
        ) : null
      }
      onCancel={onDone}
      onDelete={member ? () => void store.remove(id) : undefined}
    >
      <FieldError messages={problems.at('(record)')} />
      <div className="form-grid">
        <TextInput
          label="Name"
          value={draft.name}
          maxLength={200}
          onChange={(name) => setDraft({ ...draft, name })}
          problems={problems.at('name')}
        />
        <TextInput
          label="Email"
          type="email"
          value={draft.email}
          maxLength={254}
          onChange={(email) => setDraft({ ...draft, email })}
          problems={problems.at('email')}
        />
        <ZonePicker
          label="Time zone"
          value={draft.timeZone}
          onChange={(timeZone) => setDraft({ ...draft, timeZone })}
          problems={problems.at('timeZone')}
        />
        <label className="field">
          <span>Colour in calendars</span>
          <input
            type="color"
            value={draft.color ?? memberColorFor(id)}
            onChange={(e) => setDraft({ ...draft, color: e.target.value })}
          />
        </label>
        <TextInput
          label="Max bookings per day"
          type="number"
          min={1}
          value={perDay}
          onChange={setPerDay}
          help="Empty: no limit"
          problems={problems.at('maxBookingsPerDay')}
        />
        <TextInput
          label="Max bookings per week"
          type="number"
          min={1}
          value={perWeek}
          onChange={setPerWeek}
          help="Empty: no limit"
          problems={problems.at('maxBookingsPerWeek')}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={draft.active}
            onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
          />
          Active (takes new bookings)
        </label>
      </div>
      <WeeklyHoursEditor
        hours={draft.weeklyHours}
        onChange={(weeklyHours) => setDraft({ ...draft, weeklyHours })}
        problems={problems}
        zone={draft.timeZone}
      />
      <DateOverridesEditor
        overrides={draft.dateOverrides}
        onChange={(dateOverrides) => setDraft({ ...draft, dateOverrides })}
        problems={problems}
        today={boardToday(draft.timeZone, clockNow())}
      />
      <BusyCalendarsEditor
        memberId={id}
        calendars={draft.busyCalendars ?? []}
        savedUrls={new Set((member?.busyCalendars ?? []).map((calendar) => calendar.url))}
        statuses={props.busyCalendars}
        onChange={(busyCalendars) => setDraft({ ...draft, busyCalendars })}
        problems={problems}
        target={props.target}
      />
      {member ? <CalendarFeedLink memberId={member.id} target={props.target} /> : null}
    </RecordEditorFrame>
  )
}

/**
 * The member's bookings still to come that `after` (the edited record) leaves outside their hours
 * and `before` did not (core's `bookingsOutsideHours`): nothing while the draft cannot be read
 * (its problems are shown on saving instead).
 */
function newlyOutsideHours(
  workspace: Workspace,
  before: Member,
  after: Member,
  nowMs: number,
): readonly Booking[] {
  try {
    const was = new Set(bookingsOutsideHours(workspace, before.id, nowMs).map((b) => b.id))
    const edited = {
      ...workspace,
      members: workspace.members.map((m) => (m.id === before.id ? after : m)),
    }
    return bookingsOutsideHours(edited, after.id, nowMs).filter((b) => !was.has(b.id))
  } catch (error) {
    if (error instanceof RangeError) return []
    throw error
  }
}

/** What saving would leave behind, and what to do about it. */
function StrandedNotice({
  bookings,
  name,
  workspace,
}: {
  bookings: readonly Booking[]
  name: string
  workspace: Workspace
}) {
  const zone = localZone()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [bookings])
  const eventName = (id: string) => workspace.eventTypes.find((e) => e.id === id)?.name ?? 'Booking'
  return (
    <div className="problems-summary" role="alert" tabIndex={-1} ref={ref}>
      <strong>
        {bookingsText(bookings.length)} of {name} would be outside these hours:
      </strong>
      <ul>
        {bookings.map((booking) => (
          <li key={booking.id}>
            {dateTimeText(booking.start, zone)} · {booking.customer.name} ·{' '}
            {eventName(booking.eventTypeId)}
          </li>
        ))}
      </ul>
      <p className="small">
        Saving keeps {bookings.length === 1 ? 'it' : 'them'} booked with {name}. Press Save again to
        save anyway; Conflicts then lists {bookings.length === 1 ? 'it' : 'them'} until given to a
        colleague (Reassign…, or Calendar → Hand over a day…).
      </p>
    </div>
  )
}
