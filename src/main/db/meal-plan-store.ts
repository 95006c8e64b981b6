import type { Database } from 'better-sqlite3'
import type { Meal, UnitKind } from '../../shared/domain/meal-plan'
import { foodColumn, foodJoin, foodName, type FoodRow } from './food-store'

/** Storage for the meal plan: items, per-day supplements, templates and the user's own targets. */

/** How much of which food one planned portion is: the columns plan items and template items share (migrations/sql.ts). */
interface PortionColumns {
  food_id: string
  amount: number
  unit_kind: UnitKind
  unit_seq: number | null
  unit_label: string
  unit_grams: number
}

export interface ItemRow
  extends PortionColumns, Pick<FoodRow, 'name' | 'short_name' | 'food_group' | 'mg_per_100g' | 'fe_per_100g' | 'kcal_per_100g'> {
  id: number
  day: string
  meal: Meal
  position: number
  eaten: 0 | 1
}

export interface NewItem {
  day: string
  meal: Meal
  foodId: string
  amount: number
  unitKind: UnitKind
  unitSeq: number | null
  unitLabel: string
  unitGrams: number
  eaten?: boolean
}

export interface TemplateItemRow extends PortionColumns, Pick<FoodRow, 'name' | 'short_name' | 'mg_per_100g'> {
  template_id: number
  position: number
}

/** One plan item as per-day magnesium reads it: [day, eaten, food id, grams]. */
export type MagnesiumRow = [day: string, eaten: 0 | 1, foodId: string, grams: number]

export interface MealPlanStore {
  itemsBetween(from: string, to: string): ItemRow[]
  item(id: number): ItemRow | undefined
  /** Appends items at the end of their meals, in one transaction; returns their ids. */
  addItems(items: readonly NewItem[], now: string): number[]
  updateAmount(id: number, amount: number, unit: Pick<NewItem, 'unitKind' | 'unitSeq' | 'unitLabel' | 'unitGrams'>, now: string): void
  moveItem(id: number, day: string, meal: Meal, now: string): void
  swapPositions(a: ItemRow, b: ItemRow, now: string): void
  setEaten(id: number, eaten: boolean, now: string): void
  removeItem(id: number): boolean
  clearDay(day: string): number
  supplements(from: string, to: string): Map<string, number>
  setSupplement(day: string, mg: number, now: string): void
  overrides(): Map<string, number>
  setOverride(nutrient: string, valueMg: number, now: string): void
  clearOverride(nutrient: string): void
  templates(): { id: number; name: string }[]
  templateItems(): TemplateItemRow[]
  templateById(id: number): { id: number; name: string } | undefined
  templateNameTaken(name: string): boolean
  saveTemplate(name: string, items: readonly Omit<NewItem, 'day' | 'meal'>[], now: string): number
  deleteTemplate(id: number): boolean
  /**
   * Just what per-day magnesium needs from every item in a range, day by day (cheaper than whole items for years
   * of data): plain arrays, since a keyed object per row costs more than reading it. The food's magnesium is not
   * joined in per row: a year holds over a thousand items but only dozens of foods (see `magnesiumPer100g`).
   */
  magnesiumRows(from: string, to: string): MagnesiumRow[]
  /** Magnesium per 100 g of each food (0 for a food no file has any more), as plan items read it. */
  magnesiumPer100g(foodIds: readonly string[]): Map<string, number>
  transaction<T>(fn: () => T): T
}

// Foods come from the user's database or the shipped catalogue (see food-catalogue.ts).
const ITEM_SELECT = `
  SELECT i.id, i.day, i.meal, i.position, i.food_id, i.amount, i.unit_kind, i.unit_seq, i.unit_label, i.unit_grams, i.eaten,
         ${foodName('i.food_id')} AS name, ${foodColumn('short_name')} AS short_name, coalesce(${foodColumn('food_group')}, '') AS food_group,
         coalesce(${foodColumn('mg_per_100g')}, 0) AS mg_per_100g, ${foodColumn('fe_per_100g')} AS fe_per_100g, ${foodColumn('kcal_per_100g')} AS kcal_per_100g
  FROM plan_items i ${foodJoin('i.food_id')}`

