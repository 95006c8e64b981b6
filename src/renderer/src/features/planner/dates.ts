import { formatDate, formatDateRange } from '../../../../shared/domain/calendar'
import { addDays } from '../../../../shared/domain/meal-plan'

const styles = {
  long: 'longWeekdayDayMonth',
  short: 'weekdayDay',
  weekday: 'weekday',
  dayMonth: 'dayMonth'
} as const

/** A day for people, in their locale: "Monday 3 March", "Mon 3". */
export function formatDay(day: string, style: keyof typeof styles = 'long'): string {
  return formatDate(day, styles[style])
}

/** "3 – 9 March 2025" for a week starting on `start`. */
export function formatWeek(start: string): string {
  return formatDateRange(start, addDays(start, 6))
}
