// Over 400 lines: every SQL statement over the attached catalogue and the user's foods in one place, so search ranking stays one piece.
import type { Database } from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { tokenCount } from './food-catalogue-file'

/**
 * Storage for the food catalogue: the USDA foods with their household portions
 * and full-text index, in the read-only file that ships with the app (attached
 * as the schema `usda`, see food-catalogue-file.ts), and the user's own foods
 * in the user's database, which also counts how often each food was planned.
 * Every read combines the two; only the user's side is ever written.
 * Statements are prepared once; multi-row writes run in one transaction.
 */

export interface FoodRow {
  key: number
  id: string
  source: 'usda' | 'user'
  name: string
  short_name: string | null
  food_group: string
  mg_per_100g: number
  fe_per_100g: number | null
  kcal_per_100g: number | null
  mg_text: string | null
  fe_text: string | null
  kcal_text: string | null
  basis: '100g' | 'serving' | null
  common: 0 | 1
  uses: number
  retired: 0 | 1
  /** The first household measure (seq 1), joined in. */
  serving_amount: number | null
  serving_measure: string | null
  serving_grams: number | null
}

export interface PortionRow {
  food_id: string
  seq: number
  amount: number
  measure: string
  grams: number
}

/** One USDA food as loaded from the shipped CSV, numbers both parsed and as printed. */
export interface UsdaFood {
  id: string
  name: string
  shortName: string | null
  foodGroup: string
  mg: number
  fe: number | null
  kcal: number
  mgText: string
  feText: string | null
  kcalText: string
  common: boolean
  prior: number
}

export interface UserFoodValues {
  name: string
  foodGroup: string
  mgPer100g: number
  fePer100g: number | null
  kcalPer100g: number | null
  basis: '100g' | 'serving'
  prior: number
  /** seq 1 is the serving, when there is one; other portions follow from seq 2. */
  portions: { seq: number; label: string; grams: number }[]
}

export type BrowseSort = 'mgPerServing' | 'mgPer100kcal' | 'mgPer100g'

/** The schema name the shipped catalogue is attached under. */
export const CATALOGUE_SCHEMA = 'usda'

/** The usage lift in SQL for a count column; mirrors usageBoost() in shared/domain/food-search.ts. */
const usageSql = (uses: string): string => `CASE WHEN ${uses} > 0 THEN 2 + min(${uses}, 20) / 10.0 ELSE 0 END`
/** bm25 column weights: name, short name, food group. */
const WEIGHTS = [10.0, 8.0, 1.0] as const
const COLUMNS = ['name', 'short_name', 'food_group'] as const
const BM25 = `bm25(foods_fts, ${WEIGHTS.join(', ')})`

/** A USDA food's row, from the catalogue (c), its first portion (s) and the user's count of plans (n). */
const USDA_FOOD = `
  c.key, c.id, 'usda' AS source, c.name, c.short_name, c.food_group, c.mg_per_100g, c.fe_per_100g, c.kcal_per_100g,
  c.mg_text, c.fe_text, c.kcal_text, NULL AS basis, c.common, coalesce(n.uses, 0) AS uses, 0 AS retired,
  s.amount AS serving_amount, s.measure AS serving_measure, s.grams AS serving_grams`
const USDA_JOINS = `
  LEFT JOIN main.usda_uses n ON n.food_id = c.id
  LEFT JOIN ${CATALOGUE_SCHEMA}.food_portions s ON s.food_id = c.id AND s.seq = 1`

/** One of the user's foods (or a USDA food kept because old plans use it) from the user's database. */
const USER_FOOD = `
  f.key, f.id, f.source, f.name, f.short_name, f.food_group, f.mg_per_100g, f.fe_per_100g, f.kcal_per_100g,
  f.mg_text, f.fe_text, f.kcal_text, f.basis, f.common, f.uses, f.retired,
  s.amount AS serving_amount, s.measure AS serving_measure, s.grams AS serving_grams`
const USER_JOINS = 'LEFT JOIN main.food_portions s ON s.food_id = f.id AND s.seq = 1'

