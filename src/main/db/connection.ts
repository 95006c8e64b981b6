import Database from 'better-sqlite3'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import type { StartupNotice } from '../../shared/contract'
import { DatabaseFromTheFutureError, migrate } from './migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations'

export const DATABASE_FILE = 'stillwell.db'

/** A backup chosen for restore waits here until the next start, when no connection is open on the database. */
export const STAGED_RESTORE_FILE = 'stillwell.db.restore'

/**
 * When the last full page-by-page check of the database passed (an ISO time,
 * beside the database). A full check reads every page, so it grows with
 * history (about 30 ms for ten years on a slow machine); it runs at start
 * only when it can matter most or is due: after a session that did not end
 * cleanly (its WAL file is left with frames in it), after a restore, when
 * this stamp is missing, unreadable, in the future or older than a week.
 * Every other start checks what a damaged or cut-short file shows at once
 * (the header, the schema, the length the header promises), and SQLite
 * reports a damaged page whenever it is read.
 */
export const CHECKED_FILE = 'stillwell.checked'
const FULL_CHECK_EVERY_MS = 7 * 24 * 60 * 60 * 1000

/** Written to `PRAGMA application_id` so another program's SQLite file is never mistaken for ours ("STIL"). */
export const APPLICATION_ID = 0x5354494c

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

export class StorageUnavailableError extends Error {
  constructor(
    readonly dataDir: string,
    cause: unknown
  ) {
    super(
      `Stillwell cannot open its data folder (${dataDir}): ${describe(cause)}. ` +
        'Check that the folder exists, that you may write to it, and that the disk is not full. Nothing was changed.'
    )
    this.name = 'StorageUnavailableError'
  }
}

export { DatabaseFromTheFutureError }

export interface OpenedDatabase {
  db: Database.Database
  path: string
  schemaVersion: number
  /** What the user must be told, e.g. that a damaged file was moved aside. */
  notices: StartupNotice[]
}

export interface OpenOptions {
  dataDir: string
  /** Injected so tests can name moved-aside files deterministically. */
  now?: () => Date
  /** Path to a better-sqlite3 binary built for this runtime (Electron uses its own build). */
  nativeBinding?: string
}

type Verdict = { kind: 'ok' } | { kind: 'move-aside'; reason: 'not-sqlite' | 'damaged' | 'foreign' }

/**
 * Opens (or creates) the one Stillwell database in `dataDir`.
 *
 * A file that is not SQLite, fails `quick_check`, or belongs to another
 * program is renamed beside itself (never deleted) and a fresh database is
 * started, with a notice saying where the old file went. A database written by
 * a newer Stillwell is refused untouched (DatabaseFromTheFutureError).
 */
