import { emailHasShape } from '../../../core/src/model/email-shape'
import type { MessageKey } from '../i18n/messages/en'

/** The customer's own fields on the details step. */
export type DetailsField = 'name' | 'email'

/** What is wrong with each field, as a message key (in the page's language); absent = fine. */
export type DetailsProblems = Partial<Record<DetailsField, MessageKey>>

/**
 * The page's own check before it sends the form: a name (not only spaces) and an address of the
 * shape core takes (`emailHasShape`: `maria@example` is refused, as the server would).
 */
export function detailsProblems(customer: {
  readonly name: string
  readonly email: string
}): DetailsProblems {
  const problems: DetailsProblems = {}
  if (customer.name.trim() === '') problems.name = 'details.nameMissing'
  if (!emailHasShape(customer.email.trim())) problems.email = 'details.emailInvalid'
  return problems
}

/**
 * The server's field problems (`{ path }`, e.g. `customer.email`) as the same messages, so a
 * refusal reads like the page's own check, never as the schema's words; null when none of them
 * is about these fields.
 */
export function serverDetailsProblems(
  problems: readonly { readonly path: string }[] | undefined,
): DetailsProblems | null {
  const found: DetailsProblems = {}
  for (const { path } of problems ?? []) {
    if (path === 'customer.name') found.name = 'details.nameMissing'
    if (path === 'customer.email') found.email = 'details.emailInvalid'
  }
  return Object.keys(found).length > 0 ? found : null
}
