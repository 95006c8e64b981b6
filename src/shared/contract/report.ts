import { z } from 'zod'
import { isoDate } from '../schemas/fields'
import { ClinicalReportSchema } from './augmentation'
import { ExperimentSchema, LabResultSchema } from './experiments'

const nullableNumber = z.number().nullable()

export const ReportQuerySchema = z.object({ from: isoDate, to: isoDate }).strict()

/**
 * Imported device nights in the period, summed up in SQL (one device night per
 * evening: the one the sleep comparison shows), kept apart from the diary's figures.
 */
export const DeviceSleepSchema = z.object({
  /** Evenings with a device's total sleep. */
  nights: z.number().int(),
  /** The devices or apps those nights came from, in order of their first night. */
  sources: z.array(z.string()),
  meanMinutes: nullableNumber,
  /** Of those evenings, the ones the diary also has, with both means over just them. */
  bothNights: z.number().int(),
  bothDiaryMeanMinutes: nullableNumber,
  bothDeviceMeanMinutes: nullableNumber
})

export const ReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  generatedOn: z.string(),
  name: z.string(),
  nightsInRange: z.number().int(),
  nightsLogged: z.number().int(),
  weeks: z.array(
    z.object({
      start: z.string(),
      nightsLogged: z.number().int(),
      nightsWithSymptoms: z.number().int(),
      meanSeverity: nullableNumber,
      meanEfficiency: nullableNumber
    })
  ),
  severity: z.object({
    mean: nullableNumber,
    /** Least-squares change in severity per 30 nights; null below 14 logged nights. */
    trendPer30: nullableNumber,
    trendText: z.string(),
    nightsWithSymptoms: z.number().int()
  }),
  sleep: z.object({
    totalSleepHours: nullableNumber,
    efficiency: nullableNumber,
    latencyMinutes: nullableNumber,
    wasoMinutes: nullableNumber,
    quality: nullableNumber
  }),
  factors: z.array(z.object({ title: z.string(), sentence: z.string(), enough: z.boolean() })),
  supplements: z.array(z.object({ name: z.string(), nights: z.number().int(), dose: z.string() })),
  medications: z.array(z.object({ name: z.string(), nights: z.number().int(), firstNight: z.string(), lastNight: z.string() })),
  intake: z.object({
    daysWithPlan: z.number().int(),
    magnesiumFoodMg: nullableNumber,
    magnesiumSupplementMg: nullableNumber,
    magnesiumTargetMg: z.number(),
    daysMagnesiumOnTarget: z.number().int(),
    ironSupplementMg: nullableNumber,
    ironTargetMg: z.number()
  }),
  labs: z.array(LabResultSchema),
  /** For each test with no result in the period, its latest earlier result (context for the doctor). */
  earlierLabs: z.array(LabResultSchema),
  experiments: z.array(ExperimentSchema),
  /** Medication history, symptom timing, IRLS totals, latest iron tests and the augmentation watch. */
  clinical: ClinicalReportSchema,
  deviceSleep: DeviceSleepSchema
})

export type ReportQuery = z.infer<typeof ReportQuerySchema>
export type Report = z.infer<typeof ReportSchema>
export type DeviceSleep = z.infer<typeof DeviceSleepSchema>

export const reportChannels = {
  /** Everything the report shows, in one answer (one round trip, one reading of the period's nights). */
  'report.get': { input: ReportQuerySchema, output: ReportSchema },
  /**
   * Saves the report page as a PDF. The desktop app asks where (a save dialog)
   * and prints the window; the browser harness answers `{ saved: false }` with
   * a hint to use the browser's own Print → Save as PDF.
   */
  'report.savePdf': {
    input: z.object({ fileName: z.string().regex(/^[\w .-]{1,80}\.pdf$/, 'Choose a file name ending in .pdf.') }).strict(),
    output: z.object({ saved: z.boolean(), path: z.string().nullable(), message: z.string() })
  }
} as const
