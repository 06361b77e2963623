/**
 * A master page's logo from an uploaded image: scaled to fit a small box and encoded as a data
 * URL within core's limit for a stored logo (`logoUrl` in core/src/schema/records.ts), so the
 * record stays small and the booking page needs no other server.
 */

/** Core's longest logo value (a data URL), in characters. */
export const LOGO_MAX_CHARS = 140_000
/** The box a logo is scaled into: the booking page shows it at most 160×56 (×2 for sharp screens). */
const LOGO_BOX = { width: 320, height: 112 }

/** The size that fits `width`×`height` into `box`, keeping the aspect ratio, never enlarging. */
export function logoFit(
  width: number,
  height: number,
  box: { readonly width: number; readonly height: number } = LOGO_BOX,
): { readonly width: number; readonly height: number } {
  const scale = Math.min(1, box.width / width, box.height / height)
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  }
}

/** The image types a logo may be stored as (core accepts PNG, JPEG, WebP). */
const ENCODINGS = ['image/png', 'image/webp', 'image/jpeg'] as const

/**
 * `file` as a logo data URL (PNG, else WebP, else JPEG — the first within {@link LOGO_MAX_CHARS}),
 * or null when the file is not an image the browser can read or no encoding fits.
 */
export async function logoDataUrl(file: Blob): Promise<string | null> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file)
  } catch {
    return null
  }
  const size = logoFit(bitmap.width, bitmap.height)
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, size.width, size.height)
  bitmap.close()
  for (const type of ENCODINGS) {
    const url = canvas.toDataURL(type, 0.85)
    if (url.startsWith(`data:${type};base64,`) && url.length <= LOGO_MAX_CHARS) return url
  }
  return null
}
