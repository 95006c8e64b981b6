import { DAY_CHECK, MEAL_CHECK, PORTION_COLUMNS, PORTION_WEIGHT_CHECK } from './sql'
import type { Migration } from './types'

/**
 * The food catalogue and the meal plan.
 *
 * - `foods` holds USDA SR28 foods (loaded from resources/food on first use,
 *   reloaded when those files change) and the user's own foods. `key` is a
 *   stable integer for the full-text index; `id` is what everything else uses
 *   (the NDB number as text, or "u<key>" for the user's foods). USDA's numbers
 *   are kept twice: as REAL for arithmetic and as the exact text SR28 prints.
 * - `foods_fts` is an FTS5 index over the names (porter stemming, so plurals
 *   match), kept in step by triggers.
 * - `uses` counts planned items per food (kept by triggers), so search can
 *   favour foods the user has planned before without a GROUP BY per keystroke.
 * - Plan items store the unit they were entered in and its weight at that
 *   time, so a later data update never silently changes an old plan's grams.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'foods',
  up(db) {
    db.exec(`
      CREATE TABLE foods (
        key           INTEGER PRIMARY KEY,
        id            TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 20),
        source        TEXT NOT NULL CHECK (source IN ('usda', 'user')),
        name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        short_name    TEXT CHECK (short_name IS NULL OR length(short_name) BETWEEN 1 AND 80),
        food_group    TEXT NOT NULL CHECK (length(food_group) BETWEEN 1 AND 80),
        mg_per_100g   REAL NOT NULL CHECK (mg_per_100g >= 0 AND mg_per_100g <= 100000),
        fe_per_100g   REAL CHECK (fe_per_100g IS NULL OR (fe_per_100g >= 0 AND fe_per_100g <= 100000)),
        kcal_per_100g REAL CHECK (kcal_per_100g IS NULL OR (kcal_per_100g >= 0 AND kcal_per_100g <= 1000)),
        mg_text       TEXT,
        fe_text       TEXT,
        kcal_text     TEXT,
        basis         TEXT CHECK (basis IS NULL OR basis IN ('100g', 'serving')),
        common        INTEGER NOT NULL DEFAULT 0 CHECK (common IN (0, 1)),
        prior         REAL NOT NULL DEFAULT 0,
        uses          INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0),
        retired       INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        CHECK (source = 'user' OR (mg_text IS NOT NULL AND kcal_text IS NOT NULL)),
        CHECK (source = 'usda' OR basis IS NOT NULL)
      ) STRICT;
      CREATE INDEX foods_by_group ON foods (food_group);
      CREATE INDEX foods_by_source ON foods (source, retired);
      -- The foods a one-letter search offers: common ones, the user's own, and ones planned before.
      CREATE INDEX foods_likely ON foods (prior) WHERE common = 1 OR uses > 0 OR source = 'user';

      CREATE TABLE food_portions (
        food_id TEXT NOT NULL REFERENCES foods (id) ON DELETE CASCADE,
        seq     INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 999),
        amount  REAL NOT NULL CHECK (amount > 0 AND amount <= 1000),
        measure TEXT NOT NULL CHECK (length(measure) BETWEEN 1 AND 120),
        grams   REAL NOT NULL CHECK (grams > 0 AND grams <= 10000),
        PRIMARY KEY (food_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE VIRTUAL TABLE foods_fts USING fts5 (
        name, short_name, food_group,
        content = 'foods', content_rowid = 'key',
        tokenize = 'porter unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
      CREATE TRIGGER foods_fts_insert AFTER INSERT ON foods BEGIN
        INSERT INTO foods_fts (rowid, name, short_name, food_group) VALUES (new.key, new.name, new.short_name, new.food_group);
      END;
      CREATE TRIGGER foods_fts_delete AFTER DELETE ON foods BEGIN
        INSERT INTO foods_fts (foods_fts, rowid, name, short_name, food_group) VALUES ('delete', old.key, old.name, old.short_name, old.food_group);
      END;
      CREATE TRIGGER foods_fts_update AFTER UPDATE OF name, short_name, food_group ON foods BEGIN
        INSERT INTO foods_fts (foods_fts, rowid, name, short_name, food_group) VALUES ('delete', old.key, old.name, old.short_name, old.food_group);
        INSERT INTO foods_fts (rowid, name, short_name, food_group) VALUES (new.key, new.name, new.short_name, new.food_group);
      END;

      -- Which USDA data is loaded: a hash of the shipped files, so a changed file reloads once.
      CREATE TABLE food_catalogue (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        data_hash  TEXT NOT NULL,
        foods      INTEGER NOT NULL CHECK (foods >= 0),
        portions   INTEGER NOT NULL CHECK (portions >= 0),
        loaded_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE plan_items (
        id         INTEGER PRIMARY KEY,
        day        TEXT NOT NULL CHECK (${DAY_CHECK('day')}),
        meal       TEXT NOT NULL CHECK (${MEAL_CHECK('meal')}),
        position   INTEGER NOT NULL CHECK (position >= 0),
        food_id    TEXT NOT NULL REFERENCES foods (id) ON DELETE RESTRICT,
        ${PORTION_COLUMNS}
        eaten      INTEGER NOT NULL DEFAULT 0 CHECK (eaten IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        ${PORTION_WEIGHT_CHECK},
        CHECK ((unit_kind = 'measure') = (unit_seq IS NOT NULL)),
        CHECK (unit_kind <> 'g' OR unit_grams = 1)
      ) STRICT;
      CREATE INDEX plan_items_by_day ON plan_items (day, meal, position);
      CREATE INDEX plan_items_by_food ON plan_items (food_id);

      CREATE TRIGGER plan_items_count_insert AFTER INSERT ON plan_items BEGIN
        UPDATE foods SET uses = uses + 1 WHERE id = new.food_id;
      END;
      CREATE TRIGGER plan_items_count_delete AFTER DELETE ON plan_items BEGIN
        UPDATE foods SET uses = max(uses - 1, 0) WHERE id = old.food_id;
      END;
      CREATE TRIGGER plan_items_count_update AFTER UPDATE OF food_id ON plan_items WHEN old.food_id IS NOT new.food_id BEGIN
        UPDATE foods SET uses = max(uses - 1, 0) WHERE id = old.food_id;
        UPDATE foods SET uses = uses + 1 WHERE id = new.food_id;
      END;

      -- Per-day values that are not food: magnesium from supplements.
      CREATE TABLE plan_days (
        day           TEXT PRIMARY KEY CHECK (${DAY_CHECK('day')}),
        supplement_mg REAL NOT NULL DEFAULT 0 CHECK (supplement_mg >= 0 AND supplement_mg <= 5000),
        updated_at    TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE meal_templates (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 60),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE meal_template_items (
        template_id INTEGER NOT NULL REFERENCES meal_templates (id) ON DELETE CASCADE,
        position    INTEGER NOT NULL CHECK (position >= 0),
        food_id     TEXT NOT NULL REFERENCES foods (id) ON DELETE RESTRICT,
        ${PORTION_COLUMNS}
        PRIMARY KEY (template_id, position),
        ${PORTION_WEIGHT_CHECK}
      ) STRICT;
      CREATE INDEX meal_template_items_by_food ON meal_template_items (food_id);

      -- The user's own daily targets, overriding the recommended ones until reset.
      CREATE TABLE nutrient_targets (
        nutrient   TEXT PRIMARY KEY CHECK (nutrient IN ('magnesium', 'iron')),
        value_mg   REAL NOT NULL CHECK (value_mg > 0 AND value_mg <= 2000),
        updated_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
