import { z } from 'zod'
import { isoDate } from '../schemas/fields'
import { LabResultSchema } from './experiments'
import { MedicationSchema } from './medications'
import { SIGN_KEYS, type WatchResult } from '../domain/augmentation'
import { EpisodeInputSchema, IrlsInputSchema, IRLS_MESSAGE } from '../schemas/medications'
import type { SameShape } from './same-shape'

/*
 * Daytime episodes, clinician-scored IRLS totals and the augmentation watch.
 * One schema per entity; forms show these messages beside their fields.
 */
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export const FUTURE_EPISODE_MESSAGE = 'That time has not come yet today. Enter a time that has passed.'

export { EpisodeInputSchema, IrlsInputSchema, IRLS_MESSAGE }
export const EpisodeSchema = EpisodeInputSchema.extend({ id })
export const IrlsScoreSchema = IrlsInputSchema.extend({ id })

const PeriodSchema = z.object({
  from: z.string(),
  to: z.string(),
  nightsLogged: z.number().int(),
  onsetNights: z.number().int(),
  medianOnset: z.string().nullable(),
  spreadNights: z.number().int(),
  daytimeDays: z.number().int(),
  medianSeverity: z.number().nullable()
})
const SignSchema = z.object({ key: z.enum(SIGN_KEYS), title: z.string(), detail: z.string(), since: z.string() })
const DoseEventSchema = z.object({ medication: z.string(), date: z.string(), from: z.string(), to: z.string() })

export const WatchResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('not-applicable') }),
  z.object({ status: z.literal('too-thin'), medication: z.string(), recent: PeriodSchema, baseline: PeriodSchema, message: z.string() }),
  z.object({
    status: z.literal('no-signs'),
    medication: z.string(),
    recent: PeriodSchema,
    baseline: PeriodSchema,
    doseEvents: z.array(DoseEventSchema)
  }),
  z.object({
    status: z.literal('signs'),
    medication: z.string(),
    recent: PeriodSchema,
    baseline: PeriodSchema,
    signs: z.array(SignSchema),
    doseEvents: z.array(DoseEventSchema),
    key: z.string()
  })
])

export const AugmentationStatusSchema = z.object({
  watch: WatchResultSchema,
  /** The user set this occurrence aside; it comes back when the signs change. */
  dismissed: z.boolean()
})

export const TimingSchema = z.object({
  from: z.string(),
  to: z.string(),
  weeks: z.array(
    z.object({
      start: z.string(),
      nightsLogged: z.number().int(),
      onsetNights: z.number().int(),
      medianOnset: z.string().nullable(),
      earlyOnset: z.string().nullable(),
      lateOnset: z.string().nullable(),
      medianMinutes: z.number().nullable(),
      earlyMinutes: z.number().nullable(),
      lateMinutes: z.number().nullable(),
      spreadNights: z.number().int()
    })
  ),
  events: z.array(z.object({ date: z.string(), kind: z.enum(['start', 'stop', 'dose']), name: z.string(), text: z.string() })),
  onsetSummary: z.string(),
  areasSummary: z.string(),
  episodes: z.array(EpisodeSchema)
})
export type Timing = z.infer<typeof TimingSchema>

/** The doctor report's clinical part (inside `report.get`): medication history, timing, IRLS totals, iron and the watch. */
export const ClinicalReportSchema = z.object({
  /** Courses that touch the period, with their dated changes and the dose in effect on its last night. */
  medications: z.array(MedicationSchema.extend({ doseAtEnd: z.number().nullable(), activeAtEnd: z.boolean() })),
  timing: TimingSchema,
  /** Clinician-scored IRLS totals up to the end of the period, oldest first. */
  irls: z.array(IrlsScoreSchema),
  /** The latest ferritin and transferrin saturation on or before the period's end. */
  ferritin: LabResultSchema.nullable(),
  tsat: LabResultSchema.nullable(),
  /** The augmentation watch as of today. */
  watch: WatchResultSchema
})
export type ClinicalReport = z.infer<typeof ClinicalReportSchema>

export type EpisodeInput = z.infer<typeof EpisodeInputSchema>
export type Episode = z.infer<typeof EpisodeSchema>
export type IrlsInput = z.infer<typeof IrlsInputSchema>
export type IrlsScore = z.infer<typeof IrlsScoreSchema>
export type AugmentationStatus = z.infer<typeof AugmentationStatusSchema>

// The contract's watch result and the domain's must describe the same shape.
const watchShapesAgree: SameShape<z.infer<typeof WatchResultSchema>, WatchResult> = true
void watchShapesAgree

const range = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'The start date must be on or before the end date.', path: ['from'] })

export const augmentationChannels = {
  'episodes.list': { input: range, output: z.array(EpisodeSchema) },
  'episodes.create': { input: EpisodeInputSchema, output: EpisodeSchema },
  'episodes.delete': { input: z.object({ id }).strict(), output: z.object({ id }) },
  'irls.list': { input: z.undefined(), output: z.array(IrlsScoreSchema) },
  'irls.create': { input: IrlsInputSchema, output: IrlsScoreSchema },
  'irls.delete': { input: z.object({ id }).strict(), output: z.object({ id }) },
  'augmentation.get': { input: z.undefined(), output: AugmentationStatusSchema },
  'timing.get': { input: range, output: TimingSchema },
  'augmentation.dismiss': { input: z.object({ key: z.string().min(1).max(400) }).strict(), output: AugmentationStatusSchema }
} as const
