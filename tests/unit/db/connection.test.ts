import Database from 'better-sqlite3'
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  APPLICATION_ID,
  DATABASE_FILE,
  DatabaseFromTheFutureError,
  openDatabase,
  StorageUnavailableError
} from '../../../src/main/db/connection'
import { LATEST_SCHEMA_VERSION } from '../../../src/main/db/migrations'
import { makeTempDir } from '../../support/temp-dir'

let dir: string
let cleanup: () => void
const fixedNow = () => new Date('2026-11-24T07:30:00Z')

beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
})
afterEach(() => cleanup())

describe('openDatabase', () => {
  it('creates a new database with WAL, foreign keys and the latest schema', () => {
    const { db, path, notices } = openDatabase({ dataDir: dir })
    expect(path).toBe(join(dir, DATABASE_FILE))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    expect(notices).toEqual([])
    db.close()
  })

  it('creates a missing data folder', () => {
    const nested = join(dir, 'a', 'b')
    const { db } = openDatabase({ dataDir: nested })
    expect(existsSync(join(nested, DATABASE_FILE))).toBe(true)
    db.close()
  })

  it('keeps what was written across reopening', () => {
    const first = openDatabase({ dataDir: dir })
    first.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', '\"dark\"', 'now')").run()
    first.db.close()
    const second = openDatabase({ dataDir: dir })
    expect(second.db.prepare("SELECT value FROM settings WHERE key = 'theme'").pluck().get()).toBe('"dark"')
    expect(second.notices).toEqual([])
    second.db.close()
  })

  it('moves a file that is not SQLite aside, keeps its bytes, and starts fresh with a notice', () => {
    const path = join(dir, DATABASE_FILE)
    writeFileSync(path, 'these are my notes, not a database')
    const { db, notices } = openDatabase({ dataDir: dir, now: fixedNow })
    expect(notices).toHaveLength(1)
    const moved = notices[0]!.path!
    expect(moved).toBe(`${path}.not-sqlite-20261124T073000`)
    expect(readFileSync(moved, 'utf8')).toBe('these are my notes, not a database')
    expect(notices[0]!.message).toMatch(/moved aside \(not deleted\)/)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    db.close()
  })

  it('moves a damaged database aside with its WAL file', () => {
    const first = openDatabase({ dataDir: dir })
    first.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', '\"dark\"', 'now')").run()
    first.db.pragma('wal_checkpoint(TRUNCATE)')
    first.db.close()
    const path = join(dir, DATABASE_FILE)
    const bytes = readFileSync(path)
    // Keep the header, scramble the pages after it: SQLite still recognises the file but cannot read it.
    for (let i = 100; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff
    writeFileSync(path, bytes)
    writeFileSync(`${path}-wal`, 'leftover')

    const { db, notices } = openDatabase({ dataDir: dir, now: fixedNow })
    expect(notices).toHaveLength(1)
    const moved = notices[0]!.path!
    expect(moved).toMatch(/stillwell\.db\.damaged-20261124T073000$/)
    expect(readFileSync(moved).equals(bytes)).toBe(true)
    expect(readFileSync(`${moved}-wal`, 'utf8')).toBe('leftover')
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0)
    db.close()
  })

  it("moves another program's SQLite file aside instead of adding tables to it", () => {
    const path = join(dir, DATABASE_FILE)
    const other = new Database(path)
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);')
    other.close()

    const { db, notices } = openDatabase({ dataDir: dir, now: fixedNow })
    expect(notices[0]!.path).toMatch(/\.foreign-20261124T073000$/)
    const original = new Database(notices[0]!.path!, { readonly: true })
    expect(original.prepare('SELECT total FROM invoices').pluck().get()).toBe(9.5)
    original.close()
    db.close()
  })

  it('refuses a database from a newer Stillwell and leaves it untouched', () => {
    const first = openDatabase({ dataDir: dir })
    first.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    first.db.pragma('wal_checkpoint(TRUNCATE)')
    first.db.close()
    const before = readFileSync(join(dir, DATABASE_FILE))

    expect(() => openDatabase({ dataDir: dir })).toThrow(DatabaseFromTheFutureError)
    expect(() => openDatabase({ dataDir: dir })).toThrow(/newer version of Stillwell/)
    expect(readFileSync(join(dir, DATABASE_FILE)).equals(before)).toBe(true)
    expect(readdirSync(dir).filter((f) => f.includes('.db.'))).toEqual([])
  })

  it('explains a data folder it cannot write to, without touching anything', () => {
    if (process.getuid?.() === 0) return // root can write anywhere; the permission check is meaningless
    chmodSync(dir, 0o500)
    try {
      expect(() => openDatabase({ dataDir: dir })).toThrow(StorageUnavailableError)
    } finally {
      chmodSync(dir, 0o700)
    }
  })

  it('explains a data folder path that is a file', () => {
    const file = join(dir, 'not-a-folder')
    writeFileSync(file, 'x')
    expect(() => openDatabase({ dataDir: join(file, 'inside') })).toThrow(/cannot open its data folder/)
  })
})
