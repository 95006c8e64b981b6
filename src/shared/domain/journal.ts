/**
 * The nightly journal entry: its vocabulary, limits, messages and the
 * factor flags Insights compares. Pure: no I/O, no clock (today is passed in).
 *
 * One entry per night, keyed by the date the evening began. What the user
 * entered (wall-clock times, the evening date, the time zone at entry time) is
 * what is stored; time in bed, total sleep time and sleep efficiency are
 * derived from it with `computeSleepMetrics` (see ./sleep.ts, which also holds
 * the one definition of wake after sleep onset).
 *
 * A night's shape, types and rules live in ../schemas/journal.ts (one zod schema,
 * the types inferred from it). This module stays free of date libraries and of
 * zod (it imports only types from there) so light views (Today) can use its
 * words and helpers cheaply.
 */
import { parseWallTime } from './calendar'
import type { NightEntry, NightFactors } from '../schemas/journal'
import type { TimeField } from './sleep'

export const BODY_AREAS = ['legs', 'arms', 'other'] as const
export const RELIEF_OPTIONS = ['yes', 'partly', 'no'] as const
export const MAGNESIUM_FORMS = ['citrate', 'glycinate', 'oxide', 'chloride', 'malate', 'lactate', 'taurate', 'threonate', 'other'] as const
export const CUSTOM_FACTOR_KINDS = ['yesno', 'scale'] as const

export type BodyArea = (typeof BODY_AREAS)[number]
export type Relief = (typeof RELIEF_OPTIONS)[number]
export type MagnesiumForm = (typeof MAGNESIUM_FORMS)[number]
export type CustomFactorKind = (typeof CUSTOM_FACTOR_KINDS)[number]

/** The labelled 0–10 severity scale shown beside the choice. */
export const SEVERITY_SCALE: readonly { value: number; label: string }[] = [
  { value: 0, label: 'None' },
  { value: 1, label: 'Barely there' },
  { value: 2, label: 'Mild' },
  { value: 3, label: 'Mild' },
  { value: 4, label: 'Moderate' },
  { value: 5, label: 'Moderate' },
  { value: 6, label: 'Moderate' },
  { value: 7, label: 'Severe' },
  { value: 8, label: 'Severe' },
  { value: 9, label: 'Very severe' },
  { value: 10, label: 'Worst imaginable' }
]

export function severityWord(value: number): string {
  return SEVERITY_SCALE[Math.round(value)]?.label ?? ''
}

export const DISTURBANCE_LABELS = ['Not at all', 'A little', 'Somewhat', 'A lot', 'Could hardly sleep'] as const
export const QUALITY_LABELS = ['Very poor', 'Poor', 'Fair', 'Good', 'Very good'] as const
export const RESTED_LABELS = ['Not at all rested', 'Slightly rested', 'Somewhat rested', 'Well rested', 'Very well rested'] as const
export const STRESS_LABELS = ['Very low', 'Low', 'Some', 'High', 'Very high'] as const
export const RELIEF_LABELS: Record<Relief, string> = { yes: 'Yes', partly: 'Partly', no: 'No' }
export const BODY_AREA_LABELS: Record<BodyArea, string> = { legs: 'Legs', arms: 'Arms', other: 'Elsewhere' }
export const CUSTOM_KIND_LABELS: Record<CustomFactorKind, string> = { yesno: 'Yes or no', scale: 'Scale from 0 to 4' }

export const NOTES_MAX = 4000
export const MEDICATION_NAME_MAX = 80
export const MEDICATIONS_MAX = 20
export const FACTOR_LABEL_MAX = 40
export const CUSTOM_FACTORS_MAX = 30
export const EARLIEST_DATE = '2000-01-01'

export const CLOCK_MESSAGE = 'Enter a 24-hour time as HH:MM, for example 21:30.'
export const FUTURE_MESSAGE = 'That night has not happened yet. Choose last night or an earlier one.'
export const TOO_EARLY_MESSAGE = `Choose a night from ${EARLIEST_DATE} on.`
export const CAFFEINE_TIME_MESSAGE = 'When was your last caffeinated drink? It tells Insights whether it was after 14:00.'
export const SEVERITY_REQUIRED_MESSAGE = 'Choose how bad your symptoms were, from 0 (none) to 10.'

export interface DerivedSleep {
  timeInBedMinutes: number
  totalSleepMinutes: number
  sleepEfficiency: number
  /** Diary times that fell into a skipped daylight-saving hour and were moved forward. */
  shiftedByDst: TimeField[]
}

