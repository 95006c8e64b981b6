// A journal night: the single source of its rules, messages and types. The
// contract checks IPC input with NightEntryInputSchema (each field on its own);
// the journal service and the entry form check a whole night with
// nightEntrySchema(context), which adds the rules that need more than one field
// or the user's today: the diary times' order, the sleep metrics fitting the
// night, the caffeine time, the night's date, naps and the custom factors.
import { z } from 'zod'
import { clock, isoDate } from './fields'
import {
  BODY_AREAS,
  CAFFEINE_TIME_MESSAGE,
  cleanMedications,
  CUSTOM_FACTORS_MAX,
  EARLIEST_DATE,
  FUTURE_MESSAGE,
  MAGNESIUM_FORMS,
  MEDICATION_NAME_MAX,
  MEDICATIONS_MAX,
  NOTES_MAX,
  RELIEF_OPTIONS,
  SEVERITY_REQUIRED_MESSAGE,
  TOO_EARLY_MESSAGE,
  type CustomFactorKind
} from '../domain/journal'
import {
  AWAKENINGS_MAX,
  computeSleepMetrics,
  LATENCY_MAX_MINUTES,
  NUMBER_WORDS,
  rangeMessage,
  timeMessage,
  WASO_MAX_MINUTES,
  wholeNumberMessage,
  type SleepField,
  type SleepResult,
  type TimeField
} from '../domain/sleep'
import { NightDoseSchema } from './medications'

/** Every whole-number field of a night: its words for messages and its range. */
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

type NumberKey = keyof typeof NUMBER_LIMITS

/** A whole number in its range; `missing` is the message when nothing was chosen at all. */
function whole(key: NumberKey, missing?: string) {
  const { what, min, max } = NUMBER_LIMITS[key]
  const wholeMessage = wholeNumberMessage(what, min, max)
  const range = rangeMessage(what, min, max)
  const typeMessage = (issue: { input?: unknown }): string => (missing !== undefined && issue.input == null ? missing : wholeMessage)
  return z.number({ error: typeMessage }).int(wholeMessage).min(min, range).max(max, range)
}

const diaryTime = (field: TimeField) => z.string({ error: timeMessage(field) }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, timeMessage(field))

const medicationsMessage = `List up to ${MEDICATIONS_MAX} medications.`

export const SleepDiarySchema = z
  .object({
    inBed: diaryTime('inBed'),
    triedToSleep: diaryTime('triedToSleep'),
    latencyMinutes: whole('sleep.latencyMinutes'),
    awakenings: whole('sleep.awakenings'),
    /** Wake after sleep onset (see domain/sleep.ts for the one definition). */
    wasoMinutes: whole('sleep.wasoMinutes'),
    finalWake: diaryTime('finalWake'),
    outOfBed: diaryTime('outOfBed'),
    /** 1–5, very poor → very good; null when not answered. */
    quality: whole('sleep.quality').nullable(),
    rested: whole('sleep.rested').nullable(),
    napCount: whole('sleep.napCount'),
    napMinutes: whole('sleep.napMinutes')
  })
  .strict()

export const NightFactorsSchema = z
  .object({
    caffeineDrinks: whole('factors.caffeineDrinks'),
    /** 'HH:MM' of the last caffeinated drink; required when there was one (nightEntrySchema). */
    caffeineLast: clock.nullable(),
    alcoholDrinks: whole('factors.alcoholDrinks'),
    alcoholLast: clock.nullable(),
    exerciseMinutes: whole('factors.exerciseMinutes'),
    /** The exercise was in the evening (from 18:00). */
    exerciseEvening: z.boolean(),
    stress: whole('factors.stress').nullable(),
    magnesiumMg: whole('factors.magnesiumMg'),
    magnesiumForm: z.enum(MAGNESIUM_FORMS).nullable(),
    ironMg: whole('factors.ironMg'),
    /** Names as typed; counted and measured as they are kept (trimmed, without repeats). */
    medications: z
      .array(z.string())
      .max(MEDICATIONS_MAX, medicationsMessage)
      .superRefine((names, ctx) => {
        if (cleanMedications(names).some((name) => name.length > MEDICATION_NAME_MAX)) {
          ctx.addIssue({ code: 'custom', message: `Keep each medication name under ${MEDICATION_NAME_MAX} characters.` })
        }
      }),
    /** Amounts taken, in each medicine's unit; a listed medicine without one here is kept "as logged". */
    doses: z.array(NightDoseSchema).max(MEDICATIONS_MAX).default([])
  })
  .strict()
  .superRefine((f, ctx) => {
    const listed = new Set(f.medications.map((name) => name.trim().toLocaleLowerCase()))
    f.doses.forEach((dose, i) => {
      if (!listed.has(dose.name.trim().toLocaleLowerCase())) {
        ctx.addIssue({ code: 'custom', path: ['doses', i, 'name'], message: 'A dose needs its medicine ticked as taken.' })
      }
    })
  })

