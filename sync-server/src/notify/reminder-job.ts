import { remindersDue } from '../../../core/src/notify'
import type { BookingDoc } from '../booking-service'
import type { ServerDatabase } from '../database'
import type { WorkspaceMirror } from '../workspace-mirror'
import { messageBuild } from './message-build'
import type { MailContext, OutboxDoc } from './message-build'

/**
 * Puts due reminders into the outbox. Reminders are not history entries: every run (each minute)
 * asks core's `remindersDue` about the bookings in the mirror's window (every future booking is
 * in it) and inserts each due reminder once, by its key (booking, current start, minutes): a
 * reschedule plans new ones and one for the old time is never due again; the sender checks once
 * more just before sending. Remembers the keys it inserted while their meeting is ahead, so a
 * due reminder is looked up in the store once, not every minute.
 */
export class ReminderJob {
  /** Key → meeting start (epoch ms) of reminders known to be in the outbox. */
  private readonly planned = new Map<string, number>()

  constructor(
    private readonly db: ServerDatabase,
    private readonly mirror: WorkspaceMirror,
    private readonly context: () => MailContext,
    private readonly now: () => number,
    private readonly sinceMs: number,
  ) {}

  /** Inserts the reminders due now that are not in the outbox yet. Returns how many. */
  async run(): Promise<number> {
    const nowMs = this.now()
    for (const [key, startMs] of this.planned) if (startMs <= nowMs) this.planned.delete(key)
    const workspace = this.mirror.workspace()
    const due = remindersDue(workspace.bookings, workspace.eventTypes, nowMs, this.sinceMs).filter(
      (reminder) => !this.planned.has(reminder.key),
    )
    if (due.length === 0) return 0
    const stored = await this.db.outbox.findByIds(due.map((r) => r.key)).exec()
    const docs: OutboxDoc[] = []
    const context = this.context()
    for (const reminder of due) {
      const startMs = Date.parse(reminder.start)
      if (stored.has(reminder.key)) {
        this.planned.set(reminder.key, startMs)
        continue
      }
      const booking = this.mirror.get('bookings', reminder.bookingId) as BookingDoc | undefined
      if (!booking) continue
      const built = messageBuild(
        workspace,
        booking,
        {
          id: reminder.key,
          kind: 'reminder',
          to: { customer: true },
          method: 'REQUEST',
          sequence: 0,
          start: booking.start,
          end: booking.end,
          hostMemberIds: booking.hostMemberIds,
          minutesBefore: reminder.minutesBefore,
        },
        context,
        nowMs,
      )
      if (built) docs.push(built)
    }
    if (docs.length === 0) return 0
    const result = await this.db.outbox.bulkInsert(docs)
    if (result.error.some((e) => e.status !== 409)) throw new Error('reminders were not stored')
    for (const doc of docs) this.planned.set(doc.id, Date.parse(doc.reminderStart ?? ''))
    return result.success.length
  }
}
