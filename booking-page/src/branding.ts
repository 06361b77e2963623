/**
 * A master page's accent colour, applied as CSS custom properties on the root element through
 * the CSSOM (which the page's CSP allows; a `style` attribute it would not), with a text colour
 * that stays readable on it (WCAG contrast against white or near-black).
 */

/** Relative luminance of a `#rrggbb` colour (WCAG 2). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/** Contrast ratio of two luminances. */
function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
}

/** The text colour for buttons filled with `accent`: white or near-black, whichever reads better. */
export function accentTextColor(accent: string): string {
  const l = luminance(accent)
  return contrast(l, 1) >= contrast(l, luminance('#111827')) ? '#ffffff' : '#111827'
}

/** Sets `--accent` and `--accent-text` on `root` (nothing for a missing or malformed colour). */
export function accentApply(root: HTMLElement, accent: string | null | undefined): void {
  if (!accent || !/^#[0-9a-fA-F]{6}$/.test(accent)) return
  root.style.setProperty('--accent', accent)
  root.style.setProperty('--accent-text', accentTextColor(accent))
}
