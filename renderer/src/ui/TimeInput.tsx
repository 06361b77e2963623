import { Time } from '@internationalized/date'
import { DateInput, DateSegment, Label, TimeField } from 'react-aria-components'
import { localeIs24Hour } from '../format/datetime-format'

export interface TimeInputProps {
  /** Names the field for screen readers and tests ("Monday from"). */
  readonly label: string
  readonly isLabelHidden?: boolean
  /** `HH:mm`; an end of day may be `24:00` (shown as 00:00, midnight). */
  readonly value: string
  readonly onChange: (value: string) => void
  /** An end time: midnight means the end of the day (`24:00`). */
  readonly isEnd?: boolean
  readonly isInvalid?: boolean
}

function toTime(value: string): Time | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value)
  if (!match) return null
  const hour = Number(match[1])
  return new Time(hour === 24 ? 0 : hour, Number(match[2]))
}

function fromTime(time: Time, isEnd: boolean): string {
  if (isEnd && time.hour === 0 && time.minute === 0) return '24:00'
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`
}

/** A wall-clock time typed in the locale's format (React Aria's time field: arrows step it). */
export function TimeInput({
  label,
  isLabelHidden,
  value,
  onChange,
  isEnd = false,
  isInvalid,
}: TimeInputProps) {
  return (
    <TimeField
      value={toTime(value)}
      onChange={(time) => time && onChange(fromTime(time, isEnd))}
      hourCycle={localeIs24Hour() ? 24 : 12}
      shouldForceLeadingZeros
      isInvalid={isInvalid ?? false}
      className="time-input"
    >
      <Label className={isLabelHidden ? 'visually-hidden' : 'field-label'}>{label}</Label>
      <DateInput className="segmented">
        {(segment) => <DateSegment segment={segment} className="segment" />}
      </DateInput>
    </TimeField>
  )
}
