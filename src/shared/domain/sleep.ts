/**
 * Consensus Sleep Diary (CSD) metrics for one night. Pure: no I/O, no clock.
 *
 * Vocabulary (CSD, Carney et al. 2012):
 * - inBed: clock time the person got into bed.
 * - triedToSleep: clock time they turned the lights out and tried to sleep.
 * - latencyMinutes (sleep onset latency): minutes from trying to sleep until
 *   first falling asleep.
 * - wasoMinutes — **wake after sleep onset (WASO)**: the total minutes spent
 *   awake during the night after first falling asleep and before the final
 *   awakening. It excludes the time taken to fall asleep at the start and the
 *   time spent in bed after the final awakening. This is the one definition
 *   used everywhere in the app; the UI shows {@link WASO_DEFINITION}.
 * - finalWake: clock time of the last awakening (no further attempt to sleep).
 * - outOfBed: clock time they got out of bed for the day.
 *
 * Derived:
 * - timeInBedMinutes (TIB) = outOfBed − inBed
 * - totalSleepMinutes (TST) = (finalWake − triedToSleep) − latency − WASO
 * - sleepEfficiency (SE) = TST / TIB × 100, rounded to one decimal.
 *
 * All differences are real elapsed time between instants, so a night that
 * spans a daylight-saving change is one hour shorter (spring) or longer
 * (autumn) than its wall-clock times suggest.
 */
import { DateTime } from 'luxon'
import { DAY_MS, wallOnEvening } from './calendar'
import { instantOfWall, isKnownZone, zoneFor } from './calendar-zones'

/** Plain-language WASO definition for labels, tooltips and help text. */
export const WASO_DEFINITION =
  'Time awake during the night (wake after sleep onset, WASO): the total minutes you were awake ' +
  'after you first fell asleep and before your final wake-up. It does not include the time it ' +
  'took to fall asleep at the start, or time spent in bed after your final wake-up.'

export const LATENCY_MAX_MINUTES = 720
export const WASO_MAX_MINUTES = 720
export const AWAKENINGS_MAX = 50

export type TimeField = 'inBed' | 'triedToSleep' | 'finalWake' | 'outOfBed'
export type NumberField = 'latencyMinutes' | 'awakenings' | 'wasoMinutes'
export type SleepField = 'eveningDate' | 'zone' | TimeField | NumberField

export type SleepIssueCode =
  | 'malformed' // not a valid date / time / zone / number
  | 'out_of_range' // a number outside its allowed range
  | 'order' // clock times in an impossible order
  | 'too_long' // durations that do not fit in the night

export interface SleepIssue {
  field: SleepField
  code: SleepIssueCode
  message: string
}

export interface SleepDiaryInput {
  /** 'YYYY-MM-DD', the calendar date on which the evening began. */
  eveningDate: string
  /** IANA time zone, e.g. 'Europe/Berlin'. */
  zone: string
  /** Local wall-clock times 'HH:MM' (24-hour). */
  inBed: string
  triedToSleep: string
  finalWake: string
  outOfBed: string
  latencyMinutes: number
  awakenings: number
  wasoMinutes: number
}

export interface SleepMetrics {
  /** The four clock times resolved to instants (ISO 8601 with offset). */
  inBedAt: string
  triedToSleepAt: string
  finalWakeAt: string
  outOfBedAt: string
  timeInBedMinutes: number
  /** finalWake − triedToSleep: the window in which sleep could happen. */
  sleepWindowMinutes: number
  totalSleepMinutes: number
  /** Percent, one decimal. */
  sleepEfficiency: number
  /**
   * Times that do not exist on this night because clocks jumped forward
   * (e.g. 02:30 in Berlin on the spring change); they were moved forward by
   * the jump, as most clocks would show it.
   */
  shiftedByDst: TimeField[]
}

export type SleepResult = { ok: true; metrics: SleepMetrics } | { ok: false; issues: SleepIssue[] }

const TIME_FIELDS: readonly TimeField[] = ['inBed', 'triedToSleep', 'finalWake', 'outOfBed']

/** Field labels used in the time messages; forms and the contract reuse them so every layer words it the same. */
export const TIME_LABELS: Record<TimeField, string> = {
  inBed: 'Time into bed',
  triedToSleep: 'Time you tried to sleep',
  finalWake: 'Final wake time',
  outOfBed: 'Time out of bed'
}

