import { z } from 'zod'
import { isoDate } from '../schemas/fields'
import { ExperimentCreateSchema } from '../schemas/experiments'
import { LabCreateSchema } from '../schemas/labs'
import { ADHERENCE_ANSWERS, OUTCOMES } from '../domain/experiment'
import { ANALYTES, LAB_UNITS } from '../domain/labs'

export * from '../schemas/experiments'
export { LabCreateSchema, type LabCreate } from '../schemas/labs'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

const PeriodSchema = z.object({
  nightsPlanned: z.number().int(),
  nightsSoFar: z.number().int(),
  nightsLogged: z.number().int(),
  nightsUsed: z.number().int(),
  mean: z.number().nullable(),
  sd: z.number().nullable()
})

export const ExperimentResultSchema = z.object({
  outcome: z.enum(OUTCOMES),
  baseline: PeriodSchema,
  trial: PeriodSchema,
  difference: z.number().nullable(),
  effectSize: z.number().nullable(),
  ci: z.object({ low: z.number(), high: z.number() }).nullable(),
  direction: z.enum(['better', 'worse', 'unclear', 'not-enough']),
  adherence: z.object({
    answered: z.number().int(),
    yes: z.number().int(),
    partly: z.number().int(),
    no: z.number().int(),
    rate: z.number().nullable()
  }),
  confounders: z.array(z.object({ label: z.string(), baselineShare: z.number(), trialShare: z.number() })),
  verdict: z.string(),
  caveats: z.array(z.string()),
  complete: z.boolean()
})

export const ExperimentSchema = z.object({
  id,
  change: z.string(),
  notes: z.string(),
  outcome: z.enum(OUTCOMES),
  startDate: z.string(),
  endDate: z.string(),
  baselineNights: z.number().int(),
  trialNights: z.number().int(),
  blockNights: z.number().int().nullable(),
  stoppedOn: z.string().nullable(),
  status: z.enum(['planned', 'running', 'finished', 'stopped']),
  /** The night tonight is, 1-based, while running. */
  dayNumber: z.number().int().nullable(),
  /** Each logged night's outcome value in its period, for the chart. */
  nights: z.array(z.object({ date: z.string(), phase: z.enum(['baseline', 'trial']), value: z.number() })),
  result: ExperimentResultSchema
})

export const ExperimentTodaySchema = z
  .object({
    id,
    change: z.string(),
    /** Tonight's night number (or the last one, the morning after it ends). */
    dayNumber: z.number().int(),
    totalNights: z.number().int(),
    tonightPhase: z.enum(['baseline', 'trial']).nullable(),
    /** The night the morning question is about, when it belongs to the experiment. */
    question: z
      .object({
        eveningDate: z.string(),
        phase: z.enum(['baseline', 'trial']),
        text: z.string(),
        answer: z.enum(ADHERENCE_ANSWERS).nullable()
      })
      .nullable()
  })
  .nullable()

export const LabResultSchema = z.object({
  id,
  takenOn: z.string(),
  analyte: z.enum(ANALYTES),
  value: z.number(),
  enteredValue: z.number(),
  enteredUnit: z.enum(LAB_UNITS),
  note: z.string(),
  /** Blood taken in the morning; iron supplements paused for 24 h before (null: not recorded). */
  morningDraw: z.boolean().nullable(),
  ironPaused: z.boolean().nullable(),
  /** "Worth discussing with your doctor" when the 2024 guideline threshold is met. */
  guidance: z.string().nullable()
})

export type Experiment = z.infer<typeof ExperimentSchema>
export type ExperimentResultData = z.infer<typeof ExperimentResultSchema>
export type ExperimentToday = z.infer<typeof ExperimentTodaySchema>
export type LabResult = z.infer<typeof LabResultSchema>

export const experimentsChannels = {
  'experiments.list': { input: z.undefined(), output: z.array(ExperimentSchema) },
  'experiments.create': { input: ExperimentCreateSchema, output: ExperimentSchema },
  'experiments.stop': { input: z.object({ id }).strict(), output: ExperimentSchema },
  'experiments.delete': { input: z.object({ id }).strict(), output: z.object({ id }) },
  'experiments.today': { input: z.undefined(), output: ExperimentTodaySchema },
  'experiments.checkin': {
    input: z.object({ id, eveningDate: isoDate, answer: z.enum(ADHERENCE_ANSWERS, { error: 'Choose yes, partly or no.' }) }).strict(),
    output: ExperimentTodaySchema
  },
  'labs.list': { input: z.undefined(), output: z.array(LabResultSchema) },
  'labs.create': { input: LabCreateSchema, output: LabResultSchema },
  'labs.delete': { input: z.object({ id }).strict(), output: z.object({ id }) }
} as const
