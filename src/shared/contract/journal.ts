import { z } from 'zod'
import {
  BODY_AREAS,
  CLOCK_MESSAGE,
  CUSTOM_FACTOR_KINDS,
  CUSTOM_FACTORS_MAX,
  FACTOR_LABEL_MAX,
  MAGNESIUM_FORMS,
  MEDICATION_NAME_MAX,
  MEDICATIONS_MAX,
  NOTES_MAX,
  RELIEF_OPTIONS,
  type NightEntryInput
} from '../domain/journal'
import { NUMBER_LIMITS, numberMessages, type NumberKey } from '../domain/journal-validation'
import { DATE_MESSAGE, timeMessage, type TimeField } from '../domain/sleep'
import { DOSE_UNITS } from '../domain/medications'
import { NightDoseSchema } from '../domain/medication-schemas'

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

export { NightDoseSchema }

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

export const JournalEntrySchema = NightEntryInputSchema.extend({
  id: z.number().int(),
  zone: z.string(),
  metrics: z.object({
    timeInBedMinutes: z.number(),
    totalSleepMinutes: z.number(),
    sleepEfficiency: z.number()
  }),
  createdAt: z.string(),
  updatedAt: z.string()
})

export const CustomFactorSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  kind: z.enum(CUSTOM_FACTOR_KINDS),
  archived: z.boolean()
})

const factorLabel = z
  .string()
  .trim()
  .min(1, 'Give the factor a name, for example “Late dinner”.')
  .max(FACTOR_LABEL_MAX, `Keep the name under ${FACTOR_LABEL_MAX} characters.`)

export const CustomFactorCreateSchema = z.object({ label: factorLabel, kind: z.enum(CUSTOM_FACTOR_KINDS) }).strict()
export const CustomFactorUpdateSchema = z
  .object({
    id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    label: factorLabel.optional(),
    archived: z.boolean().optional()
  })
  .strict()

export const DateRangeSchema = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'The start date must be on or before the end date.', path: ['from'] })

const entryId = z.object({ id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict()

export const QuickLogDefaultsSchema = z.object({
  /** The night the quick log offers: last night in the user's zone. */
  suggestedDate: z.string(),
  /** The user's "today", so the form can refuse future nights the same way the service does. */
  today: z.string(),
  /** The current IANA zone, used to check times for a new entry. */
  zone: z.string(),
  /** The most recent night without an entry (last night, or an earlier one when it is logged). */
  openDate: z.string(),
  /** The entry already saved for the suggested night, if any. */
  existing: JournalEntrySchema.nullable(),
  /** Values to start from: the previous entry's, or sensible ones around the usual bedtime. */
  draft: NightEntryInputSchema.extend({ severity: z.number().int().nullable() }),
  /** From the previous entry (true) or from the usual bedtime (false). */
  fromPrevious: z.boolean(),
  medicationSuggestions: z.array(z.string()),
  /** The medicines running on the suggested night with their usual dose then, to offer as "taken". */
  usualDoses: z.array(z.object({ name: z.string(), dose: z.number().nullable(), unit: z.enum(DOSE_UNITS), time: z.string().nullable() })),
  factors: z.array(CustomFactorSchema),
  /** The first night ever logged, for calendars that should not start before it. */
  firstDate: z.string().nullable(),
  /** The latest night logged, so a calendar can open where the nights are. */
  lastDate: z.string().nullable()
})

export const GlanceSchema = z.object({
  lastNight: JournalEntrySchema.nullable(),
  /** Whether `lastNight` really is last night (not an older entry). */
  isLastNight: z.boolean(),
  /** The 14 nights ending last night, oldest first: severity, or null where not logged. */
  trend: z.array(z.object({ date: z.string(), severity: z.number().nullable() }))
})

export const CsvExportSchema = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() })

export type NightEntry = z.infer<typeof NightEntryInputSchema>
export type JournalEntry = z.infer<typeof JournalEntrySchema>
export type NightDose = z.infer<typeof NightDoseSchema>
export type CustomFactor = z.infer<typeof CustomFactorSchema>
export type CustomFactorCreate = z.infer<typeof CustomFactorCreateSchema>
export type CustomFactorUpdate = z.infer<typeof CustomFactorUpdateSchema>
export type QuickLogDefaults = z.infer<typeof QuickLogDefaultsSchema>
export type Glance = z.infer<typeof GlanceSchema>
export type CsvExport = z.infer<typeof CsvExportSchema>
export type DateRange = z.infer<typeof DateRangeSchema>

// The contract's entry and the domain's hand-written type must describe the same shape.
const entryShapesAgree: [NightEntry, NightEntryInput] extends [NightEntryInput, NightEntry] ? true : false = true
void entryShapesAgree

export const journalChannels = {
  'journal.defaults': { input: z.undefined(), output: QuickLogDefaultsSchema },
  'journal.list': { input: DateRangeSchema, output: z.array(JournalEntrySchema) },
  'journal.get': { input: z.object({ eveningDate: isoDate }).strict(), output: JournalEntrySchema.nullable() },
  'journal.create': { input: NightEntryInputSchema, output: JournalEntrySchema },
  'journal.update': { input: z.object({ id: entryId.shape.id, entry: NightEntryInputSchema }).strict(), output: JournalEntrySchema },
  'journal.delete': { input: entryId, output: z.object({ id: z.number().int(), eveningDate: z.string() }) },
  'journal.restore': { input: entryId, output: JournalEntrySchema },
  'journal.glance': { input: z.undefined(), output: GlanceSchema },
  'journal.exportCsv': { input: z.undefined(), output: CsvExportSchema },
  'journal.factors.list': { input: z.undefined(), output: z.array(CustomFactorSchema) },
  'journal.factors.create': { input: CustomFactorCreateSchema, output: CustomFactorSchema },
  'journal.factors.update': { input: CustomFactorUpdateSchema, output: CustomFactorSchema }
} as const