/** The message for a malformed evening date. */
export const DATE_MESSAGE = 'Enter the date as YYYY-MM-DD, for example 2026-03-28.'

/** The message for a malformed clock time in one of the four diary times. */
export function timeMessage(field: TimeField): string {
  return `${TIME_LABELS[field]}: enter a 24-hour time as HH:MM, for example 23:15.`
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/

interface ClockTime {
  hour: number
  minute: number
}

/** Parses strict 'HH:MM' (00:00–23:59); null when malformed. */
export function parseClockTime(text: string): ClockTime | null {
  const match = TIME_RE.exec(text)
  if (!match) return null
  return { hour: Number(match[1]), minute: Number(match[2]) }
}

/** Parses strict 'YYYY-MM-DD' and checks the day exists (no 2026-02-30). */
function parseEveningDate(text: string): DateTime | null {
  if (!DATE_RE.test(text)) return null
  const date = DateTime.fromISO(text, { zone: 'UTC' })
  return date.isValid ? date : null
}

/**
 * Turns a wall-clock time into an instant on the night that began on
 * `evening`: before 12:00 it is the next morning (so a bedtime of 00:40 is
 * the next calendar day), from 12:00 on it is the evening itself.
 * Ambiguous times (the repeated hour in autumn) take the earlier instant;
 * non-existent times (the skipped hour in spring) move forward by the gap.
 * Both rules are the calendar's (wallOnEvening, instantOfWall).
 */
function resolveWallTime(evening: DateTime, time: ClockTime, zone: string): { at: DateTime; shifted: boolean } {
  const minutes = time.hour * 60 + time.minute
  const wall = wallOnEvening(Date.UTC(evening.year, evening.month - 1, evening.day) / DAY_MS, minutes)
  const at = DateTime.fromMillis(instantOfWall(zoneFor(zone), wall, 'shift'), { zone })
  const shifted = at.hour !== time.hour || at.minute !== time.minute
  return { at, shifted }
}

function minutesBetween(from: DateTime, to: DateTime): number {
  return Math.round((to.toMillis() - from.toMillis()) / 60_000)
}

function roundOneDecimal(value: number): number {
  return Math.round(value * 10) / 10
}

/** "Enter minutes to fall asleep as a whole number from 0 to 720." */
export function wholeNumberMessage(what: string, min: number, max: number): string {
  return `Enter ${what} as a whole number from ${min} to ${max}.`
}

/** "Minutes to fall asleep must be between 0 and 720." */
export function rangeMessage(what: string, min: number, max: number): string {
  return `${capitalise(what)} must be between ${min} and ${max}.`
}

/** What each diary number is called in messages. */
export const NUMBER_WORDS: Record<NumberField, string> = {
  latencyMinutes: 'minutes to fall asleep',
  awakenings: 'the number of awakenings',
  wasoMinutes: 'minutes awake during the night'
}

function checkWholeNumber(field: NumberField, value: number, max: number, what: string): SleepIssue | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) {
    return { field, code: 'malformed', message: wholeNumberMessage(what, 0, max) }
  }
  if (value < 0 || value > max) {
    return { field, code: 'out_of_range', message: rangeMessage(what, 0, max) }
  }
  return null
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function checkNumbers(input: SleepDiaryInput): SleepIssue[] {
  const checks = [
    checkWholeNumber('latencyMinutes', input.latencyMinutes, LATENCY_MAX_MINUTES, NUMBER_WORDS.latencyMinutes),
    checkWholeNumber('awakenings', input.awakenings, AWAKENINGS_MAX, NUMBER_WORDS.awakenings),
    checkWholeNumber('wasoMinutes', input.wasoMinutes, WASO_MAX_MINUTES, NUMBER_WORDS.wasoMinutes)
  ]
  return checks.filter((issue): issue is SleepIssue => issue !== null)
}

type Instants = Record<TimeField, DateTime>