/**
 * For queries that join a food by id (plan and template items): the two LEFT
 * JOINs, then `foodColumn(name)` for each value. The user's database wins, so
 * a kept USDA food it still holds is read from there.
 */
export function foodJoin(idColumn: string): string {
  return `LEFT JOIN main.foods uf ON uf.id = ${idColumn} LEFT JOIN ${CATALOGUE_SCHEMA}.foods cf ON cf.id = ${idColumn}`
}
export function foodColumn(column: 'name' | 'short_name' | 'food_group' | 'mg_per_100g' | 'fe_per_100g' | 'kcal_per_100g'): string {
  return `CASE WHEN uf.id IS NOT NULL THEN uf.${column} ELSE cf.${column} END`
}
/**
 * The name of an item's food. A food no file has any more (a future catalogue
 * that dropped it) still shows, by its id, so no plan silently loses an item.
 */
export function foodName(idColumn: string): string {
  return `coalesce(uf.name, cf.name, 'Food ' || ${idColumn} || ' (no longer in the food list)')`
}

/** Magnesium per 100 kcal is left out below 20 kcal per 100 g (water, tea, broth): the ratio means little there. */
export const MIN_KCAL_FOR_RATIO = 20

/** Browse orders over the combined rows' output columns. */
const BROWSE_ORDER: Record<BrowseSort, { value: string; where: string }> = {
  mgPerServing: { value: 'mg_per_100g * serving_grams / 100.0', where: 'serving_grams IS NOT NULL' },
  mgPer100kcal: { value: 'mg_per_100g * 100.0 / kcal_per_100g', where: `kcal_per_100g >= ${MIN_KCAL_FOR_RATIO}` },
  mgPer100g: { value: 'mg_per_100g', where: '1' }
}

export interface CatalogueInfo {
  foods: number
  portions: number
  /** Words in every name, short name and group, for scoring the user's foods like the catalogue's. */
  tokens: number
}

const CATALOGUE_TABLES = `
  CREATE TABLE ${CATALOGUE_SCHEMA}.foods (
    key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, short_name TEXT, food_group TEXT NOT NULL,
    mg_per_100g REAL NOT NULL, fe_per_100g REAL, kcal_per_100g REAL, mg_text TEXT NOT NULL, fe_text TEXT, kcal_text TEXT NOT NULL,
    common INTEGER NOT NULL, prior REAL NOT NULL);
  CREATE TABLE ${CATALOGUE_SCHEMA}.food_portions (
    food_id TEXT NOT NULL, seq INTEGER NOT NULL, amount REAL NOT NULL, measure TEXT NOT NULL, grams REAL NOT NULL,
    PRIMARY KEY (food_id, seq)) WITHOUT ROWID;
  CREATE VIRTUAL TABLE ${CATALOGUE_SCHEMA}.foods_fts USING fts5 (
    name, short_name, food_group, content = 'foods', content_rowid = 'key', tokenize = 'porter unicode61 remove_diacritics 2');
  CREATE TABLE ${CATALOGUE_SCHEMA}.catalogue_info (id INTEGER PRIMARY KEY, format INTEGER, data_hash TEXT, foods INTEGER, portions INTEGER, tokens INTEGER);
  INSERT INTO ${CATALOGUE_SCHEMA}.catalogue_info VALUES (1, 0, '', 0, 0, 0);`

/**
 * Attaches the shipped catalogue to this connection (once; later calls only
 * report). Never inside a transaction. When the file is missing or unreadable
 * (a damaged install), an empty catalogue stands in so everything else keeps
 * working, and `problem` says what happened.
 */
