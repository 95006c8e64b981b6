import type { Database } from 'better-sqlite3'

export interface Migration {
  /** 1, 2, 3… in order; stored in `PRAGMA user_version` once applied. */
  version: number
  name: string
  /** Runs inside the migration transaction: synchronous, no awaiting. */
  up(db: Database): void
  /** Set when the step frees much space: the file is compacted (VACUUM) once, after the transaction. */
  vacuumAfter?: boolean
}
