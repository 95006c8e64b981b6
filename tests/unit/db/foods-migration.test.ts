import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/db/migrate'
import { MIGRATIONS } from '../../../src/main/db/migrations'

let db: Database.Database
beforeEach(() => {
  db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  // The schema as migration 0004 left it (the catalogue moved out later: see migration-food-catalogue.test.ts).
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 6)
  )
  db.prepare(
    `INSERT INTO foods (id, source, name, food_group, mg_per_100g, fe_per_100g, kcal_per_100g, mg_text, fe_text, kcal_text, created_at, updated_at)
     VALUES ('12014', 'usda', 'Seeds, pumpkin and squash seed kernels, dried', 'Nut and Seed Products', 592, 8.82, 559, '592', '8.82', '559', 'now', 'now')`
  ).run()
})
afterEach(() => db.close())

const item = (change: Record<string, unknown> = {}) => ({
  day: '2025-03-03',
  meal: 'lunch',
  position: 0,
  food_id: '12014',
  amount: 30,
  unit_kind: 'g',
  unit_seq: null,
  unit_label: 'g',
  unit_grams: 1,
  ...change
})
const insertItem = (values: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO plan_items (day, meal, position, food_id, amount, unit_kind, unit_seq, unit_label, unit_grams, created_at, updated_at)
       VALUES (@day, @meal, @position, @food_id, @amount, @unit_kind, @unit_seq, @unit_label, @unit_grams, 'now', 'now')`
    )
    .run(values)

describe('the foods migration', () => {
  it('keeps the name index in step with the foods table', () => {
    const match = (q: string) => db.prepare('SELECT rowid FROM foods_fts WHERE foods_fts MATCH ?').pluck().all(q)
    expect(match('"pumpkin"*')).toHaveLength(1)
    db.prepare("UPDATE foods SET name = 'Kernels, squash' WHERE id = '12014'").run()
    expect(match('"pumpkin"*')).toHaveLength(0)
    expect(match('"kernel"*')).toHaveLength(1)
    db.prepare("DELETE FROM foods WHERE id = '12014'").run()
    expect(match('"kernel"*')).toHaveLength(0)
  })

  it('refuses impossible plan rows even if a bug let them through', () => {
    expect(() => insertItem(item({ day: '2025-02-30' }))).toThrow(/CHECK/)
    expect(() => insertItem(item({ day: '3 March' }))).toThrow(/CHECK/)
    expect(() => insertItem(item({ meal: 'brunch' }))).toThrow(/CHECK/)
    expect(() => insertItem(item({ amount: -1 }))).toThrow(/CHECK/)
    expect(() => insertItem(item({ amount: 3000 }))).toThrow(/CHECK/)
    expect(() => insertItem(item({ unit_kind: 'measure' }))).toThrow(/CHECK/)
    expect(() => insertItem(item({ food_id: '99999' }))).toThrow(/FOREIGN KEY/)
    expect(() => insertItem(item())).not.toThrow()
  })

  it('counts uses per food and will not delete a food a plan uses', () => {
    insertItem(item())
    insertItem(item({ position: 1 }))
    expect(db.prepare("SELECT uses FROM foods WHERE id = '12014'").pluck().get()).toBe(2)
    expect(() => db.prepare("DELETE FROM foods WHERE id = '12014'").run()).toThrow(/FOREIGN KEY/)
    db.prepare('DELETE FROM plan_items').run()
    expect(db.prepare("SELECT uses FROM foods WHERE id = '12014'").pluck().get()).toBe(0)
  })

  it('a user food needs how its values were entered; a USDA food needs its published numbers', () => {
    expect(() =>
      db
        .prepare(
          "INSERT INTO foods (id, source, name, food_group, mg_per_100g, created_at, updated_at) VALUES ('u9', 'user', 'X', 'My foods', 1, 'now', 'now')"
        )
        .run()
    ).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare(
          "INSERT INTO foods (id, source, name, food_group, mg_per_100g, created_at, updated_at) VALUES ('00001', 'usda', 'X', 'G', 1, 'now', 'now')"
        )
        .run()
    ).toThrow(/CHECK/)
  })
})
