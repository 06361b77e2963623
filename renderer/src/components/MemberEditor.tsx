import { useState } from 'react'
import type { Member, Workspace } from '../../../core/src/model/workspace'
import { memberColorFor } from '../../../core/src/schema/migrations'
import { boardToday } from '../calendar/board-layout'
import { clockNow } from '../clock'
import { localZone } from '../format/datetime-format'
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
      onSave={() => void store.save(record)}
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
