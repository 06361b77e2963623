import type { Condition, ConditionOp, Question } from '../../../core/src/model/workspace'
import { FieldError } from '../ui/FieldError'

const OP_TEXT: Readonly<Record<ConditionOp, string>> = {
  equals: 'is',
  'not-equals': 'is not',
  in: 'is one of',
  contains: 'contains',
}

/** The operators that make sense for a question: choices compare with options, texts contain. */
export function opsFor(question: Question | undefined): readonly ConditionOp[] {
  return question?.type === 'select'
    ? ['equals', 'not-equals', 'in']
    : ['equals', 'not-equals', 'contains']
}

/** A condition with its value converted when the operator switches between one value and a list. */
export function conditionWithOp(condition: Condition, op: ConditionOp): Condition {
  const value = condition.value
  if (op === 'in')
    return { ...condition, op, value: typeof value === 'string' ? (value ? [value] : []) : value }
  return { ...condition, op, value: typeof value === 'string' ? value : (value[0] ?? '') }
}

export interface ConditionRowProps {
  /** "Rule 1, condition 2": names every field. */
  readonly label: string
  readonly condition: Condition
  readonly questions: readonly Question[]
  readonly onChange: (condition: Condition) => void
  readonly onRemove: () => void
  readonly problemsAt: (field: 'questionId' | 'op' | 'value') => readonly string[]
}

/**
 * One answer condition of a rule: a question of the rule's event type, an operator in words,
 * and a value — the question's options for a choice (checkboxes for "is one of"), text otherwise.
 */
export function ConditionRow({
  label,
  condition,
  questions,
  onChange,
  onRemove,
  problemsAt,
}: ConditionRowProps) {
  const question = questions.find((q) => q.id === condition.questionId)
  const ops = opsFor(question)
  const value = condition.value
  const selectedList = typeof value === 'string' ? [] : value
  return (
    <div className="condition-row" role="group" aria-label={label}>
      <label className="field">
        <span className="visually-hidden">{label} question</span>
        <select
          value={condition.questionId}
          aria-invalid={problemsAt('questionId').length > 0 || undefined}
          onChange={(e) => {
            const next = questions.find((q) => q.id === e.target.value)
            const op = opsFor(next).includes(condition.op) ? condition.op : 'equals'
            onChange({ questionId: e.target.value, op, value: op === 'in' ? [] : '' })
          }}
        >
          <option value="">Question…</option>
          {questions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.label}
            </option>
          ))}
        </select>
        <FieldError messages={problemsAt('questionId')} />
      </label>
      <label className="field">
        <span className="visually-hidden">{label} comparison</span>
        <select
          value={condition.op}
          onChange={(e) => onChange(conditionWithOp(condition, e.target.value as ConditionOp))}
        >
          {ops.map((op) => (
            <option key={op} value={op}>
              {OP_TEXT[op]}
            </option>
          ))}
        </select>
        <FieldError messages={problemsAt('op')} />
      </label>
      <div className="field">
        {question?.type === 'select' && condition.op === 'in' ? (
          <fieldset aria-label={`${label} values`}>
            <div className="actions">
              {(question.options ?? []).map((option) => (
                <label key={option} className="check">
                  <input
                    type="checkbox"
                    checked={selectedList.includes(option)}
                    onChange={(e) =>
                      onChange({
                        ...condition,
                        value: e.target.checked
                          ? [...selectedList, option]
                          : selectedList.filter((v) => v !== option),
                      })
                    }
                  />
                  {option}
                </label>
              ))}
            </div>
          </fieldset>
        ) : question?.type === 'select' ? (
          <label className="field">
            <span className="visually-hidden">{label} value</span>
            <select
              value={typeof value === 'string' ? value : ''}
              aria-invalid={problemsAt('value').length > 0 || undefined}
              onChange={(e) => onChange({ ...condition, value: e.target.value })}
            >
              <option value="">Answer…</option>
              {(question.options ?? []).map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="field">
            <span className="visually-hidden">{label} value</span>
            <input
              value={typeof value === 'string' ? value : value.join(', ')}
              placeholder="Answer"
              maxLength={200}
              aria-invalid={problemsAt('value').length > 0 || undefined}
              onChange={(e) => onChange({ ...condition, value: e.target.value })}
            />
          </label>
        )}
        <FieldError messages={problemsAt('value')} />
      </div>
      <button
        type="button"
        className="btn btn-icon"
        aria-label={`Remove ${label}`}
        onClick={onRemove}
      >
        ×
      </button>
    </div>
  )
}
