/**
 * The nightly journal entry: its vocabulary, limits, validation and the
 * factor flags Insights compares. Pure: no I/O, no clock (today is passed in).
 *
 * One entry per night, keyed by the date the evening began. What the user
 * entered (wall-clock times, the evening date, the time zone at entry time) is
 * what is stored; time in bed, total sleep time and sleep efficiency are
 * derived from it with `computeSleepMetrics` (see ./sleep.ts, which also holds
 * the one definition of wake after sleep onset).
 *
 * The renderer runs `validateNightEntry` before saving and the journal service
 * runs it again, so a form and the service give the same message for the same
 * field. Field keys are dotted paths into the input (`sleep.latencyMinutes`).
 */
import {
  AWAKENINGS_MAX,
  computeSleepMetrics,
  LATENCY_MAX_MINUTES,
  NUMBER_WORDS,
  parseClockTime,
  rangeMessage,
  WASO_MAX_MINUTES,
  wholeNumberMessage,
  type SleepField,
  type SleepMetrics
} from './sleep'

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

/** Every whole-number field outside the sleep diary's own three: its words for messages and its range. */
export const NUMBER_LIMITS = {
  severity: { what: 'severity', min: 0, max: 10 },
  sleepDisturbance: { what: 'how much symptoms disturbed sleep', min: 0, max: 4 },
  'sleep.quality': { what: 'sleep quality', min: 1, max: 5 },
  'sleep.rested': { what: 'how rested you felt', min: 1, max: 5 },
  'sleep.napCount': { what: 'the number of naps', min: 0, max: 10 },
  'sleep.napMinutes': { what: 'minutes napping', min: 0, max: 720 },
  'factors.caffeineDrinks': { what: 'caffeinated drinks', min: 0, max: 20 },
  'factors.alcoholDrinks': { what: 'alcoholic drinks', min: 0, max: 30 },
  'factors.exerciseMinutes': { what: 'minutes of exercise', min: 0, max: 600 },
  'factors.stress': { what: 'stress', min: 1, max: 5 },
  'factors.magnesiumMg': { what: 'magnesium from supplements (mg)', min: 0, max: 2000 },
  'factors.ironMg': { what: 'iron from supplements (mg)', min: 0, max: 300 },
  'sleep.latencyMinutes': { what: NUMBER_WORDS.latencyMinutes, min: 0, max: LATENCY_MAX_MINUTES },
  'sleep.awakenings': { what: NUMBER_WORDS.awakenings, min: 0, max: AWAKENINGS_MAX },
  'sleep.wasoMinutes': { what: NUMBER_WORDS.wasoMinutes, min: 0, max: WASO_MAX_MINUTES },
  custom: { what: 'the value', min: 0, max: 4 }
} as const

export type NumberKey = keyof typeof NUMBER_LIMITS

export function numberMessages(key: NumberKey): { whole: string; range: string } {
  const { what, min, max } = NUMBER_LIMITS[key]
  return { whole: wholeNumberMessage(what, min, max), range: rangeMessage(what, min, max) }
}

export const CLOCK_MESSAGE = 'Enter a 24-hour time as HH:MM, for example 21:30.'
export const FUTURE_MESSAGE = 'That night has not happened yet. Choose last night or an earlier one.'
export const TOO_EARLY_MESSAGE = `Choose a night from ${EARLIEST_DATE} on.`
export const CAFFEINE_TIME_MESSAGE = 'When was your last caffeinated drink? It tells Insights whether it was after 14:00.'
export const SEVERITY_REQUIRED_MESSAGE = 'Choose how bad your symptoms were, from 0 (none) to 10.'

export interface SleepDiary {
  inBed: string
  triedToSleep: string
  latencyMinutes: number
  awakenings: number
  wasoMinutes: number
  finalWake: string
  outOfBed: string
  /** 1–5, very poor → very good; null when not answered. */
  quality: number | null
  /** 1–5; null when not answered. */
  rested: number | null
  napCount: number
  napMinutes: number
}

export interface NightFactors {
  caffeineDrinks: number
  /** 'HH:MM' of the last caffeinated drink; required when there was one. */
  caffeineLast: string | null
  alcoholDrinks: number
  alcoholLast: string | null
  exerciseMinutes: number
  /** The exercise was in the evening (from 18:00). */
  exerciseEvening: boolean
  stress: number | null
  magnesiumMg: number
  magnesiumForm: MagnesiumForm | null
  ironMg: number
  medications: string[]
}

