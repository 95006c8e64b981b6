import type { Database } from 'better-sqlite3'

/**
 * Storage for the food catalogue: USDA foods (bulk-loaded), the user's own
 * foods, their household portions, and the full-text index over their names.
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

/** The usage lift in SQL; mirrors usageBoost() in shared/domain/food-search.ts. */
const USAGE_SQL = 'CASE WHEN f.uses > 0 THEN 2 + min(f.uses, 20) / 10.0 ELSE 0 END'
/** bm25 column weights: name, short name, food group. */
const BM25 = 'bm25(foods_fts, 10.0, 8.0, 1.0)'

const SELECT_FOOD = `
  f.key, f.id, f.source, f.name, f.short_name, f.food_group, f.mg_per_100g, f.fe_per_100g, f.kcal_per_100g,
  f.mg_text, f.fe_text, f.kcal_text, f.basis, f.common, f.uses, f.retired,
  s.amount AS serving_amount, s.measure AS serving_measure, s.grams AS serving_grams`

const SERVING_JOIN = 'LEFT JOIN food_portions s ON s.food_id = f.id AND s.seq = 1'

/** Magnesium per 100 kcal is left out below 20 kcal per 100 g (water, tea, broth): the ratio means little there. */
export const MIN_KCAL_FOR_RATIO = 20

const BROWSE_ORDER: Record<BrowseSort, { value: string; where: string }> = {
  mgPerServing: { value: 'f.mg_per_100g * s.grams / 100.0', where: 's.grams IS NOT NULL' },
  mgPer100kcal: {
    value: 'f.mg_per_100g * 100.0 / f.kcal_per_100g',
    where: `f.kcal_per_100g >= ${MIN_KCAL_FOR_RATIO}`
  },
  mgPer100g: { value: 'f.mg_per_100g', where: '1' }
}

export interface FoodStore {
  /** The hash of the USDA files last loaded, or null before the first load. */
  loadedHash(): string | null
  /** Replaces the USDA foods and portions in one transaction; the user's foods and plans are untouched. */
  replaceUsda(foods: readonly UsdaFood[], portions: readonly PortionRow[], hash: string, now: string): void
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
  insertUser(values: UserFoodValues, now: string): string
  updateUser(id: string, values: UserFoodValues, now: string): void
  /** Deletes a user's food, or hides it when plans or templates still use it. Returns true when hidden. */
  removeUser(id: string, now: string): boolean
  userNamesTaken(names: readonly string[]): string[]
}

