import { z } from 'zod'
import { MAX_EXPORT_FILE_BYTES } from '../domain/export-limits'

const TABLE_NAME = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'That is not a table name.')
const BACKUP_ID = z
  .string()
  .max(120)
  .regex(/^stillwell-(daily|manual|safety)-\d{8}T\d{6}Z(-\d+)?\.db$/, 'That is not one of your backups.')

export const BackupInfoSchema = z.object({
  id: BACKUP_ID,
  kind: z.enum(['daily', 'manual', 'safety']),
  takenAt: z.string(),
  bytes: z.number().int().nonnegative()
})

export const DataOverviewSchema = z.object({
  dataDir: z.string(),
  backupsDir: z.string(),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative() })),
  backups: z.array(BackupInfoSchema),
  /** A restore waits for the next start. */
  restorePending: z.boolean(),
  /** Whether the app can restart itself (the desktop app can; the browser harness cannot). */
  canRestart: z.boolean(),
  canOpenFolder: z.boolean()
})

const FileOut = z.object({ fileName: z.string(), content: z.string() })

export const MAX_IMPORT_CHARS = MAX_EXPORT_FILE_BYTES

export const dataChannels = {
  'data.overview': { input: z.undefined(), output: DataOverviewSchema },
  'data.exportJson': { input: z.undefined(), output: FileOut },
  'data.exportCsv': { input: z.object({ table: TABLE_NAME }).strict(), output: FileOut },
  'data.importJson': {
    input: z
      .object({
        content: z.string().min(1, 'Choose an export file.').max(MAX_IMPORT_CHARS, 'That file is too large to be a Stillwell export.')
      })
      .strict(),
    output: z.object({ rows: z.number().int(), tables: z.number().int(), backupId: z.string() })
  },
  'data.backupNow': { input: z.undefined(), output: BackupInfoSchema },
  'data.restore': { input: z.object({ id: BACKUP_ID }).strict(), output: z.object({ backupId: z.string(), canRestart: z.boolean() }) },
  'data.restart': { input: z.undefined(), output: z.object({ restarting: z.boolean() }) },
  'data.deleteAll': {
    input: z
      .object({
        confirm: z.literal('DELETE', { error: 'Type DELETE in capital letters to confirm.' }),
        backupFirst: z.boolean()
      })
      .strict(),
    output: z.object({ backupId: z.string().nullable() })
  },
  'data.openFolder': { input: z.undefined(), output: z.object({ opened: z.boolean(), path: z.string() }) }
} as const

export type BackupInfo = z.infer<typeof BackupInfoSchema>
export type DataOverview = z.infer<typeof DataOverviewSchema>

const CELL = z.union([z.string(), z.number(), z.null()])

/** A JSON export, as read back. Rows are checked against the live schema afterwards. */
export const ExportFileSchema = z
  .object({
    format: z.literal('stillwell-export', { error: 'This is not a Stillwell export file.' }),
    formatVersion: z.number().int().min(1),
    schemaVersion: z.number().int().min(1),
    exportedAt: z.string(),
    app: z.object({ name: z.string(), version: z.string() }).optional(),
    tables: z.record(z.string().max(64), z.array(z.record(z.string().max(64), CELL)))
  })
  .strict()

export type ExportFile = z.infer<typeof ExportFileSchema>
