/**
 * Invitations: an owner adds a person and gives them their token once, as the token itself or as
 * an invitation link `<server>/app/#invite=<token>` (the fragment never reaches a server; web
 * mode opens signed in, and the desktop's sign-in field accepts the link as well as the token).
 */

/** Where to sign in and with which token. */
export interface Invitation {
  readonly serverUrl: string
  readonly token: string
}

/** A token as the server issues them, or the admin token: no spaces, printable. */
const TOKEN = /^[A-Za-z0-9_.~+/=-]{8,200}$/

/** The invitation link of a token on a server: `<server>/app/#invite=<token>`. */
export function invitationLink(serverUrl: string, token: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/app/#invite=${encodeURIComponent(token)}`
}

/**
 * Reads what a person pasted: an invitation link (`…/app/#invite=<token>` or `#token=<token>`;
 * the server is the link's origin) or a bare token (on `defaultServerUrl`). Null when it is
 * neither.
 */
export function invitationParse(text: string, defaultServerUrl: string): Invitation | null {
  const value = text.trim()
  if (/^https?:\/\//i.test(value)) {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return null
    }
    const fragment = new URLSearchParams(url.hash.replace(/^#/, ''))
    const token = fragment.get('invite') ?? fragment.get('token')
    if (!token || !TOKEN.test(token)) return null
    return { serverUrl: fragment.get('server') ?? url.origin, token }
  }
  return TOKEN.test(value)
    ? { serverUrl: defaultServerUrl.replace(/\/+$/, ''), token: value }
    : null
}
