// Over 400 lines: export, import, backups, restore and delete-all share the user-table discovery and the one transaction rule.
import type { Database } from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, ExportFileSchema, type BackupInfo, type DataOverview, type ExportFile } from '../../shared/contract'
import {
  backupsToKeep,
  dailyBackupDue,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  fileStamp,
  parseFileStamp,
  tableToCsv,
  type BackupKind
} from '../../shared/domain/data'
import { checkBackupFile, STAGED_RESTORE_FILE } from '../db/connection'
import {
  countRows,
  deleteUserRows,
  discoverUserTables,
  insertRows,
  readRows,
  reindexArticles,
  type Row,
  type UserTable,
  userTableNamesAt
} from '../db/user-tables'
import type { Clock, Timers } from './ports'

/** What the shell can do for this service; the harness has neither. */
export interface DataShell {
  /** Opens a folder in the system's file manager. */
  openFolder?: (path: string) => Promise<boolean>
  /** Quits and starts the app again (to finish a restore). */
  restart?: () => void
}

export interface DataServiceDeps {
  db: Database
  dataDir: string
  schemaVersion: number
  appVersion: string
  clock: Clock
  timers: Timers
  shell?: DataShell
  /**
   * Runs in the import's transaction once its rows are in: recounts what
   * triggers derive (how often each food is planned) and checks what foreign
   * keys cannot (plans naming foods of the shipped catalogue). A problem, or null.
   */
  settleImported?: () => string | null
  /** Told after the user's data was replaced, so services holding state can pick up the new rows. */
  afterReplace?: () => void
  log?: (message: string, error?: unknown) => void
}

export interface DataService {
  overview(): DataOverview
  exportJson(): { fileName: string; content: string }
  exportCsv(table: string): { fileName: string; content: string }
  importJson(content: string): Promise<{ rows: number; tables: number; backupId: string }>
  backupNow(): Promise<BackupInfo>
  restore(id: string): Promise<{ backupId: string; canRestart: boolean }>
  restart(): { restarting: boolean }
  deleteAll(backupFirst: boolean): Promise<{ backupId: string | null }>
  openFolder(): Promise<{ opened: boolean; path: string }>
  /** Takes today's automatic backup if it is due, then checks again every hour while running. */
  startDailyBackups(): void
  stopDailyBackups(): void
  /** One check of the daily schedule (what the timer runs); resolves once any backup is written. */
  dailyCheck(): Promise<BackupInfo | null>
  /**
   * For closing the database: stops the schedule and refuses new backups, and
   * returns a promise that settles once every backup being written has finished
   * (or failed, its partial file removed); null when none is being written, so
   * the caller may close at once.
   */
  finishBackups(): Promise<void> | null
}

const BACKUP_NAME = /^stillwell-(daily|manual|safety)-(\d{8}T\d{6}Z)(?:-\d+)?\.db$/
const HOUR_MS = 60 * 60 * 1000

/**
 * "Data you own": export and import, backups and restore, delete all.
 *
 * Import rule: an import REPLACES all your data with the file's, after a
 * backup of what was there. Nothing is merged, so the result is exactly the
 * file's content, and the backup undoes it.
 *
 * Restore: the chosen backup is checked, the current database is backed up,
 * and the backup is staged beside the database; the swap happens at the next
 * start (connection.ts), before any connection is open. Services keep prepared
 * statements on the open handle, so swapping the file underneath them while
 * running would be unsafe; a restart is the one simple, correct moment.
 */
