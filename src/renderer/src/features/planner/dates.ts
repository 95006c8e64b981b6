import { addDays } from '../../../../shared/domain/meal-plan'

interface WeekInfo {
  firstDay: number
}
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo }

/**
 * The first day of the week in the user's locale (1 = Monday … 7 = Sunday),
 * from Intl.Locale's week info where the engine has it; Monday otherwise.
 */
export function firstDayOfWeek(locale: string = navigator.language): number {
  try {
    const info = new Intl.Locale(locale) as LocaleWithWeek
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay
    return typeof firstDay === 'number' && firstDay >= 1 && firstDay <= 7 ? firstDay : 1
  } catch {
    return 1
  }
}

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
