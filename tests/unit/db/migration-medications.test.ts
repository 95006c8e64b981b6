import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { MIGRATIONS } from '../../../src/main/db/migrations'
import { startTestApp, type TestApp } from '../../support/app'
import { fixedClock, night } from '../../support/journal'
import { makeTempDir } from '../../support/temp-dir'

/**
 * Migration 7 turns the free-text medication names of schema version 6 into
 * medication records. The fixture is a version-6 database (built by
 * migrations 1–6 only) holding nights written through the journal service,
 * with the same medicine typed in different cases, a second medicine, and a
 * deleted night.
 */
let source: TestApp
let temp: ReturnType<typeof makeTempDir>
let dir: string

const V6 = MIGRATIONS.filter((m) => m.version <= 6)
const JOURNAL_TABLES = ['journal_entries', 'journal_medications', 'journal_factors', 'journal_factor_values']

beforeAll(async () => {
  temp = makeTempDir()
  source = startTestApp(undefined, { clock: fixedClock('2026-11-24T08:00:00Z') })
  const nights: [string, string[]][] = [
    ['2026-11-18', ['Ropinirole 0.25 mg']],
    ['2026-11-19', ['ropinirole 0.25 MG', 'Ferrous sulfate']],
    ['2026-11-20', ['ROPINIROLE 0.25 mg']],
    ['2026-11-21', ['Gabapentin']],
    ['2026-11-22', []]
  ]
  for (const [date, medications] of nights) {
    const saved = await source.invoke('journal.create', night(date, { factors: { medications } }))
    if (!saved.ok) throw new Error(JSON.stringify(saved.error))
    if (date === '2026-11-21') await source.invoke('journal.delete', { id: saved.value.id })
  }

  dir = join(temp.dir, 'v6')
  mkdirSync(dir, { recursive: true })
  const old = new Database(join(dir, 'stillwell.db'))
  old.pragma('journal_mode = WAL')
  migrate(old, V6)
  old.pragma('application_id = 0x5354494c')
  old.exec(`ATTACH DATABASE '${source.opened.path.replace(/'/g, "''")}' AS rich`)
  old.pragma('foreign_keys = OFF')
  for (const table of JOURNAL_TABLES) {
    const columns = (old.prepare(`PRAGMA main.table_info("${table}")`).all() as { name: string }[]).map((c) => `"${c.name}"`).join(', ')
    old.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM rich."${table}"`)
  }
  old.exec('DETACH DATABASE rich')
  expect(old.prepare('SELECT count(*) FROM journal_medications').pluck().get()).toBe(5)
  old.close()
})
afterAll(() => {
  source.close()
  temp.cleanup()
})

describe('migrating free-text medication names to records', () => {
  it('makes one record per name (case-insensitive, first spelling), keeps every night’s names, and marks their doses as logged', async () => {
    const opened = openDatabase({ dataDir: dir })
    expect(opened.notices).toEqual([])
    const records = opened.db.prepare('SELECT name, start_date, stop_date, usual_dose FROM medications ORDER BY start_date').all()
    expect(records).toEqual([
      { name: 'Ropinirole 0.25 mg', start_date: '2026-11-18', stop_date: null, usual_dose: null },
      { name: 'Ferrous sulfate', start_date: '2026-11-19', stop_date: null, usual_dose: null },
      // From a deleted night: it can be restored, so its name keeps a record.
      { name: 'Gabapentin', start_date: '2026-11-21', stop_date: null, usual_dose: null }
    ])
    const nightRows = opened.db.prepare('SELECT name, amount FROM journal_medications ORDER BY entry_id, position').all()
    expect(nightRows).toEqual([
      { name: 'Ropinirole 0.25 mg', amount: null },
      { name: 'ropinirole 0.25 MG', amount: null },
      { name: 'Ferrous sulfate', amount: null },
      { name: 'ROPINIROLE 0.25 mg', amount: null },
      { name: 'Gabapentin', amount: null }
    ])
    opened.db.close()

    // Today's app reads them back: the list, and each night with its medicine "as logged" (no dose).
    const app = startTestApp(dir, { clock: fixedClock('2026-11-24T08:00:00Z') })
    try {
      const list = await app.invoke('medications.list')
      if (!list.ok) throw new Error(JSON.stringify(list.error))
      expect(list.value.medications.map((m) => [m.name, m.drugClass, m.active])).toEqual([
        ['Ferrous sulfate', 'iron', true],
        ['Gabapentin', 'gabapentinoid', true],
        ['Ropinirole 0.25 mg', 'dopaminergic', true]
      ])
      const nights = await app.invoke('journal.list', { from: '2026-11-01', to: '2026-11-30' })
      if (!nights.ok) throw new Error(JSON.stringify(nights.error))
      expect(nights.value.map((n) => [n.eveningDate, n.factors.medications, n.factors.doses])).toEqual([
        ['2026-11-18', ['Ropinirole 0.25 mg'], []],
        ['2026-11-19', ['ropinirole 0.25 MG', 'Ferrous sulfate'], []],
        ['2026-11-20', ['ROPINIROLE 0.25 mg'], []],
        ['2026-11-22', [], []]
      ])
    } finally {
      app.close()
    }
  })
})
