import { useState } from 'react'
import type { FormEvent } from 'react'
import { BOOTSTRAP_OWNER_ID, ROLE_TEXT, ROLES, roleIsValid } from '../../../core/src/people'
import type { Role } from '../../../core/src/people'
import { adminApi } from '../db/admin-api'
import { useAdminRead } from '../hooks/use-admin-read'
import type { PersonRow } from '../db/admin-api'
import type { SyncTarget } from '../db/replication'
import { useSignedIn } from '../session/use-can'
import { toastOutcome, toastShow } from '../ui/toasts'
import { NewTokenCard } from './NewTokenCard'

export interface PeopleViewProps {
  readonly target: SyncTarget
}

/** A token to hand over once: whose it is, and the token itself. */
interface Issued {
  readonly name: string
  readonly token: string
}

/**
 * People (owners): who may sign in and with which role. Adding a person or giving them a new
 * token shows the token and its invitation link once, to copy; changing a role or removing a
 * person applies on their next request. Needs the server (offline: said so).
 */
export function PeopleView({ target }: PeopleViewProps) {
  const me = useSignedIn()
  const read = useAdminRead(target, 'people', (api) => api.people())
  const people = read.value?.people ?? null
  const { error, reload } = read
  const [issued, setIssued] = useState<Issued | null>(null)
  const [removing, setRemoving] = useState<PersonRow | null>(null)
  const api = adminApi(target)
  const act = async (work: () => Promise<unknown>, done: string) => {
    await toastOutcome(work, done, 'Not changed')
    reload()
  }
  return (
    <section aria-labelledby="people-heading" className="view">
      <h2 id="people-heading">People</h2>
      <p className="muted">
        Each desk signs in as a person.{' '}
        {ROLES.map(
          (r, i) => `${i === 0 ? 'A' : 'a'}${r === 'owner' ? 'n' : ''} ${r} ${ROLE_TEXT[r]}`,
        ).join('; ')}
        .
      </p>
      {me?.id === BOOTSTRAP_OWNER_ID ? (
        <p className="card" role="note">
          You are signed in with this sync server’s own owner key (its admin token). It is not one
          of the people listed here and cannot be removed; the activity log names it “Owner”. Add
          yourself as an owner and sign in with your own link to be named there.
        </p>
      ) : null}
      {issued ? (
        <NewTokenCard
          name={issued.name}
          token={issued.token}
          serverUrl={target.serverUrl}
          onDone={() => setIssued(null)}
        />
      ) : null}
      <AddPersonForm
        onAdd={async (input) => {
          const added = await api.personAdd(input)
          setIssued({ name: added.name, token: added.token })
          reload()
        }}
      />
      {error ? <p role="alert">{error}</p> : null}
      {people === null && !error ? <p>Loading people…</p> : null}
      {people && people.length === 0 ? (
        <p className="empty">Nobody but the owner yet: add the people who work at the desk.</p>
      ) : null}
      {people && people.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="People list">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <td>{person.name}</td>
                  <td>{person.email}</td>
                  <td>
                    <select
                      aria-label={`Role of ${person.name}`}
                      value={person.role}
                      onChange={(e) => {
                        const role = e.target.value
                        if (!roleIsValid(role)) return
                        void act(
                          () => api.personChange(person.id, { role }),
                          `${person.name} is now a ${role}`,
                        )
                      }}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      className="btn"
                      onClick={() =>
                        void api.personNewToken(person.id).then(
                          (next) => setIssued({ name: next.name, token: next.token }),
                          (err: unknown) =>
                            toastShow({
                              title: 'No new token',
                              description: String((err as Error).message),
                              tone: 'error',
                            }),
                        )
                      }
                    >
                      New token for {person.name}
                    </button>
                    {removing?.id === person.id ? (
                      <>
                        <button
                          type="button"
                          className="btn btn-danger"
                          onClick={() => {
                            setRemoving(null)
                            void act(() => api.personRemove(person.id), `${person.name} removed`)
                          }}
                        >
                          Remove {person.name} now
                        </button>
                        <button type="button" className="btn" onClick={() => setRemoving(null)}>
                          Keep
                        </button>
                      </>
                    ) : (
                      <button type="button" className="btn" onClick={() => setRemoving(person)}>
                        Remove {person.name}…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}

function AddPersonForm({
  onAdd,
}: {
  readonly onAdd: (input: { name: string; email: string; role: Role }) => Promise<void>
}) {
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('scheduler')
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await onAdd({ name: name.trim(), email: email.trim(), role })
      setName('')
      setEmail('')
      setError(null)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  return (
    <form
      className="card stack"
      style={{ maxWidth: '36rem' }}
      aria-labelledby="add-person-heading"
      onSubmit={(e) => void submit(e)}
    >
      <h3 id="add-person-heading">Add a person</h3>
      <label className="field">
        <span>Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label className="field">
        <span>E-mail</span>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label className="field">
        <span>Role</span>
        <select
          value={role}
          onChange={(e) => {
            if (roleIsValid(e.target.value)) setRole(e.target.value)
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}: {ROLE_TEXT[r]}
            </option>
          ))}
        </select>
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" className="btn btn-primary">
        Add person
      </button>
    </form>
  )
}
