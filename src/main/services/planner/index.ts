// The meal planner service, in parts: reading the plan, changing it, targets and templates.
import { createMealPlanStore } from '../../db/meal-plan-store'
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
import type { PlannerContext, PlannerDeps } from './context'
import { createPlanEdits } from './items'
import { createPlanReading } from './reading'
import { createPlanTargets } from './targets'
import { createPlanTemplates } from './templates'

export type { DayPlan, FoodDetail, MealTemplate, Nutrient, NutrientTotals, PlanItem, Targets, UnitInput } from '../../../shared/contract'
export type { PlannerDeps } from './context'

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

export function createPlannerService(deps: PlannerDeps): PlannerService {
  const ctx: PlannerContext = {
    store: createMealPlanStore(deps.db),
    foods: deps.foods,
    profile: deps.profile,
    stamp: () => deps.now().toISOString()
  }
  // Targets need a day's plan and a day's plan needs the targets: each gets the other through a late-bound call.
  const targets = createPlanTargets(ctx, (d) => reading.day(d))
  const reading = createPlanReading(ctx, () => targets.targets())
  return {
    ...reading,
    ...createPlanEdits(ctx, reading.day),
    ...targets,
    ...createPlanTemplates(ctx)
  }
}
