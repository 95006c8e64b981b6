import Database from 'better-sqlite3'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/db/migrations'
import { parseFoodData, readFoodDataFiles } from '../../../src/main/db/food-data'
import { startTestApp, type TestApp } from '../../support/app'
import { makeTempDir } from '../../support/temp-dir'

const RESOURCES = join(__dirname, '..', '..', '..', 'resources')

/**
 * A data folder as the app before the catalogue moved out left it: the whole
 * USDA catalogue loaded into the user's database (as the old first planner use
 * did), the user's own food, plans and a template naming both kinds, and a
 * USDA food an earlier data update dropped that an old plan still uses.
 */
function oldDataFolder(dir: string): void {
  const db = new Database(join(dir, 'stillwell.db'))
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 6)
  )
  db.pragma('application_id = 0x5354494c')
  const { foods, portions } = parseFoodData(readFoodDataFiles(RESOURCES))
  const now = '2025-01-01T00:00:00.000Z'
  const insertFood = db.prepare(
    `INSERT INTO foods (id, source, name, short_name, food_group, mg_per_100g, fe_per_100g, kcal_per_100g, mg_text, fe_text, kcal_text,
                        common, prior, created_at, updated_at)
     VALUES (@id, 'usda', @name, @shortName, @foodGroup, @mg, @fe, @kcal, @mgText, @feText, @kcalText, @common, @prior, @now, @now)`
  )
  const insertPortion = db.prepare('INSERT INTO food_portions (food_id, seq, amount, measure, grams) VALUES (?, ?, ?, ?, ?)')
  const item = db.prepare(
    `INSERT INTO plan_items (day, meal, position, food_id, amount, unit_kind, unit_seq, unit_label, unit_grams, eaten, created_at, updated_at)
     VALUES (?, 'lunch', ?, ?, ?, 'g', NULL, 'g', 1, 1, ?, ?)`
  )
  db.transaction(() => {
    for (const food of foods) insertFood.run({ ...food, common: food.common ? 1 : 0, now })
    for (const p of portions) insertPortion.run(p.food_id, p.seq, p.amount, p.measure, p.grams)
    // Whipped butter: dropped by a data update, kept hidden because the plan below uses it.
    db.prepare("UPDATE foods SET retired = 1 WHERE id = '01002'").run()
    db.prepare(
      `INSERT INTO food_catalogue (id, data_hash, foods, portions, loaded_at) VALUES (1, 'old', ${foods.length}, ${portions.length}, '${now}')`
    ).run()
    db.prepare(
      `INSERT INTO foods (key, id, source, name, food_group, mg_per_100g, fe_per_100g, kcal_per_100g, basis, prior, created_at, updated_at)
       VALUES (9001, 'u9001', 'user', 'Grandma’s lentil soup', 'My foods', 30, 1.2, 90, '100g', 3, ?, ?)`
    ).run(now, now)
    insertPortion.run('u9001', 1, 1, 'bowl', 300)
    item.run('2025-03-03', 0, '12014', 28, now, now) // pumpkin seeds
    item.run('2025-03-04', 0, '12014', 30, now, now)
    item.run('2025-03-04', 1, 'u9001', 300, now, now)
    item.run('2025-03-05', 0, '01002', 10, now, now)
    db.prepare("INSERT INTO meal_templates (id, name, created_at) VALUES (1, 'Seed snack', ?)").run(now)
    db.prepare(
      "INSERT INTO meal_template_items (template_id, position, food_id, amount, unit_kind, unit_seq, unit_label, unit_grams) VALUES (1, 0, '12061', 1, 'serving', NULL, '1 oz', 28.35)"
    ).run()
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}

const planRows = (db: Database.Database) => db.prepare('SELECT * FROM plan_items ORDER BY id').all()
const templateRows = (db: Database.Database) => db.prepare('SELECT * FROM meal_template_items ORDER BY template_id, position').all()

let temp: ReturnType<typeof makeTempDir>
let app: TestApp | null = null
beforeEach(() => {
  temp = makeTempDir()
  oldDataFolder(temp.dir)
})
afterEach(() => {
  app?.close()
  app = null
  temp.cleanup()
})

describe('moving the USDA catalogue out of the user’s database', () => {
  it('removes the USDA rows but keeps every plan and template item, the user’s food, and a dropped food old plans use', () => {
    const file = join(temp.dir, 'stillwell.db')
    const old = new Database(file, { readonly: true })
    const plans = planRows(old)
    const templates = templateRows(old)
    expect(old.prepare("SELECT count(*) FROM foods WHERE source = 'usda'").pluck().get()).toBe(8050)
    old.close()
    const sizeBefore = statSync(file).size

    const opened = openDatabase({ dataDir: temp.dir })
    try {
      const db = opened.db
      expect(opened.notices).toEqual([])
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
      expect(db.prepare('SELECT id FROM foods ORDER BY id').pluck().all()).toEqual(['01002', 'u9001'])
      expect(db.prepare('SELECT DISTINCT food_id FROM food_portions ORDER BY food_id').pluck().all()).toEqual(
        db.prepare("SELECT DISTINCT food_id FROM food_portions WHERE food_id IN ('01002', 'u9001') ORDER BY food_id").pluck().all()
      )
      expect(db.prepare("SELECT count(*) FROM food_portions WHERE food_id = 'u9001'").pluck().get()).toBe(1)
      expect(planRows(db)).toEqual(plans)
      expect(templateRows(db)).toEqual(templates)
      // Usage counts survive: USDA foods in their own table, the user's food where it was.
      expect(db.prepare('SELECT food_id, uses FROM usda_uses ORDER BY food_id').all()).toEqual([
        { food_id: '01002', uses: 1 },
        { food_id: '12014', uses: 2 }
      ])
      expect(db.prepare("SELECT uses FROM foods WHERE id = 'u9001'").pluck().get()).toBe(1)
      // The name index now covers what is left, and still follows edits.
      const match = (q: string) => db.prepare('SELECT rowid FROM foods_fts WHERE foods_fts MATCH ?').pluck().all(q)
      expect(match('"lentil"*')).toEqual([9001])
      expect(match('"pumpkin"*')).toEqual([])
      db.prepare("UPDATE foods SET name = 'Red lentil soup' WHERE id = 'u9001'").run()
      expect(match('"red"*')).toEqual([9001])
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'food_catalogue'").pluck().get()).toBe(0)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.pragma('foreign_key_check')).toEqual([])
    } finally {
      opened.db.close()
    }
    // The file gave the space back (VACUUM after the migration): backups shrink with it.
    expect(statSync(file).size).toBeLessThan(sizeBefore / 2)
  })

  it('shows the same plans, totals and search afterwards, reading USDA foods from the shipped catalogue', () => {
    app = startTestApp(temp.dir)
    const day = app.services.planner.day('2025-03-04')
    const names = day.meals.flatMap((m) => m.items.map((i) => i.foodName))
    expect(names).toEqual(expect.arrayContaining(['Grandma’s lentil soup']))
    expect(names.some((n) => /pumpkin/i.test(n))).toBe(true)
    // 30 g of pumpkin seeds (592 mg/100 g) and 300 g of soup (30 mg/100 g).
    expect(day.totals.mg).toBeCloseTo(0.3 * 592 + 3 * 30, 9)
    expect(app.services.planner.day('2025-03-05').meals.flatMap((m) => m.items.map((i) => i.foodId))).toEqual(['01002'])
    expect(app.services.foods.get(['01002'])[0]?.retired).toBe(true)
    expect(app.services.planner.templates().map((t) => t.name)).toEqual(['Seed snack'])

    // Planned before, so pumpkin seeds lead a search for "pumpkin", and the user's food is found by name.
    expect(app.services.foods.search({ query: 'pumpkin', limit: 5 }).results[0]?.id).toBe('12014')
    expect(app.services.foods.search({ query: 'lentil soup', limit: 5 }).results[0]?.id).toBe('u9001')
    // A new plan item of a USDA food counts towards its uses.
    app.services.planner.addItem({ day: '2025-03-06', meal: 'dinner', foodId: '12014', amount: 20, unit: { kind: 'g' } })
    expect(app.services.foods.get(['12014'])[0]?.uses).toBe(3)
  })
})