export const CustomValueSchema = z
  .object({
    factorId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    /** 0/1 for yes-or-no factors, 0–4 for scales. */
    value: whole('custom')
  })
  .strict()

const notesMessage = (issue: { input?: unknown }): string =>
  `Keep notes under ${NOTES_MAX} characters${typeof issue.input === 'string' ? ` (now ${issue.input.length})` : ''}.`

/** One night as entered, each field checked on its own (what IPC input must be). */
export const NightEntryInputSchema = z
  .object({
    /** 'YYYY-MM-DD': the date the evening began. */
    eveningDate: isoDate,
    /** IANA zone; the service fills in the current one for a new entry and keeps the stored one on edit. */
    zone: z.string().min(1).max(64).optional(),
    severity: whole('severity', SEVERITY_REQUIRED_MESSAGE),
    /** 'HH:MM' when symptoms started, or null. */
    symptomStart: clock.nullable(),
    bodyAreas: z.array(z.enum(BODY_AREAS)).max(BODY_AREAS.length),
    relievedByMoving: z.enum(RELIEF_OPTIONS).nullable(),
    sleepDisturbance: whole('sleepDisturbance').nullable(),
    sleep: SleepDiarySchema,
    factors: NightFactorsSchema,
    custom: z.array(CustomValueSchema).max(CUSTOM_FACTORS_MAX),
    notes: z.string().max(NOTES_MAX, { error: notesMessage })
  })
  .strict()

export type NightEntry = z.infer<typeof NightEntryInputSchema>
export type SleepDiary = z.infer<typeof SleepDiarySchema>
export type NightFactors = z.infer<typeof NightFactorsSchema>
export type NightDose = z.infer<typeof NightDoseSchema>
export type CustomValue = z.infer<typeof CustomValueSchema>

/** What a whole night is checked against besides itself. */
export interface NightContext {
  /** 'YYYY-MM-DD' in the user's zone: later evenings are refused. */
  today: string
  /** The zone the wall-clock times are read in (the entry's own, or the current one). */
  zone: string
  /** The custom factors that exist, with their kind; a night naming another is refused. */
  customKinds?: ReadonlyMap<number, CustomFactorKind>
}

/** The night's diary read in `zone`: its sleep metrics, or the problems with its times and numbers. */
export function nightSleepMetrics(night: Pick<NightEntry, 'eveningDate' | 'sleep'>, zone: string): SleepResult {
  const { sleep } = night
  return computeSleepMetrics({
    eveningDate: night.eveningDate,
    zone,
    inBed: sleep.inBed,
    triedToSleep: sleep.triedToSleep,
    finalWake: sleep.finalWake,
    outOfBed: sleep.outOfBed,
    latencyMinutes: sleep.latencyMinutes,
    awakenings: sleep.awakenings,
    wasoMinutes: sleep.wasoMinutes
  })
}