export interface CustomValue {
  factorId: number
  /** 0/1 for yes-or-no factors, 0–4 for scales. */
  value: number
}

/** What the user enters for one night. */
export interface NightEntryInput {
  /** 'YYYY-MM-DD': the date the evening began. */
  eveningDate: string
  /** IANA zone; the service fills in the current one for a new entry and keeps the stored one on edit. */
  zone?: string | undefined
  severity: number
  /** 'HH:MM' when symptoms started, or null. */
  symptomStart: string | null
  bodyAreas: BodyArea[]
  relievedByMoving: Relief | null
  /** 0–4, or null when not answered. */
  sleepDisturbance: number | null
  sleep: SleepDiary
  factors: NightFactors
  custom: CustomValue[]
  notes: string
}

export interface DerivedSleep {
  timeInBedMinutes: number
  totalSleepMinutes: number
  sleepEfficiency: number
  /** Diary times that fell into a skipped daylight-saving hour and were moved forward. */
  shiftedByDst: SleepMetrics['shiftedByDst']
}

export type NightValidation = { ok: true; metrics: SleepMetrics } | { ok: false; fields: Record<string, string> }

const SLEEP_FIELD_KEYS: Record<SleepField, string> = {
  eveningDate: 'eveningDate',
  zone: 'zone',
  inBed: 'sleep.inBed',
  triedToSleep: 'sleep.triedToSleep',
  finalWake: 'sleep.finalWake',
  outOfBed: 'sleep.outOfBed',
  latencyMinutes: 'sleep.latencyMinutes',
  awakenings: 'sleep.awakenings',
  wasoMinutes: 'sleep.wasoMinutes'
}

/** Where a sleep.ts issue is shown in the form. */
export function sleepFieldKey(field: SleepField): string {
  return SLEEP_FIELD_KEYS[field]
}

function checkNumber(fields: Record<string, string>, key: NumberKey, value: unknown, path: string = key): void {
  const { min, max } = NUMBER_LIMITS[key]
  const messages = numberMessages(key)
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) fields[path] ??= messages.whole
  else if (value < min || value > max) fields[path] ??= messages.range
}

function checkOptionalNumber(fields: Record<string, string>, key: NumberKey, value: unknown): void {
  if (value !== null) checkNumber(fields, key, value)
}

