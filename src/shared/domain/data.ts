/**
 * Pure rules for "Data you own": the export file's identity, which backups to
 * keep, and spreadsheet-safe CSV. No I/O here.
 */
import Papa from 'papaparse'

/** The name written into every JSON export, so another program's JSON is never mistaken for ours. */
export const EXPORT_FORMAT = 'stillwell-export'
/**
 * The export format's own version. Bump it when the file's shape changes (not
 * when a table gains a column: rows carry their column names).
 */
export const EXPORT_FORMAT_VERSION = 1

export type BackupKind = 'daily' | 'manual' | 'safety'

export interface BackupStamp {
  id: string
  kind: BackupKind
  takenAt: Date
}

/** How many automatic daily backups are kept, newest first. */
export const DAILY_KEPT = 7
/** How many months back one daily backup per month is also kept. */
export const MONTHS_KEPT = 12
/** Backups taken before a restore, an import or "delete all": the newest few are enough. */
export const SAFETY_KEPT = 5

/**
 * Which backups to keep. Daily ones: the newest of each of the last 7 days that
 * have one, plus the newest of each of the 12 most recent months that have one.
 * Safety ones (taken by the app before it replaces your data): the newest 5.
 * Ones you asked for ("Back up now") are never removed by the app.
 * Calendar days and months are UTC, so a time-zone change cannot shuffle them.
 */
export function backupsToKeep(backups: readonly BackupStamp[]): Set<string> {
  const keep = new Set<string>()
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime())
  const days = new Set<string>()
  const months = new Set<string>()
  let safety = 0
  for (const backup of newestFirst) {
    if (backup.kind === 'manual') {
      keep.add(backup.id)
    } else if (backup.kind === 'safety') {
      if (safety++ < SAFETY_KEPT) keep.add(backup.id)
    } else {
      const iso = backup.takenAt.toISOString()
      const day = iso.slice(0, 10)
      const month = iso.slice(0, 7)
      if (!days.has(day) && days.size < DAILY_KEPT) {
        days.add(day)
        keep.add(backup.id)
      }
      if (!months.has(month) && months.size < MONTHS_KEPT) {
        months.add(month)
        keep.add(backup.id)
      }
    }
  }
  return keep
}

/** Whether a daily backup is due: none yet, or the newest is from an earlier UTC day. */
export function dailyBackupDue(newestDaily: Date | null, now: Date): boolean {
  if (!newestDaily) return true
  return newestDaily.toISOString().slice(0, 10) < now.toISOString().slice(0, 10)
}

/** A file-name-safe UTC stamp, sortable as text: 20261124T224500Z. */
export function fileStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

export function parseFileStamp(stamp: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp)
  if (!match) return null
  const [, y, mo, d, h, mi, s] = match
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`)
  return Number.isNaN(date.getTime()) ? null : date
}

// Spreadsheets run a cell starting with one of these as a formula (tab and CR: some strip them first).
const FORMULA_START = /^[=+\-@\t\r]/

/** Text a spreadsheet would run as a formula gets a leading apostrophe; everything else is unchanged. */
export function spreadsheetSafe(value: unknown): string | number {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return value
  const text = String(value)
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** One table as CSV: a header row of column names, then one row per record. */
export function tableToCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return Papa.unparse(
    {
      fields: [...columns],
      data: rows.map((row) => columns.map((column) => spreadsheetSafe(row[column])))
    },
    { newline: '\r\n' }
  )
}
