// Over 400 lines: the reminder rules, planning and their wording read best in one place; calendar, clock and DST arithmetic already live in ./calendar.
// Pure scheduling logic for evening reminders (issue 6). No I/O, no timers:
// callers inject the clock (`nowMs`) and the IANA time zone.
//
// Rules (all local wall-clock, in the given IANA zone):
// - An evening is named by the local date it begins (`eveningDate`). Its
//   bedtime comes from `bedtimes[isoWeekday(eveningDate)]`. A bedtime earlier
//   than 12:00 is after midnight, i.e. on the calendar day after the evening
//   ('00:30' on Friday's evening is Saturday 00:30).
// - wind-down = bedtime − leadMinutes, subtracted on the wall clock (so across
//   a DST change the real gap to lights-out can be an hour shorter or longer).
//   lights-out = bedtime. morning-log = morningLog.time on the calendar day
//   after the evening, and carries that evening's date (the night it asks about).
// - A wall time inside a DST gap (skipped hour) resolves to the instant the
//   clock jumps to (e.g. 02:30 on a 02:00→03:00 night fires at 03:00). A wall
//   time inside a repeated hour resolves once, to its first occurrence.
// - An evening produces nothing (none of the three kinds) when reminders are
//   disabled, its weekday has no bedtime, its date is in skipDates, or its date
//   is on or before pausedUntil.
// - Malformed 'HH:MM' values mean "no reminder" rather than throwing: a bad
//   setting must not crash the scheduler. Use isWallTime() to validate input.
//   leadMinutes is clamped to 0–240 and graceMinutes to 0–720.

import type { IANAZone } from 'luxon'
import {
  dateOfDayNumber,
  DAY_MS,
  dayNumber,
  EVENING_STARTS_AT_HOUR,
  formatClock,
  formatDate,
  formatWallTime,
  isoWeekdayOfDayNumber,
  isWallTime,
  parseWallTime,
  wallOnEvening
} from './calendar'
import { dateInZone, eveningInZone, instantOfWall, localDayNumber, wallTimeInZone, zoneFor } from './calendar-zones'
import {
  ISO_WEEKDAYS,
  REMINDER_KINDS,
  type IsoDate,
  type IsoWeekday,
  type Occurrence,
  type Plan,
  type PlanInput,
  type ReminderKind,
  type ReminderSettings,
  type WallTime
} from './schedule-types'

export * from './schedule-types'

const MINUTE_MS = 60_000

/** Bedtimes before this hour belong to the previous evening (after midnight): the calendar's evening rule. */
export const AFTER_MIDNIGHT_BEFORE_HOUR = EVENING_STARTS_AT_HOUR
export const MAX_LEAD_MINUTES = 240
export const MAX_GRACE_MINUTES = 720
/** planDue never reports anything older than this, however long the machine slept. */
export const LOOKBACK_DAYS = 14
/** nextOccurrence looks this far ahead (covers a single active weekday). */
export const NEXT_SEARCH_DAYS = 8

// Calendar, clock and daylight-saving primitives come from ./calendar.
//
// A "wall" value is a local date and time encoded as if it were a UTC epoch
// in milliseconds. Arithmetic on it is plain calendar/clock arithmetic with no
// DST; instantOfWall() turns it into a real instant for a zone.
// A "day" is a whole number of days since 1970-01-01 (a local calendar date).

const parseIsoDate = dayNumber
const formatIsoDate = dateOfDayNumber
const isoWeekdayOf = isoWeekdayOfDayNumber
const localDayOf = localDayNumber
const resolveWall = (zone: IANAZone, wall: number): number => instantOfWall(zone, wall, 'jump')
export { isWallTime }

function clampMinutes(value: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback
  return Math.min(max, Math.max(0, Math.round(value)))
}

// ---------------------------------------------------------------------------
// Evening rules.

/** Settings parsed and clamped once per call. */
interface Rules {
  enabled: boolean
  bedtimeMinutes: Map<IsoWeekday, number>
  leadMinutes: number
  lightsOut: boolean
  morningMinutes: number | null
  skipDays: Set<number>
  pausedThroughDay: number | null
  graceMs: number
}

