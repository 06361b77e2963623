import { invitationLink } from '../session/invitation'
import { copyText } from '../ui/copy-text'

export interface NewTokenCardProps {
  readonly name: string
  readonly token: string
  readonly serverUrl: string
  readonly onDone: () => void
}

/** A token just issued, shown this once: the invitation link and the token, each to copy. */
export function NewTokenCard({ name, token, serverUrl, onDone }: NewTokenCardProps) {
  const link = invitationLink(serverUrl, token)
  return (
    <div className="card stack" role="region" aria-label={`Sign-in for ${name}`}>
      <h3>Give {name} their sign-in</h3>
      <p>
        This is shown only now. Send the invitation link (it opens Teamslot signed in), or the token
        to paste into Teamslot’s sign-in.
      </p>
      <label className="field">
        <span>Invitation link</span>
        <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <label className="field">
        <span>Token</span>
        <input readOnly value={token} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="actions">
        <button type="button" className="btn" onClick={() => copyText(link, 'Invitation link')}>
          Copy link
        </button>
        <button type="button" className="btn" onClick={() => copyText(token, 'Token')}>
          Copy token
        </button>
        <button type="button" className="btn btn-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  )
}