export function createMealPlanStore(db: Database): MealPlanStore {
  const between = db.prepare<[string, string], ItemRow>(`${ITEM_SELECT} WHERE i.day BETWEEN ? AND ? ORDER BY i.day, i.position, i.id`)
  const one = db.prepare<[number], ItemRow>(`${ITEM_SELECT} WHERE i.id = ?`)
  const nextPosition = db
    .prepare<[string, string], number>('SELECT coalesce(max(position), -1) + 1 FROM plan_items WHERE day = ? AND meal = ?')
    .pluck()
  const insert = db.prepare(
    `INSERT INTO plan_items (day, meal, position, food_id, amount, unit_kind, unit_seq, unit_label, unit_grams, eaten, created_at, updated_at)
     VALUES (@day, @meal, @position, @foodId, @amount, @unitKind, @unitSeq, @unitLabel, @unitGrams, @eaten, @now, @now)`
  )
  const updateAmountStatement = db.prepare(
    `UPDATE plan_items SET amount = @amount, unit_kind = @unitKind, unit_seq = @unitSeq, unit_label = @unitLabel, unit_grams = @unitGrams, updated_at = @now
     WHERE id = @id`
  )
  const move = db.prepare<[string, string, number, string, number]>(
    'UPDATE plan_items SET day = ?, meal = ?, position = ?, updated_at = ? WHERE id = ?'
  )
  const setPosition = db.prepare<[number, string, number]>('UPDATE plan_items SET position = ?, updated_at = ? WHERE id = ?')
  const eatenStatement = db.prepare<[number, string, number]>('UPDATE plan_items SET eaten = ?, updated_at = ? WHERE id = ?')
  const removeStatement = db.prepare<[number]>('DELETE FROM plan_items WHERE id = ?')
  const clearStatement = db.prepare<[string]>('DELETE FROM plan_items WHERE day = ?')
  const supplementsStatement = db.prepare<[string, string], { day: string; supplement_mg: number }>(
    'SELECT day, supplement_mg FROM plan_days WHERE day BETWEEN ? AND ?'
  )
  const upsertSupplement = db.prepare<[string, number, string]>(
    `INSERT INTO plan_days (day, supplement_mg, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (day) DO UPDATE SET supplement_mg = excluded.supplement_mg, updated_at = excluded.updated_at`
  )
  const overridesStatement = db.prepare<[], { nutrient: string; value_mg: number }>('SELECT nutrient, value_mg FROM nutrient_targets')
  const setOverrideStatement = db.prepare<[string, number, string]>(
    `INSERT INTO nutrient_targets (nutrient, value_mg, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (nutrient) DO UPDATE SET value_mg = excluded.value_mg, updated_at = excluded.updated_at`
  )
  const clearOverrideStatement = db.prepare<[string]>('DELETE FROM nutrient_targets WHERE nutrient = ?')
  const templatesStatement = db.prepare<[], { id: number; name: string }>(
    'SELECT id, name FROM meal_templates ORDER BY name COLLATE NOCASE'
  )
  const templateItemsStatement = db.prepare<[], TemplateItemRow>(
    `SELECT t.template_id, t.position, t.food_id, t.amount, t.unit_kind, t.unit_seq, t.unit_label, t.unit_grams,
            ${foodName('t.food_id')} AS name, ${foodColumn('short_name')} AS short_name, coalesce(${foodColumn('mg_per_100g')}, 0) AS mg_per_100g
     FROM meal_template_items t ${foodJoin('t.food_id')} ORDER BY t.template_id, t.position`
  )
  const templateByIdStatement = db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM meal_templates WHERE id = ?')
  const templateNameStatement = db.prepare<[string], number>('SELECT count(*) FROM meal_templates WHERE name = ?').pluck()
  const insertTemplate = db.prepare<[string, string]>('INSERT INTO meal_templates (name, created_at) VALUES (?, ?)')
  const insertTemplateItem = db.prepare(
    `INSERT INTO meal_template_items (template_id, position, food_id, amount, unit_kind, unit_seq, unit_label, unit_grams)
     VALUES (@templateId, @position, @foodId, @amount, @unitKind, @unitSeq, @unitLabel, @unitGrams)`
  )
  const deleteTemplateStatement = db.prepare<[number]>('DELETE FROM meal_templates WHERE id = ?')
  const magnesiumStatement = db
    .prepare<[string, string], MagnesiumRow>(
      'SELECT day, eaten, food_id, amount * unit_grams AS grams FROM plan_items WHERE day BETWEEN ? AND ? ORDER BY day, meal, position, id'
    )
    .raw()
  // The ids come as one JSON array, so a range's foods take one statement however many there are.
  const magnesiumPer100gStatement = db
    .prepare<[string], [string, number]>(
      `SELECT f.value, coalesce(${foodColumn('mg_per_100g')}, 0) FROM json_each(?) f ${foodJoin('f.value')}`
    )
    .raw()

  const addItems = db.transaction((items: readonly NewItem[], now: string): number[] => {
    const ids: number[] = []
    for (const item of items) {
      const position = nextPosition.get(item.day, item.meal)!
      const result = insert.run({ ...item, position, eaten: item.eaten ? 1 : 0, now })
      ids.push(Number(result.lastInsertRowid))
    }
    return ids
  })

  const moveItem = db.transaction((id: number, day: string, meal: Meal, now: string) => {
    move.run(day, meal, nextPosition.get(day, meal)!, now, id)
  })

  const swap = db.transaction((a: ItemRow, b: ItemRow, now: string) => {
    setPosition.run(b.position, now, a.id)
    setPosition.run(a.position, now, b.id)
  })

  const saveTemplate = db.transaction((name: string, items: readonly Omit<NewItem, 'day' | 'meal'>[], now: string): number => {
    const templateId = Number(insertTemplate.run(name, now).lastInsertRowid)
    items.forEach((item, position) => insertTemplateItem.run({ ...item, templateId, position }))
    return templateId
  })

  return {
    itemsBetween: (from, to) => between.all(from, to),
    item: (id) => one.get(id),
    addItems: (items, now) => addItems(items, now),
    updateAmount: (id, amount, unit, now) => void updateAmountStatement.run({ id, amount, ...unit, now }),
    moveItem: (id, day, meal, now) => moveItem(id, day, meal, now),
    swapPositions: (a, b, now) => swap(a, b, now),
    setEaten: (id, eaten, now) => void eatenStatement.run(eaten ? 1 : 0, now, id),
    removeItem: (id) => removeStatement.run(id).changes > 0,
    clearDay: (day) => clearStatement.run(day).changes,
    supplements: (from, to) => new Map(supplementsStatement.all(from, to).map((r) => [r.day, r.supplement_mg])),
    setSupplement: (day, mg, now) => void upsertSupplement.run(day, mg, now),
    overrides: () => new Map(overridesStatement.all().map((r) => [r.nutrient, r.value_mg])),
    setOverride: (nutrient, valueMg, now) => void setOverrideStatement.run(nutrient, valueMg, now),
    clearOverride: (nutrient) => void clearOverrideStatement.run(nutrient),
    templates: () => templatesStatement.all(),
    templateItems: () => templateItemsStatement.all(),
    templateById: (id) => templateByIdStatement.get(id),
    templateNameTaken: (name) => templateNameStatement.get(name)! > 0,
    saveTemplate: (name, items, now) => saveTemplate(name, items, now),
    deleteTemplate: (id) => deleteTemplateStatement.run(id).changes > 0,
    magnesiumRows: (from, to) => magnesiumStatement.all(from, to),
    magnesiumPer100g: (foodIds) => new Map(magnesiumPer100gStatement.all(JSON.stringify(foodIds))),
    transaction: (fn) => db.transaction(fn)()
  }
}
