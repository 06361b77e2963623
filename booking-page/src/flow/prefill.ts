/**
 * Prefill from the page's address: `?name=&email=&answers.<questionId>=` (a link from a CRM or
 * an e-mail campaign). The customer can change every prefilled value before booking.
 */

export interface Prefill {
  readonly name: string
  readonly email: string
  readonly answers: Readonly<Record<string, string>>
}

/** The longest values the API accepts (longer ones are cut, never sent to fail). */
const NAME_MAX = 200
const EMAIL_MAX = 254
const ANSWER_MAX = 2000
/** Question ids: the characters record ids may use. */
const QUESTION_ID = /^[A-Za-z0-9_.:|-]{1,100}$/

/** The prefill in a query string (`location.search`). */
export function prefillParse(search: string): Prefill {
  const params = new URLSearchParams(search)
  const answers: Record<string, string> = {}
  for (const [key, value] of params) {
    if (!key.startsWith('answers.')) continue
    const id = key.slice('answers.'.length)
    if (QUESTION_ID.test(id) && !(id in Object.prototype)) answers[id] = value.slice(0, ANSWER_MAX)
  }
  return {
    name: (params.get('name') ?? '').trim().slice(0, NAME_MAX),
    email: (params.get('email') ?? '').trim().slice(0, EMAIL_MAX),
    answers,
  }
}
