// A journal night: the single source of its rules and messages. The contract
// checks IPC input with these schemas and infers the NightEntry type from them.
// (Next: the cross-field time rules still live in domain/journal-validation.ts.)
import { z } from 'zod'
import {
  BODY_AREAS,
  CLOCK_MESSAGE,
  CUSTOM_FACTORS_MAX,
  MAGNESIUM_FORMS,
  MEDICATION_NAME_MAX,
  MEDICATIONS_MAX,
  NOTES_MAX,
  RELIEF_OPTIONS
} from '../domain/journal'
import { NUMBER_LIMITS, numberMessages, type NumberKey } from '../domain/journal-validation'
import { NightDoseSchema } from '../domain/medication-schemas'
import { DATE_MESSAGE, timeMessage, type TimeField } from '../domain/sleep'

/*
 * Numbers and times carry the same messages the journal's own validation
 * gives (src/shared/domain/journal.ts), so a form shows the same words
 * whichever layer caught the problem.
 */
function whole(key: NumberKey) {
  const { min, max } = NUMBER_LIMITS[key]
  const { whole: wholeMessage, range } = numberMessages(key)
  return z.number({ error: wholeMessage }).int(wholeMessage).min(min, range).max(max, range)
}

const isoDate = z.string({ error: DATE_MESSAGE }).regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE)
const clock = z.string({ error: CLOCK_MESSAGE }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, CLOCK_MESSAGE)
const diaryTime = (field: TimeField) => z.string({ error: timeMessage(field) }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, timeMessage(field))

export const SleepDiarySchema = z
  .object({
    inBed: diaryTime('inBed'),
    triedToSleep: diaryTime('triedToSleep'),
    latencyMinutes: whole('sleep.latencyMinutes'),
    awakenings: whole('sleep.awakenings'),
    wasoMinutes: whole('sleep.wasoMinutes'),
    finalWake: diaryTime('finalWake'),
    outOfBed: diaryTime('outOfBed'),
    quality: whole('sleep.quality').nullable(),
    rested: whole('sleep.rested').nullable(),
    napCount: whole('sleep.napCount'),
    napMinutes: whole('sleep.napMinutes')
  })
  .strict()

export const NightFactorsSchema = z
  .object({
    caffeineDrinks: whole('factors.caffeineDrinks'),
    caffeineLast: clock.nullable(),
    alcoholDrinks: whole('factors.alcoholDrinks'),
    alcoholLast: clock.nullable(),
    exerciseMinutes: whole('factors.exerciseMinutes'),
    exerciseEvening: z.boolean(),
    stress: whole('factors.stress').nullable(),
    magnesiumMg: whole('factors.magnesiumMg'),
    magnesiumForm: z.enum(MAGNESIUM_FORMS).nullable(),
    ironMg: whole('factors.ironMg'),
    medications: z
      .array(z.string().max(MEDICATION_NAME_MAX, `Keep each medication name under ${MEDICATION_NAME_MAX} characters.`))
      .max(MEDICATIONS_MAX, `List up to ${MEDICATIONS_MAX} medications.`),
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
    value: whole('custom')
  })
  .strict()

export const NightEntryInputSchema = z
  .object({
    eveningDate: isoDate,
    zone: z.string().min(1).max(64).optional(),
    severity: whole('severity'),
    symptomStart: clock.nullable(),
    bodyAreas: z.array(z.enum(BODY_AREAS)).max(BODY_AREAS.length),
    relievedByMoving: z.enum(RELIEF_OPTIONS).nullable(),
    sleepDisturbance: whole('sleepDisturbance').nullable(),
    sleep: SleepDiarySchema,
    factors: NightFactorsSchema,
    custom: z.array(CustomValueSchema).max(CUSTOM_FACTORS_MAX),
    notes: z.string().max(NOTES_MAX, `Keep notes under ${NOTES_MAX} characters.`)
  })
  .strict()
