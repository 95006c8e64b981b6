import { formatDate } from '../../../../shared/domain/calendar'

/**
 * How the journal and Insights write dates and durations, in the user's locale
 * (the calendar module's formats). Evening dates are calendar dates
 * ('YYYY-MM-DD'): the weekday never shifts with the machine's time zone.
 */

/** "Mon 23 Nov 2026" */
export function formatNight(date: string): string {
  return formatDate(date, 'weekdayDate')
}

/** "Mon 23 Nov" */
export function formatNightShort(date: string): string {
  return formatDate(date, 'weekdayDayMonth')
}

/** "23 Nov" */
export function formatDayMonth(date: string): string {
  return formatDate(date, 'dayMonth')
}

/** "November 2026" for 'YYYY-MM' or a date in that month. */
export function formatMonth(month: string): string {
  return formatDate(month, 'month')
}

/** "Nov 2026" */
export function formatMonthShort(month: string): string {
  return formatDate(month, 'monthShort')
}

/** A chart axis label for a bucket start. */
export function formatBucket(date: string, bucket: 'night' | 'week' | 'month'): string {
  if (bucket === 'month') return formatMonthShort(date)
  if (bucket === 'week') return `Week of ${formatDayMonth(date)}`
  return formatNightShort(date)
}

/** "6 h 50 min" */
export function formatHours(hours: number): string {
  const minutes = Math.round(hours * 60)
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return h === 0 ? `${m} min` : `${h} h ${String(m).padStart(2, '0')} min`
}

/** One decimal, trailing ".0" dropped: 3.0 → "3", 3.25 → "3.3". */
export function formatNumber(value: number, decimals = 1): string {
  const f = 10 ** decimals
  const rounded = Math.round(value * f) / f
  return String(rounded === 0 ? 0 : rounded)
}
