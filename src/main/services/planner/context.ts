import { formatDate } from '../../../shared/domain/calendar'
import type { Database } from 'better-sqlite3'
import type { NutrientProfile } from '../../../shared/domain/nutrients'
import type { MealPlanStore, NewItem } from '../../db/meal-plan-store'
import type { FoodsService } from '../foods'

export interface PlannerDeps {
  db: Database
  foods: FoodsService
  /** The profile the recommended targets come from (settings.profile). */
  profile: () => NutrientProfile
  now: () => Date
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