export function createDataService(deps: DataServiceDeps): DataService {
  const { db, dataDir, clock } = deps
  const backupsDir = join(dataDir, 'backups')
  const staged = join(dataDir, STAGED_RESTORE_FILE)
  let timer: unknown = null
  let running = false
  let inFlight: Promise<BackupInfo | null> | null = null
  /** Backups being written right now: the database must stay open until they settle. */
  const writing = new Set<Promise<unknown>>()
  let closing = false

  const tables = (): UserTable[] => discoverUserTables(db)

  function listBackups(): BackupInfo[] {
    if (!existsSync(backupsDir)) return []
    const found: BackupInfo[] = []
    for (const name of readdirSync(backupsDir)) {
      const match = BACKUP_NAME.exec(name)
      const takenAt = match ? parseFileStamp(match[2]!) : null
      if (!match || !takenAt) continue
      found.push({ id: name, kind: match[1] as BackupKind, takenAt: takenAt.toISOString(), bytes: statSync(join(backupsDir, name)).size })
    }
    return found.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.id < b.id ? 1 : -1))
  }

  function prune(): void {
    const all = listBackups()
    const keep = backupsToKeep(all.map((b) => ({ id: b.id, kind: b.kind, takenAt: new Date(b.takenAt) })))
    for (const backup of all) {
      if (keep.has(backup.id)) continue
      try {
        unlinkSync(join(backupsDir, backup.id))
      } catch (error) {
        deps.log?.(`Could not remove the old backup ${backup.id}`, error)
      }
    }
  }

  /** SQLite's online backup: a consistent copy while the app keeps running; written beside, then renamed. */
  function backup(kind: BackupKind): Promise<BackupInfo> {
    if (closing) return Promise.reject(new AppError('conflict', 'Stillwell is closing, so no backup was started. Nothing was changed.'))
    const written = writeBackup(kind)
    const settled = written.then(
      () => undefined,
      () => undefined
    )
    writing.add(settled)
    void settled.finally(() => writing.delete(settled))
    return written
  }

  async function writeBackup(kind: BackupKind): Promise<BackupInfo> {
    let partial: string | null = null
    try {
      mkdirSync(backupsDir, { recursive: true })
      const base = `stillwell-${kind}-${fileStamp(clock.now())}`
      let name = `${base}.db`
      for (let n = 2; existsSync(join(backupsDir, name)); n++) name = `${base}-${n}.db`
      partial = join(backupsDir, `${name}.partial`)
      await db.backup(partial)
      renameSync(partial, join(backupsDir, name))
      prune()
      const info = listBackups().find((b) => b.id === name)
      if (!info) throw new Error('the backup file disappeared')
      return info
    } catch (error) {
      // A half-written copy is no backup: leave nothing behind that looks like one.
      if (partial !== null && existsSync(partial)) {
        try {
          unlinkSync(partial)
        } catch (removal) {
          deps.log?.(`Could not remove the unfinished backup ${partial}`, removal)
        }
      }
      if (error instanceof AppError) throw error
      deps.log?.('A backup could not be written', error)
      throw new AppError(
        'conflict',
        `The backup could not be written (${error instanceof Error ? error.message : String(error)}). Check that the disk is not full. Nothing was changed.`
      )
    }
  }

  function exportFile(): ExportFile {
    const out: ExportFile['tables'] = {}
    // Alphabetical in the file, so it reads and diffs well.
    for (const table of [...tables()].sort((a, b) => a.name.localeCompare(b.name))) out[table.name] = readRows(db, table)
    return {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      schemaVersion: deps.schemaVersion,
      exportedAt: clock.now().toISOString(),
      app: { name: 'Stillwell', version: deps.appVersion },
      tables: out
    }
  }

  /** Checks the whole file before anything is written; returns the rows per live table. */
  function validate(content: string): { table: UserTable; rows: Row[] }[] {
    let raw: unknown
    try {
      raw = JSON.parse(content)
    } catch {
      throw new AppError('invalid-input', 'That file is not a Stillwell export (it is not valid JSON). Nothing was changed.')
    }
    const head = raw as { format?: unknown; formatVersion?: unknown; schemaVersion?: unknown } | null
    if (head && typeof head === 'object' && head.format === EXPORT_FORMAT) {
      if (typeof head.formatVersion === 'number' && head.formatVersion > EXPORT_FORMAT_VERSION) {
        throw new AppError(
          'invalid-input',
          'That export was made by a newer version of Stillwell. Install the newer version to import it. Nothing was changed.'
        )
      }
      if (typeof head.schemaVersion === 'number' && head.schemaVersion > deps.schemaVersion) {
        throw new AppError(
          'invalid-input',
          `That export holds data from a newer version of Stillwell (data format ${head.schemaVersion}; this version understands up to ${deps.schemaVersion}). Install the newer version to import it. Nothing was changed.`
        )
      }
    }
    const parsed = ExportFileSchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join(' › ')})` : ''
      throw new AppError(
        'invalid-input',
        `That file is not a valid Stillwell export: ${issue?.message ?? 'unknown problem'}${where}. Nothing was changed.`
      )
    }
    // Keys are read from the file as written: the schema's records silently drop some ("__proto__"), and a
    // dropped table or column must be named, not ignored.
    const rawTables = (raw as { tables: Record<string, unknown[]> }).tables
    const missing = userTableNamesAt(parsed.data.schemaVersion).filter((name) => !Object.prototype.hasOwnProperty.call(rawTables, name))
    if (missing.length > 0) {
      const shown = missing.slice(0, 5).map((name) => `"${name}"`).join(', ')
      const more = missing.length > 5 ? ` and ${missing.length - 5} more` : ''
      throw new AppError(
        'invalid-input',
        `That file is not a complete Stillwell export: every export lists each table, and this one has no ${shown}${more}. Nothing was changed.`
      )
    }
    const live = new Map(tables().map((t) => [t.name, t]))
    const problems: string[] = []
    for (const name of Object.keys(rawTables)) {
      if (!live.has(name)) problems.push(`the table "${name}" is not part of this version of Stillwell`)
    }
    const result: { table: UserTable; rows: Row[] }[] = []
    for (const table of live.values()) {
      const rows = parsed.data.tables[table.name] ?? []
      const rawRows = Object.prototype.hasOwnProperty.call(rawTables, table.name) ? (rawTables[table.name] as Record<string, unknown>[]) : []
      const known = new Set(table.columns)
      rawRows.forEach((row, index) => {
        const unknown = Object.keys(row).filter((c) => !known.has(c))
        if (unknown.length > 0) problems.push(`${table.name}, row ${index + 1}: unknown column ${unknown.map((c) => `"${c}"`).join(', ')}`)
      })
      result.push({ table, rows })
    }
    if (problems.length > 0) {
      const shown = problems.slice(0, 5).join('; ')
      const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''
      throw new AppError('invalid-input', `That export does not fit this version of Stillwell: ${shown}${more}. Nothing was changed.`)
    }
    return result
  }

  function replaceAll(incoming: { table: UserTable; rows: Row[] }[]): void {
    // Foreign keys are checked at the end, so the rows can go in children first: triggers on a
    // child (a plan item counting a food's uses) then find no parent yet and leave the parent's
    // stored values exactly as exported.
    db.transaction(() => {
      // Foreign keys are checked at the end (this pragma lasts until the transaction ends), so
      // the rows can go in children first: a trigger on a child (a plan item counting a food's
      // uses) then finds no parent yet and leaves the parent's stored values exactly as exported.
      db.pragma('defer_foreign_keys = ON')
      deleteUserRows(
        db,
        incoming.map((i) => i.table)
      )
      for (const { table, rows } of incoming) {
        insertRows(db, table, rows, (index, error) => {
          throw new AppError(
            'invalid-input',
            `That export has a row Stillwell cannot accept (${table.name}, row ${index + 1}: ${sqliteReason(error)}). Nothing was changed.`
          )
        })
      }
      const broken = db.prepare<[], { table: string; parent: string }>('PRAGMA foreign_key_check').all()
      if (broken.length > 0) {
        const first = broken[0]!
        throw new AppError(
          'invalid-input',
          `That export has ${broken.length} row${broken.length === 1 ? '' : 's'} pointing at something missing (first in ${first.table}, which refers to ${first.parent}). Nothing was changed.`
        )
      }
      const unchecked = deps.settleImported?.() ?? null
      if (unchecked !== null) throw new AppError('invalid-input', `That export ${unchecked}. Nothing was changed.`)
      reindexArticles(db)
    }).immediate()
  }

  async function dailyCheck(): Promise<BackupInfo | null> {
    if (inFlight) return inFlight
    inFlight = (async () => {
      const newest = listBackups().find((b) => b.kind === 'daily')
      if (!dailyBackupDue(newest ? new Date(newest.takenAt) : null, clock.now())) return null
      return backup('daily')
    })()
    try {
      return await inFlight
    } catch (error) {
      deps.log?.('The daily backup could not be written', error)
      return null
    } finally {
      inFlight = null
    }
  }

  function schedule(): void {
    if (!running) return
    timer = deps.timers.setTimeout(() => {
      void dailyCheck().finally(schedule)
    }, HOUR_MS)
  }

  return {
    overview() {
      return {
        dataDir,
        backupsDir,
        tables: tables()
          .map((t) => ({ name: t.name, rows: countRows(db, t) }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        backups: listBackups(),
        restorePending: existsSync(staged),
        canRestart: Boolean(deps.shell?.restart),
        canOpenFolder: Boolean(deps.shell?.openFolder)
      }
    },

    exportJson() {
      const file = exportFile()
      return { fileName: `stillwell-export-${file.exportedAt.slice(0, 10)}.json`, content: `${JSON.stringify(file, null, 2)}\n` }
    },

    exportCsv(name) {
      const table = tables().find((t) => t.name === name)
      if (!table) throw new AppError('not-found', 'There is no such table to export.')
      const day = clock.now().toISOString().slice(0, 10)
      return { fileName: `stillwell-${table.name}-${day}.csv`, content: `${tableToCsv(table.columns, readRows(db, table))}\r\n` }
    },

    async importJson(content) {
      const incoming = validate(content)
      const safety = await backup('safety')
      replaceAll(incoming)
      deps.afterReplace?.()
      return {
        rows: incoming.reduce((n, i) => n + i.rows.length, 0),
        tables: incoming.filter((i) => i.rows.length > 0).length,
        backupId: safety.id
      }
    },

    backupNow: () => backup('manual'),

    async restore(id) {
      const chosen = join(backupsDir, id)
      if (!BACKUP_NAME.test(id) || !existsSync(chosen)) throw new AppError('not-found', 'That backup is no longer there.')
      const check = checkBackupFile(chosen)
      if (!check.ok) throw new AppError('invalid-input', `${check.message} Nothing was changed.`)
      const safety = await backup('safety')
      const partial = `${staged}.partial`
      copyFileSync(chosen, partial)
      renameSync(partial, staged)
      return { backupId: safety.id, canRestart: Boolean(deps.shell?.restart) }
    },

    restart() {
      if (!deps.shell?.restart) return { restarting: false }
      deps.shell.restart()
      return { restarting: true }
    },

    async deleteAll(backupFirst) {
      const safety = backupFirst ? await backup('safety') : null
      db.transaction(() => {
        deleteUserRows(db, tables())
        reindexArticles(db)
      }).immediate()
      deps.afterReplace?.()
      return { backupId: safety?.id ?? null }
    },

    async openFolder() {
      if (!deps.shell?.openFolder) return { opened: false, path: dataDir }
      return { opened: await deps.shell.openFolder(dataDir), path: dataDir }
    },

    startDailyBackups() {
      if (running) return
      running = true
      void dailyCheck().finally(schedule)
    },

    stopDailyBackups() {
      running = false
      if (timer !== null) deps.timers.clearTimeout(timer)
      timer = null
    },

    dailyCheck,

    finishBackups() {
      closing = true
      running = false
      if (timer !== null) deps.timers.clearTimeout(timer)
      timer = null
      if (writing.size === 0) return null
      return Promise.all(writing).then(() => undefined)
    }
  }
}

function sqliteReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/^SqliteError:\s*/, '')
}