export function attachFoodCatalogue(db: Database, file: string): CatalogueInfo & { problem: string | null } {
  const attached = (db.pragma('database_list') as { name: string }[]).some((d) => d.name === CATALOGUE_SCHEMA)
  let problem: string | null = null
  if (!attached) {
    try {
      if (!existsSync(file)) throw new Error('the file is missing')
      db.prepare(`ATTACH DATABASE ? AS ${CATALOGUE_SCHEMA}`).run(file)
      db.prepare(`SELECT foods, portions, tokens FROM ${CATALOGUE_SCHEMA}.catalogue_info WHERE id = 1`).get()
    } catch (error) {
      problem = `The food list that comes with Stillwell could not be opened (${file}: ${error instanceof Error ? error.message : String(error)}). Reinstalling Stillwell puts it back; your own foods and plans are unaffected.`
      if ((db.pragma('database_list') as { name: string }[]).some((d) => d.name === CATALOGUE_SCHEMA))
        db.exec(`DETACH DATABASE ${CATALOGUE_SCHEMA}`)
      db.prepare(`ATTACH DATABASE ':memory:' AS ${CATALOGUE_SCHEMA}`).run()
      db.exec(CATALOGUE_TABLES)
    }
  }
  const info = db.prepare<[], CatalogueInfo>(`SELECT foods, portions, tokens FROM ${CATALOGUE_SCHEMA}.catalogue_info WHERE id = 1`).get()!
  return { ...info, problem }
}

export interface FoodStore {
  /** How many USDA foods and portions the attached catalogue holds. */
  info(): CatalogueInfo
  search(match: string, group: string | null, limit: number): (FoodRow & { score: number })[]
  /** Likely foods (common, the user's own, planned before) whose name starts with `letter`. */
  searchLikely(letter: string, group: string | null, limit: number): (FoodRow & { score: number })[]
  /** Foods in order of a magnesium measure; `likelyOnly` keeps to common foods, the user's own and ones planned before. */
  browse(sort: BrowseSort, match: string | null, group: string | null, limit: number, likelyOnly?: boolean): FoodRow[]
  byIds(ids: readonly string[]): FoodRow[]
  portions(ids: readonly string[]): PortionRow[]
  groups(): { name: string; count: number }[]
  mine(): FoodRow[]
  /** Foods the user has planned, most used first (for "close the gap"). */
  used(limit: number): FoodRow[]
  common(): FoodRow[]
  /** Food ids that plan or template items name but neither file has (a few at most; none in a sound database). */
  unknownPlanned(): string[]
  /** Recounts foods.uses and usda_uses from the plan items (call inside a transaction). */
  recountUses(): void
  insertUser(values: UserFoodValues, now: string): string
  updateUser(id: string, values: UserFoodValues, now: string): void
  /** Deletes a user's food, or hides it when plans or templates still use it. Returns true when hidden. */
  removeUser(id: string, now: string): boolean
  userNamesTaken(names: readonly string[]): string[]
}

/** The phrases of a MATCH expression made by matchExpression(), with the columns each may match. */
function phrasesOf(match: string): { text: string; columns: number[] }[] {
  const quoted = [...match.matchAll(/"((?:[^"]|"")*)"\*/g)].map((m) => `"${m[1]}"*`)
  if (match.startsWith('{')) return quoted.map((q) => ({ text: `^ ${q}`, columns: [0, 1] }))
  return quoted.map((q) => ({ text: q, columns: [0, 1, 2] }))
}