/** inBed ≤ triedToSleep < finalWake ≤ outOfBed; each problem is reported on the later field. */
function checkOrder(at: Instants): SleepIssue[] {
  const issues: SleepIssue[] = []
  if (at.triedToSleep.toMillis() < at.inBed.toMillis()) {
    issues.push({
      field: 'triedToSleep',
      code: 'order',
      message: 'The time you tried to sleep is before the time you got into bed.'
    })
  }
  if (at.finalWake.toMillis() < at.triedToSleep.toMillis()) {
    issues.push({
      field: 'finalWake',
      code: 'order',
      message: 'Final wake time is before the time you tried to sleep.'
    })
  } else if (at.finalWake.toMillis() === at.triedToSleep.toMillis()) {
    issues.push({
      field: 'finalWake',
      code: 'order',
      message: 'Final wake time is the same as the time you tried to sleep.'
    })
  }
  if (at.outOfBed.toMillis() < at.finalWake.toMillis()) {
    issues.push({
      field: 'outOfBed',
      code: 'order',
      message: 'Time out of bed is before your final wake time.'
    })
  }
  return issues
}

/** Latency and WASO both happen between trying to sleep and final wake, so they must fit inside it. */
function checkDurationsFit(input: SleepDiaryInput, windowMinutes: number): SleepIssue[] {
  if (input.latencyMinutes > windowMinutes) {
    return [
      {
        field: 'latencyMinutes',
        code: 'too_long',
        message: `Minutes to fall asleep (${input.latencyMinutes}) is longer than the ${windowMinutes} minutes between trying to sleep and your final wake time.`
      }
    ]
  }
  const awake = input.latencyMinutes + input.wasoMinutes
  if (awake > windowMinutes) {
    return [
      {
        field: 'wasoMinutes',
        code: 'too_long',
        message: `Minutes to fall asleep plus minutes awake during the night (${awake}) add up to more than the ${windowMinutes} minutes between trying to sleep and your final wake time.`
      }
    ]
  }
  return []
}

/**
 * Validates one night's diary and derives TIB, TST and SE. All problems that
 * can be found are returned together, each tied to the field to highlight.
 */
export function computeSleepMetrics(input: SleepDiaryInput): SleepResult {
  const issues: SleepIssue[] = []

  const evening = parseEveningDate(input.eveningDate)
  if (!evening) {
    issues.push({
      field: 'eveningDate',
      code: 'malformed',
      message: DATE_MESSAGE
    })
  }
  const zoneOk = isKnownZone(input.zone)
  if (!zoneOk) {
    issues.push({ field: 'zone', code: 'malformed', message: `Unknown time zone "${input.zone}".` })
  }

  const clock: Partial<Record<TimeField, ClockTime>> = {}
  for (const field of TIME_FIELDS) {
    const parsed = parseClockTime(input[field])
    if (parsed) clock[field] = parsed
    else {
      issues.push({
        field,
        code: 'malformed',
        message: timeMessage(field)
      })
    }
  }
  const numberIssues = checkNumbers(input)
  issues.push(...numberIssues)

  // Cross-field checks need every date/time to be readable.
  const allClock = TIME_FIELDS.every((f) => clock[f] !== undefined)
  if (!evening || !zoneOk || !allClock) return { ok: false, issues }

  const shiftedByDst: TimeField[] = []
  const at = {} as Instants
  for (const field of TIME_FIELDS) {
    const resolved = resolveWallTime(evening, clock[field] as ClockTime, input.zone)
    at[field] = resolved.at
    if (resolved.shifted) shiftedByDst.push(field)
  }

  const orderIssues = checkOrder(at)
  issues.push(...orderIssues)
  if (orderIssues.length > 0) return { ok: false, issues }

  const sleepWindowMinutes = minutesBetween(at.triedToSleep, at.finalWake)
  if (numberIssues.length === 0) issues.push(...checkDurationsFit(input, sleepWindowMinutes))
  if (issues.length > 0) return { ok: false, issues }

  const timeInBedMinutes = minutesBetween(at.inBed, at.outOfBed)
  const totalSleepMinutes = sleepWindowMinutes - input.latencyMinutes - input.wasoMinutes
  return {
    ok: true,
    metrics: {
      inBedAt: isoOf(at.inBed),
      triedToSleepAt: isoOf(at.triedToSleep),
      finalWakeAt: isoOf(at.finalWake),
      outOfBedAt: isoOf(at.outOfBed),
      timeInBedMinutes,
      sleepWindowMinutes,
      totalSleepMinutes,
      sleepEfficiency: roundOneDecimal((totalSleepMinutes / timeInBedMinutes) * 100),
      shiftedByDst
    }
  }
}

function isoOf(at: DateTime): string {
  return at.toISO({ suppressMilliseconds: true, suppressSeconds: true }) ?? ''
}
