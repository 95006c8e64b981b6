// The one calendar of Stillwell: calendar dates, evenings, clock times and how
// dates and times are written for people. Everything that counts days or reads
// a clock goes through here; time zones and the daylight-saving resolver are
// its other half, in ./calendar-zones.
//
// Dates are 'YYYY-MM-DD' strings on the plain calendar (no time zone, so no
// daylight-saving surprises). Day and month steps use Date.UTC, which does the
// calendar for us and is ten times faster than a luxon DateTime (Insights steps
// through thousands of nights). This half never imports luxon, so the
// renderer's first screen, which writes dates and clock times, loads without it.
import type { IsoDate, IsoWeekday, WallTime } from './schedule-types'

export type { IsoDate, IsoWeekday, WallTime } from './schedule-types'

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS
const MINUTES_PER_DAY = 24 * 60

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const WALL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/

// ---------------------------------------------------------------------------
// Calendar dates.

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; null when malformed or not a real date (2026-02-30). */
export function dayNumber(date: string | null | undefined): number | null {
  const match = date == null ? null : ISO_DATE_PATTERN.exec(date)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const ms = Date.UTC(year, month - 1, day)
  const check = new Date(ms)
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  return ms / DAY_MS
}

/** The 'YYYY-MM-DD' date of a day number. */
export function dateOfDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && dayNumber(value) !== null
}

function utcOf(date: string): number {
  const match = ISO_DATE_PATTERN.exec(date)
  if (!match) throw new RangeError(`Not a date: ${date}`)
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
}

/**
 * The date `days` after `date` (before, when negative). A day that does not
 * exist rolls over as the calendar does (2026-02-30 + 0 is 2026-03-02), which
 * is how callers tell a real date from a typo.
 */
export function addDays(date: string, days: number): IsoDate {
  return new Date(utcOf(date) + Math.trunc(days) * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS)
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): IsoWeekday {
  const weekday = new Date(utcOf(date)).getUTCDay()
  return (weekday === 0 ? 7 : weekday) as IsoWeekday
}

/** ISO weekday of a day number. */
export function isoWeekdayOfDayNumber(day: number): IsoWeekday {
  // 1970-01-01 (day 0) was a Thursday, ISO weekday 4.
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday
}

/**
 * The first day of a period of `months` whole months that ends on `to`: the day
 * after `to`, that many months back, kept to the month's last day (31 March
 * less one month is 28 or 29 February). A period ending on a month's last day
 * is whole calendar months: one month to 31 March starts on 1 March, to
 * 29 February 2024 on 1 February.
 */
export function monthsEndingOn(to: IsoDate, months: number): IsoDate {
  const dayAfter = new Date(utcOf(addDays(to, 1)))
  const year = dayAfter.getUTCFullYear()
  const month = dayAfter.getUTCMonth() - Math.trunc(months)
  // Day 0 of the month after is the last day of the target month; Date.UTC rolls years either way.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(Date.UTC(year, month, Math.min(dayAfter.getUTCDate(), lastDay))).toISOString().slice(0, 10)
}

