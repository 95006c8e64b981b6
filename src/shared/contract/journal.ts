import { z } from 'zod'
import { isoDate } from '../schemas/fields'
import { CUSTOM_FACTOR_KINDS, FACTOR_LABEL_MAX } from '../domain/journal'
import { DOSE_UNITS } from '../domain/medications'
import { NightDoseSchema } from '../schemas/medications'
import { CustomValueSchema, NightEntryInputSchema, NightFactorsSchema, SleepDiarySchema } from '../schemas/journal'

export { CustomValueSchema, NightDoseSchema, NightEntryInputSchema, NightFactorsSchema, SleepDiarySchema }
export type { NightDose, NightEntry } from '../schemas/journal'

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

export type JournalEntry = z.infer<typeof JournalEntrySchema>
export type CustomFactor = z.infer<typeof CustomFactorSchema>
export type CustomFactorCreate = z.infer<typeof CustomFactorCreateSchema>
export type CustomFactorUpdate = z.infer<typeof CustomFactorUpdateSchema>
export type QuickLogDefaults = z.infer<typeof QuickLogDefaultsSchema>
export type Glance = z.infer<typeof GlanceSchema>
export type CsvExport = z.infer<typeof CsvExportSchema>
export type DateRange = z.infer<typeof DateRangeSchema>

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
