/**
 * Validation of one journal night. The renderer runs `validateNightEntry`
 * before saving and the journal service runs it again, so a form and the
 * service give the same message for the same field; the contract's schema
 * uses the same words for what it catches first. Field keys are dotted paths
 * into the input (`sleep.latencyMinutes`).
 */
import {
  CAFFEINE_TIME_MESSAGE,
  cleanMedications,
  CLOCK_MESSAGE,
  EARLIEST_DATE,
  FUTURE_MESSAGE,
  MEDICATION_NAME_MAX,
  MEDICATIONS_MAX,
  NOTES_MAX,
  SEVERITY_REQUIRED_MESSAGE,
  TOO_EARLY_MESSAGE,
  type CustomFactorKind,
  type NightEntryInput
} from './journal'
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
