/** Calendars open scrolled to this local hour (the night is above). */
const FIRST_VISIBLE_HOUR = 7
/** Vertical scale every calendar uses (48 px per hour). */
export const CALENDAR_PX_PER_MINUTE = 0.8

/**
 * A ref callback for a calendar's scroll box: when the box appears (also after the first sync
 * filled an empty board), it scrolls to the morning once.
 */
export function scrollToMorning(element: HTMLDivElement | null): void {
  if (element && element.dataset['scrolled'] !== 'yes') {
    element.scrollTop = FIRST_VISIBLE_HOUR * 60 * CALENDAR_PX_PER_MINUTE
    element.dataset['scrolled'] = 'yes'
  }
}
