import Database from 'better-sqlite3'
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseFoodData, readFoodDataFiles } from './food-data'

/**
 * The USDA food catalogue as its own read-only SQLite file, built once when
 * the app is built (electron.vite.config.ts) from the CSV files in
 * resources/food and shipped beside the app. The user's database only
 * ATTACHes it, so a new data folder searches and plans at once, and backups and
 * exports never carry a copy of it.
 */

/** Where a build writes the file, relative to the project (packages copy it to resources/food, see electron-builder.yml). */
export const FOOD_CATALOGUE_BUILD_PATH = join('out', 'food', 'usda-catalogue.sqlite')
/** Its name inside a package's resources folder. */
export const FOOD_CATALOGUE_PACKAGED_PATH = join('food', 'usda-catalogue.sqlite')

/** Bump when the file's schema changes, so every build and test setup rebuilds it. */
const FILE_FORMAT = 1

/** Words as SQLite's unicode61 tokenizer splits them (letters, digits and private-use characters). */
export function tokenCount(...texts: readonly (string | null)[]): number {
  let count = 0
  for (const text of texts) if (text) count += text.split(/[^\p{L}\p{N}\p{Co}]+/u).filter((word) => word.length > 0).length
  return count
}

const SCHEMA = `
  CREATE TABLE foods (
    key           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    short_name    TEXT,
    food_group    TEXT NOT NULL,
    mg_per_100g   REAL NOT NULL,
    fe_per_100g   REAL,
    kcal_per_100g REAL,
    mg_text       TEXT NOT NULL,
    fe_text       TEXT,
    kcal_text     TEXT NOT NULL,
    common        INTEGER NOT NULL CHECK (common IN (0, 1)),
    prior         REAL NOT NULL
  ) STRICT;
  CREATE INDEX foods_by_group ON foods (food_group);
  -- The foods a one-letter search offers from the catalogue itself.
  CREATE INDEX foods_common ON foods (prior) WHERE common = 1;
  CREATE TABLE food_portions (
    food_id TEXT NOT NULL REFERENCES foods (id),
    seq     INTEGER NOT NULL,
    amount  REAL NOT NULL,
    measure TEXT NOT NULL,
    grams   REAL NOT NULL,
    PRIMARY KEY (food_id, seq)
  ) STRICT, WITHOUT ROWID;
  -- The same index settings as the user's own foods (migration 0004), so scores compare.
  CREATE VIRTUAL TABLE foods_fts USING fts5 (
    name, short_name, food_group,
    content = 'foods', content_rowid = 'key',
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '1 2 3'
  );
  -- Which files it was built from, and the word counts search needs to score the user's foods alike.
  CREATE TABLE catalogue_info (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    format    INTEGER NOT NULL,
    data_hash TEXT NOT NULL,
    foods     INTEGER NOT NULL,
    portions  INTEGER NOT NULL,
    tokens    INTEGER NOT NULL
  ) STRICT;
`

/** Builds the catalogue file from the CSVs in `resourcesDir/food`, replacing `file` in one rename. */
export function buildFoodCatalogueFile(resourcesDir: string, file: string, nativeBinding?: string): { foods: number; portions: number } {
  const files = readFoodDataFiles(resourcesDir)
  const { foods, portions } = parseFoodData(files)
  mkdirSync(dirname(file), { recursive: true })
  const partial = `${file}.${process.pid}.partial`
  rmSync(partial, { force: true })
  const db = new Database(partial, nativeBinding ? { nativeBinding } : {})
  try {
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.exec(SCHEMA)
    const insertFood = db.prepare(
      `INSERT INTO foods (key, id, name, short_name, food_group, mg_per_100g, fe_per_100g, kcal_per_100g, mg_text, fe_text, kcal_text, common, prior)
       VALUES (@key, @id, @name, @shortName, @foodGroup, @mg, @fe, @kcal, @mgText, @feText, @kcalText, @common, @prior)`
    )
    const insertPortion = db.prepare('INSERT INTO food_portions (food_id, seq, amount, measure, grams) VALUES (?, ?, ?, ?, ?)')
    let tokens = 0
    db.transaction(() => {
      foods.forEach((food, i) => {
        insertFood.run({ ...food, key: i + 1, common: food.common ? 1 : 0 })
        tokens += tokenCount(food.name, food.shortName, food.foodGroup)
      })
      for (const p of portions) insertPortion.run(p.food_id, p.seq, p.amount, p.measure, p.grams)
      db.exec("INSERT INTO foods_fts (foods_fts) VALUES ('rebuild'); INSERT INTO foods_fts (foods_fts) VALUES ('optimize')")
      db.prepare('INSERT INTO catalogue_info (id, format, data_hash, foods, portions, tokens) VALUES (1, ?, ?, ?, ?, ?)').run(
        FILE_FORMAT,
        files.hash,
        foods.length,
        portions.length,
        tokens
      )
    })()
    db.exec('VACUUM')
    // Opened read-only and immutable by the app: no journal files beside it, ever.
    db.pragma('journal_mode = DELETE')
  } finally {
    db.close()
  }
  // Read-only on disk too: SQLite then opens it read-only wherever it is attached.
  chmodSync(partial, 0o444)
  renameSync(partial, file)
  return { foods: foods.length, portions: portions.length }
}

/** The stamp a file was built with (format and source hash), or null when missing or unreadable. */
export function foodCatalogueStamp(file: string, nativeBinding?: string): string | null {
  if (!existsSync(file)) return null
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    try {
      const row = db.prepare('SELECT format, data_hash FROM catalogue_info WHERE id = 1').get() as
        { format: number; data_hash: string } | undefined
      return row ? `${row.format}:${row.data_hash}` : null
    } finally {
      db.close()
    }
  } catch {
    return null
  }
}

/**
 * Builds the file unless it is already built from these very CSVs: what a
 * build and the test setup call. Returns whether it built. Never called by the
 * running app, whose catalogue ships read-only.
 */
export function ensureFoodCatalogueFile(resourcesDir: string, file: string, nativeBinding?: string): boolean {
  const wanted = `${FILE_FORMAT}:${readFoodDataFiles(resourcesDir).hash}`
  if (foodCatalogueStamp(file, nativeBinding) === wanted) return false
  buildFoodCatalogueFile(resourcesDir, file, nativeBinding)
  return true
}

/** The catalogue beside a development checkout (`npm run build`, tests, the web harness). */
export function developmentFoodCatalogue(projectRoot: string): string {
  return join(projectRoot, FOOD_CATALOGUE_BUILD_PATH)
}
