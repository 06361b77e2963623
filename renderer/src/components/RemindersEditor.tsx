import { reminderOffsetText } from '../format/datetime-format'

/** Reminder offsets offered as choices, in minutes before the start (labelled as the Outbox says them). */
const CHOICES: readonly { minutes: number; label: string }[] = [2880, 1440, 120, 60, 15].map(
  (minutes) => ({ minutes, label: reminderOffsetText(minutes) }),
)

export interface RemindersEditorProps {
  /** Minutes before the start; values not among the choices (from an import) are kept. */
  readonly minutes: readonly number[]
  readonly onChange: (minutes: readonly number[]) => void
  readonly problems: readonly string[]
}

/** When customers get reminder emails, as checkboxes of common offsets. */
export function RemindersEditor({ minutes, onChange, problems }: RemindersEditorProps) {
  const chosen = new Set(minutes)
  const others = minutes.filter((m) => !CHOICES.some((c) => c.minutes === m))
  return (
    <fieldset className={problems.length > 0 ? 'is-invalid' : undefined}>
      <legend>Reminder emails to the customer</legend>
      <div className="actions">
        {CHOICES.map((choice) => (
          <label key={choice.minutes} className="check">
            <input
              type="checkbox"
              checked={chosen.has(choice.minutes)}
              onChange={(e) => {
                const next = new Set(chosen)
                if (e.target.checked) next.add(choice.minutes)
                else next.delete(choice.minutes)
                onChange([...next].sort((a, b) => b - a))
              }}
            />
            {choice.label}
          </label>
        ))}
      </div>
      {others.length > 0 ? (
        <p className="small muted">
          Also {others.map((m) => `${m} minutes`).join(', ')} before (kept as imported).
        </p>
      ) : null}
      {problems.map((problem) => (
        <p key={problem} className="field-error">
          {problem}
        </p>
      ))}
    </fieldset>
  )
}
