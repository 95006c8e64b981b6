import { z } from 'zod'
import { isoDate } from '../schemas/fields'

const token = z.string().regex(/^[a-f0-9-]{36}$/, 'That file or import is not known. Choose the file again.')
const column = z.string().min(1).max(200)
const zoneName = z.string().min(1).max(64)

export const IMPORT_FORMATS = ['apple', 'fitbit', 'csv'] as const
/** Largest file the page may hand over (an Apple export of many years). */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3
/** Largest piece of a file per call, base64. */
export const MAX_CHUNK_CHARS = 1_400_000

export const CsvMappingSchema = z
  .object({
    start: column,
    end: column,
    /** A column naming each row's zone; when absent, `zone` (or an offset written in the dates) is used. */
    zoneColumn: column.nullable().optional(),
    zone: zoneName,
    asleepMinutes: column.nullable().optional(),
    awakenings: column.nullable().optional(),
    nap: column.nullable().optional()
  })
  .strict()

const DeviceNightSchema = z.object({
  eveningDate: z.string(),
  zone: z.string(),
  source: z.string(),
  otherSources: z.array(z.string()),
  inBedAt: z.string(),
  fellAsleepAt: z.string().nullable(),
  finalWakeAt: z.string().nullable(),
  outOfBedAt: z.string(),
  inBed: z.string(),
  fellAsleep: z.string().nullable(),
  finalWake: z.string().nullable(),
  outOfBed: z.string(),
  awakenings: z.number().int().nullable(),
  wasoMinutes: z.number().int().nullable(),
  totalSleepMinutes: z.number().int().nullable(),
  timeInBedMinutes: z.number().int(),
  napCount: z.number().int(),
  napMinutes: z.number().int(),
  fragments: z.number().int()
})

const FieldComparisonSchema = z.object({
  field: z.enum(['inBed', 'fellAsleep', 'finalWake', 'outOfBed', 'awakenings', 'wasoMinutes']),
  diary: z.string().nullable(),
  device: z.string().nullable(),
  agrees: z.boolean()
})

export const PREVIEW_STATUSES = ['added', 'fills', 'conflict', 'unchanged'] as const

export const PreviewNightSchema = z.object({
  status: z.enum(PREVIEW_STATUSES),
  device: DeviceNightSchema,
  /** Proposals beside what was typed; null when the night has no diary entry. */
  comparison: z.array(FieldComparisonSchema).nullable(),
  /** Whether the device has enough (fell asleep, final wake) to replace the typed sleep times. */
  canUseDevice: z.boolean()
})

const SkippedSchema = z.object({ reason: z.string(), count: z.number().int() })

export const ImportPreviewSchema = z.object({
  fileName: z.string(),
  format: z.enum(IMPORT_FORMATS),
  nights: z.array(PreviewNightSchema),
  counts: z.object({ added: z.number().int(), fills: z.number().int(), conflict: z.number().int(), unchanged: z.number().int() }),
  skipped: z.array(SkippedSchema),
  notes: z.array(z.string()),
  sources: z.array(z.string())
})

export const ImportProgressSchema = z.object({
  state: z.enum(['reading', 'done', 'failed', 'cancelled']),
  bytesRead: z.number(),
  totalBytes: z.number(),
  message: z.string().nullable(),
  preview: ImportPreviewSchema.nullable()
})

export const ImportSummarySchema = z.object({
  id: z.number().int(),
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string(),
  importedAt: z.string(),
  nightsAdded: z.number().int(),
  diaryNightsChanged: z.number().int(),
  undone: z.boolean()
})

export const SleepComparisonSchema = z.array(
  z.object({
    eveningDate: z.string(),
    diaryMinutes: z.number().nullable(),
    deviceMinutes: z.number().nullable(),
    source: z.string().nullable()
  })
)

export type CsvMapping = z.infer<typeof CsvMappingSchema>
export type DeviceNightOut = z.infer<typeof DeviceNightSchema>
export type PreviewNight = z.infer<typeof PreviewNightSchema>
export type ImportPreview = z.infer<typeof ImportPreviewSchema>
export type ImportProgress = z.infer<typeof ImportProgressSchema>
export type ImportSummary = z.infer<typeof ImportSummarySchema>
export type SleepComparison = z.infer<typeof SleepComparisonSchema>
export type ImportFormatName = (typeof IMPORT_FORMATS)[number]

const FileRefSchema = z.object({ fileId: token, name: z.string(), size: z.number() })

export const sleepImportChannels = {
  'sleepImport.status': {
    input: z.undefined(),
    output: z.object({ canPickFile: z.boolean(), zone: z.string(), imports: z.array(ImportSummarySchema) })
  },
  /** The desktop app's open dialog; the main process keeps the path, the page gets a token. */
  'sleepImport.pickFile': { input: z.object({ format: z.enum(IMPORT_FORMATS) }).strict(), output: z.object({ file: FileRefSchema.nullable() }) },
  /** The page hands over a file it was given (a file input), piece by piece, into a private temporary file. */
  'sleepImport.uploadBegin': {
    input: z.object({ name: z.string().min(1).max(255), size: z.number().int().min(1).max(MAX_UPLOAD_BYTES) }).strict(),
    output: FileRefSchema
  },
  'sleepImport.uploadChunk': {
    input: z.object({ fileId: token, offset: z.number().int().min(0).max(MAX_UPLOAD_BYTES), base64: z.string().max(MAX_CHUNK_CHARS) }).strict(),
    output: z.object({ received: z.number() })
  },
  'sleepImport.csvColumns': {
    input: z.object({ fileId: token }).strict(),
    output: z.object({ headers: z.array(z.string()), sample: z.array(z.record(z.string(), z.string())), remembered: CsvMappingSchema.nullable() })
  },
  'sleepImport.start': {
    input: z.object({ fileId: token, format: z.enum(IMPORT_FORMATS), zone: zoneName, mapping: CsvMappingSchema.optional() }).strict(),
    output: z.object({ jobId: token })
  },
  'sleepImport.progress': { input: z.object({ jobId: token }).strict(), output: ImportProgressSchema },
  'sleepImport.cancel': { input: z.object({ jobId: token }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** Writes the preview; conflicts stay as typed except the nights listed in `useDevice`. */
  'sleepImport.apply': {
    input: z.object({ jobId: token, useDevice: z.array(isoDate).max(20_000) }).strict(),
    output: ImportSummarySchema
  },
  'sleepImport.undo': {
    input: z.object({ importId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict(),
    output: z.object({ undone: z.boolean(), diaryNightsRestored: z.number().int(), diaryNightsKept: z.number().int() })
  },
  'sleepImport.compare': { input: z.object({ from: isoDate, to: isoDate }).strict(), output: SleepComparisonSchema },
  'sleepImport.night': { input: z.object({ eveningDate: isoDate }).strict(), output: DeviceNightSchema.nullable() }
} as const
