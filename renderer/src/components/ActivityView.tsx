import { useCallback, useEffect, useState } from 'react'
import { adminApi, AdminApiError } from '../db/admin-api'
import type { AuditEntry } from '../db/admin-api'
import type { SyncTarget } from '../db/replication'
import { dateTimeText, localZone } from '../format/datetime-format'
import { RECORD_NOUNS } from '../format/record-nouns'

export interface ActivityViewProps {
  readonly target: SyncTarget
}

/** What each kind of record is called; an import is of the whole workspace. */
const NOUN: Readonly<Record<string, string>> = {
  ...RECORD_NOUNS,
  workspace: 'the whole workspace (import)',
}

const VERB: Readonly<Record<AuditEntry['action'], string>> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Removed',
}

/** `weeklyHours` → `weekly hours`. */
function fieldWords(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}

/** One change in words: "Changed member “Ana Santos”: name". */
export function auditEntryText(entry: AuditEntry): string {
  const noun = NOUN[entry.collection] ?? entry.collection
  const what = entry.recordName ? `${noun} “${entry.recordName}”` : noun
  const fields =
    entry.action === 'update' && entry.fields.length > 0
      ? `: ${entry.fields.map(fieldWords).join(', ')}`
      : ''
  return `${VERB[entry.action]} ${what}${fields}`
}

/**
 * The activity log (managers and owners): who changed which part of the setup, people and
 * webhooks, newest first, a hundred at a time. Booking changes are in each booking's history.
 */
export function ActivityView({ target }: ActivityViewProps) {
  const [entries, setEntries] = useState<readonly AuditEntry[]>([])
  const [isDone, setIsDone] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [isLoading, setIsLoading] = useState(true)
  const zone = localZone()
  const load = useCallback(
    (before?: string) => {
      adminApi(target)
        .audit(before)
        .then(
          (body) => {
            setEntries((known) => (before ? [...known, ...body.entries] : body.entries))
            setIsDone(body.entries.length < 100)
            setError(null)
          },
          (err: unknown) => setError(err instanceof AdminApiError ? err.message : String(err)),
        )
        .finally(() => setIsLoading(false))
    },
    [target],
  )
  useEffect(() => load(), [load])
  return (
    <section aria-labelledby="activity-heading" className="view">
      <div className="toolbar">
        <h2 id="activity-heading">Activity</h2>
        <span className="spacer" />
        <button type="button" className="btn btn-quiet" onClick={() => load()}>
          Refresh
        </button>
      </div>
      <p className="muted">
        Changes to the setup, people and webhooks, and who made them. Changes to bookings are in
        each booking’s history (open it from Bookings).
      </p>
      {error ? <p role="alert">{error}</p> : null}
      {!error && !isLoading && entries.length === 0 ? (
        <p className="empty">The setup, people and webhooks have not been changed yet.</p>
      ) : null}
      {entries.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Activity list">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{dateTimeText(entry.at, zone)}</td>
                  <td>{entry.personName}</td>
                  <td>{auditEntryText(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {entries.length > 0 && !isDone ? (
        <button
          type="button"
          className="btn"
          disabled={isLoading}
          onClick={() => {
            setIsLoading(true)
            load(entries.at(-1)?.at)
          }}
        >
          Show older
        </button>
      ) : null}
    </section>
  )
}