function compileRules(settings: ReminderSettings): Rules {
  const bedtimeMinutes = new Map<IsoWeekday, number>()
  for (const weekday of ISO_WEEKDAYS) {
    const minutes = parseWallTime(settings.bedtimes[weekday])
    if (minutes !== null) bedtimeMinutes.set(weekday, minutes)
  }
  const skipDays = new Set<number>()
  for (const date of settings.skipDates) {
    const day = parseIsoDate(date)
    if (day !== null) skipDays.add(day)
  }
  return {
    enabled: settings.enabled,
    bedtimeMinutes,
    leadMinutes: clampMinutes(settings.leadMinutes, MAX_LEAD_MINUTES, 45),
    lightsOut: settings.lightsOut,
    morningMinutes: settings.morningLog.enabled ? parseWallTime(settings.morningLog.time) : null,
    skipDays,
    pausedThroughDay: parseIsoDate(settings.pausedUntil),
    graceMs: clampMinutes(settings.graceMinutes, MAX_GRACE_MINUTES, 30) * MINUTE_MS
  }
}

/** Bedtime of an evening as a wall value, ignoring skip/pause/enabled. */
function bedtimeWall(rules: Rules, day: number): number | null {
  const minutes = rules.bedtimeMinutes.get(isoWeekdayOf(day))
  if (minutes === undefined) return null
  return wallOnEvening(day, minutes)
}

function isEveningActive(rules: Rules, day: number): boolean {
  if (!rules.enabled || rules.skipDays.has(day)) return false
  return rules.pausedThroughDay === null || day > rules.pausedThroughDay
}

function occurrencesOfEvening(rules: Rules, zone: IANAZone, day: number): Occurrence[] {
  if (!isEveningActive(rules, day)) return []
  const bedtime = bedtimeWall(rules, day)
  if (bedtime === null) return []
  const walls: Array<[ReminderKind, number]> = [['wind-down', bedtime - rules.leadMinutes * MINUTE_MS]]
  if (rules.lightsOut) walls.push(['lights-out', bedtime])
  if (rules.morningMinutes !== null) {
    walls.push(['morning-log', (day + 1) * DAY_MS + rules.morningMinutes * MINUTE_MS])
  }
  const eveningDate = formatIsoDate(day)
  return walls.map(([kind, wall]) => ({ kind, eveningDate, dueMs: resolveWall(zone, wall) }))
}

function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return a.dueMs - b.dueMs || REMINDER_KINDS.indexOf(a.kind) - REMINDER_KINDS.indexOf(b.kind)
}

function collectBetween(rules: Rules, zone: IANAZone, fromMs: number, toMs: number): Occurrence[] {
  if (!(toMs > fromMs)) return []
  // An evening's reminders fall between 08:00 on its own date (earliest
  // bedtime 12:00 minus the longest lead) and the end of the next day, so
  // starting two local days early catches every one due after fromMs.
  const firstDay = localDayOf(zone, fromMs) - 2
  const lastDay = localDayOf(zone, toMs)
  const found: Occurrence[] = []
  for (let day = firstDay; day <= lastDay; day++) {
    for (const occurrence of occurrencesOfEvening(rules, zone, day)) {
      if (occurrence.dueMs > fromMs && occurrence.dueMs <= toMs) found.push(occurrence)
    }
  }
  return found.sort(compareOccurrences)
}

// ---------------------------------------------------------------------------
// Public API.

/** Identity of a reminder: one per kind per evening, whatever the zone or clock. */
export function occurrenceKey(occurrence: Pick<Occurrence, 'kind' | 'eveningDate'>): string {
  return `${occurrence.kind}:${occurrence.eveningDate}`
}

/** Every due reminder with fromMs < dueMs ≤ toMs, in due order. */
export function occurrencesBetween(settings: ReminderSettings, zone: string, fromMs: number, toMs: number): Occurrence[] {
  return collectBetween(compileRules(settings), zoneFor(zone), fromMs, toMs)
}

