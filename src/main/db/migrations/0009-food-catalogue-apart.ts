import { DAY_CHECK, MEAL_CHECK, PORTION_COLUMNS, PORTION_WEIGHT_CHECK } from './sql'
import type { Migration } from './types'

/**
 * The USDA catalogue leaves the user's database: it now ships as its own
 * read-only file that the app attaches (src/main/db/food-catalogue-file.ts).
 *
 * - USDA foods and their portions are deleted from `foods` and
 *   `food_portions`. A USDA food a newer data file had already dropped, but
 *   that plans or templates still use (kept hidden, `retired = 1`), stays: it
 *   is the only copy of that food's values left.
 * - Plan and template items may now name a food from either file, which a
 *   foreign key cannot express, so those two tables are rebuilt without it
 *   (same columns, rows, ids, indexes). The app checks food ids itself.
 * - How often each USDA food was planned moves to `usda_uses` (derived from
 *   plan items and kept by the same triggers as `foods.uses`).
 * - `food_catalogue` (which shipped files were loaded) has nothing left to say.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'food-catalogue-apart',
  vacuumAfter: true,
  up(db) {
    const ftsTriggers = db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'foods' AND name LIKE 'foods_fts_%'"
      )
      .all()
    for (const trigger of ftsTriggers) db.exec(`DROP TRIGGER ${trigger.name}`)

    db.exec(`
      CREATE TABLE plan_items_new (
        id         INTEGER PRIMARY KEY,
        day        TEXT NOT NULL CHECK (${DAY_CHECK('day')}),
        meal       TEXT NOT NULL CHECK (${MEAL_CHECK('meal')}),
        position   INTEGER NOT NULL CHECK (position >= 0),
        food_id    TEXT NOT NULL CHECK (length(food_id) BETWEEN 1 AND 20),
        ${PORTION_COLUMNS}
        eaten      INTEGER NOT NULL DEFAULT 0 CHECK (eaten IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        ${PORTION_WEIGHT_CHECK},
        CHECK ((unit_kind = 'measure') = (unit_seq IS NOT NULL)),
        CHECK (unit_kind <> 'g' OR unit_grams = 1)
      ) STRICT;
      INSERT INTO plan_items_new (id, day, meal, position, food_id, amount, unit_kind, unit_seq, unit_label, unit_grams, eaten, created_at, updated_at)
        SELECT id, day, meal, position, food_id, amount, unit_kind, unit_seq, unit_label, unit_grams, eaten, created_at, updated_at FROM plan_items;
      DROP TABLE plan_items;
      ALTER TABLE plan_items_new RENAME TO plan_items;
      CREATE INDEX plan_items_by_day ON plan_items (day, meal, position);
      CREATE INDEX plan_items_by_food ON plan_items (food_id);

      CREATE TABLE meal_template_items_new (
        template_id INTEGER NOT NULL REFERENCES meal_templates (id) ON DELETE CASCADE,
        position    INTEGER NOT NULL CHECK (position >= 0),
        food_id     TEXT NOT NULL CHECK (length(food_id) BETWEEN 1 AND 20),
        ${PORTION_COLUMNS}
        PRIMARY KEY (template_id, position),
        ${PORTION_WEIGHT_CHECK}
      ) STRICT;
      INSERT INTO meal_template_items_new (template_id, position, food_id, amount, unit_kind, unit_seq, unit_label, unit_grams)
        SELECT template_id, position, food_id, amount, unit_kind, unit_seq, unit_label, unit_grams FROM meal_template_items;
      DROP TABLE meal_template_items;
      ALTER TABLE meal_template_items_new RENAME TO meal_template_items;
      CREATE INDEX meal_template_items_by_food ON meal_template_items (food_id);

      -- How often each USDA food is planned; the user's foods keep theirs in foods.uses.
      CREATE TABLE usda_uses (
        food_id TEXT PRIMARY KEY,
        uses    INTEGER NOT NULL CHECK (uses >= 0)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO usda_uses (food_id, uses)
        SELECT food_id, count(*) FROM plan_items WHERE food_id NOT GLOB 'u*' GROUP BY food_id;

      CREATE TRIGGER plan_items_count_insert AFTER INSERT ON plan_items BEGIN
        UPDATE foods SET uses = uses + 1 WHERE id = new.food_id;
        INSERT INTO usda_uses (food_id, uses) SELECT new.food_id, 1 WHERE new.food_id NOT GLOB 'u*'
          ON CONFLICT (food_id) DO UPDATE SET uses = uses + 1;
      END;
      CREATE TRIGGER plan_items_count_delete AFTER DELETE ON plan_items BEGIN
        UPDATE foods SET uses = max(uses - 1, 0) WHERE id = old.food_id;
        UPDATE usda_uses SET uses = max(uses - 1, 0) WHERE food_id = old.food_id;
      END;
      CREATE TRIGGER plan_items_count_update AFTER UPDATE OF food_id ON plan_items WHEN old.food_id IS NOT new.food_id BEGIN
        UPDATE foods SET uses = max(uses - 1, 0) WHERE id = old.food_id;
        UPDATE usda_uses SET uses = max(uses - 1, 0) WHERE food_id = old.food_id;
        UPDATE foods SET uses = uses + 1 WHERE id = new.food_id;
        INSERT INTO usda_uses (food_id, uses) SELECT new.food_id, 1 WHERE new.food_id NOT GLOB 'u*'
          ON CONFLICT (food_id) DO UPDATE SET uses = uses + 1;
      END;

      DELETE FROM food_portions WHERE food_id IN (
        SELECT id FROM foods WHERE source = 'usda' AND NOT (
          retired = 1 AND (id IN (SELECT food_id FROM plan_items) OR id IN (SELECT food_id FROM meal_template_items))
        )
      );
      DELETE FROM foods WHERE source = 'usda' AND NOT (
        retired = 1 AND (id IN (SELECT food_id FROM plan_items) OR id IN (SELECT food_id FROM meal_template_items))
      );
      INSERT INTO foods_fts (foods_fts) VALUES ('rebuild');
      DROP TABLE food_catalogue;
    `)
    for (const trigger of ftsTriggers) db.exec(trigger.sql)
  }
}