/** Trims, drops empties and case-insensitive duplicates, keeps the first spelling. */
export function cleanMedications(names: readonly string[]): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ')
    const key = name.toLocaleLowerCase()
    if (!name || seen.has(key)) continue
    seen.add(key)
    result.push(name)
  }
  return result
}

/** A saved entry's answers as the form and the service take them (no id, zone, figures or timestamps). */
export function enteredPart<T extends NightEntry>(entry: T): Omit<NightEntry, 'zone'> {
  return {
    eveningDate: entry.eveningDate,
    severity: entry.severity,
    symptomStart: entry.symptomStart,
    bodyAreas: [...entry.bodyAreas],
    relievedByMoving: entry.relievedByMoving,
    sleepDisturbance: entry.sleepDisturbance,
    sleep: { ...entry.sleep },
    factors: { ...entry.factors, medications: [...entry.factors.medications], doses: entry.factors.doses.map((d) => ({ ...d })) },
    custom: entry.custom.map((c) => ({ ...c })),
    notes: entry.notes
  }
}

/** The one message the journal shows when a night already has an entry. */
export const ALREADY_LOGGED_MESSAGE = 'You already logged this night — edit it instead?'

/**
 * Clock times from 05:00 onwards belong to the day the evening began; earlier
 * ones are after midnight, i.e. later that night. So a last coffee at 00:30 is
 * "after 14:00", and one at 07:30 is a morning coffee.
 */
const DAY_STARTS_MINUTES = 5 * 60
export const CAFFEINE_CUTOFF = '14:00'

function minutesIntoDay(time: string): number | null {
  const minutes = parseWallTime(time)
  if (minutes === null) return null
  return minutes < DAY_STARTS_MINUTES ? minutes + 24 * 60 : minutes
}

/** True when the time, read on the evening's own timeline, is at or after the cutoff. */
export function isAtOrAfter(time: string, cutoff: string): boolean | null {
  const a = minutesIntoDay(time)
  const b = minutesIntoDay(cutoff)
  if (a === null || b === null) return null
  return a >= b
}

/** The built-in factors Insights compares, each worded to follow "nights with …". */
export const BUILT_IN_FACTORS = [
  { key: 'caffeineAfter14', label: `caffeine after ${CAFFEINE_CUTOFF}`, title: `Caffeine after ${CAFFEINE_CUTOFF}` },
  { key: 'alcohol', label: 'any alcohol', title: 'Any alcohol' },
  { key: 'eveningExercise', label: 'evening exercise', title: 'Evening exercise' },
  { key: 'magnesium', label: 'a magnesium supplement', title: 'Magnesium supplement' }
] as const

export type BuiltInFactorKey = (typeof BUILT_IN_FACTORS)[number]['key']

/** The yes/no answer for each built-in factor on one night; null when it cannot be told. */
export function nightFlags(
  factors: Pick<NightFactors, 'caffeineDrinks' | 'caffeineLast' | 'alcoholDrinks' | 'exerciseMinutes' | 'exerciseEvening' | 'magnesiumMg'>
): Record<BuiltInFactorKey, boolean | null> {
  let caffeineAfter14: boolean | null = false
  if (factors.caffeineDrinks > 0)
    caffeineAfter14 = factors.caffeineLast === null ? null : isAtOrAfter(factors.caffeineLast, CAFFEINE_CUTOFF)
  return {
    caffeineAfter14,
    alcohol: factors.alcoholDrinks > 0,
    eveningExercise: factors.exerciseMinutes > 0 && factors.exerciseEvening,
    magnesium: factors.magnesiumMg > 0
  }
}

/** A custom factor counts as present at yes (1) for yes/no factors and at 1 or more on a 0–4 scale. */
export function customPresent(value: number): boolean {
  return value >= 1
}

/** Wording of a custom factor after "nights with …". */
export function customFactorLabel(label: string, kind: CustomFactorKind): string {
  return kind === 'scale' ? `${label} (1 or more)` : label
}

export { addDays, daysBetween } from './calendar'

/** "7 h 05 min" for minutes of sleep. */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '−' : ''
  const total = Math.abs(Math.round(minutes))
  const h = Math.floor(total / 60)
  const m = total % 60
  if (h === 0) return `${sign}${m} min`
  return `${sign}${h} h ${String(m).padStart(2, '0')} min`
}
