import { formatDate, formatInstantDate } from '../../../../shared/domain/calendar'

/** How a tag reads in the interface: "wind-down" → "Wind-down". */
export function tagLabel(tag: string): string {
  return tag.charAt(0).toUpperCase() + tag.slice(1)
}

/** "2026-11-24" → "24 November 2026", read as a calendar date wherever the user is. */
export function longDate(isoDate: string): string {
  return formatDate(isoDate.slice(0, 10), 'longDate')
}

/** An instant ("2026-11-24T21:40:00Z") as the local calendar date it fell on. */
export function localDate(instant: string): string {
  return formatInstantDate(instant)
}
