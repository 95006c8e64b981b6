import { formatDate } from '../../../shared/domain/calendar'
import type { Database } from 'better-sqlite3'
import type { NutrientProfile } from '../../../shared/domain/nutrients'
import type {
  DayPlan,
  DaySummary,
  MagnesiumDay,
  MealTemplate,
  Nutrient,
  PlanItem,
  ShoppingListResult,
  Suggestions,
  Targets,
  UnitInput,
  WeekPlan
} from '../../../shared/contract'
import type { Meal } from '../../../shared/domain/meal-plan'
import type { MealPlanStore, NewItem } from '../../db/meal-plan-store'
import type { FoodsService } from '../foods'

export interface PlannerDeps {
  db: Database
  foods: FoodsService
  /** The profile the recommended targets come from (settings.profile). */
  profile: () => NutrientProfile
  now: () => Date
}

export interface PlannerService {
  week(start: string): WeekPlan
  day(day: string): DayPlan
  daySummary(day: string): DaySummary
  addItem(input: { day: string; meal: Meal; foodId: string; amount: number; unit: UnitInput }): PlanItem
  updateItem(input: { id: number; amount: number; unit: UnitInput }): PlanItem
  removeItem(id: number): null
  moveItem(input: { id: number; day: string; meal: Meal; copy: boolean }): PlanItem
  reorderItem(input: { id: number; direction: 'up' | 'down' }): null
  setEaten(id: number, eaten: boolean): PlanItem
  copyDay(input: { from: string; to: string; replace: boolean }): { copied: number }
  clearDay(day: string): { removed: number }
  setSupplement(day: string, mg: number): DayPlan
  targets(): Targets
  setTarget(nutrient: Nutrient, valueMg: number): Targets
  resetTarget(nutrient: Nutrient): Targets
  suggestions(day: string): Suggestions
  templates(): MealTemplate[]
  saveTemplate(input: { name: string; day: string; meal: Meal }): MealTemplate
  applyTemplate(input: { id: number; day: string; meal: Meal }): { added: number }
  deleteTemplate(id: number): null
  shoppingList(days: readonly string[]): ShoppingListResult
  /**
   * Food magnesium per day over [from, to] for the journal's Insights: the
   * items marked eaten when a day has any, else everything planned; with the
   * day's supplement magnesium alongside. Days with neither are left out.
   */
  magnesiumByDay(from: string, to: string): MagnesiumDay[]
}

/** What every part of the planner service works with. */
export interface PlannerContext {
  store: MealPlanStore
  foods: FoodsService
  profile: () => NutrientProfile
  /** The time stamp of a write. */
  stamp: () => string
}

/** A row (plan item or template item) written again elsewhere: same food, amount and unit. */
export function sameAmountAs(row: {
  food_id: string
  amount: number
  unit_kind: NewItem['unitKind']
  unit_seq: number | null
  unit_label: string
  unit_grams: number
}): Omit<NewItem, 'day' | 'meal'> {
  return {
    foodId: row.food_id,
    amount: row.amount,
    unitKind: row.unit_kind,
    unitSeq: row.unit_seq,
    unitLabel: row.unit_label,
    unitGrams: row.unit_grams
  }
}

/** "Monday 3 March", for messages about a day (the calendar's format, in the user's locale). */
export function dayName(day: string): string {
  return formatDate(day, 'longWeekdayDayMonth')
}
