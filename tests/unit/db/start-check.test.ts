import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHECKED_FILE, DATABASE_FILE, openDatabase } from '../../../src/main/db/connection'
import { makeTempDir } from '../../support/temp-dir'

/**
 * A full page-by-page check grows with history, so a start runs it only when
 * it is due (see CHECKED_FILE); damage that shows at once is caught on every start.
 */
const NOW = new Date('2026-11-24T07:30:00Z')
const DAY = 24 * 60 * 60 * 1000

let temp: ReturnType<typeof makeTempDir>
let path: string

/** A database with enough pages that its last ones hold only settings rows, closed cleanly. */
function freshDatabase(): void {
  temp = makeTempDir()
  path = join(temp.dir, DATABASE_FILE)
  const { db } = openDatabase({ dataDir: temp.dir, now: () => NOW })
  const insert = db.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 'now')")
  db.transaction(() => {
    for (let i = 0; i < 400; i++) insert.run(`filler-${i}`, JSON.stringify('x'.repeat(400)))
  })()
  db.close()
}
beforeEach(freshDatabase)
afterEach(() => temp.cleanup())

/** Scrambles the last pages of the file: the header and the schema stay readable. */
function damageLastPages(): Buffer {
  const bytes = readFileSync(path)
  for (let i = bytes.length - 3 * 4096; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff
  writeFileSync(path, bytes)
  return bytes
}

const stampAt = (date: Date) => writeFileSync(join(temp.dir, CHECKED_FILE), `${date.toISOString()}\n`)

describe('the check at start-up', () => {
  it('records when a full check passed', () => {
    expect(Date.parse(readFileSync(join(temp.dir, CHECKED_FILE), 'utf8').trim())).toBe(NOW.getTime())
  })

  it('reads every page again once the last full check is a week old, and sets damage aside', () => {
    const damaged = damageLastPages()
    stampAt(new Date(NOW.getTime() - 8 * DAY))
    const { db, notices } = openDatabase({ dataDir: temp.dir, now: () => NOW })
    db.close()
    expect(notices).toHaveLength(1)
    expect(readFileSync(notices[0]!.path!).equals(damaged)).toBe(true)
  })

  it('reads every page after a session that did not end cleanly (its WAL file left behind)', () => {
    damageLastPages()
    stampAt(NOW)
    writeFileSync(`${path}-wal`, 'left by a crash')
    const { db, notices } = openDatabase({ dataDir: temp.dir, now: () => NOW })
    db.close()
    expect(notices.map((n) => n.title)).toEqual(['Your data file could not be opened'])
  })

  it('reads every page when the stamp is in the future (the clock went back) or unreadable', () => {
    for (const stamp of [new Date(NOW.getTime() + 2 * DAY).toISOString(), 'not a time']) {
      temp.cleanup()
      freshDatabase()
      damageLastPages()
      writeFileSync(join(temp.dir, CHECKED_FILE), stamp)
      const { db, notices } = openDatabase({ dataDir: temp.dir, now: () => NOW })
      db.close()
      expect(notices, stamp).toHaveLength(1)
    }
  })

  it('catches a file cut short on every start, even right after a full check', () => {
    stampAt(NOW)
    const bytes = readFileSync(path)
    writeFileSync(path, bytes.subarray(0, bytes.length - 2 * 4096))
    const { db, notices } = openDatabase({ dataDir: temp.dir, now: () => NOW })
    db.close()
    expect(notices).toHaveLength(1)
    expect(notices[0]!.message).toMatch(/moved aside \(not deleted\)/)
  })

  it('opens a sound file after a recent full check without setting anything aside', () => {
    stampAt(new Date(NOW.getTime() - DAY))
    const { db, notices } = openDatabase({ dataDir: temp.dir, now: () => NOW })
    expect(notices).toEqual([])
    expect(db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'filler-%'").pluck().get()).toBe(400)
    db.close()
  })
})
