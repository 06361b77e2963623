/**
 * What the address asks for: `/book/{slug}` (book) or `/book/{slug}/manage/{id}#token=…`
 * (reschedule or cancel; the token stays in the fragment, never sent to a server or a referrer),
 * plus `?embed=1` (framed by another site) and `?lang=` (a language).
 */
export type PageRoute =
  | { readonly kind: 'book'; readonly slug: string }
  | { readonly kind: 'manage'; readonly slug: string; readonly id: string; readonly token: string }
  | { readonly kind: 'none' }

function segment(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '')
  } catch {
    return ''
  }
}

/** The route of `pathname` and `hash`. */
export function routeParse(pathname: string, hash: string): PageRoute {
  const [book, slug, manage, id] = pathname.split('/').filter(Boolean)
  if (book !== 'book' || !slug) return { kind: 'none' }
  if (manage === 'manage' && id) {
    const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? ''
    return { kind: 'manage', slug: segment(slug), id: segment(id), token }
  }
  return { kind: 'book', slug: segment(slug) }
}

/** The manage page's address of a booking, on this server. */
export function manageUrl(origin: string, slug: string, id: string, token: string): string {
  return `${origin}/book/${encodeURIComponent(slug)}/manage/${encodeURIComponent(id)}#token=${encodeURIComponent(token)}`
}

/** The booking page's own address (to book again), on this server. */
export function bookUrl(origin: string, slug: string): string {
  return `${origin}/book/${encodeURIComponent(slug)}`
}
