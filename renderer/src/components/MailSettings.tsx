import type { SyncTarget } from '../db/replication'
import { useNotifySettings } from '../hooks/use-notify-settings'

export interface MailSettingsProps {
  readonly target: SyncTarget
}

/** Whether the sync server sends email, from whom, where links point, and how to connect one. */
export function MailSettings({ target }: MailSettingsProps) {
  const settings = useNotifySettings(target)
  return (
    <div className="card stack" style={{ maxWidth: '36rem' }}>
      <h3>Email</h3>
      {settings === null ? (
        <p role="status">Asking the sync server whether it sends email…</p>
      ) : settings.mail.configured ? (
        <p role="status">
          The sync server sends confirmations, updates and reminders as{' '}
          <strong>{settings.mail.from}</strong>. Links in them point to{' '}
          <strong>{settings.publicUrl}</strong>.
        </p>
      ) : (
        <>
          <p role="status">
            The sync server has no mail server, so it sends no email. Every email it would send is
            kept in the Outbox as not sent.
          </p>
          <p>
            To send email, start the sync server with your mail provider’s SMTP address, the sender
            and the address customers reach the server at, for example:
          </p>
          <pre className="small" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {
              'npm run sync-server -- --smtp-url "smtp://USER:PASSWORD@smtp.example.com:587" \\\n  --mail-from "Your team <bookings@example.com>" \\\n  --public-url https://book.example.com'
            }
          </pre>
          <p className="small muted">
            The sync server built into this app sends no email: connect this app to such a server
            under Sync server. Emails kept as not sent are not sent later on their own: once the
            server sends email, send one again from the Outbox.
          </p>
        </>
      )}
    </div>
  )
}