/** The first reminder strictly after nowMs within NEXT_SEARCH_DAYS, or null. */
export function nextOccurrence(settings: ReminderSettings, zone: string, nowMs: number): Occurrence | null {
  const rules = compileRules(settings)
  return collectBetween(rules, zoneFor(zone), nowMs, nowMs + NEXT_SEARCH_DAYS * DAY_MS)[0] ?? null
}

/**
 * The bedtime instant of an evening (for the routine's countdown), ignoring
 * skip, pause and the master switch; null when that weekday has no bedtime.
 */
export function bedtimeInstant(settings: ReminderSettings, zone: string, eveningDate: IsoDate): number | null {
  const day = parseIsoDate(eveningDate)
  if (day === null) return null
  const wall = bedtimeWall(compileRules(settings), day)
  return wall === null ? null : resolveWall(zoneFor(zone), wall)
}

/**
 * Decides what to do with reminders that became due since the last check.
 *
 * - Looks at occurrences in (lastCheckedMs, nowMs], but never further back
 *   than LOOKBACK_DAYS, so a machine asleep for a month reports at most two
 *   weeks of missed evenings. Anything older is silently dropped.
 * - Occurrences whose key is in firedKeys are ignored. The caller must add the
 *   keys of both `fire` and `missed` to its persisted set, and store nowMs as
 *   the next lastCheckedMs.
 * - Each remaining occurrence fires if nowMs − dueMs ≤ grace, otherwise it is
 *   missed. If several of the same kind are within grace (only possible with a
 *   very large grace), only the newest fires and the older ones are missed.
 * - Clock jumped back (lastCheckedMs ≥ nowMs): the window is empty, nothing
 *   fires. Once the caller stores the earlier nowMs, the replayed period is
 *   scanned again but already-handled keys keep it from firing twice.
 * - Time-zone change: keys are per evening date, so flying west does not
 *   repeat tonight's reminder at the new local time.
 */
export function planDue(settings: ReminderSettings, zone: string, input: PlanInput): Plan {
  const { nowMs, firedKeys } = input
  if (!Number.isFinite(nowMs)) return { fire: [], missed: [] }
  const lastChecked = Number.isFinite(input.lastCheckedMs) ? input.lastCheckedMs : nowMs
  const windowStart = Math.max(lastChecked, nowMs - LOOKBACK_DAYS * DAY_MS)
  const rules = compileRules(settings)

  const seen = new Set<string>()
  const eligible: Occurrence[] = []
  const missed: Occurrence[] = []
  for (const occurrence of collectBetween(rules, zoneFor(zone), windowStart, nowMs)) {
    const key = occurrenceKey(occurrence)
    if (firedKeys.has(key) || seen.has(key)) continue
    seen.add(key)
    if (nowMs - occurrence.dueMs <= rules.graceMs) eligible.push(occurrence)
    else missed.push(occurrence)
  }

  const fire = newestPerKind(eligible)
  for (const occurrence of eligible) {
    if (!fire.includes(occurrence)) missed.push(occurrence)
  }
  return { fire, missed: missed.sort(compareOccurrences) }
}

/** Keeps only the latest occurrence of each kind, so a late check never floods. */
function newestPerKind(occurrences: Occurrence[]): Occurrence[] {
  const newest = new Map<ReminderKind, Occurrence>()
  for (const occurrence of occurrences) newest.set(occurrence.kind, occurrence) // input is sorted
  return occurrences.filter((occurrence) => newest.get(occurrence.kind) === occurrence)
}

// ---------------------------------------------------------------------------
// Human-readable summary.

// Times and weekday names are written in the user's locale (calendar.ts): "21:45" or "9:45 PM", "Mon".

/** A weekday's short name: day 4 (1970-01-05) was a Monday. */
function weekdayName(weekday: IsoWeekday): string {
  return formatDate(formatIsoDate(3 + weekday), 'weekdayShort')
}

export interface DescribeOptions {
  /** Today's local date; when given, a pause that has already ended is ignored. */
  today?: IsoDate
}

