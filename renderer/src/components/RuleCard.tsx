import type { DynamicRule, EventType, Target, Workspace } from '../../../core/src/model/workspace'
import type { FormProblems } from '../forms/form-problems'
import { targetFromValue, targetGroups, targetValue } from '../forms/target-options'
import { FieldError } from '../ui/FieldError'
import { PickField } from '../ui/PickField'
import { ConditionRow } from './ConditionRow'

/** A rule being edited: its target may not be chosen yet. */
export interface DraftRule {
  readonly key: string
  readonly eventTypeId: string
  readonly when: DynamicRule['when']
  readonly target: Target | null
}

export interface RuleCardProps {
  readonly rule: DraftRule
  readonly index: number
  readonly count: number
  readonly workspace: Workspace
  /** The event types on the page (a rule can only name one of them). */
  readonly eventTypes: readonly EventType[]
  readonly problems: FormProblems
  readonly onChange: (rule: DraftRule) => void
  readonly onMove: (by: number) => void
  readonly onRemove: () => void
}

/**
 * One routing rule: for an event type, when every condition on the customer's answers holds,
 * the booking goes to a target (a pool, a member's booking page or a panel). Rules are tried in
 * order; the first that matches wins.
 */
export function RuleCard(props: RuleCardProps) {
  const { rule, index, count, workspace, eventTypes, problems, onChange } = props
  const at = `assignment.rules.${index}`
  const name = `Rule ${index + 1}`
  const eventType = workspace.eventTypes.find((e) => e.id === rule.eventTypeId)
  const questions = eventType?.questions ?? []
  const invalid = problems.under(at).length > 0
  return (
    <section className={`rule-card ${invalid ? 'is-invalid' : ''}`} aria-label={name}>
      <header>
        <h4>{name}</h4>
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-icon"
          aria-label={`Move ${name} up`}
          disabled={index === 0}
          onClick={() => props.onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn btn-icon"
          aria-label={`Move ${name} down`}
          disabled={index === count - 1}
          onClick={() => props.onMove(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          aria-label={`Remove ${name}`}
          onClick={props.onRemove}
        >
          Remove
        </button>
      </header>
      <label className={`field ${problems.at(`${at}.eventTypeId`).length > 0 ? 'is-invalid' : ''}`}>
        <span>{name}: event type</span>
        <select
          value={rule.eventTypeId}
          onChange={(e) => onChange({ ...rule, eventTypeId: e.target.value, when: [] })}
        >
          <option value="">Choose…</option>
          {eventTypes.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
          {eventType && !eventTypes.includes(eventType) ? (
            <option value={eventType.id}>{eventType.name} (not on this page)</option>
          ) : null}
        </select>
        <FieldError messages={problems.at(`${at}.eventTypeId`)} />
      </label>
      <div className="stack" role="group" aria-label={`${name} conditions`}>
        <span className="field-label small">
          {rule.when.length === 0
            ? 'Applies to every customer of this event type.'
            : 'When all of these hold:'}
        </span>
        {rule.when.map((condition, c) => (
          <ConditionRow
            key={c}
            label={`${name}, condition ${c + 1}`}
            condition={condition}
            questions={questions}
            onChange={(next) =>
              onChange({ ...rule, when: rule.when.map((x, j) => (j === c ? next : x)) })
            }
            onRemove={() => onChange({ ...rule, when: rule.when.filter((_, j) => j !== c) })}
            problemsAt={(field) => problems.under(`${at}.when.${c}.${field}`)}
          />
        ))}
        <FieldError
          messages={
            problems.under(`${at}.when`).length > 0 && rule.when.length === 0
              ? problems.under(`${at}.when`)
              : []
          }
        />
        <div className="actions">
          <button
            type="button"
            className="btn btn-quiet"
            disabled={questions.length === 0}
            title={
              questions.length === 0 ? 'This event type asks no questions to route on' : undefined
            }
            onClick={() =>
              onChange({
                ...rule,
                when: [
                  ...rule.when,
                  { questionId: questions[0]?.id ?? '', op: 'equals', value: '' },
                ],
              })
            }
          >
            + Add condition to {name}
          </button>
        </div>
      </div>
      <PickField
        label={`${name}: goes to`}
        value={targetValue(rule.target)}
        groups={targetGroups(workspace)}
        onChange={(value) => onChange({ ...rule, target: targetFromValue(value) })}
        problems={problems.under(`${at}.target`)}
      />
    </section>
  )
}
