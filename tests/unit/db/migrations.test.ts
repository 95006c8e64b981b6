import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { assertMigrationOrder, DatabaseFromTheFutureError, migrate } from '../../../src/main/db/migrate'
import { MIGRATIONS } from '../../../src/main/db/migrations'
import type { Migration } from '../../../src/main/db/migrations/types'

let db: Database.Database
afterEach(() => db?.close())

describe('migrations', () => {
  it('are numbered 1, 2, 3… in order', () => {
    expect(() => assertMigrationOrder(MIGRATIONS)).not.toThrow()
    expect(() => assertMigrationOrder([{ ...MIGRATIONS[0]!, version: 2 }])).toThrow(/expected 1/)
  })

  it('bring an empty database to the latest version', () => {
    db = new Database(':memory:')
    expect(migrate(db, MIGRATIONS)).toEqual({ from: 0, to: MIGRATIONS.length })
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(migrate(db, MIGRATIONS)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length })
  })

  it('apply all pending steps or none: a failing step leaves the old version and no new tables', () => {
    db = new Database(':memory:')
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'adds a table', up: (d) => d.exec('CREATE TABLE extra (id INTEGER)') },
      {
        version: MIGRATIONS.length + 2,
        name: 'fails',
        up: () => {
          throw new Error('boom')
        }
      }
    ]
    migrate(db, MIGRATIONS)
    expect(() => migrate(db, broken)).toThrow('boom')
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'").pluck().get()).toBe(0)
  })

  it('refuse a schema newer than this app knows', () => {
    db = new Database(':memory:')
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    expect(() => migrate(db, MIGRATIONS)).toThrow(DatabaseFromTheFutureError)
  })

  it('0001 stores settings as JSON only', () => {
    db = new Database(':memory:')
    migrate(db, MIGRATIONS)
    expect(() => db.prepare("INSERT INTO settings VALUES ('k', 'not json', 'now')").run()).toThrow(/CHECK constraint/)
  })
})

describe('0002 journal', () => {
  function insert(values: Record<string, unknown>): void {
    const row = {
      evening_date: '2026-11-23',
      zone: 'Europe/Berlin',
      severity: 4,
      area_legs: 1,
      area_arms: 0,
      area_other: 0,
      in_bed: '22:30',
      tried_to_sleep: '23:00',
      latency_minutes: 20,
      awakenings: 1,
      waso_minutes: 10,
      final_wake: '06:30',
      out_of_bed: '06:45',
      nap_count: 0,
      nap_minutes: 0,
      time_in_bed_minutes: 495,
      total_sleep_minutes: 420,
      sleep_efficiency: 84.8,
      caffeine_drinks: 0,
      alcohol_drinks: 0,
      exercise_minutes: 0,
      exercise_evening: 0,
      magnesium_mg: 0,
      iron_mg: 0,
      notes: '',
      created_at: 'now',
      updated_at: 'now',
      ...values
    }
    const keys = Object.keys(row)
    db.prepare(`INSERT INTO journal_entries (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`).run(row)
  }

  it('keeps one live entry per night; a deleted one steps aside', () => {
    db = new Database(':memory:')
    migrate(db, MIGRATIONS)
    insert({})
    expect(() => insert({})).toThrow(/UNIQUE/)
    db.prepare("UPDATE journal_entries SET deleted_at = 'now'").run()
    expect(() => insert({})).not.toThrow()
  })

  it.each([
    ['severity', 11],
    ['in_bed', '24:00'],
    ['in_bed', '7:00'],
    ['evening_date', '23/11/2026'],
    ['relieved_by_moving', 'maybe'],
    ['sleep_efficiency', 101],
    ['area_legs', 2],
    ['severity', 'four']
  ])('refuses %s = %j', (column, value) => {
    db = new Database(':memory:')
    migrate(db, MIGRATIONS)
    expect(() => insert({ [column]: value })).toThrow(/CHECK constraint|cannot store/)
  })

  it('removes medications and factor answers with their entry, and keeps a factor with answers from being deleted', () => {
    db = new Database(':memory:')
    migrate(db, MIGRATIONS)
    db.pragma('foreign_keys = ON')
    insert({})
    db.prepare("INSERT INTO journal_factors (label, kind, position, created_at) VALUES ('Pain', 'scale', 1, 'now')").run()
    db.prepare("INSERT INTO journal_medications (entry_id, position, name) VALUES (1, 0, 'Iron')").run()
    db.prepare('INSERT INTO journal_factor_values (entry_id, factor_id, value) VALUES (1, 1, 3)').run()
    expect(() => db.prepare('DELETE FROM journal_factors').run()).toThrow(/FOREIGN KEY/)
    db.prepare('DELETE FROM journal_entries').run()
    expect(db.prepare('SELECT count(*) FROM journal_medications').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM journal_factor_values').pluck().get()).toBe(0)
  })
})
