import type { Migration } from './types'

/**
 * The nightly journal. One row per night (evening date) among the rows that
 * are not deleted; a deleted row keeps everything so "Undo" can bring it back.
 * What the user entered is stored as entered (local wall-clock times, the
 * evening date, the IANA zone at entry time); time in bed, total sleep and
 * efficiency are derived from it by src/shared/domain/sleep.ts on every save
 * and kept beside it, so ten years of Insights need no date arithmetic.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'journal',
  up(db) {
    const time = (column: string) => `${column} GLOB '[0-2][0-9]:[0-5][0-9]' AND ${column} <= '23:59'`
    const nullableTime = (column: string) => `${column} IS NULL OR (${time(column)})`
    db.exec(`
      CREATE TABLE journal_entries (
        id                 INTEGER PRIMARY KEY,
        evening_date       TEXT NOT NULL CHECK (evening_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        zone               TEXT NOT NULL CHECK (length(zone) BETWEEN 1 AND 64),
        severity           INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 10),
        symptom_start      TEXT CHECK (${nullableTime('symptom_start')}),
        area_legs          INTEGER NOT NULL CHECK (area_legs IN (0, 1)),
        area_arms          INTEGER NOT NULL CHECK (area_arms IN (0, 1)),
        area_other         INTEGER NOT NULL CHECK (area_other IN (0, 1)),
        relieved_by_moving TEXT CHECK (relieved_by_moving IS NULL OR relieved_by_moving IN ('yes', 'partly', 'no')),
        sleep_disturbance  INTEGER CHECK (sleep_disturbance IS NULL OR sleep_disturbance BETWEEN 0 AND 4),

        in_bed             TEXT NOT NULL CHECK (${time('in_bed')}),
        tried_to_sleep     TEXT NOT NULL CHECK (${time('tried_to_sleep')}),
        latency_minutes    INTEGER NOT NULL CHECK (latency_minutes BETWEEN 0 AND 720),
        awakenings         INTEGER NOT NULL CHECK (awakenings BETWEEN 0 AND 50),
        waso_minutes       INTEGER NOT NULL CHECK (waso_minutes BETWEEN 0 AND 720),
        final_wake         TEXT NOT NULL CHECK (${time('final_wake')}),
        out_of_bed         TEXT NOT NULL CHECK (${time('out_of_bed')}),
        quality            INTEGER CHECK (quality IS NULL OR quality BETWEEN 1 AND 5),
        rested             INTEGER CHECK (rested IS NULL OR rested BETWEEN 1 AND 5),
        nap_count          INTEGER NOT NULL CHECK (nap_count BETWEEN 0 AND 10),
        nap_minutes        INTEGER NOT NULL CHECK (nap_minutes BETWEEN 0 AND 720),

        time_in_bed_minutes INTEGER NOT NULL CHECK (time_in_bed_minutes BETWEEN 1 AND 1440),
        total_sleep_minutes INTEGER NOT NULL CHECK (total_sleep_minutes BETWEEN 0 AND 1440),
        sleep_efficiency    REAL NOT NULL CHECK (sleep_efficiency BETWEEN 0 AND 100),

        caffeine_drinks    INTEGER NOT NULL CHECK (caffeine_drinks BETWEEN 0 AND 20),
        caffeine_last      TEXT CHECK (${nullableTime('caffeine_last')}),
        alcohol_drinks     INTEGER NOT NULL CHECK (alcohol_drinks BETWEEN 0 AND 30),
        alcohol_last       TEXT CHECK (${nullableTime('alcohol_last')}),
        exercise_minutes   INTEGER NOT NULL CHECK (exercise_minutes BETWEEN 0 AND 600),
        exercise_evening   INTEGER NOT NULL CHECK (exercise_evening IN (0, 1)),
        stress             INTEGER CHECK (stress IS NULL OR stress BETWEEN 1 AND 5),
        magnesium_mg       INTEGER NOT NULL CHECK (magnesium_mg BETWEEN 0 AND 2000),
        magnesium_form     TEXT CHECK (magnesium_form IS NULL OR length(magnesium_form) <= 20),
        iron_mg            INTEGER NOT NULL CHECK (iron_mg BETWEEN 0 AND 300),
        notes              TEXT NOT NULL CHECK (length(notes) <= 4000),

        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        deleted_at         TEXT
      ) STRICT;

      -- One entry per night; deleted rows step aside until they are restored or purged.
      CREATE UNIQUE INDEX journal_entries_one_per_night ON journal_entries (evening_date) WHERE deleted_at IS NULL;
      CREATE INDEX journal_entries_deleted ON journal_entries (deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE journal_medications (
        entry_id INTEGER NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 19),
        name     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        PRIMARY KEY (entry_id, position)
      ) STRICT;
      CREATE INDEX journal_medications_name ON journal_medications (name);

      CREATE TABLE journal_factors (
        id          INTEGER PRIMARY KEY,
        label       TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 40),
        kind        TEXT NOT NULL CHECK (kind IN ('yesno', 'scale')),
        position    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        archived_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX journal_factors_label ON journal_factors (label COLLATE NOCASE) WHERE archived_at IS NULL;

      CREATE TABLE journal_factor_values (
        entry_id  INTEGER NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
        factor_id INTEGER NOT NULL REFERENCES journal_factors (id) ON DELETE RESTRICT,
        value     INTEGER NOT NULL CHECK (value BETWEEN 0 AND 4),
        PRIMARY KEY (entry_id, factor_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX journal_factor_values_factor ON journal_factor_values (factor_id);
    `)
  }
}