/**
 * One sentence for the settings screen and tray, e.g.
 * "Wind-down reminder at 21:45 on weeknights and at 22:45 on weekends, and a
 * lights-out reminder at bedtime". Times shown are wind-down times. Weekdays
 * sharing a time are grouped: all seven → "every evening", Mon–Fri →
 * "on weeknights", Sat+Sun → "on weekends", three or more consecutive days
 * (wrapping past Sunday) → a range such as "Sun–Thu", otherwise a list.
 */
export function describeSchedule(settings: ReminderSettings, options: DescribeOptions = {}): string {
  const rules = compileRules(settings)
  if (!rules.enabled || rules.bedtimeMinutes.size === 0) return 'Reminders are off'

  const groups = groupWeekdaysByTime(rules)
  const windDown = `Wind-down reminder ${joinList(groups.map(([time, days]) => `at ${formatClock(time)} ${describeDays(days)}`))}`
  const extras: string[] = []
  if (rules.lightsOut) extras.push('a lights-out reminder at bedtime')
  if (rules.morningMinutes !== null) {
    extras.push(`a morning reminder at ${formatClock(formatWallTime(rules.morningMinutes))} to log the night`)
  }
  // A serial comma keeps "… and at 22:45 on weekends, and a lights-out …" readable.
  const schedule = joinList([windDown, ...extras], groups.length > 1)

  const pausedThrough = rules.pausedThroughDay
  const todayDay = options.today === undefined ? null : parseIsoDate(options.today)
  const paused = pausedThrough !== null && (todayDay === null || pausedThrough >= todayDay)
  if (!paused) return schedule
  const resumes = describeDate(pausedThrough + 1)
  return `Reminders are paused until ${resumes}; then ${schedule.charAt(0).toLowerCase()}${schedule.slice(1)}`
}

/** [wind-down time, weekdays] pairs, ordered by their earliest weekday. */
function groupWeekdaysByTime(rules: Rules): Array<[WallTime, IsoWeekday[]]> {
  const byTime = new Map<WallTime, IsoWeekday[]>()
  for (const weekday of ISO_WEEKDAYS) {
    const bedtime = rules.bedtimeMinutes.get(weekday)
    if (bedtime === undefined) continue
    const time = formatWallTime(bedtime - rules.leadMinutes)
    byTime.set(time, [...(byTime.get(time) ?? []), weekday])
  }
  return [...byTime.entries()]
}

function describeDays(days: IsoWeekday[]): string {
  const set = new Set(days)
  if (set.size === 7) return 'every evening'
  if (set.size === 5 && [1, 2, 3, 4, 5].every((d) => set.has(d as IsoWeekday))) return 'on weeknights'
  if (set.size === 2 && set.has(6) && set.has(7)) return 'on weekends'
  return `on ${joinList(weekdayRuns(set).flatMap(describeRun))}`
}

/** Runs of consecutive weekdays, wrapping Sunday→Monday, starting at a run's beginning. */
function weekdayRuns(set: Set<IsoWeekday>): IsoWeekday[][] {
  const previous = (d: IsoWeekday): IsoWeekday => (d === 1 ? 7 : d - 1) as IsoWeekday
  const start = ISO_WEEKDAYS.find((d) => set.has(d) && !set.has(previous(d))) ?? 1
  const runs: IsoWeekday[][] = []
  for (let i = 0; i < 7; i++) {
    const day = (((start - 1 + i) % 7) + 1) as IsoWeekday
    if (!set.has(day)) continue
    const current = runs[runs.length - 1]
    if (current && current[current.length - 1] === previous(day)) current.push(day)
    else runs.push([day])
  }
  return runs
}

function describeRun(run: IsoWeekday[]): string[] {
  if (run.length < 3) return run.map(weekdayName)
  return [`${weekdayName(run[0])}–${weekdayName(run[run.length - 1])}`]
}

/** "Mon 12 Jan 2026" (en-GB; "Mon, Jan 12 2026" in en-US). */
function describeDate(day: number): string {
  const date = formatIsoDate(day)
  return `${formatDate(date, 'weekdayDayMonth')} ${date.slice(0, 4)}`
}

/** "a", "a and b", "a, b and c" (with serialComma: "a, b, and c"; "a, and b"). */
function joinList(items: string[], serialComma = false): string {
  if (items.length <= 1) return items.join('')
  const head = items.slice(0, -1).join(', ')
  return `${head}${serialComma ? ',' : ''} and ${items[items.length - 1]}`
}

