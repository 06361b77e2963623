import { createHash } from 'node:crypto'
import type { Booking, Workspace } from '../../../core/src/model/workspace'
import type { CalendarMethod, MessageKind } from '../../../core/src/notify'
import { messageCompose } from '../../../core/src/notify'
import type { BookingDoc } from '../booking-service'
import type { AnyDoc } from '../database'
import { icsCompose } from './ics'
import type { OutboxStatus } from './notify-collections'

/** Where links point and who sends. */
export interface MailContext {
  /** The address customers reach the server at (`--public-url`), without a trailing slash. */
  readonly publicUrl: string
  /** `Name <address>` (`--mail-from`). */
  readonly mailFrom: { readonly name: string; readonly address: string }
  /** Locale of dates and times in messages. */
  readonly locale: string
  /** Whether a mail server is configured: without one messages are stored as `not-sent`. */
  readonly canSend: boolean
}

/** One message to build: a history entry's planned message, a reminder, or a resent confirmation. */
export interface MessageSpec {
  readonly id: string
  readonly kind: MessageKind
  readonly to: { readonly customer: true } | { readonly memberId: string }
  readonly method: CalendarMethod
  readonly sequence: number
  /** The booking as the message describes it (time and hosts of its entry). */
  readonly start: string
  readonly end: string
  readonly hostMemberIds: readonly string[]
  readonly previousStart?: string | null
  readonly reason?: string | null
  readonly minutesBefore?: number
}

/** Why a message was stored as not sent. */
export const NO_MAIL_SERVER =
  'the sync server has no mail server to send through (Settings › Email says how to set one up)'

/** The stored outbox document of a message. */
export interface OutboxDoc extends AnyDoc {
  readonly kind: MessageKind
  readonly bookingId: string
  readonly recipient: 'customer' | 'host'
  readonly memberId: string | null
  readonly toName: string
  readonly toAddress: string
  readonly subject: string
  readonly text: string
  readonly html: string
  readonly ics: string | null
  readonly icsMethod: CalendarMethod | null
  readonly reminderStart: string | null
  readonly messageId: string
  readonly status: OutboxStatus
  readonly attempts: number
  readonly lastError: string | null
  readonly nextAttemptAt: string
  readonly createdAt: string
  readonly sentAt: string | null
}

/** `Name <address>` or a bare address. Throws for text that holds no address. */
export function mailFromParse(text: string): MailContext['mailFrom'] {
  const match = /^\s*(?:"?([^"<]*?)"?\s*)?<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text)
  if (match) return { name: (match[1] ?? '').trim() || 'Teamslot', address: match[2] ?? '' }
  if (/^[^\s<>@]+@[^\s<>@]+$/.test(text.trim())) return { name: 'Teamslot', address: text.trim() }
  throw new Error(`not a sender address: "${text}" (expected "Name <address@example.com>")`)
}

/** The `Message-ID` of an outbox message: fixed by its id, so every retry repeats it. */
export function messageIdFor(outboxId: string, mailFrom: MailContext['mailFrom']): string {
  const domain = mailFrom.address.split('@')[1] ?? 'teamslot.invalid'
  return `<${createHash('sha256').update(outboxId).digest('hex').slice(0, 40)}@${domain}>`
}

/** The customer's manage page of a booking, or null when it has no manage token or page. */
export function manageUrlFor(
  workspace: Workspace,
  booking: Booking,
  token: string | null | undefined,
  publicUrl: string,
): string | null {
  if (!token) return null
  const slug =
    workspace.masterPages.find((p) => p.id === booking.masterPageId)?.slug ??
    workspace.bookingPages.find((p) => p.memberId === booking.hostMemberIds[0])?.slug
  if (!slug) return null
  return `${publicUrl}/book/${encodeURIComponent(slug)}/manage/${encodeURIComponent(booking.id)}#token=${encodeURIComponent(token)}`
}

/**
 * The outbox document of one message about `doc` (core composes the words, `icsCompose` the
 * invitation), or null when its recipient is gone (a host removed from the team).
 */
export function messageBuild(
  workspace: Workspace,
  doc: BookingDoc,
  spec: MessageSpec,
  context: MailContext,
  nowMs: number,
  /** `PUBLISH` for a file to import (the download) instead of the message's own method. */
  icsMethod?: 'PUBLISH',
): OutboxDoc | null {
  const members = new Map(workspace.members.map((m) => [m.id, m]))
  const eventType = workspace.eventTypes.find((e) => e.id === doc.eventTypeId)
  const forCustomer = 'customer' in spec.to
  const recipient =
    'customer' in spec.to
      ? { name: doc.customer.name, email: doc.customer.email, timeZone: doc.customer.timeZone }
      : members.get(spec.to.memberId)
  if (!recipient) return null
  const hostNames = spec.hostMemberIds.map((id) => members.get(id)?.name ?? 'a colleague')
  const questions = eventType?.questions ?? []
  const answers = Object.entries(doc.answers).map(([id, value]) => ({
    label: questions.find((q) => q.id === id)?.label ?? id,
    value,
  }))
  const manageUrl = forCustomer
    ? manageUrlFor(workspace, doc, doc.manageToken, context.publicUrl)
    : null
  const eventTypeName = eventType?.name ?? 'Meeting'
  const composed = messageCompose({
    kind: spec.kind,
    recipient: { name: recipient.name, timeZone: recipient.timeZone },
    locale: context.locale,
    eventTypeName,
    start: spec.start,
    end: spec.end,
    previousStart: spec.previousStart ?? null,
    hostNames,
    customer: doc.customer,
    answers,
    location: eventType?.location ?? null,
    manageUrl,
    reason: spec.reason ?? null,
    ...(spec.minutesBefore !== undefined ? { minutesBefore: spec.minutesBefore } : {}),
  })
  const isReminder = spec.kind === 'reminder'
  const ics = isReminder
    ? null
    : icsCompose({
        bookingId: doc.id,
        method: icsMethod ?? spec.method,
        sequence: spec.sequence,
        start: spec.start,
        end: spec.end,
        summary: forCustomer
          ? `${eventTypeName} with ${hostNames.map((n) => n.split(/\s+/)[0]).join(', ')}`
          : `${eventTypeName} with ${doc.customer.name}`,
        description: composed.text,
        location: eventType?.location ?? null,
        url: manageUrl,
        organizer: { name: context.mailFrom.name, email: context.mailFrom.address },
        attendees: forCustomer
          ? [{ name: recipient.name, email: recipient.email }]
          : [
              { name: recipient.name, email: recipient.email },
              { name: doc.customer.name, email: doc.customer.email },
            ],
        stampMs: nowMs,
      })
  const nowIso = new Date(nowMs).toISOString()
  return {
    id: spec.id,
    kind: spec.kind,
    bookingId: doc.id,
    recipient: forCustomer ? 'customer' : 'host',
    memberId: 'memberId' in spec.to ? spec.to.memberId : null,
    toName: recipient.name,
    toAddress: recipient.email,
    subject: composed.subject,
    text: composed.text,
    html: composed.html,
    ics,
    icsMethod: ics ? spec.method : null,
    reminderStart: isReminder ? spec.start : null,
    messageId: messageIdFor(spec.id, context.mailFrom),
    status: context.canSend ? 'queued' : 'not-sent',
    attempts: 0,
    lastError: context.canSend ? null : NO_MAIL_SERVER,
    nextAttemptAt: nowIso,
    createdAt: nowIso,
    sentAt: null,
  }
}
