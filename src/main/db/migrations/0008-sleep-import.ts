import type { Migration } from './types'

/**
 * Sleep brought in from trackers and other apps, kept apart from the diary.
 *
 * - sleep_imports: one row per import the user accepted; undone_at marks one
 *   taken back (its rows below are removed, the row stays as history).
 * - device_nights: what a device says about one evening, one row per evening
 *   and source. A later import of the same source and evening with different
 *   values supersedes the older row instead of changing it, so undoing the
 *   later import brings the older one back.
 * - sleep_import_diary_changes: diary nights an import changed because the
 *   user chose the device's times for that night; `before_json` is the sleep
 *   part as it was typed, `after_json` as the import left it, so undo can put
 *   it back — unless the night was edited since.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'sleep-import',
  up(db) {
    const date = (column: string) => `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`
    const time = (column: string) => `${column} GLOB '[0-2][0-9]:[0-5][0-9]'`
    db.exec(`
      CREATE TABLE sleep_imports (
        id                   INTEGER PRIMARY KEY,
        format               TEXT    NOT NULL CHECK (format IN ('apple', 'fitbit', 'csv')),
        file_name            TEXT    NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        imported_at          TEXT    NOT NULL,
        nights_added         INTEGER NOT NULL CHECK (nights_added >= 0),
        diary_nights_changed INTEGER NOT NULL CHECK (diary_nights_changed >= 0),
        undone_at            TEXT
      ) STRICT;

      CREATE TABLE device_nights (
        id                  INTEGER PRIMARY KEY,
        import_id           INTEGER NOT NULL REFERENCES sleep_imports (id) ON DELETE CASCADE,
        evening_date        TEXT    NOT NULL CHECK (${date('evening_date')}),
        source              TEXT    NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
        other_sources       TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(other_sources)),
        zone                TEXT    NOT NULL CHECK (length(zone) BETWEEN 1 AND 64),
        in_bed_at           TEXT    NOT NULL,
        fell_asleep_at      TEXT,
        final_wake_at       TEXT,
        out_of_bed_at       TEXT    NOT NULL,
        in_bed              TEXT    NOT NULL CHECK (${time('in_bed')}),
        fell_asleep         TEXT    CHECK (fell_asleep IS NULL OR ${time('fell_asleep')}),
        final_wake          TEXT    CHECK (final_wake IS NULL OR ${time('final_wake')}),
        out_of_bed          TEXT    NOT NULL CHECK (${time('out_of_bed')}),
        awakenings          INTEGER CHECK (awakenings IS NULL OR awakenings >= 0),
        waso_minutes        INTEGER CHECK (waso_minutes IS NULL OR waso_minutes >= 0),
        total_sleep_minutes INTEGER CHECK (total_sleep_minutes IS NULL OR total_sleep_minutes BETWEEN 0 AND 1440),
        time_in_bed_minutes INTEGER NOT NULL CHECK (time_in_bed_minutes BETWEEN 0 AND 1440),
        nap_count           INTEGER NOT NULL CHECK (nap_count >= 0),
        nap_minutes         INTEGER NOT NULL CHECK (nap_minutes >= 0),
        fragments           INTEGER NOT NULL CHECK (fragments >= 1),
        fingerprint         TEXT    NOT NULL,
        superseded_by       INTEGER REFERENCES sleep_imports (id) ON DELETE SET NULL
      ) STRICT;
      CREATE UNIQUE INDEX device_nights_current ON device_nights (evening_date, source) WHERE superseded_by IS NULL;
      CREATE INDEX device_nights_by_import ON device_nights (import_id);

      CREATE TABLE sleep_import_diary_changes (
        import_id    INTEGER NOT NULL REFERENCES sleep_imports (id) ON DELETE CASCADE,
        entry_id     INTEGER NOT NULL,
        evening_date TEXT    NOT NULL CHECK (${date('evening_date')}),
        before_json  TEXT    NOT NULL CHECK (json_valid(before_json)),
        after_json   TEXT    NOT NULL CHECK (json_valid(after_json)),
        PRIMARY KEY (import_id, entry_id)
      ) STRICT;
    `)
  }
}