/** The date on the computer's own calendar (its time zone) at `date`. */
export function localDate(date: Date = new Date()): IsoDate {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

// ---------------------------------------------------------------------------
// Wall values (zones and the daylight-saving resolver are in ./calendar-zones).

/** A "wall" value is a local date and time encoded as if it were a UTC epoch in milliseconds. */
export type WallMs = number

/**
 * What a clock time that falls into the skipped hour of a spring change means:
 * 'jump', the instant the clock jumps forward (a reminder at 02:30 comes at
 * 03:00); 'shift', the time moved forward by the gap (a diary time of 02:30
 * reads as 03:30, and is reported as moved).
 */
export type GapRule = 'jump' | 'shift'

// ---------------------------------------------------------------------------
// Evenings.

/**
 * An evening runs from 12:00 on its date to 12:00 the next day. A clock time
 * before noon belongs to the morning after (a bedtime of 00:40 is the next
 * calendar day); at 01:30 on Tuesday it is still Monday's evening.
 */
export const EVENING_STARTS_AT_HOUR = 12

/** Whether a clock time ('HH:MM' minutes) on an evening falls on the next calendar day. */
export function isAfterMidnight(minutes: number): boolean {
  return minutes < EVENING_STARTS_AT_HOUR * 60
}

/** The wall value of a clock time on an evening: before noon it is the morning after. */
export function wallOnEvening(evening: number, minutes: number): WallMs {
  return (evening + (isAfterMidnight(minutes) ? 1 : 0)) * DAY_MS + minutes * MINUTE_MS
}

// ---------------------------------------------------------------------------
// Clock times ('HH:MM', 24-hour, as stored).

export function isWallTime(value: unknown): value is WallTime {
  return typeof value === 'string' && WALL_TIME_PATTERN.test(value)
}

/** Minutes since midnight of a strict 'HH:MM', or null when malformed. */
export function parseWallTime(value: string | null | undefined): number | null {
  const match = value == null ? null : WALL_TIME_PATTERN.exec(value)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

/** 'HH:MM' for minutes since midnight, wrapping past midnight either way. */
export function formatWallTime(minutes: number): WallTime {
  const m = ((Math.round(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/** 'HH:MM' plus (or minus) some minutes on the wall clock, wrapping past midnight. */
export function addMinutesToWallTime(time: WallTime, minutes: number): WallTime {
  const start = parseWallTime(time)
  if (start === null) throw new RangeError(`Not a clock time: ${time}`)
  return formatWallTime(start + minutes)
}

// ---------------------------------------------------------------------------
// Writing dates and times for people, in the user's locale.

let localeOverride: string | undefined

/** The system's locale, read once: asking Intl costs a new formatter each time, and dates are written by the thousand. */
let systemLocale: string | undefined

/** The locale dates and times are written in: the system's (the page's language in the renderer). */
export function displayLocale(): string {
  return localeOverride ?? (systemLocale ??= new Intl.DateTimeFormat().resolvedOptions().locale)
}

/** Whether the locale has been read yet: the first read in a fresh page loads the locale's data, tens of ms. */
export function displayLocaleLoaded(): boolean {
  return localeOverride !== undefined || systemLocale !== undefined
}

/** Writes dates in a fixed locale instead of the system's (tests; a future language setting). `undefined` goes back, reading the system's again. */
export function setDisplayLocale(locale: string | undefined): void {
  localeOverride = locale
  systemLocale = undefined
  formatters.clear()
  written.clear()
}

/** The user's locale as the system gives it. */
export function userLocale(): string {
  return displayLocale()
}

const DATE_STYLES = {
  /** Mon 23 Nov 2026 */
  weekdayDate: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  /** Mon 23 Nov */
  weekdayDayMonth: { weekday: 'short', day: 'numeric', month: 'short' },
  /** 23 Nov */
  dayMonth: { day: 'numeric', month: 'short' },
  /** 23 November 2026 */
  longDate: { day: 'numeric', month: 'long', year: 'numeric' },
  /** Monday 23 November */
  longWeekdayDayMonth: { weekday: 'long', day: 'numeric', month: 'long' },
  /** Mon 23 */
  weekdayDay: { weekday: 'short', day: 'numeric' },
  /** Monday */
  weekday: { weekday: 'long' },
  /** Mon */
  weekdayShort: { weekday: 'short' },
  /** November 2026 */
  month: { month: 'long', year: 'numeric' },
  /** Nov 2026 */
  monthShort: { month: 'short', year: 'numeric' }
} as const satisfies Record<string, Intl.DateTimeFormatOptions>

export type DateStyle = keyof typeof DATE_STYLES

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${displayLocale()} ${key}`
  let f = formatters.get(cacheKey)
  if (!f) {
    f = new Intl.DateTimeFormat(displayLocale(), options)
    formatters.set(cacheKey, f)
  }
  return f
}

/** Dates already written, by locale, style and date: charts and tables write the same few hundred again on every visit. */
const written = new Map<string, string>()
const WRITTEN_LIMIT = 20_000

/** A calendar date written for people ('YYYY-MM' means the month's first day). Dates are read as plain dates, in UTC. */
export function formatDate(date: string, style: DateStyle): string {
  const key = `${displayLocale()} ${style} ${date}`
  const known = written.get(key)
  if (known !== undefined) return known
  const whole = date.length === 7 ? `${date}-01` : date.slice(0, 10)
  const text = dayNumber(whole) === null ? date : formatter(style, { ...DATE_STYLES[style], timeZone: 'UTC' }).format(new Date(utcOf(whole)))
  if (written.size >= WRITTEN_LIMIT) written.clear()
  written.set(key, text)
  return text
}

/** "3 – 9 March 2025": a run of dates written as one range. */
export function formatDateRange(from: string, to: string): string {
  return formatter('range', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(
    new Date(utcOf(from)),
    new Date(utcOf(to))
  )
}

/** The local calendar date an instant fell on, written as a long date. */
export function formatInstantDate(instant: string): string {
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return ''
  return formatter('instantDate', DATE_STYLES.longDate).format(date)
}

/** A stored 'HH:MM' as the user's clock writes it: "22:30" or "10:30 PM", as their locale says. */
export function formatClock(time: WallTime): string {
  const minutes = parseWallTime(time)
  if (minutes === null) return time
  // A 24-hour clock writes 07:05 (two digits), a 12-hour one 7:05 AM.
  const cycle = formatter('cycle', { hour: 'numeric' }).resolvedOptions().hourCycle
  const hour = cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric'
  return formatter(`clock-${hour}`, { hour, minute: '2-digit', timeZone: 'UTC' }).format(new Date(minutes * MINUTE_MS))
}

interface WeekInfo {
  firstDay: number
}
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo }

/**
 * The first day of the week in the user's locale (1 = Monday … 7 = Sunday),
 * from Intl.Locale's week info where the engine has it; Monday otherwise.
 */
export function firstDayOfWeek(locale: string = displayLocale()): number {
  try {
    const info = new Intl.Locale(locale) as LocaleWithWeek
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay
    return typeof firstDay === 'number' && firstDay >= 1 && firstDay <= 7 ? firstDay : 1
  } catch {
    return 1
  }
}
