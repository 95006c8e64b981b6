import Database from 'better-sqlite3'
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { STAGED_RESTORE_FILE } from '../../../src/main/db/connection'
import { LATEST_SCHEMA_VERSION } from '../../../src/main/db/migrations'
import { startTestApp, type TestApp } from '../../support/app'
import { FakeComputer } from '../../support/fake-time'
import { night } from '../../support/journal'
import { makeTempDir } from '../../support/temp-dir'

const HOUR = 60 * 60 * 1000
let temp: ReturnType<typeof makeTempDir>
let app: TestApp | null = null

afterEach(() => {
  app?.close()
  app = null
  temp?.cleanup()
})

function backupsIn(dir: string): string[] {
  const folder = join(dir, 'backups')
  return existsSync(folder) ? readdirSync(folder).sort() : []
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

async function logNight(eveningDate: string, severity: number): Promise<void> {
  const result = await app!.invoke('journal.create', night(eveningDate, { severity }))
  if (!result.ok) throw new Error(result.error.message)
}

describe('backups', () => {
  it('"Back up now" writes a consistent copy that is listed with its date and size', async () => {
    temp = makeTempDir()
    const computer = new FakeComputer('2026-11-24T09:30:00Z', 'Europe/London')
    app = startTestApp(temp.dir, { clock: computer, timers: computer })
    await logNight('2026-11-23', 5)
    const made = await app.invoke('data.backupNow')
    expect(made.ok).toBe(true)
    if (!made.ok) return
    expect(made.value).toMatchObject({ id: 'stillwell-manual-20261124T093000Z.db', kind: 'manual', takenAt: '2026-11-24T09:30:00.000Z' })
    expect(made.value.bytes).toBeGreaterThan(0)
    const overview = await app.invoke('data.overview')
    expect(overview.ok && overview.value.backups.map((b) => b.id)).toEqual([made.value.id])
    // The copy opens and holds the night.
    const copy = new Database(join(temp.dir, 'backups', made.value.id), { readonly: true })
    expect((copy.prepare('SELECT count(*) AS n FROM journal_entries').get() as { n: number }).n).toBe(1)
    copy.close()
  })

  it('takes a daily backup at start and again once the day has changed, checking hourly', async () => {
    temp = makeTempDir()
    const computer = new FakeComputer('2026-11-24T09:00:00Z', 'Europe/London')
    app = startTestApp(temp.dir, { clock: computer, timers: computer })
    app.services.data.startDailyBackups()
    await until(() => backupsIn(temp.dir).length === 1 && computer.timerCount === 1, 'the first daily backup')
    expect(backupsIn(temp.dir)).toEqual(['stillwell-daily-20261124T090000Z.db'])

    computer.advance(HOUR) // Same day: nothing new.
    await until(() => computer.timerCount === 1, 'the next hourly check')
    expect(backupsIn(temp.dir)).toHaveLength(1)

    // Hour by hour past midnight UTC: a new day.
    for (let hour = 0; hour < 14; hour++) {
      computer.advance(HOUR)
      await until(() => computer.timerCount === 1, 'the next hourly check')
    }
    await until(() => backupsIn(temp.dir).length === 2, 'the second daily backup')
    expect(backupsIn(temp.dir)[1]).toMatch(/^stillwell-daily-20261125T/)
    app.services.data.stopDailyBackups()
    expect(computer.timerCount).toBe(0)
  })

  it('rotates daily backups, keeping 7 days plus one a month', async () => {
    temp = makeTempDir()
    const computer = new FakeComputer('2026-09-01T09:00:00Z', 'UTC')
    app = startTestApp(temp.dir, { clock: computer, timers: computer })
    for (let day = 0; day < 40; day++) {
      await app.services.data.dailyCheck()
      computer.jump(24 * HOUR)
    }
    const daily = backupsIn(temp.dir)
    // 7 days (Oct 4–10) plus the newest of September.
    expect(daily).toHaveLength(8)
    expect(daily[0]).toBe('stillwell-daily-20260930T090000Z.db')
    expect(daily.at(-1)).toBe('stillwell-daily-20261010T090000Z.db')
  })
})

describe('restore from backup', () => {
  it('backs up the current data, stages the backup, and swaps it in at the next start', async () => {
    temp = makeTempDir()
    app = startTestApp(temp.dir)
    await logNight('2026-11-20', 3)
    const backup = await app.invoke('data.backupNow')
    if (!backup.ok) throw new Error(backup.error.message)
    await logNight('2026-11-21', 8) // Made after the backup: gone after the restore, kept in the safety copy.

    const restored = await app.invoke('data.restore', { id: backup.value.id })
    expect(restored.ok).toBe(true)
    if (!restored.ok) return
    expect(restored.value.backupId).toMatch(/^stillwell-safety-/)
    expect(restored.value.canRestart).toBe(false)
    expect(existsSync(join(temp.dir, STAGED_RESTORE_FILE))).toBe(true)
    expect((await app.invoke('data.overview')).ok && app.services.data.overview().restorePending).toBe(true)

    app.close()
    app = startTestApp(temp.dir)
    expect(app.opened.notices.map((n) => n.id)).toContain('restore-done')
    expect(existsSync(join(temp.dir, STAGED_RESTORE_FILE))).toBe(false)
    expect((await app.invoke('journal.get', { eveningDate: '2026-11-20' })).ok).toBe(true)
    const later = await app.invoke('journal.get', { eveningDate: '2026-11-21' })
    expect(later.ok && later.value).toBeNull()

    // The safety copy still has the later night.
    const safety = new Database(join(temp.dir, 'backups', restored.value.backupId), { readonly: true })
    expect((safety.prepare("SELECT count(*) AS n FROM journal_entries WHERE evening_date = '2026-11-21'").get() as { n: number }).n).toBe(1)
    safety.close()
  })

  it('refuses a file that is not a Stillwell database, a damaged one, and one from a newer version', async () => {
    temp = makeTempDir()
    app = startTestApp(temp.dir)
    await logNight('2026-11-20', 3)
    const made = await app.invoke('data.backupNow')
    if (!made.ok) throw new Error(made.error.message)
    const folder = join(temp.dir, 'backups')

    const foreign = 'stillwell-manual-20200101T000000Z.db'
    const other = new Database(join(folder, foreign))
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)')
    other.close()

    const junk = 'stillwell-manual-20200102T000000Z.db'
    writeFileSync(join(folder, junk), 'this is not a database at all')

    const future = 'stillwell-manual-20200103T000000Z.db'
    copyFileSync(join(folder, made.value.id), join(folder, future))
    const newer = new Database(join(folder, future))
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    newer.close()

    for (const [id, message] of [
      [foreign, /not a Stillwell backup/],
      [junk, /not a Stillwell backup/],
      [future, /newer version of Stillwell/],
      ['stillwell-manual-20200104T000000Z.db', /no longer there/]
    ] as const) {
      const result = await app.invoke('data.restore', { id })
      expect(result.ok, id).toBe(false)
      if (!result.ok) expect(result.error.message).toMatch(message)
    }
    expect(existsSync(join(temp.dir, STAGED_RESTORE_FILE))).toBe(false)
    // Only backups the app names can be chosen: no paths.
    expect((await app.invoke('data.restore', { id: '../stillwell.db' })).ok).toBe(false)
  })

  it('leaves the data alone at start when a staged file turns out not to be a Stillwell database', async () => {
    temp = makeTempDir()
    app = startTestApp(temp.dir)
    await logNight('2026-11-20', 3)
    app.close()
    writeFileSync(join(temp.dir, STAGED_RESTORE_FILE), 'garbage')
    app = startTestApp(temp.dir)
    expect(app.opened.notices.map((n) => n.id)).toContain('restore-refused')
    expect((await app.invoke('journal.get', { eveningDate: '2026-11-20' })).ok && app.services.journal.get('2026-11-20')).not.toBeNull()
  })
})

describe('delete all my data', () => {
  it('needs the typed word, backs up first unless told not to, and leaves the app as new', async () => {
    temp = makeTempDir()
    app = startTestApp(temp.dir)
    await logNight('2026-11-20', 3)
    const wrong = await app.invoke('data.deleteAll', { confirm: 'delete' as 'DELETE', backupFirst: true })
    expect(wrong.ok).toBe(false)
    expect(app.services.journal.get('2026-11-20')).not.toBeNull()

    const done = await app.invoke('data.deleteAll', { confirm: 'DELETE', backupFirst: true })
    expect(done.ok && done.value.backupId).toMatch(/^stillwell-safety-/)
    expect(app.services.journal.get('2026-11-20')).toBeNull()
    expect(app.services.settings.get().onboarded).toBe(false)
    // The bundled library is still there.
    expect(app.services.articles.list().articles.length).toBeGreaterThan(0)

    const before = backupsIn(temp.dir).length
    const bare = await app.invoke('data.deleteAll', { confirm: 'DELETE', backupFirst: false })
    expect(bare.ok && bare.value.backupId).toBeNull()
    expect(backupsIn(temp.dir)).toHaveLength(before)
  })
})