export function createFoodStore(db: Database, catalogueFile: string, log?: (message: string) => void): FoodStore {
  const attached = attachFoodCatalogue(db, catalogueFile)
  if (attached.problem) log?.(attached.problem)
  const info: CatalogueInfo = { foods: attached.foods, portions: attached.portions, tokens: attached.tokens }
  const C = CATALOGUE_SCHEMA

  const referenced = db
    .prepare<[string, string], number>(
      'SELECT EXISTS (SELECT 1 FROM plan_items WHERE food_id = ?) OR EXISTS (SELECT 1 FROM meal_template_items WHERE food_id = ?)'
    )
    .pluck()
  const deleteFood = db.prepare<[string]>('DELETE FROM main.foods WHERE id = ?')
  const retireFood = db.prepare<[string, string]>('UPDATE main.foods SET retired = 1, updated_at = ? WHERE id = ?')
  const insertPortion = db.prepare<[string, number, number, string, number]>(
    'INSERT INTO main.food_portions (food_id, seq, amount, measure, grams) VALUES (?, ?, ?, ?, ?)'
  )
  const deletePortions = db.prepare<[string]>('DELETE FROM main.food_portions WHERE food_id = ?')

  // Two steps, as before the split: rank every match on the few columns ranking needs, then read
  // whole rows (with the serving) for the best few only.
  const rankUsda = db.prepare<{ match: string; group: string | null; limit: number }, { key: number; score: number }>(
    `SELECT c.key, (${BM25} - c.prior - ${usageSql('coalesce(n.uses, 0)')}) AS score
     FROM ${C}.foods_fts JOIN ${C}.foods c ON c.key = foods_fts.rowid LEFT JOIN main.usda_uses n ON n.food_id = c.id
     WHERE foods_fts MATCH @match AND (@group IS NULL OR c.food_group = @group)
     ORDER BY score LIMIT @limit`
  )
  const matchUser = db.prepare<
    { match: string; group: string | null },
    { key: number; id: string; name: string; short_name: string | null; food_group: string; prior: number; uses: number }
  >(
    `SELECT f.key, f.id, f.name, f.short_name, f.food_group, f.prior, f.uses
     FROM main.foods_fts JOIN main.foods f ON f.key = foods_fts.rowid
     WHERE foods_fts MATCH @match AND f.retired = 0 AND (@group IS NULL OR f.food_group = @group)`
  )
  const userKeysMatching = db.prepare<[string], number>('SELECT rowid FROM main.foods_fts WHERE foods_fts MATCH ?').pluck()
  const usdaHits = db.prepare<[string], number>(`SELECT count(*) FROM ${C}.foods_fts WHERE foods_fts MATCH ?`).pluck()
  const userTexts = db.prepare<[], { name: string; short_name: string | null; food_group: string }>(
    'SELECT name, short_name, food_group FROM main.foods'
  )
  const usdaByKeys = db.prepare<[string], FoodRow>(
    `SELECT ${USDA_FOOD} FROM json_each(?) AS k JOIN ${C}.foods c ON c.key = k.value ${USDA_JOINS}`
  )
  const usdaById = db.prepare<[string], FoodRow>(`SELECT ${USDA_FOOD} FROM ${C}.foods c ${USDA_JOINS} WHERE c.id = ?`)
  const userByKeys = db.prepare<[string], FoodRow>(
    `SELECT ${USER_FOOD} FROM json_each(?) AS k JOIN main.foods f ON f.key = k.value ${USER_JOINS}`
  )
  const userById = db.prepare<[string], FoodRow>(`SELECT ${USER_FOOD} FROM main.foods f ${USER_JOINS} WHERE f.id = ?`)

  /** The catalogue never changes while the app runs, so how many of its foods match a phrase is asked once. */
  const hitCache = new Map<string, number>()
  function catalogueHits(phrase: string): number {
    let hits = hitCache.get(phrase)
    if (hits === undefined) {
      hits = usdaHits.get(phrase) ?? 0
      if (hitCache.size > 2000) hitCache.clear()
      hitCache.set(phrase, hits)
    }
    return hits
  }

  /**
   * SQLite's bm25 for the user's matching foods as if they sat in the
   * catalogue's index (which is what the ranking was tuned on): the same
   * formula as FTS5's (k1 = 1.2, b = 0.75, the same column weights), with the
   * row count, average length and per-phrase document counts of both files
   * together. A phrase is counted once per column it occurs in.
   */
  function userBm25(match: string, keys: readonly number[], texts: Map<number, number>): Map<number, number> {
    const k1 = 1.2
    const b = 0.75
    const all = userTexts.all()
    const rowCount = info.foods + all.length
    const avgdl = (info.tokens + all.reduce((sum, t) => sum + tokenCount(t.name, t.short_name, t.food_group), 0)) / Math.max(1, rowCount)
    const scores = new Map<number, number>(keys.map((k) => [k, 0]))
    for (const phrase of phrasesOf(match)) {
      const inColumn = phrase.columns.map((c) => new Set(userKeysMatching.all(`{${COLUMNS[c]}} : ${phrase.text}`)))
      const userHits = new Set(inColumn.flatMap((set) => [...set])).size
      const hits = catalogueHits(phrase.text) + userHits
      const idf = Math.max(1e-6, Math.log((rowCount - hits + 0.5) / (hits + 0.5)))
      for (const key of keys) {
        let freq = 0
        phrase.columns.forEach((c, i) => {
          if (inColumn[i]!.has(key)) freq += WEIGHTS[c]!
        })
        const length = texts.get(key) ?? 0
        const term = (freq * (k1 + 1)) / (freq + k1 * (1 - b + (b * length) / avgdl))
        scores.set(key, scores.get(key)! - idf * term)
      }
    }
    return scores
  }

  function search(match: string, group: string | null, limit: number): (FoodRow & { score: number })[] {
    const ranked: { key: number; score: number; user: boolean }[] = rankUsda
      .all({ match, group, limit })
      .map((r) => ({ ...r, user: false }))
    const users = matchUser.all({ match, group })
    if (users.length > 0) {
      const lengths = new Map(users.map((u) => [u.key, tokenCount(u.name, u.short_name, u.food_group)]))
      const bm25 = userBm25(
        match,
        users.map((u) => u.key),
        lengths
      )
      for (const u of users) {
        const boost = u.uses > 0 ? 2 + Math.min(u.uses, 20) / 10 : 0
        ranked.push({ key: u.key, score: bm25.get(u.key)! - u.prior - boost, user: true })
      }
      ranked.sort((a, b) => a.score - b.score)
    }
    // Whole rows (with the serving) for the best few only, in one statement per file.
    const best = ranked.slice(0, limit)
    const usda = new Map(usdaByKeys.all(JSON.stringify(best.filter((r) => !r.user).map((r) => r.key))).map((row) => [row.key, row]))
    const own = new Map(
      users.length > 0 ? userByKeys.all(JSON.stringify(best.filter((r) => r.user).map((r) => r.key))).map((row) => [row.key, row]) : []
    )
    return best.flatMap((r) => {
      const row = (r.user ? own : usda).get(r.key)
      return row ? [{ ...row, score: r.score }] : []
    })
  }

  // One letter typed: only the foods someone is likely to mean (common ones, their own, ones planned
  // before), by the same prior and usage. Each part reads an index: the catalogue's common foods, the
  // user's counts, the user's own foods.
  const prefixWhere = (a: string): string =>
    `(${a}.name LIKE @prefix ESCAPE '\\' OR ${a}.short_name LIKE @prefix ESCAPE '\\') AND (@group IS NULL OR ${a}.food_group = @group)`
  const likelyStatement = db.prepare<{ prefix: string; group: string | null; limit: number }, FoodRow & { score: number }>(
    `SELECT * FROM (
       SELECT ${USDA_FOOD}, (-c.prior - ${usageSql('coalesce(n.uses, 0)')}) AS score
       FROM ${C}.foods c ${USDA_JOINS} WHERE c.common = 1 AND ${prefixWhere('c')}
       UNION ALL
       SELECT ${USDA_FOOD}, (-c.prior - ${usageSql('n.uses')}) AS score
       FROM main.usda_uses n JOIN ${C}.foods c ON c.id = n.food_id
         LEFT JOIN ${C}.food_portions s ON s.food_id = c.id AND s.seq = 1
       WHERE n.uses > 0 AND c.common = 0 AND ${prefixWhere('c')}
       UNION ALL
       SELECT ${USER_FOOD}, (-f.prior - ${usageSql('f.uses')}) AS score
       FROM main.foods f ${USER_JOINS} WHERE (f.source = 'user' OR f.uses > 0 OR f.common = 1) AND f.retired = 0 AND ${prefixWhere('f')}
     ) ORDER BY score, name LIMIT @limit`
  )

  const browseStatements = new Map<string, ReturnType<typeof db.prepare>>()
  function browseStatement(sort: BrowseSort, withMatch: boolean, likelyOnly: boolean) {
    const key = `${sort}:${withMatch}:${likelyOnly}`
    let statement = browseStatements.get(key)
    if (!statement) {
      const order = BROWSE_ORDER[sort]
      const likely = likelyOnly ? "AND (common = 1 OR uses > 0 OR source = 'user')" : ''
      const usda = withMatch
        ? `SELECT ${USDA_FOOD} FROM ${C}.foods_fts JOIN ${C}.foods c ON c.key = foods_fts.rowid ${USDA_JOINS} WHERE foods_fts MATCH @match`
        : `SELECT ${USDA_FOOD} FROM ${C}.foods c ${USDA_JOINS}`
      const user = withMatch
        ? `SELECT ${USER_FOOD} FROM main.foods_fts JOIN main.foods f ON f.key = foods_fts.rowid ${USER_JOINS} WHERE foods_fts MATCH @match`
        : `SELECT ${USER_FOOD} FROM main.foods f ${USER_JOINS}`
      statement = db.prepare(
        `SELECT * FROM (${usda} UNION ALL ${user})
         WHERE retired = 0 AND (@group IS NULL OR food_group = @group) AND ${order.where} ${likely}
         ORDER BY ${order.value} DESC, name LIMIT @limit`
      )
      browseStatements.set(key, statement)
    }
    return statement
  }
  const userPortions = db.prepare<[string], PortionRow>(
    'SELECT food_id, seq, amount, measure, grams FROM main.food_portions WHERE food_id = ? ORDER BY seq'
  )
  const usdaPortions = db.prepare<[string], PortionRow>(
    `SELECT food_id, seq, amount, measure, grams FROM ${C}.food_portions WHERE food_id = ? ORDER BY seq`
  )
  const groupList = db.prepare<[], { name: string; count: number }>(
    `SELECT name, sum(count) AS count FROM (
       SELECT food_group AS name, count(*) AS count FROM ${C}.foods GROUP BY food_group
       UNION ALL
       SELECT food_group AS name, count(*) AS count FROM main.foods WHERE retired = 0 GROUP BY food_group
     ) GROUP BY name ORDER BY name`
  )
  const mineStatement = db.prepare<[], FoodRow>(
    `SELECT ${USER_FOOD} FROM main.foods f ${USER_JOINS} WHERE f.source = 'user' AND f.retired = 0 ORDER BY f.name COLLATE NOCASE`
  )
  // The catalogue's foods first on equal counts, as when they shared one table and had the lower keys.
  const usedStatement = db.prepare<[number], FoodRow>(
    `SELECT * FROM (
       SELECT ${USDA_FOOD}, 0 AS mine FROM main.usda_uses n JOIN ${C}.foods c ON c.id = n.food_id
         LEFT JOIN ${C}.food_portions s ON s.food_id = c.id AND s.seq = 1 WHERE n.uses > 0
       UNION ALL
       SELECT ${USER_FOOD}, 1 AS mine FROM main.foods f ${USER_JOINS} WHERE f.uses > 0 AND f.retired = 0
     ) ORDER BY uses DESC, mine, key LIMIT ?`
  )
  const commonStatement = db.prepare<[], FoodRow>(`SELECT ${USDA_FOOD} FROM ${C}.foods c ${USDA_JOINS} WHERE c.common = 1`)
  // The user's foods are "u" + their key, so an id is never reused while anything refers to it.
  const insertUserStatement = db.prepare(
    `INSERT INTO main.foods (key, id, source, name, food_group, mg_per_100g, fe_per_100g, kcal_per_100g, basis, prior, created_at, updated_at)
     SELECT next.key, 'u' || next.key, 'user', @name, @foodGroup, @mgPer100g, @fePer100g, @kcalPer100g, @basis, @prior, @now, @now
     FROM (SELECT coalesce(max(key), 0) + 1 AS key FROM main.foods) AS next
     RETURNING id`
  )
  const updateUserStatement = db.prepare(
    `UPDATE main.foods SET name = @name, food_group = @foodGroup, mg_per_100g = @mgPer100g, fe_per_100g = @fePer100g,
       kcal_per_100g = @kcalPer100g, basis = @basis, prior = @prior, updated_at = @now
     WHERE id = @id AND source = 'user'`
  )
  const userNames = db.prepare<[], string>("SELECT lower(name) FROM main.foods WHERE source = 'user' AND retired = 0").pluck()
  const unknownPlanned = db
    .prepare<[], string>(
      `SELECT p.food_id FROM (SELECT food_id FROM main.plan_items UNION SELECT food_id FROM main.meal_template_items) AS p
       WHERE NOT EXISTS (SELECT 1 FROM main.foods WHERE id = p.food_id) AND NOT EXISTS (SELECT 1 FROM ${C}.foods WHERE id = p.food_id)
       LIMIT 5`
    )
    .pluck()

  const recountUser = db.prepare(
    'UPDATE main.foods SET uses = (SELECT count(*) FROM main.plan_items p WHERE p.food_id = foods.id) WHERE uses IS NOT (SELECT count(*) FROM main.plan_items p WHERE p.food_id = foods.id)'
  )
  const clearUsdaUses = db.prepare('DELETE FROM main.usda_uses')
  const recountUsda = db.prepare(
    "INSERT INTO main.usda_uses (food_id, uses) SELECT food_id, count(*) FROM main.plan_items WHERE food_id NOT GLOB 'u*' GROUP BY food_id"
  )

  function writePortions(id: string, portions: UserFoodValues['portions']): void {
    deletePortions.run(id)
    for (const p of portions) insertPortion.run(id, p.seq, 1, p.label, p.grams)
  }

  const insertUser = db.transaction((values: UserFoodValues, now: string): string => {
    const { portions, ...food } = values
    const { id } = insertUserStatement.get({ ...food, now }) as { id: string }
    writePortions(id, portions)
    return id
  })

  const updateUser = db.transaction((id: string, values: UserFoodValues, now: string) => {
    const { portions, ...food } = values
    updateUserStatement.run({ ...food, id, now })
    writePortions(id, portions)
  })

  const removeUser = db.transaction((id: string, now: string): boolean => {
    if (referenced.get(id, id)) {
      retireFood.run(now, id)
      return true
    }
    deletePortions.run(id)
    deleteFood.run(id)
    return false
  })

  return {
    info: () => info,
    search,
    searchLikely: (letter, group, limit) => likelyStatement.all({ prefix: `${letter.replace(/[\\%_]/g, '\\$&')}%`, group, limit }),
    browse: (sort, match, group, limit, likelyOnly = false) =>
      browseStatement(sort, match !== null, likelyOnly).all(match !== null ? { match, group, limit } : { group, limit }) as FoodRow[],
    byIds(ids) {
      const rows: FoodRow[] = []
      for (const id of ids) {
        const row = userById.get(id) ?? usdaById.get(id)
        if (row) rows.push(row)
      }
      return rows
    },
    portions: (ids) =>
      ids.flatMap((id) => {
        const own = userPortions.all(id)
        return own.length > 0 ? own : usdaPortions.all(id)
      }),
    groups: () => groupList.all(),
    mine: () => mineStatement.all(),
    used: (limit) => usedStatement.all(limit),
    common: () => commonStatement.all(),
    unknownPlanned: () => unknownPlanned.all(),
    recountUses() {
      recountUser.run()
      clearUsdaUses.run()
      recountUsda.run()
    },
    insertUser: (values, now) => insertUser(values, now),
    updateUser: (id, values, now) => updateUser(id, values, now),
    removeUser: (id, now) => removeUser(id, now),
    userNamesTaken(names) {
      const taken = new Set(userNames.all())
      return names.filter((name) => taken.has(name.toLowerCase()))
    }
  }
}
