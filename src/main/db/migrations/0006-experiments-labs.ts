import type { Migration } from './types'

/**
 * Personal experiments and lab results.
 *
 * - experiments: one n-of-1 test of a change. Journal nights are linked to it
 *   by date range (start_date plus the planned nights), so editing or
 *   back-filling a night needs no extra bookkeeping. stopped_on marks an
 *   experiment ended early; only one may be unfinished at a time (enforced by
 *   the service, which knows today's date).
 * - experiment_checkins: the morning adherence answer, one per night.
 * - lab_results: a dated blood test; the value in its canonical unit plus what
 *   the user typed, so the record shows what the lab printed.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'experiments-labs',
  up(db) {
    db.exec(`
      CREATE TABLE experiments (
        id              INTEGER PRIMARY KEY,
        change_text     TEXT    NOT NULL CHECK (length(change_text) BETWEEN 1 AND 120),
        notes           TEXT    NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
        outcome         TEXT    NOT NULL CHECK (outcome IN ('severity', 'efficiency', 'quality')),
        start_date      TEXT    NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        baseline_nights INTEGER NOT NULL CHECK (baseline_nights BETWEEN 3 AND 90),
        trial_nights    INTEGER NOT NULL CHECK (trial_nights BETWEEN 3 AND 90),
        block_nights    INTEGER CHECK (block_nights IS NULL OR block_nights BETWEEN 2 AND 30),
        stopped_on      TEXT    CHECK (stopped_on IS NULL OR stopped_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        created_at      TEXT    NOT NULL
      ) STRICT;
      CREATE INDEX experiments_by_start ON experiments (start_date);

      CREATE TABLE experiment_checkins (
        experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
        evening_date  TEXT    NOT NULL CHECK (evening_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        answer        TEXT    NOT NULL CHECK (answer IN ('yes', 'partly', 'no')),
        answered_at   TEXT    NOT NULL,
        PRIMARY KEY (experiment_id, evening_date)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE lab_results (
        id            INTEGER PRIMARY KEY,
        taken_on      TEXT    NOT NULL CHECK (taken_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        analyte       TEXT    NOT NULL CHECK (analyte IN ('ferritin', 'tsat', 'magnesium', 'haemoglobin')),
        value         REAL    NOT NULL CHECK (value >= 0),
        entered_value REAL    NOT NULL CHECK (entered_value >= 0),
        entered_unit  TEXT    NOT NULL CHECK (entered_unit IN ('ng/mL', 'µg/L', '%', 'mg/dL', 'mmol/L', 'g/dL', 'g/L')),
        note          TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 200),
        created_at    TEXT    NOT NULL
      ) STRICT;
      CREATE INDEX lab_results_by_date ON lab_results (taken_on, analyte);
    `)
  }
}