export function createFoodStore(db: Database): FoodStore {
  const selectHash = db.prepare<[], string>('SELECT data_hash FROM food_catalogue WHERE id = 1').pluck()
  const saveHash = db.prepare<[string, number, number, string]>(
    `INSERT INTO food_catalogue (id, data_hash, foods, portions, loaded_at) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET data_hash = excluded.data_hash, foods = excluded.foods, portions = excluded.portions, loaded_at = excluded.loaded_at`
  )
  const upsertUsda = db.prepare(
    `INSERT INTO foods (id, source, name, short_name, food_group, mg_per_100g, fe_per_100g, kcal_per_100g, mg_text, fe_text, kcal_text,
                        common, prior, retired, created_at, updated_at)
     VALUES (@id, 'usda', @name, @shortName, @foodGroup, @mg, @fe, @kcal, @mgText, @feText, @kcalText, @common, @prior, 0, @now, @now)
     ON CONFLICT (id) DO UPDATE SET
       name = excluded.name, short_name = excluded.short_name, food_group = excluded.food_group,
       mg_per_100g = excluded.mg_per_100g, fe_per_100g = excluded.fe_per_100g, kcal_per_100g = excluded.kcal_per_100g,
       mg_text = excluded.mg_text, fe_text = excluded.fe_text, kcal_text = excluded.kcal_text,
       common = excluded.common, prior = excluded.prior, retired = 0, updated_at = excluded.updated_at
     WHERE foods.source = 'usda'`
  )
  const usdaIds = db.prepare<[], string>("SELECT id FROM foods WHERE source = 'usda'").pluck()
  const referenced = db
    .prepare<[string, string], number>(
      'SELECT EXISTS (SELECT 1 FROM plan_items WHERE food_id = ?) OR EXISTS (SELECT 1 FROM meal_template_items WHERE food_id = ?)'
    )
    .pluck()
  const deleteFood = db.prepare<[string]>('DELETE FROM foods WHERE id = ?')
  const retireFood = db.prepare<[string, string]>('UPDATE foods SET retired = 1, updated_at = ? WHERE id = ?')
  const deleteUsdaPortions = db.prepare("DELETE FROM food_portions WHERE food_id IN (SELECT id FROM foods WHERE source = 'usda')")
  const insertPortion = db.prepare<[string, number, number, string, number]>(
    'INSERT INTO food_portions (food_id, seq, amount, measure, grams) VALUES (?, ?, ?, ?, ?)'
  )
  const deletePortions = db.prepare<[string]>('DELETE FROM food_portions WHERE food_id = ?')

  // Two steps: rank every match on the few columns ranking needs, then read whole rows (with the
  // serving) for the best few only. Joining the serving for thousands of matches doubled the cost.
  const rankStatement = db.prepare<{ match: string; group: string | null; limit: number }, { key: number; score: number }>(
    `SELECT f.key, (${BM25} - f.prior - ${USAGE_SQL}) AS score
     FROM foods_fts JOIN foods f ON f.key = foods_fts.rowid
     WHERE foods_fts MATCH @match AND f.retired = 0 AND (@group IS NULL OR f.food_group = @group)
     ORDER BY score LIMIT @limit`
  )
  const rowsByKeys = db.prepare<[string], FoodRow>(
    `SELECT ${SELECT_FOOD} FROM json_each(?) AS k JOIN foods f ON f.key = k.value ${SERVING_JOIN}`
  )
  // One letter typed: only the foods someone is likely to mean (common ones, their own, ones planned
  // before), by the same prior and usage. The partial index keeps this to a couple of hundred rows.
  const likelyStatement = db.prepare<{ prefix: string; group: string | null; limit: number }, FoodRow & { score: number }>(
    `SELECT ${SELECT_FOOD}, (-f.prior - ${USAGE_SQL}) AS score
     FROM foods f ${SERVING_JOIN}
     WHERE (f.common = 1 OR f.uses > 0 OR f.source = 'user') AND f.retired = 0
       AND (f.name LIKE @prefix ESCAPE '\\' OR f.short_name LIKE @prefix ESCAPE '\\')
       AND (@group IS NULL OR f.food_group = @group)
     ORDER BY score, f.name LIMIT @limit`
  )
  function search(match: string, group: string | null, limit: number): (FoodRow & { score: number })[] {
    const ranked = rankStatement.all({ match, group, limit })
    if (ranked.length === 0) return []
    const rows = new Map(rowsByKeys.all(JSON.stringify(ranked.map((r) => r.key))).map((row) => [row.key, row]))
    return ranked.flatMap((r) => {
      const row = rows.get(r.key)
      return row ? [{ ...row, score: r.score }] : []
    })
  }

  const browseStatements = new Map<string, ReturnType<typeof db.prepare>>()
  function browseStatement(sort: BrowseSort, withMatch: boolean, likelyOnly: boolean) {
    const key = `${sort}:${withMatch}:${likelyOnly}`
    let statement = browseStatements.get(key)
    if (!statement) {
      const order = BROWSE_ORDER[sort]
      const likely = likelyOnly ? "AND (f.common = 1 OR f.uses > 0 OR f.source = 'user')" : ''
      statement = db.prepare(
        withMatch
          ? `SELECT ${SELECT_FOOD} FROM foods_fts JOIN foods f ON f.key = foods_fts.rowid ${SERVING_JOIN}
             WHERE foods_fts MATCH @match AND f.retired = 0 AND (@group IS NULL OR f.food_group = @group) AND ${order.where} ${likely}
             ORDER BY ${order.value} DESC, f.name LIMIT @limit`
          : `SELECT ${SELECT_FOOD} FROM foods f ${SERVING_JOIN}
             WHERE f.retired = 0 AND (@group IS NULL OR f.food_group = @group) AND ${order.where} ${likely}
             ORDER BY ${order.value} DESC, f.name LIMIT @limit`
      )
      browseStatements.set(key, statement)
    }
    return statement
  }
  const byId = db.prepare<[string], FoodRow>(`SELECT ${SELECT_FOOD} FROM foods f ${SERVING_JOIN} WHERE f.id = ?`)
  const portionsOf = db.prepare<[string], PortionRow>(
    'SELECT food_id, seq, amount, measure, grams FROM food_portions WHERE food_id = ? ORDER BY seq'
  )
  const groupList = db.prepare<[], { name: string; count: number }>(
    'SELECT food_group AS name, count(*) AS count FROM foods WHERE retired = 0 GROUP BY food_group ORDER BY food_group'
  )
  const mineStatement = db.prepare<[], FoodRow>(
    `SELECT ${SELECT_FOOD} FROM foods f ${SERVING_JOIN} WHERE f.source = 'user' AND f.retired = 0 ORDER BY f.name COLLATE NOCASE`
  )
  const usedStatement = db.prepare<[number], FoodRow>(
    `SELECT ${SELECT_FOOD} FROM foods f ${SERVING_JOIN} WHERE f.uses > 0 AND f.retired = 0 ORDER BY f.uses DESC, f.key LIMIT ?`
  )
  const commonStatement = db.prepare<[], FoodRow>(`SELECT ${SELECT_FOOD} FROM foods f ${SERVING_JOIN} WHERE f.common = 1 AND f.retired = 0`)
  // The user's foods are "u" + their key, so an id is never reused while anything refers to it.
  const insertUserStatement = db.prepare(
    `INSERT INTO foods (key, id, source, name, food_group, mg_per_100g, fe_per_100g, kcal_per_100g, basis, prior, created_at, updated_at)
     SELECT next.key, 'u' || next.key, 'user', @name, @foodGroup, @mgPer100g, @fePer100g, @kcalPer100g, @basis, @prior, @now, @now
     FROM (SELECT coalesce(max(key), 0) + 1 AS key FROM foods) AS next
     RETURNING id`
  )
  const updateUserStatement = db.prepare(
    `UPDATE foods SET name = @name, food_group = @foodGroup, mg_per_100g = @mgPer100g, fe_per_100g = @fePer100g,
       kcal_per_100g = @kcalPer100g, basis = @basis, prior = @prior, updated_at = @now
     WHERE id = @id AND source = 'user'`
  )
  const userNames = db.prepare<[], string>("SELECT lower(name) FROM foods WHERE source = 'user' AND retired = 0").pluck()

  const ftsTriggers = db.prepare<[], { name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'foods' AND name LIKE 'foods_fts_%'"
  )

  const replaceUsda = db.transaction((foods: readonly UsdaFood[], portions: readonly PortionRow[], hash: string, now: string) => {
    // Keeping the index in step row by row costs ~5x a rebuild at the end, so the
    // index triggers are set aside for the bulk write and restored, all in this transaction.
    const triggers = ftsTriggers.all()
    for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`)
    const incoming = new Set(foods.map((f) => f.id))
    for (const food of foods) {
      upsertUsda.run({
        ...food,
        common: food.common ? 1 : 0,
        now
      })
    }
    // A food a newer USDA file no longer has: gone if nothing uses it, hidden if plans still do.
    for (const id of usdaIds.all()) {
      if (incoming.has(id)) continue
      if (referenced.get(id, id)) retireFood.run(now, id)
      else deleteFood.run(id)
    }
    deleteUsdaPortions.run()
    for (const p of portions) insertPortion.run(p.food_id, p.seq, p.amount, p.measure, p.grams)
    db.exec("INSERT INTO foods_fts (foods_fts) VALUES ('rebuild')")
    for (const trigger of triggers) db.exec(trigger.sql)
    saveHash.run(hash, foods.length, portions.length, now)
  })

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
    deleteFood.run(id)
    return false
  })

  return {
    loadedHash: () => selectHash.get() ?? null,
    replaceUsda: (foods, portions, hash, now) => replaceUsda(foods, portions, hash, now),
    search,
    searchLikely: (letter, group, limit) => likelyStatement.all({ prefix: `${letter.replace(/[\\%_]/g, '\\$&')}%`, group, limit }),
    browse: (sort, match, group, limit, likelyOnly = false) =>
      browseStatement(sort, match !== null, likelyOnly).all(match !== null ? { match, group, limit } : { group, limit }) as FoodRow[],
    byIds(ids) {
      const rows: FoodRow[] = []
      for (const id of ids) {
        const row = byId.get(id)
        if (row) rows.push(row)
      }
      return rows
    },
    portions: (ids) => ids.flatMap((id) => portionsOf.all(id)),
    groups: () => groupList.all(),
    mine: () => mineStatement.all(),
    used: (limit) => usedStatement.all(limit),
    common: () => commonStatement.all(),
    insertUser: (values, now) => insertUser(values, now),
    updateUser: (id, values, now) => updateUser(id, values, now),
    removeUser: (id, now) => removeUser(id, now),
    userNamesTaken(names) {
      const taken = new Set(userNames.all())
      return names.filter((name) => taken.has(name.toLowerCase()))
    }
  }
}
