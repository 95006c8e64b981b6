import type { Database } from 'better-sqlite3'
import type { Migration } from './migrations'

export class DatabaseFromTheFutureError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number
  ) {
    super(
      `This data was saved by a newer version of Stillwell (data format ${found}; this version understands up to ${supported}). ` +
        'Please install the newer version again. Your data has not been changed.'
    )
    this.name = 'DatabaseFromTheFutureError'
  }
}

/** Checks the list is strictly increasing from 1 with no gaps, so a mistake fails loudly at start-up. */
export function assertMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration "${m.name}" has version ${m.version}; expected ${i + 1}.`)
    }
  })
}

/**
 * Brings the database up to the latest schema. All pending steps run in one
 * transaction together with the `user_version` bump: either every step lands
 * or none does. Returns the version before and after.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  assertMigrationOrder(migrations)
  const latest = migrations.length
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > latest) throw new DatabaseFromTheFutureError(current, latest)
  if (current === latest) return { from: current, to: current }

  const pending = migrations.filter((m) => m.version > current)
  db.transaction(() => {
    for (const m of pending) m.up(db)
    db.pragma(`user_version = ${latest}`)
  }).immediate()
  // VACUUM cannot run inside a transaction; the data is already safe if it is interrupted.
  if (pending.some((m) => m.vacuumAfter)) db.exec('VACUUM')
  return { from: current, to: latest }
}
