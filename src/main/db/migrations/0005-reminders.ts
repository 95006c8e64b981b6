import type { Migration } from './types'

/**
 * Evening reminders and the wind-down routine.
 *
 * - reminder_state: one row; when the scheduler last looked at the clock, so a
 *   restart knows which reminders came due while the app was not running.
 * - reminder_log: every reminder handled, fired or missed, one per kind and
 *   evening (the primary key is what makes "never twice" hold across restarts).
 * - reminder_snoozes: a fired reminder asked to come back later (at most one
 *   pending per reminder; reminder_log.snoozes counts the rounds).
 * - reminder_inbox: reminders the system could not show (no notification
 *   server); the app shows them the next time its window opens.
 * - routine_items / routine_ticks: the checklist and what was ticked on which
 *   evening. Removed steps are kept (removed_at) so old evenings keep their
 *   labels, and so an emptied list is not refilled with the suggestions.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'reminders',
  up(db) {
    db.exec(`
      CREATE TABLE reminder_state (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        last_checked_ms INTEGER NOT NULL CHECK (last_checked_ms >= 0)
      ) STRICT;

      CREATE TABLE reminder_log (
        kind         TEXT    NOT NULL CHECK (kind IN ('wind-down', 'lights-out', 'morning-log')),
        evening_date TEXT    NOT NULL CHECK (evening_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        outcome      TEXT    NOT NULL CHECK (outcome IN ('fired', 'missed')),
        due_ms       INTEGER NOT NULL,
        handled_ms   INTEGER NOT NULL,
        snoozes      INTEGER NOT NULL DEFAULT 0 CHECK (snoozes BETWEEN 0 AND 999),
        PRIMARY KEY (kind, evening_date)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX reminder_log_by_evening ON reminder_log (evening_date);
      CREATE INDEX reminder_log_by_handled ON reminder_log (handled_ms);

      CREATE TABLE reminder_snoozes (
        kind         TEXT    NOT NULL,
        evening_date TEXT    NOT NULL,
        due_ms       INTEGER NOT NULL,
        PRIMARY KEY (kind, evening_date),
        FOREIGN KEY (kind, evening_date) REFERENCES reminder_log (kind, evening_date) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE reminder_inbox (
        id         TEXT    PRIMARY KEY NOT NULL,
        event      TEXT    NOT NULL CHECK (json_valid(event)),
        created_ms INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE routine_items (
        id         INTEGER PRIMARY KEY,
        label      TEXT    NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
        position   INTEGER NOT NULL CHECK (position >= 0),
        created_at TEXT    NOT NULL,
        removed_at TEXT
      ) STRICT;
      CREATE INDEX routine_items_active ON routine_items (position) WHERE removed_at IS NULL;

      CREATE TABLE routine_ticks (
        evening_date TEXT    NOT NULL CHECK (evening_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        item_id      INTEGER NOT NULL REFERENCES routine_items (id) ON DELETE CASCADE,
        ticked_at    TEXT    NOT NULL,
        PRIMARY KEY (evening_date, item_id)
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
