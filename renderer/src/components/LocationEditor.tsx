import { useId } from 'react'
import type { EventType } from '../../../core/src/model/workspace'
import { TextInput } from '../ui/TextInput'

/** Where a meeting takes place, as the event type stores it (null: the hosts get in touch). */
export type MeetingLocation = NonNullable<EventType['location']>
type Kind = MeetingLocation['type'] | 'none'

/** The location's form state: the kind chosen and each kind's field, kept while switching. */
export interface LocationDraft {
  readonly kind: Kind
  readonly address: string
  readonly number: string
  readonly url: string
}

const KINDS: readonly { id: Kind; label: string; help: string }[] = [
  { id: 'none', label: 'Not set', help: 'the hosts get in touch' },
  { id: 'in-person', label: 'In person', help: 'an address' },
  { id: 'phone', label: 'Phone', help: 'a number to call' },
  { id: 'video', label: 'Video', help: 'a meeting link' },
]

/** The draft of a stored location. */
export function locationDraftOf(location: EventType['location']): LocationDraft {
  return {
    kind: location?.type ?? 'none',
    address: location?.type === 'in-person' ? location.address : '',
    number: location?.type === 'phone' ? location.number : '',
    url: location?.type === 'video' ? location.url : '',
  }
}

/** The location a draft saves (core checks its fields when the event type is saved). */
export function locationOfDraft(draft: LocationDraft): MeetingLocation | null {
  switch (draft.kind) {
    case 'none':
      return null
    case 'in-person':
      return { type: 'in-person', address: draft.address.trim() }
    case 'phone':
      return { type: 'phone', number: draft.number.trim() }
    case 'video':
      return { type: 'video', url: draft.url.trim() }
  }
}

export interface LocationEditorProps {
  readonly draft: LocationDraft
  readonly onChange: (draft: LocationDraft) => void
  /** Core's problems under `location`, by field (`address`, `number`, `url`, or the whole). */
  readonly problems: (field: string) => readonly string[]
}

/**
 * Where the meeting takes place: in person, by phone or by video, with the matching field. It
 * appears in confirmations, invitations and on the booking and manage pages.
 */
export function LocationEditor({ draft, onChange, problems }: LocationEditorProps) {
  const name = useId()
  return (
    <fieldset>
      <legend>Where it takes place</legend>
      <div className="actions">
        {KINDS.map((kind) => (
          <label key={kind.id} className="check">
            <input
              type="radio"
              name={name}
              checked={draft.kind === kind.id}
              onChange={() => onChange({ ...draft, kind: kind.id })}
            />
            <span>
              {kind.label} <span className="muted">— {kind.help}</span>
            </span>
          </label>
        ))}
      </div>
      {draft.kind === 'in-person' ? (
        <TextInput
          label="Address"
          value={draft.address}
          maxLength={500}
          onChange={(address) => onChange({ ...draft, address })}
          problems={problems('address')}
        />
      ) : null}
      {draft.kind === 'phone' ? (
        <TextInput
          label="Phone number"
          value={draft.number}
          maxLength={40}
          placeholder="+49 30 1234567"
          onChange={(number) => onChange({ ...draft, number })}
          problems={problems('number')}
        />
      ) : null}
      {draft.kind === 'video' ? (
        <TextInput
          label="Meeting link"
          type="url"
          value={draft.url}
          maxLength={2000}
          placeholder="https://meet.example.com/your-room"
          onChange={(url) => onChange({ ...draft, url })}
          problems={problems('url')}
        />
      ) : null}
    </fieldset>
  )
}
