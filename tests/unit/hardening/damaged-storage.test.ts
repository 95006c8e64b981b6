import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE, openDatabase } from '../../../src/main/db/connection'
import { startTestApp, type TestApp } from '../../support/app'
import { fixedClock, night } from '../../support/journal'
import { makeTempDir } from '../../support/temp-dir'

let app: TestApp | undefined
let temp: ReturnType<typeof makeTempDir> | undefined
afterEach(() => {
  app?.close()
  temp?.cleanup()
  app = undefined
  temp = undefined
})

describe('a full disk', () => {
  it('refuses the save with a clear message and keeps everything saved before', async () => {
    app = startTestApp(undefined, { clock: fixedClock('2026-11-24T08:00:00Z') })
    expect((await app.invoke('journal.create', night('2026-11-22', { severity: 3 }))).ok).toBe(true)
    // Cap the file at its current size: the next write that needs a page fails as on a full disk.
    const pages = app.opened.db.pragma('page_count', { simple: true }) as number
    app.opened.db.pragma(`max_page_count = ${pages}`)

    const big = night('2026-11-23', {
      severity: 7,
      notes: 'x'.repeat(4000),
      factors: { medications: Array.from({ length: 20 }, (_, i) => `medication ${i} ${'y'.repeat(60)}`) }
    })
    let result = await app.invoke('journal.create', big)
    for (let i = 0; result.ok && i < 50; i++)
      result = await app.invoke('journal.create', { ...big, eveningDate: `2026-10-${String(i + 1).padStart(2, '0')}` })

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/disk is full.*everything saved before is safe/) }
    })
    expect(app.opened.db.pragma('integrity_check', { simple: true })).toBe('ok')
    const kept = await app.invoke('journal.get', { eveningDate: '2026-11-22' })
    expect(kept).toMatchObject({ ok: true, value: { severity: 3 } })
  })
})

describe('a data folder that has become read-only', () => {
  it('refuses the save with a message saying what to check, and keeps what was saved', async () => {
    app = startTestApp(undefined, { clock: fixedClock('2026-11-24T08:00:00Z') })
    expect((await app.invoke('journal.create', night('2026-11-22', { severity: 3 }))).ok).toBe(true)
    // The connection can still read but no longer write, as when the folder's permissions change under a running app.
    app.opened.db.pragma('query_only = ON')
    const result = await app.invoke('journal.create', night('2026-11-23', { severity: 6 }))
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/cannot write to its data folder/) }
    })
    app.opened.db.pragma('query_only = OFF')
    expect(await app.invoke('journal.get', { eveningDate: '2026-11-22' })).toMatchObject({ ok: true, value: { severity: 3 } })
  })
})

describe('damaged files at start-up', () => {
  it('a truncated database is set aside with its bytes intact, and the notice says how to recover', () => {
    temp = makeTempDir()
    const first = openDatabase({ dataDir: temp.dir })
    first.db.exec("INSERT INTO settings VALUES ('theme', '\"dark\"', 'now')")
    first.db.pragma('wal_checkpoint(TRUNCATE)')
    first.db.close()
    const path = join(temp.dir, DATABASE_FILE)
    const truncated = readFileSync(path).subarray(0, 1500)
    writeFileSync(path, truncated)

    const opened = openDatabase({ dataDir: temp.dir })
    try {
      expect(opened.notices).toHaveLength(1)
      expect(opened.notices[0]!.message).toMatch(/moved aside \(not deleted\).*restore/s)
      expect(readFileSync(opened.notices[0]!.path!).equals(truncated)).toBe(true)
      expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      opened.db.close()
    }
  })

  it('random bytes in place of the database are set aside, never deleted', () => {
    temp = makeTempDir()
    const path = join(temp.dir, DATABASE_FILE)
    const noise = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) & 0xff))
    writeFileSync(path, noise)
    const opened = openDatabase({ dataDir: temp.dir })
    try {
      expect(readFileSync(opened.notices[0]!.path!).equals(noise)).toBe(true)
    } finally {
      opened.db.close()
    }
  })
})
