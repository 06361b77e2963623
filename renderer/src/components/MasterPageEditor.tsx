import { useState } from 'react'
import type {
  Assignment,
  CustomerChoiceFlow,
  MasterPage,
  Target,
} from '../../../core/src/model/workspace'
import { problemWhere } from '../forms/problem-where'
import { targetFromValue, targetGroups, targetValue } from '../forms/target-options'
import { useRecordStore } from '../hooks/use-record-store'
import { ChecklistField } from '../ui/ChecklistField'
import { FieldError } from '../ui/FieldError'
import { PickField } from '../ui/PickField'
import { TextInput } from '../ui/TextInput'
import { slugFrom } from './BookingPageEditor'
import { BrandingFields, brandingStored } from './BrandingFields'
import type { EditorProps } from './EventTypeEditor'
import { RecordEditorFrame } from './RecordEditorFrame'
import { RuleCard } from './RuleCard'
import type { DraftRule } from './RuleCard'

type Mode = Assignment['type']

const MODES: readonly { id: Mode; label: string; help: string }[] = [
  {
    id: 'customer-choice',
    label: 'The customer chooses',
    help: 'Customers pick the member (or a time, then a member free then).',
  },
  {
    id: 'static',
    label: 'Always the same target',
    help: 'Every booking goes to one pool, member or panel.',
  },
  {
    id: 'dynamic',
    label: 'Rules',
    help: 'Route by event type and the customer’s answers; the first matching rule wins.',
  },
]

const FLOWS: readonly { id: CustomerChoiceFlow; label: string }[] = [
  { id: 'booking-pages-first', label: 'Member first, then event type' },
  { id: 'event-types-first', label: 'Event type first, then member' },
  { id: 'find-member-by-time', label: 'Find a member by time' },
]

let ruleKeys = 0
const ruleKey = () => `rule-${(ruleKeys += 1)}`

/** A target not chosen yet is sent empty: core says what is missing, where. */
const targetOrEmpty = (target: Target | null) => target ?? ({} as Target)

/**
 * A master page, set up as a form: title and link, the event types it offers, and how a booking
 * finds its host — the customer chooses (flow and members), always one target, or a rule
 * builder (event type, answer conditions with operators and the question's own options, a
 * target, reorder, and a required fallback); and its look on the booking page (logo, accent
 * colour, description). Everything is picked by name; core's validation
 * shows every problem at its field.
 */
