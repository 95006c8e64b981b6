// What a reminder says: its title, its text and how an evening or an instant is named, with times and
// weekdays written in the user's locale (calendar.ts; the shell passes the system's in, see ServiceDeps.locale).
import type { NotificationEvent } from '../../../shared/contract'
import { formatClock, formatDate } from '../../../shared/domain/calendar'
import {
  addDaysToDate,
  isoWeekdayOfDate,
  labelInstant,
  occurrenceKey,
  type IsoDate,
  type Occurrence,
  type ReminderKind,
  type WallTime
} from '../../../shared/domain/schedule'

/** A reminder counts as "late" in its text after this delay. */
const LATE_AFTER_MS = 2 * 60_000

export const REMINDER_TITLES: Record<ReminderKind, string> = {
  'wind-down': 'Time to wind down',
  'lights-out': 'Time for lights out',
  'morning-log': 'Good morning'
}

export interface WordingContext {
  /** Tonight's bedtime ('HH:MM'), if there is one; the text writes it as the user's clock does. */
  bedtime: WallTime | null
  /** The first unticked routine step of the evening (asked only for a wind-down). */
  firstOpenStep: () => string | null
  silent: boolean
}

/** The notification for a reminder due at `o.dueMs`, shown at `ms`; `round` > 0 is a snoozed one coming back. */
export function reminderNotification(
  o: Pick<Occurrence, 'kind' | 'eveningDate' | 'dueMs'>,
  round: number,
  ms: number,
  context: WordingContext
): NotificationEvent {
  const key = occurrenceKey(o)
  const late = ms - o.dueMs > LATE_AFTER_MS
  const bedtimeText = context.bedtime === null ? null : formatClock(context.bedtime)
  let body: string
  let route: string
  if (o.kind === 'wind-down') {
    const step = context.firstOpenStep()
    const when = bedtimeText ? `Bedtime is at ${bedtimeText}.` : 'Bedtime is coming up.'
    body = step ? `${when} Your routine starts with: ${lowerFirst(step)}.` : `${when} A good moment to slow the evening down.`
    route = '/wind-down'
  } else if (o.kind === 'lights-out') {
    if (!bedtimeText) body = 'Sleep well.'
    else body = !late && round === 0 ? `It is ${bedtimeText}, your bedtime. Sleep well.` : `Your bedtime was ${bedtimeText}. Sleep well.`
    route = '/wind-down'
  } else {
    body = 'When you have a moment, note how last night went. It takes less than a minute.'
    route = '/journal'
  }
  if (round > 0) body = `Here is the reminder you snoozed. ${body}`
  return {
    id: round > 0 ? `${key}+${round}` : key,
    kind: o.kind,
    title: REMINDER_TITLES[o.kind],
    body,
    route,
    at: new Date(ms).toISOString(),
    silent: context.silent
  }
}

export function instant(zone: string, ms: number, nowMs: number): { at: string; day: string; time: string; text: string } {
  const label = labelInstant(zone, ms, nowMs)
  return { at: new Date(ms).toISOString(), ...label }
}

/** 'tonight', 'tomorrow evening' or 'Thursday evening', for "Skip …". */
export function eveningName(eveningDate: IsoDate, today: IsoDate): string {
  if (eveningDate === today) return 'tonight'
  if (eveningDate === addDaysToDate(today, 1)) return 'tomorrow evening'
  return isoWeekdayOfDate(eveningDate) ? `${formatDate(eveningDate, 'weekday')} evening` : eveningDate
}

function lowerFirst(text: string): string {
  const trimmed = text.replace(/[.!\s]+$/, '')
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1)
}
