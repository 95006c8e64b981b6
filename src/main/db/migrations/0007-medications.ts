import type { Migration } from './types'

/**
 * Medications as records, daytime episodes, clinician-scored IRLS totals and
 * the conditions of a blood draw.
 *
 * - medications: one course of a medicine (name, strength and unit, usual
 *   dose and time, start and optional stop date, what it is for, a note from
 *   the prescriber). The same medicine may have several courses whose dates do
 *   not overlap (checked by the service, which can name the clash).
 * - medication_changes: dated dose changes inside a course.
 * - journal_medications gains `amount`: the dose taken that night in the
 *   course's unit, or NULL for "as logged" (every night logged before this
 *   version, whose doses were never recorded).
 * - Every medicine name already in the journal becomes a course (one per name,
 *   case-insensitive, first spelling kept), starting on the first night it was
 *   logged, so the list starts out complete and nothing typed is lost.
 * - daytime_episodes: symptoms before the evening (date, time, severity, what helped).
 * - irls_scores: an IRLS total that a clinician scored, with its date. The
 *   questionnaire itself is licensed and is not part of the app.
 * - lab_results gains whether blood was taken in the morning and whether iron
 *   supplements were paused for 24 hours before (NULL: not recorded).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'medications',
  up(db) {
    const date = (column: string) => `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`
    const time = (column: string) => `${column} GLOB '[0-2][0-9]:[0-5][0-9]' AND ${column} <= '23:59'`
    db.exec(`
      CREATE TABLE medications (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        strength        REAL CHECK (strength IS NULL OR (strength > 0 AND strength <= 50000)),
        unit            TEXT NOT NULL CHECK (unit IN ('mg', 'µg', 'mL', 'tablet', 'capsule', 'patch', 'drop')),
        usual_dose      REAL CHECK (usual_dose IS NULL OR (usual_dose > 0 AND usual_dose <= 50000)),
        usual_time      TEXT CHECK (usual_time IS NULL OR (${time('usual_time')})),
        start_date      TEXT NOT NULL CHECK (${date('start_date')}),
        stop_date       TEXT CHECK (stop_date IS NULL OR (${date('stop_date')} AND stop_date >= start_date)),
        purpose         TEXT NOT NULL DEFAULT '' CHECK (length(purpose) <= 120),
        prescriber_note TEXT NOT NULL DEFAULT '' CHECK (length(prescriber_note) <= 500),
        created_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX medications_by_name ON medications (name COLLATE NOCASE, start_date);

      CREATE TABLE medication_changes (
        id            INTEGER PRIMARY KEY,
        medication_id INTEGER NOT NULL REFERENCES medications (id) ON DELETE CASCADE,
        changed_on    TEXT NOT NULL CHECK (${date('changed_on')}),
        dose          REAL NOT NULL CHECK (dose > 0 AND dose <= 50000),
        note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX medication_changes_by_medication ON medication_changes (medication_id, changed_on);

      ALTER TABLE journal_medications ADD COLUMN amount REAL CHECK (amount IS NULL OR (amount > 0 AND amount <= 50000));

      CREATE TABLE daytime_episodes (
        id          INTEGER PRIMARY KEY,
        episode_on  TEXT NOT NULL CHECK (${date('episode_on')}),
        at_time     TEXT NOT NULL CHECK (${time('at_time')}),
        severity    INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 10),
        helped      TEXT NOT NULL DEFAULT '' CHECK (length(helped) <= 200),
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX daytime_episodes_by_date ON daytime_episodes (episode_on, at_time);

      CREATE TABLE irls_scores (
        id         INTEGER PRIMARY KEY,
        scored_on  TEXT NOT NULL CHECK (${date('scored_on')}),
        total      INTEGER NOT NULL CHECK (total BETWEEN 0 AND 40),
        note       TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX irls_scores_by_date ON irls_scores (scored_on);

      ALTER TABLE lab_results ADD COLUMN morning_draw INTEGER CHECK (morning_draw IS NULL OR morning_draw IN (0, 1));
      ALTER TABLE lab_results ADD COLUMN iron_paused INTEGER CHECK (iron_paused IS NULL OR iron_paused IN (0, 1));
    `)

    // Each name typed in the journal becomes one course, from the first night it was logged
    // (case-insensitive, the first spelling kept, spaces tidied as the journal tidies them).
    // Deleted nights count too: they can be restored, and their names must then have a record.
    const rows = db
      .prepare<[], { name: string; evening_date: string }>(
        `SELECT m.name, e.evening_date FROM journal_medications m JOIN journal_entries e ON e.id = m.entry_id
         ORDER BY e.evening_date, m.entry_id, m.position`
      )
      .all()
    const courses = new Map<string, { name: string; first: string }>()
    for (const row of rows) {
      const name = row.name.trim().replace(/\s+/g, ' ')
      const key = name.toLocaleLowerCase()
      if (name && !courses.has(key)) courses.set(key, { name, first: row.evening_date })
    }
    const insert = db.prepare<[string, string, string]>(
      "INSERT INTO medications (name, unit, start_date, created_at) VALUES (?, 'mg', ?, ?)"
    )
    const now = new Date().toISOString()
    for (const { name, first } of courses.values()) insert.run(name, first, now)
  }
}
