/**
 * How the journal and Insights write dates and durations. Evening dates are
 * calendar dates ('YYYY-MM-DD'), so they are formatted in UTC: the weekday
 * never shifts with the machine's time zone.
 */
const long = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const medium = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
const short = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
const monthShort = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })

function toDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d || 1))
}

/** "Mon 23 Nov 2026" */
export function formatNight(date: string): string {
  return long.format(toDate(date))
}

/** "Mon 23 Nov" */
export function formatNightShort(date: string): string {
  return medium.format(toDate(date))
}

/** "23 Nov" */
export function formatDayMonth(date: string): string {
  return short.format(toDate(date))
}

/** "November 2026" for 'YYYY-MM' or a date in that month. */
export function formatMonth(month: string): string {
  return monthYear.format(toDate(month.length === 7 ? `${month}-01` : month))
}

/** "Nov 2026" */
export function formatMonthShort(month: string): string {
  return monthShort.format(toDate(month.length === 7 ? `${month}-01` : month))
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