export function openDatabase(options: OpenOptions): OpenedDatabase {
  const { dataDir } = options
  const now = options.now ?? (() => new Date())
  try {
    mkdirSync(dataDir, { recursive: true })
  } catch (error) {
    throw new StorageUnavailableError(dataDir, error)
  }
  const path = join(dataDir, DATABASE_FILE)
  const notices: StartupNotice[] = []

  const staged = join(dataDir, STAGED_RESTORE_FILE)
  const checked = join(dataDir, CHECKED_FILE)
  if (existsSync(staged)) {
    notices.push(swapInStagedRestore(staged, path, options))
    rmSync(checked, { force: true })
  }
  const thorough = fullCheckDue(path, checked, now())

  if (existsSync(path) && !hasSqliteHeader(path)) {
    notices.push(moveAside(path, 'not-sqlite', now()))
  }

  if (existsSync(path)) {
    // Inspect through a read-only connection: closing it can never checkpoint
    // or remove a WAL file that still belongs to the file being judged.
    const probe = connect(path, options, true)
    let verdict: Verdict
    try {
      verdict = inspect(probe, thorough ? 'full' : { path })
    } finally {
      probe.close()
    }
    if (verdict.kind === 'move-aside') notices.push(moveAside(path, verdict.reason, now()))
  }

  const db = connect(path, options)

  try {
    configure(db)
    migrate(db, MIGRATIONS)
    // Written once: setting it on every start would be a durable write (an fsync) for nothing.
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`)
  } catch (error) {
    db.close()
    if (error instanceof DatabaseFromTheFutureError) throw error
    throw new StorageUnavailableError(dataDir, error)
  }
  if (thorough) {
    try {
      writeFileSync(checked, `${now().toISOString()}\n`)
    } catch {
      // Only means the next start checks fully again.
    }
  }
  return { db, path, schemaVersion: LATEST_SCHEMA_VERSION, notices }
}

export type BackupCheck = { ok: true; schemaVersion: number } | { ok: false; message: string }

/**
 * Whether a file can be restored: a Stillwell database (its application id)
 * that is not damaged and that this version understands. Reads only.
 */
export function checkBackupFile(path: string, nativeBinding?: string): BackupCheck {
  const refuse = (message: string): BackupCheck => ({ ok: false, message })
  try {
    if (!existsSync(path) || statSync(path).size === 0 || !hasSqliteHeader(path)) return refuse('That file is not a Stillwell backup.')
  } catch {
    return refuse('That backup could not be read.')
  }
  let probe: Database.Database
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  } catch {
    return refuse('That backup could not be opened.')
  }
  try {
    const appId = probe.pragma('application_id', { simple: true }) as number
    const version = probe.pragma('user_version', { simple: true }) as number
    if (appId !== APPLICATION_ID || version < 1) return refuse('That file is not a Stillwell backup.')
    if (version > LATEST_SCHEMA_VERSION) {
      return refuse(
        `That backup was made by a newer version of Stillwell (data format ${version}; this version understands up to ${LATEST_SCHEMA_VERSION}). Install the newer version to restore it.`
      )
    }
    if (inspect(probe).kind !== 'ok') return refuse('That backup is damaged, so it cannot be restored.')
    return { ok: true, schemaVersion: version }
  } catch {
    return refuse('That backup is damaged, so it cannot be restored.')
  } finally {
    probe.close()
  }
}

/**
 * Puts a staged backup in place of the database before anything opens it.
 * The current file was backed up when the restore was chosen. Its WAL and
 * shared-memory files go first: left beside the restored file, SQLite would
 * replay the old database's changes into it.
 */
function swapInStagedRestore(staged: string, path: string, options: OpenOptions): StartupNotice {
  const check = checkBackupFile(staged, options.nativeBinding)
  if (!check.ok) {
    const aside = `${staged}.refused`
    renameSync(staged, aside)
    return {
      id: 'restore-refused',
      level: 'warning',
      title: 'The backup was not restored',
      message: `${check.message} Your data was left as it was. The file is kept here:`,
      path: aside
    }
  }
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(path + suffix)) unlinkSync(path + suffix)
  }
  renameSync(staged, path)
  return {
    id: 'restore-done',
    level: 'info',
    title: 'Your backup was restored',
    message: 'Stillwell now shows the data from the backup you chose. What was there before was backed up first.'
  }
}

function connect(path: string, options: OpenOptions, readonly = false): Database.Database {
  try {
    return new Database(path, {
      readonly,
      fileMustExist: readonly,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    })
  } catch (error) {
    throw new StorageUnavailableError(options.dataDir, error)
  }
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL')
  // FULL: an entry the app reported as saved survives a power cut, not only a crash.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
}

/** Whether this start should read every page (see CHECKED_FILE). */
function fullCheckDue(path: string, checked: string, now: Date): boolean {
  const wal = `${path}-wal`
  if (existsSync(wal) && statSync(wal).size > 0) return true
  try {
    const last = Date.parse(readFileSync(checked, 'utf8').trim())
    const age = now.getTime() - last
    return !(Number.isFinite(last) && age >= 0 && age < FULL_CHECK_EVERY_MS)
  } catch {
    return true
  }
}

/**
 * Decides whether the file can be used as it is. Reads only: nothing is
 * written here. `full` reads every page (quick_check); otherwise the header,
 * the schema and, when no WAL holds newer pages, that the file is as long as
 * its header says.
 */
function inspect(db: Database.Database, depth: 'full' | { path: string } = 'full'): Verdict {
  try {
    const appId = db.pragma('application_id', { simple: true }) as number
    const version = db.pragma('user_version', { simple: true }) as number
    const objects = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number }).n
    if (appId !== APPLICATION_ID && appId !== 0) return { kind: 'move-aside', reason: 'foreign' }
    if (appId === 0 && (objects > 0 || version > 0)) return { kind: 'move-aside', reason: 'foreign' }
    if (depth === 'full') {
      const check = db.pragma('quick_check', { simple: true })
      if (check !== 'ok') return { kind: 'move-aside', reason: 'damaged' }
      return { kind: 'ok' }
    }
    const wal = `${depth.path}-wal`
    if (!(existsSync(wal) && statSync(wal).size > 0)) {
      const pages = db.pragma('page_count', { simple: true }) as number
      const pageSize = db.pragma('page_size', { simple: true }) as number
      if (statSync(depth.path).size < pages * pageSize) return { kind: 'move-aside', reason: 'damaged' }
    }
    return { kind: 'ok' }
  } catch (error) {
    if (isCorruption(error)) return { kind: 'move-aside', reason: 'damaged' }
    throw error
  }
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))
}

function hasSqliteHeader(path: string): boolean {
  if (statSync(path).size === 0) return true // SQLite treats an empty file as a new database.
  const header = Buffer.alloc(SQLITE_HEADER.length)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, header, 0, header.length, 0)
  } finally {
    closeSync(fd)
  }
  return header.equals(SQLITE_HEADER)
}

const REASONS = {
  'not-sqlite': 'was not a database file',
  damaged: 'was damaged',
  foreign: 'belongs to another program'
} as const

function moveAside(path: string, reason: keyof typeof REASONS, at: Date): StartupNotice {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
  let target = `${path}.${reason}-${stamp}`
  for (let n = 2; existsSync(target); n++) target = `${path}.${reason}-${stamp}-${n}`
  renameSync(path, target)
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix)
  }
  return {
    id: `database-moved-aside:${stamp}`,
    level: 'warning',
    title: 'Your data file could not be opened',
    message:
      `The file Stillwell keeps your journal in ${REASONS[reason]}, so it was moved aside (not deleted) and a new, empty one was started. ` +
      'If you have a backup, you can restore it. The old file is kept here:',
    path: target
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