/** Where a sleep.ts problem is shown: the form field's path. */
const SLEEP_FIELD_PATHS: Record<SleepField, string> = {
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

type Ctx = z.RefinementCtx<NightEntry>

function hasIssue(ctx: Ctx, path: string): boolean {
  return ctx.issues.some((issue) => (issue.path ?? []).join('.') === path)
}

/** Adds a message at `path` unless the field already has one: each field shows its first problem. */
function report(ctx: Ctx, path: string, message: string): void {
  if (!hasIssue(ctx, path)) ctx.addIssue({ code: 'custom', path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message })
}

function crossFieldRules(night: NightEntry, context: NightContext, ctx: Ctx): void {
  const { sleep, factors } = night
  if (!hasIssue(ctx, 'sleep.napCount') && !hasIssue(ctx, 'sleep.napMinutes') && sleep.napCount === 0 && sleep.napMinutes > 0) {
    report(ctx, 'sleep.napCount', 'You entered minutes napping: how many naps was that?')
  }
  if (factors.caffeineDrinks > 0 && factors.caffeineLast === null) report(ctx, 'factors.caffeineLast', CAFFEINE_TIME_MESSAGE)

  const seenFactors = new Set<number>()
  night.custom.forEach((item, index) => {
    const path = `custom.${index}.value`
    const kind = context.customKinds?.get(item.factorId)
    if (context.customKinds && kind === undefined) {
      report(ctx, path, 'This factor no longer exists. Reload the journal and try again.')
      return
    }
    if (seenFactors.has(item.factorId)) report(ctx, path, 'This factor is listed twice.')
    seenFactors.add(item.factorId)
    if (kind === 'yesno' && item.value > 1) report(ctx, path, 'Answer yes (1) or no (0).')
  })

  // The date: not in the future, not before the earliest supported night; then the diary's times in order.
  if (!hasIssue(ctx, 'eveningDate') && night.eveningDate > context.today) report(ctx, 'eveningDate', FUTURE_MESSAGE)
  else if (!hasIssue(ctx, 'eveningDate') && night.eveningDate < EARLIEST_DATE) report(ctx, 'eveningDate', TOO_EARLY_MESSAGE)
  const metrics = nightSleepMetrics(night, context.zone)
  if (!metrics.ok) for (const issue of metrics.issues) report(ctx, SLEEP_FIELD_PATHS[issue.field], issue.message)
}

/** Only a night whose parts are there can be checked across fields (a bad number inside them still can). */
function hasParts(value: unknown): boolean {
  const night = value as Partial<Record<'sleep' | 'factors' | 'custom' | 'eveningDate', unknown>> | null
  return (
    typeof night === 'object' &&
    night !== null &&
    typeof night.eveningDate === 'string' &&
    typeof night.sleep === 'object' &&
    night.sleep !== null &&
    typeof night.factors === 'object' &&
    night.factors !== null &&
    Array.isArray(night.custom)
  )
}

/**
 * A whole night as the journal service saves it and the entry form checks it
 * before sending: every field's own rule, and the rules across fields. Every
 * problem is found at once, keyed by the field to highlight (`sleep.wasoMinutes`).
 */
export function nightEntrySchema(context: NightContext) {
  const key = contextKey(context)
  let schema = nightSchemas.get(key)
  if (schema === undefined) {
    schema = NightEntryInputSchema.superRefine((night, ctx) => crossFieldRules(night, context, ctx), {
      when: (payload) => hasParts(payload.value)
    })
    if (nightSchemas.size >= NIGHT_SCHEMAS_KEPT) nightSchemas.delete(nightSchemas.keys().next().value as string)
    nightSchemas.set(key, schema)
  }
  return schema
}

// A new schema costs more than the check itself: zod compiles each object schema on its first parse,
// which was a third of a journal save. The context changes once a day, with the zone, or when a factor
// is added, so the last few schemas are kept, keyed by everything the rules read from the context.
const NIGHT_SCHEMAS_KEPT = 8
const nightSchemas = new Map<string, ReturnType<typeof NightEntryInputSchema.superRefine>>()

function contextKey({ today, zone, customKinds }: NightContext): string {
  const kinds = customKinds === undefined ? '*' : [...customKinds].map(([id, kind]) => `${id}:${kind}`).join(',')
  return `${today}|${zone}|${kinds}`
}
