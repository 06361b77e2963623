/**
 * What a customer's e-mail address must look like to be taken: something@something.something, no
 * spaces (the server's schema checks more). One rule for core's booking decision and the public
 * booking page's own check before it sends the form.
 */
export const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Whether `text` has the shape of an e-mail address ({@link EMAIL_SHAPE}). */
export function emailHasShape(text: string): boolean {
  return EMAIL_SHAPE.test(text)
}
