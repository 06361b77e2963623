import type { Question, QuestionType } from '../../../core/src/model/workspace'
import type { FormProblems } from '../forms/form-problems'
import { FieldError } from '../ui/FieldError'
import { focusKey, useFocusLater } from '../ui/use-focus-later'

const TYPE_TEXT: Readonly<Record<QuestionType, string>> = {
  text: 'Short text',
  select: 'Choice from a list',
  phone: 'Phone number',
  note: 'Longer note',
}

/** A question id from its label: lowercase words joined by hyphens, unique among `taken`. */
export function questionIdFor(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'question'
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

/**
 * The booking form's own questions (name and e-mail are always asked): label, kind, required,
 * and for a choice its options; in the order customers see them.
 */
export function QuestionsEditor({
  questions,
  onChange,
  problems,
}: {
  questions: readonly Question[]
  onChange: (questions: readonly Question[]) => void
  problems: FormProblems
}) {
  const set = (index: number, question: Question) =>
    onChange(questions.map((q, i) => (i === index ? question : q)))
  // The keyboard follows what was added (the new field), removed (its neighbour) or moved (its
  // button the same way, or the other way once it reached the end).
  const { box, later } = useFocusLater<HTMLFieldSetElement>()
  const move = (index: number, by: number) => {
    const next = [...questions]
    const [q] = next.splice(index, 1)
    if (!q) return
    next.splice(index + by, 0, q)
    later((root) => {
      const same = focusKey(root, `${by < 0 ? 'up' : 'down'}-${q.id}`) as HTMLButtonElement | null
      return same && !same.disabled ? same : focusKey(root, `${by < 0 ? 'down' : 'up'}-${q.id}`)
    })
    onChange(next)
  }
  const add = () => {
    // A stand-in id until the question has a label (see EventTypeEditor).
    const id = `new-${crypto.randomUUID().slice(0, 8)}`
    later((root) => focusKey(root, `question-${id}`))
    onChange([...questions, { id, label: '', type: 'text', required: false }])
  }
  const remove = (index: number) => {
    const before = questions[index - 1]
    later((root) => focusKey(root, before ? `question-${before.id}` : 'add-question'))
    onChange(questions.filter((_, j) => j !== index))
  }
  const setOptions = (index: number, options: readonly string[], focus: string) => {
    later((root) => focusKey(root, focus))
    const q = questions[index]
    if (q) set(index, { ...q, options: [...options] })
  }
  return (
    <fieldset ref={box}>
      <legend>Booking-form questions</legend>
      <p className="small muted">
        Customers always give their name and e-mail; add what else you need.
      </p>
      {questions.map((q, i) => {
        const name = q.label || `Question ${i + 1}`
        return (
          <div key={q.id} className="rule-card">
            <div className="form-grid">
              <label className="field">
                <span>Question {i + 1}</span>
                <input
                  data-focus={`question-${q.id}`}
                  value={q.label}
                  maxLength={200}
                  aria-invalid={problems.at(`questions.${i}.label`).length > 0 || undefined}
                  onChange={(e) => set(i, { ...q, label: e.target.value })}
                />
                <FieldError messages={problems.at(`questions.${i}.label`)} />
              </label>
              <label className="field">
                <span>Answer type</span>
                <select
                  value={q.type}
                  onChange={(e) => {
                    const type = e.target.value as QuestionType
                    const { options: _options, ...rest } = q
                    set(
                      i,
                      type === 'select'
                        ? { ...rest, type, options: q.options ?? [''] }
                        : { ...rest, type },
                    )
                  }}
                >
                  {(Object.keys(TYPE_TEXT) as QuestionType[]).map((t) => (
                    <option key={t} value={t}>
                      {TYPE_TEXT[t]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={q.required}
                  onChange={(e) => set(i, { ...q, required: e.target.checked })}
                />
                Required
              </label>
            </div>
            {q.type === 'select' ? (
              <div className="stack" role="group" aria-label={`Options of ${name}`}>
                {(q.options ?? []).map((option, o) => (
                  <div key={o} className="row">
                    <label className="field" style={{ flex: 1 }}>
                      <span className="visually-hidden">
                        {name} option {o + 1}
                      </span>
                      <input
                        data-focus={`option-${q.id}-${o}`}
                        value={option}
                        placeholder={`Option ${o + 1}`}
                        maxLength={200}
                        onChange={(e) =>
                          set(i, {
                            ...q,
                            options: (q.options ?? []).map((x, j) =>
                              j === o ? e.target.value : x,
                            ),
                          })
                        }
                      />
                    </label>
                    <button
                      type="button"
                      className="btn btn-icon"
                      aria-label={`Remove option ${option || o + 1}`}
                      onClick={() =>
                        setOptions(
                          i,
                          (q.options ?? []).filter((_, j) => j !== o),
                          o > 0 ? `option-${q.id}-${o - 1}` : `add-option-${q.id}`,
                        )
                      }
                    >
                      ×
                    </button>
                  </div>
                ))}
                <FieldError messages={problems.under(`questions.${i}.options`)} />
                <div className="actions">
                  <button
                    type="button"
                    className="btn btn-quiet"
                    data-focus={`add-option-${q.id}`}
                    onClick={() =>
                      setOptions(
                        i,
                        [...(q.options ?? []), ''],
                        `option-${q.id}-${(q.options ?? []).length}`,
                      )
                    }
                  >
                    + Add option to {name}
                  </button>
                </div>
              </div>
            ) : null}
            <FieldError messages={problems.at(`questions.${i}`)} />
            <div className="actions">
              <button
                type="button"
                className="btn btn-quiet"
                disabled={i === 0}
                data-focus={`up-${q.id}`}
                onClick={() => move(i, -1)}
                aria-label={`Move ${name} up`}
              >
                ↑ Up
              </button>
              <button
                type="button"
                className="btn btn-quiet"
                disabled={i === questions.length - 1}
                data-focus={`down-${q.id}`}
                onClick={() => move(i, 1)}
                aria-label={`Move ${name} down`}
              >
                ↓ Down
              </button>
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => remove(i)}
                aria-label={`Remove ${name}`}
              >
                Remove
              </button>
            </div>
          </div>
        )
      })}
      <div className="actions">
        <button type="button" className="btn" onClick={add} data-focus="add-question">
          + Add question
        </button>
      </div>
    </fieldset>
  )
}
