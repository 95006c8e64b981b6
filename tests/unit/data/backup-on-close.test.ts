/**
 * Quitting while a backup is being written: the database must stay open until
 * the copy is finished, and a copy cut short must not leave a half-written
 * file behind. Real SQLite files in a temporary folder.
 */
import Database from 'better-sqlite3'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../support/app'
import { FakeComputer } from '../../support/fake-time'
import { night } from '../../support/journal'
import { makeTempDir } from '../../support/temp-dir'

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

/** Starts the app on a fixed morning with a few nights logged, recording what it logs. */
async function startWithNights(logged: string[]): Promise<TestApp> {
  temp = makeTempDir()
  const computer = new FakeComputer('2026-11-24T09:30:00Z', 'Europe/London')
  const started = startTestApp(temp.dir, { clock: computer, timers: computer, log: (message) => logged.push(message) })
  for (const date of ['2026-11-21', '2026-11-22', '2026-11-23']) {
    const result = await started.invoke('journal.create', night(date, { severity: 4 }))
    if (!result.ok) throw new Error(result.error.message)
  }
  return started
}

describe('backups when the app closes', () => {
  it('closing right after the daily backup starts: the backup is finished first, whole and readable, nothing logged', async () => {
    const logged: string[] = []
    app = await startWithNights(logged)
    const daily = app.services.data.dailyCheck()
    // What the shell and the harness do on quit: wait for the backup, then close.
    const pending = app.services.data.finishBackups()
    expect(pending).not.toBeNull()
    await pending
    app.opened.db.close()

    expect(await daily).toMatchObject({ kind: 'daily', id: 'stillwell-daily-20261124T093000Z.db' })
    expect(backupsIn(app.dataDir)).toEqual(['stillwell-daily-20261124T093000Z.db'])
    expect(logged).toEqual([])
    const copy = new Database(join(app.dataDir, 'backups', 'stillwell-daily-20261124T093000Z.db'), { readonly: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect((copy.prepare('SELECT count(*) AS n FROM journal_entries').get() as { n: number }).n).toBe(3)
    } finally {
      copy.close()
    }
  })

  it('with no backup being written there is nothing to wait for, and no backup starts once closing has begun', async () => {
    app = await startWithNights([])
    expect(app.services.data.finishBackups()).toBeNull()
    const refused = await app.invoke('data.backupNow')
    expect(refused).toMatchObject({ ok: false, error: { message: 'Stillwell is closing, so no backup was started. Nothing was changed.' } })
    expect(backupsIn(app.dataDir)).toEqual([])
  })

  // What quitting did before the shell waited: better-sqlite3 removes the new copy it was writing, and the
  // service removes any partial file still there, so nothing that looks like a backup is left, and the error is clear.
  it('a backup cut short by the database closing under it leaves no partial file and says it failed', async () => {
    const logged: string[] = []
    app = await startWithNights(logged)
    const made = app.invoke('data.backupNow')
    // Close the database once SQLite has created the copy and before it has finished it.
    for (let i = 0; i < 10_000 && !backupsIn(app.dataDir).some((f) => f.endsWith('.partial')); i++) {
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(backupsIn(app.dataDir)).toEqual(['stillwell-manual-20261124T093000Z.db.partial'])
    app.opened.db.close()

    const result = await made
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message).toMatch(/^The backup could not be written \(.+\)\. Check that the disk is not full\. Nothing was changed\.$/)
    expect(backupsIn(app.dataDir)).toEqual([])
    expect(logged).toContain('A backup could not be written')
  })
})
