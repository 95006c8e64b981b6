import { z } from 'zod'
import { isoDate } from '../schemas/fields'
import { RANGE_KINDS } from '../domain/insights-range'

const series = z.array(z.number().nullable())

export const InsightsQuerySchema = z
  .object({
    /**
     * Left out: the smallest of 2 weeks, 3 months and 1 year that holds every
     * logged night (All when none does), so a few nights fill the charts.
     */
    range: z.enum(RANGE_KINDS).optional(),
    /** Only for the custom range. */
    from: isoDate.optional(),
    to: isoDate.optional()
  })
  .strict()

const ComparisonSchema = z.object({
  enough: z.boolean(),
  nWith: z.number().int(),
  nWithout: z.number().int(),
  minEach: z.number().int(),
  meanWith: z.number().optional(),
  meanWithout: z.number().optional(),
  difference: z.number().optional(),
  /** Welch 95 % interval for the difference (with − without). */
  interval: z.object({ low: z.number(), high: z.number() }).optional()
})

export const InsightsSchema = z.object({
  /** The range shown: the one asked for, or the one chosen from the data when none was. */
  range: z.enum(RANGE_KINDS),
  from: z.string(),
  to: z.string(),
  bucket: z.enum(['night', 'week', 'month']),
  nightsInRange: z.number().int(),
  nightsLogged: z.number().int(),
  /** The first night ever logged, for the custom range's date pickers. */
  firstDate: z.string().nullable(),
  labels: z.array(z.string()),
  severity: z.object({ mean: series, n: z.array(z.number().int()), rolling: series.nullable() }),
  sleep: z.object({ totalSleepHours: series, efficiency: series }),
  magnesium: z.object({
    supplementMg: series,
    /** Planned food magnesium, once a meal planner provides it; null until then. */
    foodMg: series.nullable(),
    targetMg: z.number(),
    targetBasis: z.string(),
    targetSource: z.string(),
    upperLimitMg: z.number(),
    nightsAboveUpperLimit: z.number().int()
  }),
  factors: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      custom: z.boolean(),
      archived: z.boolean(),
      severity: ComparisonSchema,
      efficiency: ComparisonSchema,
      sentence: z.string(),
      direction: z.string().nullable(),
      efficiencySentence: z.string()
    })
  ),
  heatmap: z.object({
    unit: z.enum(['night', 'month']),
    cells: z.array(z.object({ date: z.string(), value: z.number().nullable(), n: z.number().int() }))
  }),
  summary: z.object({
    severityMean: z.number().nullable(),
    totalSleepMean: z.number().nullable(),
    efficiencyMean: z.number().nullable(),
    worst: z.object({ date: z.string(), severity: z.number() }).nullable(),
    best: z.object({ date: z.string(), severity: z.number() }).nullable()
  })
})

export type InsightsQuery = z.infer<typeof InsightsQuerySchema>
export type InsightsData = z.infer<typeof InsightsSchema>

export const insightsChannels = {
  'insights.get': { input: InsightsQuerySchema, output: InsightsSchema }
} as const