function checkClock(fields: Record<string, string>, key: string, value: string | null): void {
  if (value !== null && parseClockTime(value) === null) fields[key] ??= CLOCK_MESSAGE
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

export interface ValidateOptions {
  /** 'YYYY-MM-DD' in the user's zone: later evenings are refused. */
  today: string
  /** The zone to resolve wall-clock times in (the entry's own, or the current one). */
  zone: string
  /** Ids of the custom factors that exist, with their kind; unknown ids are refused. */
  customKinds?: ReadonlyMap<number, CustomFactorKind>
}

/**
 * Checks one night and, when everything is valid, derives its sleep metrics.
 * Every problem found is returned at once, keyed by the field to highlight.
 */
export function validateNightEntry(input: NightEntryInput, options: ValidateOptions): NightValidation {
  const fields: Record<string, string> = {}

  // A form may hand in a night whose severity has not been chosen yet.
  const severity = input.severity as number | null | undefined
  if (severity === null || severity === undefined) fields['severity'] = SEVERITY_REQUIRED_MESSAGE
  else checkNumber(fields, 'severity', severity)
  checkOptionalNumber(fields, 'sleepDisturbance', input.sleepDisturbance)
  checkClock(fields, 'symptomStart', input.symptomStart)

  const { sleep, factors } = input
  checkOptionalNumber(fields, 'sleep.quality', sleep.quality)
  checkOptionalNumber(fields, 'sleep.rested', sleep.rested)
  checkNumber(fields, 'sleep.napCount', sleep.napCount)
  checkNumber(fields, 'sleep.napMinutes', sleep.napMinutes)
  if (fields['sleep.napCount'] === undefined && fields['sleep.napMinutes'] === undefined && sleep.napCount === 0 && sleep.napMinutes > 0) {
    fields['sleep.napCount'] = 'You entered minutes napping: how many naps was that?'
  }

  checkNumber(fields, 'factors.caffeineDrinks', factors.caffeineDrinks)
  checkClock(fields, 'factors.caffeineLast', factors.caffeineLast)
  if (factors.caffeineDrinks > 0 && factors.caffeineLast === null) fields['factors.caffeineLast'] ??= CAFFEINE_TIME_MESSAGE
  checkNumber(fields, 'factors.alcoholDrinks', factors.alcoholDrinks)
  checkClock(fields, 'factors.alcoholLast', factors.alcoholLast)
  checkNumber(fields, 'factors.exerciseMinutes', factors.exerciseMinutes)
  checkOptionalNumber(fields, 'factors.stress', factors.stress)
  checkNumber(fields, 'factors.magnesiumMg', factors.magnesiumMg)
  checkNumber(fields, 'factors.ironMg', factors.ironMg)

  const medications = cleanMedications(factors.medications)
  if (medications.length > MEDICATIONS_MAX) fields['factors.medications'] = `List up to ${MEDICATIONS_MAX} medications.`
  if (medications.some((m) => m.length > MEDICATION_NAME_MAX)) {
    fields['factors.medications'] ??= `Keep each medication name under ${MEDICATION_NAME_MAX} characters.`
  }
  if (input.notes.length > NOTES_MAX) fields['notes'] = `Keep notes under ${NOTES_MAX} characters (now ${input.notes.length}).`

  const seenFactors = new Set<number>()
  for (const [index, item] of input.custom.entries()) {
    const key = `custom.${index}.value`
    const kind = options.customKinds?.get(item.factorId)
    if (options.customKinds && kind === undefined) {
      fields[key] = 'This factor no longer exists. Reload the journal and try again.'
      continue
    }
    if (seenFactors.has(item.factorId)) fields[key] = 'This factor is listed twice.'
    seenFactors.add(item.factorId)
    checkNumber(fields, 'custom', item.value, key)
    if (kind === 'yesno' && fields[key] === undefined && item.value > 1) fields[key] = 'Answer yes (1) or no (0).'
  }

  // The date: readable, not before the earliest supported night, not in the future.
  const dateReadable = /^\d{4}-\d{2}-\d{2}$/.test(input.eveningDate)
  if (dateReadable && input.eveningDate > options.today) fields['eveningDate'] = FUTURE_MESSAGE
  else if (dateReadable && input.eveningDate < EARLIEST_DATE) fields['eveningDate'] = TOO_EARLY_MESSAGE

  const result = computeSleepMetrics({
    eveningDate: input.eveningDate,
    zone: options.zone,
    inBed: sleep.inBed,
    triedToSleep: sleep.triedToSleep,
    finalWake: sleep.finalWake,
    outOfBed: sleep.outOfBed,
    latencyMinutes: sleep.latencyMinutes,
    awakenings: sleep.awakenings,
    wasoMinutes: sleep.wasoMinutes
  })
  if (!result.ok) {
    for (const issue of result.issues) fields[sleepFieldKey(issue.field)] ??= issue.message
  }
  if (Object.keys(fields).length > 0 || !result.ok) return { ok: false, fields }
  return { ok: true, metrics: result.metrics }
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
  const clock = parseClockTime(time)
  if (!clock) return null
  const minutes = clock.hour * 60 + clock.minute
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
export function nightFlags(factors: Pick<NightFactors, 'caffeineDrinks' | 'caffeineLast' | 'alcoholDrinks' | 'exerciseMinutes' | 'exerciseEvening' | 'magnesiumMg'>): Record<BuiltInFactorKey, boolean | null> {
  let caffeineAfter14: boolean | null = false
  if (factors.caffeineDrinks > 0) caffeineAfter14 = factors.caffeineLast === null ? null : isAtOrAfter(factors.caffeineLast, CAFFEINE_CUTOFF)
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

/** 'YYYY-MM-DD' plus a number of days, on the UTC calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** Whole days from a to b ('YYYY-MM-DD'), b − a. */
export function daysBetween(a: string, b: string): number {
  const toMs = (date: string): number => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number]
    return Date.UTC(y, m - 1, d)
  }
  return Math.round((toMs(b) - toMs(a)) / 86_400_000)
}

/** "7 h 05 min" for minutes of sleep. */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '−' : ''
  const total = Math.abs(Math.round(minutes))
  const h = Math.floor(total / 60)
  const m = total % 60
  if (h === 0) return `${sign}${m} min`
  return `${sign}${h} h ${String(m).padStart(2, '0')} min`
}
