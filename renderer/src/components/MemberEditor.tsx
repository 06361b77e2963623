import { useState } from 'react'
import type { Member, Weekday, Workspace } from '../../../core/src/model/workspace'
import { WEEKDAYS } from '../../../core/src/model/workspace'
import { memberColorFor } from '../../../core/src/schema/migrations'
import { recordProblems } from '../team/record-problems'
import { useRecordStore } from '../hooks/use-record-store'
import { RecordEditorFrame } from './RecordEditorFrame'
import { hoursFormat, hoursParse, overridesFormat, overridesParse } from '../team/hours-text'

export interface MemberEditorProps {
  readonly workspace: Workspace
  /** The member to edit, or null to add one. */
  readonly member: Member | null
  readonly onDone: () => void
}

const DAY_LABEL: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
}

function newMemberId(): string {
  return `m-${crypto.randomUUID().slice(0, 8)}`
}

function limit(text: string): number | null {
  return text.trim() === '' ? null : Number(text)
}

/**
 * Adds or edits a member: details, weekly hours per weekday in the member's own zone, date
 * overrides, workload limits, active. Checked with core's workspace validation before saving
 * (problems shown with the field they concern); deletion is refused while pages, pools, panels
 * or bookings reference the member (deactivate instead).
 */
export function MemberEditor({ workspace, member, onDone }: MemberEditorProps) {
  const [id] = useState(() => member?.id ?? newMemberId())
  const [name, setName] = useState(member?.name ?? '')
  const [email, setEmail] = useState(member?.email ?? '')
  const [timeZone, setTimeZone] = useState(
    member?.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'),
  )
  const [color, setColor] = useState(member?.color ?? memberColorFor(id))
  const [active, setActive] = useState(member?.active ?? true)
  const [perDay, setPerDay] = useState(member?.maxBookingsPerDay?.toString() ?? '')
  const [perWeek, setPerWeek] = useState(member?.maxBookingsPerWeek?.toString() ?? '')
  const [hours, setHours] = useState<Record<Weekday, string>>(
    () =>
      Object.fromEntries(
        WEEKDAYS.map((d) => [
          d,
          member
            ? hoursFormat(member.weeklyHours[d])
            : d === 'sat' || d === 'sun'
              ? 'off'
              : '09:00-17:00',
        ]),
      ) as Record<Weekday, string>,
  )
  const [overrides, setOverrides] = useState(member ? overridesFormat(member.dateOverrides) : '')
  const store = useRecordStore(workspace, 'members', onDone)

  const build = (): { ok: true; member: Member } | { ok: false; problems: string[] } => {
    const found: string[] = []
    const weeklyHours = {} as Record<Weekday, Member['weeklyHours'][Weekday]>
    for (const day of WEEKDAYS) {
      const parsed = hoursParse(hours[day])
      if (parsed.ok) weeklyHours[day] = parsed.value
      else found.push(`${DAY_LABEL[day]}: ${parsed.message}`)
    }
    const parsedOverrides = overridesParse(overrides)
    if (!parsedOverrides.ok) found.push(`Date overrides: ${parsedOverrides.message}`)
    if (found.length > 0 || !parsedOverrides.ok) return { ok: false, problems: found }
    const next: Member = {
      id,
      name: name.trim(),
      email: email.trim(),
      timeZone: timeZone.trim(),
      weeklyHours,
      dateOverrides: parsedOverrides.value,
      maxBookingsPerDay: limit(perDay),
      maxBookingsPerWeek: limit(perWeek),
      active,
      color,
    }
    const problems = recordProblems(workspace, 'members', next)
    return problems.length > 0 ? { ok: false, problems } : { ok: true, member: next }
  }

  const save = () => {
    const result = build()
    if (!result.ok) return store.setProblems(result.problems)
    void store.save(result.member)
  }

  return (
    <RecordEditorFrame
      title={member ? `Edit ${member.name}` : 'New member'}
      problems={store.problems}
      onSave={save}
      onCancel={onDone}
      onDelete={member ? () => void store.remove(id) : undefined}
    >
      <div className="editor-grid">
        <label>
          Name
          <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Email
          <input value={email} maxLength={254} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Time zone
          <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
        </label>
        <label>
          Color
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </label>
        <label>
          Max bookings per day
          <input type="number" min={1} value={perDay} onChange={(e) => setPerDay(e.target.value)} />
        </label>
        <label>
          Max bookings per week
          <input
            type="number"
            min={1}
            value={perWeek}
            onChange={(e) => setPerWeek(e.target.value)}
          />
        </label>
        <label className="inline">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />{' '}
          Active (takes new bookings)
        </label>
      </div>
      <fieldset>
        <legend>Weekly hours (in the member’s zone)</legend>
        {WEEKDAYS.map((day) => (
          <label key={day} className="hours-row">
            {DAY_LABEL[day]}
            <input
              value={hours[day]}
              onChange={(e) => setHours({ ...hours, [day]: e.target.value })}
            />
          </label>
        ))}
      </fieldset>
      <label>
        Date overrides (one per line: 2027-03-19: off, or 2027-03-20: 10:00-14:00)
        <textarea rows={3} value={overrides} onChange={(e) => setOverrides(e.target.value)} />
      </label>
    </RecordEditorFrame>
  )
}
