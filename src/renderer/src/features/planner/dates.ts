import { addDays } from '../../../../shared/domain/meal-plan'

function asDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`)
}

const formats = {
  long: { weekday: 'long', day: 'numeric', month: 'long' },
  short: { weekday: 'short', day: 'numeric' },
  weekday: { weekday: 'long' },
  dayMonth: { day: 'numeric', month: 'short' }
} as const satisfies Record<string, Intl.DateTimeFormatOptions>

/** A day for people, in their locale: "Monday 3 March", "Mon 3". */
export function formatDay(day: string, style: keyof typeof formats = 'long'): string {
  return new Intl.DateTimeFormat(undefined, { ...formats[style], timeZone: 'UTC' }).format(asDate(day))
}

/** "3 – 9 March 2025" for a week starting on `start`. */
export function formatWeek(start: string): string {
  const end = addDays(start, 6)
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(
    asDate(start),
    asDate(end)
  )
}