export function MasterPageEditor({
  workspace,
  record,
  onDone,
  publicUrl,
}: EditorProps<MasterPage> & {
  /** The address customers' links start with (the server's public address). */
  readonly publicUrl: string
}) {
  const store = useRecordStore(workspace, 'masterPages', onDone)
  const [id] = useState(() => record?.id ?? `mp-${crypto.randomUUID().slice(0, 8)}`)
  const [title, setTitle] = useState(record?.title ?? '')
  const [slug, setSlug] = useState(record?.slug ?? '')
  const [eventTypeIds, setEventTypeIds] = useState<readonly string[]>(record?.eventTypeIds ?? [])
  const initial = record?.assignment
  const [mode, setMode] = useState<Mode>(initial?.type ?? 'dynamic')
  const [flow, setFlow] = useState<CustomerChoiceFlow>(
    initial?.type === 'customer-choice' ? initial.flow : 'booking-pages-first',
  )
  const [bookingPageIds, setBookingPageIds] = useState<readonly string[]>(
    initial?.type === 'customer-choice' ? initial.bookingPageIds : [],
  )
  const [staticTarget, setStaticTarget] = useState<Target | null>(
    initial?.type === 'static' ? initial.target : null,
  )
  const [rules, setRules] = useState<readonly DraftRule[]>(
    initial?.type === 'dynamic' ? initial.rules.map((r) => ({ ...r, key: ruleKey() })) : [],
  )
  const [fallback, setFallback] = useState<Target | null>(
    initial?.type === 'dynamic' ? initial.fallback : null,
  )
  const [branding, setBranding] = useState(record?.branding ?? {})
  const problems = store.problems
  const pageEventTypes = workspace.eventTypes.filter((e) => eventTypeIds.includes(e.id))

  const assignment: Assignment =
    mode === 'customer-choice'
      ? { type: 'customer-choice', flow, bookingPageIds }
      : mode === 'static'
        ? { type: 'static', target: targetOrEmpty(staticTarget) }
        : {
            type: 'dynamic',
            rules: rules.map((r) => ({
              eventTypeId: r.eventTypeId,
              when: r.when,
              target: targetOrEmpty(r.target),
            })),
            fallback: targetOrEmpty(fallback),
          }
  const next: MasterPage = {
    id,
    title: title.trim(),
    slug: slug.trim(),
    eventTypeIds,
    assignment,
    branding: brandingStored(branding),
  }
  const moveRule = (index: number, by: number) => {
    const list = [...rules]
    const [rule] = list.splice(index, 1)
    if (rule) list.splice(index + by, 0, rule)
    setRules(list)
  }
  const memberOf = new Map(workspace.members.map((m) => [m.id, m.name]))

  return (
    <RecordEditorFrame
      title={record ? `Edit ${record.title}` : 'New master page'}
      problems={problems}
      where={problemWhere('masterPages', next, workspace)}
      onSave={() => void store.save(next)}
      onCancel={onDone}
      onDelete={record ? () => void store.remove(id) : undefined}
    >
      <FieldError messages={problems.at('(record)')} />
      <div className="form-grid">
        <TextInput
          label="Title"
          value={title}
          maxLength={200}
          onChange={(value) => {
            if (!record && slug === slugFrom(title)) setSlug(slugFrom(value))
            setTitle(value)
          }}
          problems={problems.at('title')}
        />
        <TextInput
          label="Link"
          value={slug}
          onChange={setSlug}
          help={`Customers open ${publicUrl}/book/${slug || '…'}`}
          problems={problems.at('slug')}
        />
      </div>
      <ChecklistField
        legend="Event types on this page"
        options={workspace.eventTypes.map((e) => ({ id: e.id, label: e.name }))}
        selected={eventTypeIds}
        onChange={setEventTypeIds}
        problems={problems.under('eventTypeIds')}
      />
      <fieldset>
        <legend>Who takes the booking</legend>
        <div className="stack">
          {MODES.map((m) => (
            <label key={m.id} className="check">
              <input
                type="radio"
                name="assignment-mode"
                checked={mode === m.id}
                onChange={() => setMode(m.id)}
              />
              <span>
                <strong>{m.label}</strong> <span className="muted">— {m.help}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {mode === 'customer-choice' ? (
        <div className="stack">
          <label className="field">
            <span>Flow</span>
            <select value={flow} onChange={(e) => setFlow(e.target.value as CustomerChoiceFlow)}>
              {FLOWS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <ChecklistField
            legend="Members customers can choose"
            options={workspace.bookingPages.map((b) => ({
              id: b.id,
              label: `${memberOf.get(b.memberId) ?? 'a former member'} (/${b.slug})`,
            }))}
            selected={bookingPageIds}
            onChange={setBookingPageIds}
            problems={problems.under('assignment.bookingPageIds')}
          />
        </div>
      ) : null}

      {mode === 'static' ? (
        <PickField
          label="Goes to"
          value={targetValue(staticTarget)}
          groups={targetGroups(workspace)}
          onChange={(value) => setStaticTarget(targetFromValue(value))}
          problems={problems.under('assignment.target')}
        />
      ) : null}

      {mode === 'dynamic' ? (
        <div className="stack">
          {pageEventTypes.length === 0 ? (
            <p className="small muted">Choose the page’s event types first; rules route them.</p>
          ) : null}
          {rules.map((rule, i) => (
            <RuleCard
              key={rule.key}
              rule={rule}
              index={i}
              count={rules.length}
              workspace={workspace}
              eventTypes={pageEventTypes}
              problems={problems}
              onChange={(changed) => setRules(rules.map((r, j) => (j === i ? changed : r)))}
              onMove={(by) => moveRule(i, by)}
              onRemove={() => setRules(rules.filter((_, j) => j !== i))}
            />
          ))}
          <div className="actions">
            <button
              type="button"
              className="btn"
              onClick={() =>
                setRules([
                  ...rules,
                  {
                    key: ruleKey(),
                    eventTypeId: pageEventTypes[0]?.id ?? '',
                    when: [],
                    target: null,
                  },
                ])
              }
            >
              + Add rule
            </button>
          </div>
          <PickField
            label="Otherwise goes to"
            value={targetValue(fallback)}
            groups={targetGroups(workspace)}
            onChange={(value) => setFallback(targetFromValue(value))}
            problems={problems.under('assignment.fallback')}
            placeholder="Choose where customers no rule matches go…"
          />
        </div>
      ) : null}

      <BrandingFields
        branding={branding}
        onChange={setBranding}
        problemsAt={(field) => problems.at(`branding.${field}`)}
      />
    </RecordEditorFrame>
  )
}
