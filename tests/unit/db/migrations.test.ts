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