// ---------------------------------------------------------------------------
// Evenings and instants as people read them (issue 6: routine, tray, tiles).

/** The local calendar date at an instant. */
export function localDateAt(zone: string, nowMs: number): IsoDate {
  return dateInZone(zone, nowMs)
}

/** The local wall-clock time 'HH:MM' at an instant. */
export function wallTimeAt(zone: string, ms: number): WallTime {
  return wallTimeInZone(zone, ms)
}

/**
 * The evening an instant belongs to, by the same rule as bedtimes: an evening
 * runs from 12:00 on its date to 12:00 the next day. At 01:30 on Tuesday it is
 * still Monday's evening; from noon on Tuesday it is Tuesday's. Routine ticks
 * are filed under this date, so a routine finished after midnight still counts
 * for the night it belongs to.
 */
export function eveningDateAt(zone: string, nowMs: number): IsoDate {
  return eveningInZone(zone, nowMs)
}

/** The date `days` after (or before, when negative) an ISO date; null when the date is malformed. */
export function addDaysToDate(date: IsoDate, days: number): IsoDate | null {
  const day = parseIsoDate(date)
  return day === null ? null : formatIsoDate(day + Math.trunc(days))
}

/** ISO weekday of an ISO date, or null when malformed. */
export function isoWeekdayOfDate(date: IsoDate): IsoWeekday | null {
  const day = parseIsoDate(date)
  return day === null ? null : isoWeekdayOf(day)
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null
}

/**
 * Whether an evening produces reminders at all: the master switch, skip dates
 * and the pause, plus a bedtime for its weekday. A snoozed reminder asks this
 * before it comes back, so skipping tonight silences a pending snooze too.
 */
export function isEveningScheduled(settings: ReminderSettings, eveningDate: IsoDate): boolean {
  const day = parseIsoDate(eveningDate)
  if (day === null) return false
  const rules = compileRules(settings)
  return isEveningActive(rules, day) && bedtimeWall(rules, day) !== null
}

/**
 * The evening a "skip tonight" means at this instant: the current evening while
 * its bedtime is still ahead, otherwise the next one. At 08:00 on Tuesday (after
 * Monday's bedtime) it is Tuesday; at 21:00 on Monday before a 22:30 bedtime it
 * is Monday.
 */
export function upcomingEveningDate(settings: ReminderSettings, zone: string, nowMs: number): IsoDate {
  const current = eveningDateAt(zone, nowMs)
  const bedtime = bedtimeInstant(settings, zone, current)
  if (bedtime !== null && bedtime > nowMs) return current
  return addDaysToDate(current, 1) ?? current
}

export interface InstantLabel {
  /** 'Today', 'Tonight', 'Tomorrow', a weekday such as 'Tue', or 'Tue 14 Jan' further out. */
  day: string
  /** 'HH:MM' in the zone. */
  time: WallTime
  /** The two together as the user's locale writes them, e.g. 'Tonight 21:45' or 'Tue 9:45 PM'. */
  text: string
}

/** How an upcoming instant reads next to "Next reminder:". */
export function labelInstant(zone: string, ms: number, nowMs: number): InstantLabel {
  const z = zoneFor(zone)
  const day = localDayOf(z, ms)
  const today = localDayOf(z, nowMs)
  const time = wallTimeAt(zone, ms)
  let dayLabel: string
  if (day === today) dayLabel = Number(time.slice(0, 2)) >= 17 ? 'Tonight' : 'Today'
  else if (day === today + 1) dayLabel = 'Tomorrow'
  else dayLabel = formatDate(formatIsoDate(day), day > today && day - today < 7 ? 'weekdayShort' : 'weekdayDayMonth')
  return { day: dayLabel, time, text: `${dayLabel} ${formatClock(time)}` }
}

/** "Mon 12 Jan 2026" for a date: the pause and skip notes in Settings. */
export function describeIsoDate(date: IsoDate): string {
  const day = parseIsoDate(date)
  return day === null ? date : describeDate(day)
}
