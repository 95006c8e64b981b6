import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/db/migrate'
import { MIGRATIONS } from '../../../src/main/db/migrations'

let db: Database.Database
beforeEach(() => {
  db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, MIGRATIONS)
})
afterEach(() => db.close())

const run =
  (sql: string, ...params: unknown[]) =>
  () =>
    db.prepare(sql).run(...params)

describe('the reminders migration', () => {
  it('keeps one log row per kind and evening: the second is refused', () => {
    const insert = "INSERT INTO reminder_log (kind, evening_date, outcome, due_ms, handled_ms) VALUES ('wind-down', '2026-01-15', ?, 1, 2)"
    run(insert, 'fired')()
    expect(run(insert, 'missed')).toThrow(/UNIQUE|PRIMARY KEY/)
  })

  it('refuses unknown kinds, outcomes and malformed dates', () => {
    const insert = 'INSERT INTO reminder_log (kind, evening_date, outcome, due_ms, handled_ms) VALUES (?, ?, ?, 1, 2)'
    expect(run(insert, 'nap', '2026-01-15', 'fired')).toThrow(/CHECK/)
    expect(run(insert, 'wind-down', '15/01/2026', 'fired')).toThrow(/CHECK/)
    expect(run(insert, 'wind-down', '2026-01-15', 'maybe')).toThrow(/CHECK/)
    expect(run(insert, 'wind-down', '2026-01-15', 1)).toThrow() // STRICT: no type coercion
  })

  it('allows a snooze only for a reminder in the log, and drops it with the log row', () => {
    expect(run("INSERT INTO reminder_snoozes VALUES ('wind-down', '2026-01-15', 5)")).toThrow(/FOREIGN KEY/)
    run("INSERT INTO reminder_log (kind, evening_date, outcome, due_ms, handled_ms) VALUES ('wind-down', '2026-01-15', 'fired', 1, 2)")()
    run("INSERT INTO reminder_snoozes VALUES ('wind-down', '2026-01-15', 5)")()
    run('DELETE FROM reminder_log')()
    expect(db.prepare('SELECT count(*) FROM reminder_snoozes').pluck().get()).toBe(0)
  })

  it('keeps a single state row', () => {
    run('INSERT INTO reminder_state (id, last_checked_ms) VALUES (1, 5)')()
    expect(run('INSERT INTO reminder_state (id, last_checked_ms) VALUES (2, 5)')).toThrow(/CHECK/)
  })

  it('checks routine steps and ticks', () => {
    expect(run("INSERT INTO routine_items (label, position, created_at) VALUES ('', 0, 'now')")).toThrow(/CHECK/)
    expect(run("INSERT INTO routine_items (label, position, created_at) VALUES (?, 0, 'now')", 'x'.repeat(121))).toThrow(/CHECK/)
    expect(run("INSERT INTO routine_ticks VALUES ('2026-01-15', 99, 'now')")).toThrow(/FOREIGN KEY/)
    expect(run("INSERT INTO reminder_inbox VALUES ('a', 'not json', 1)")).toThrow(/CHECK/)
  })
})
