import type { Database } from 'better-sqlite3'
import {
  AppError,
  type DayPlan,
  type DaySummary,
  type FoodDetail,
  type MagnesiumDay,
  type MealTemplate,
  type Nutrient,
  type NutrientTotals,
  type PlanItem,
  type ShoppingListResult,
  type Suggestions,
  type Targets,
  type UnitInput,
  type WeekPlan
} from '../../shared/contract'
import {
  dayRange,
  formatAmount,
  formatGrams,
  MAX_ITEM_GRAMS,
  MEAL_LABELS,
  MEALS,
  type Meal,
  type UnitKind
} from '../../shared/domain/meal-plan'
import {
  gapSuggestions,
  ironTargetMg,
  MAGNESIUM_KIDNEY_CAUTION,
  magnesiumTargetMg,
  nutrientForGrams,
  SUPPLEMENT_MG_UPPER_LIMIT,
  supplementWarning,
  type GapCandidate,
  type NutrientProfile
} from '../../shared/domain/nutrients'
import { createMealPlanStore, type ItemRow, type MealPlanStore } from '../db/meal-plan'
import { displayName, type FoodsService } from './foods'

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

export interface PlannerDeps {
  db: Database
  foods: FoodsService
  /** The profile the recommended targets come from (settings.profile). */
  profile: () => NutrientProfile
  now: () => Date
}

interface ResolvedUnit {
  unitKind: UnitKind
  unitSeq: number | null
  unitLabel: string
  unitGrams: number
}

const EMPTY_TOTALS: NutrientTotals = { mg: 0, fe: 0, kcal: 0, feMissing: 0, kcalMissing: 0 }

function addToTotals(totals: NutrientTotals, item: Pick<PlanItem, 'mg' | 'fe' | 'kcal'>): NutrientTotals {
  return {
    mg: totals.mg + item.mg,
    fe: totals.fe + (item.fe ?? 0),
    kcal: totals.kcal + (item.kcal ?? 0),
    feMissing: totals.feMissing + (item.fe === null ? 1 : 0),
    kcalMissing: totals.kcalMissing + (item.kcal === null ? 1 : 0)
  }
}

function sumTotals(list: readonly NutrientTotals[]): NutrientTotals {
  return list.reduce(
    (a, b) => ({
      mg: a.mg + b.mg,
      fe: a.fe + b.fe,
      kcal: a.kcal + b.kcal,
      feMissing: a.feMissing + b.feMissing,
      kcalMissing: a.kcalMissing + b.kcalMissing
    }),
    EMPTY_TOTALS
  )
}

function toItem(row: ItemRow): PlanItem {
  const grams = row.amount * row.unit_grams
  return {
    id: row.id,
    day: row.day,
    meal: row.meal,
    position: row.position,
    foodId: row.food_id,
    foodName: displayName({ name: row.name, shortName: row.short_name }),
    foodGroup: row.food_group,
    amount: row.amount,
    unit: { kind: row.unit_kind, label: row.unit_label, grams: row.unit_grams, seq: row.unit_seq },
    grams,
    mg: nutrientForGrams(row.mg_per_100g, grams),
    fe: row.fe_per_100g === null ? null : nutrientForGrams(row.fe_per_100g, grams),
    kcal: row.kcal_per_100g === null ? null : nutrientForGrams(row.kcal_per_100g, grams),
    eaten: row.eaten === 1
  }
}

/** "Monday 3 March", for messages about a day (English, like the rest of the app's text). */
function dayName(day: string): string {
  const date = new Date(`${day}T12:00:00Z`)
  return date.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })
}

export function createPlannerService(deps: PlannerDeps): PlannerService {
  const store: MealPlanStore = createMealPlanStore(deps.db)
  const stamp = (): string => deps.now().toISOString()

  /** Turns the unit the user picked into a label and a weight, from the food's own portions. */
  function resolveUnit(food: FoodDetail, unit: UnitInput): ResolvedUnit {
    if (unit.kind === 'g') return { unitKind: 'g', unitSeq: null, unitLabel: 'g', unitGrams: 1 }
    if (food.portions.length === 0) {
      throw new AppError('invalid-input', `${displayName(food)} has no household measures in the food data: enter the amount in grams.`, {
        unit: 'Use grams for this food.'
      })
    }
    if (unit.kind === 'serving') {
      if (!food.serving) {
        throw new AppError('invalid-input', `${displayName(food)} has no serving size: choose a measure or grams.`, {
          unit: 'No serving size.'
        })
      }
      return { unitKind: 'serving', unitSeq: null, unitLabel: `serving (${food.serving.label})`, unitGrams: food.serving.grams }
    }
    const portion = food.portions.find((p) => p.seq === unit.seq)
    if (!portion) {
      throw new AppError('invalid-input', `That measure is not one of ${displayName(food)}’s portions.`, {
        unit: 'Choose one of the listed measures.'
      })
    }
    return { unitKind: 'measure', unitSeq: portion.seq, unitLabel: portion.measure, unitGrams: portion.grams / portion.amount }
  }

  function checkWeight(food: FoodDetail, amount: number, unit: ResolvedUnit): void {
    const grams = amount * unit.unitGrams
    if (grams > MAX_ITEM_GRAMS) {
      throw new AppError(
        'invalid-input',
        `${formatAmount(amount)} × ${unit.unitLabel} of ${displayName(food)} is ${formatGrams(grams)} g. One item can be at most ${MAX_ITEM_GRAMS} g: check the amount and unit.`,
        { amount: `At most ${MAX_ITEM_GRAMS} g in one item (this is ${formatGrams(grams)} g).` }
      )
    }
  }

  function requireItem(id: number): ItemRow {
    const row = store.item(id)
    if (!row) throw new AppError('not-found', 'That item is no longer in the plan. It may have been removed in another window.')
    return row
  }

  function requirePlannable(foodId: string): FoodDetail {
    const food = deps.foods.require(foodId)
    if (food.retired)
      throw new AppError('not-found', `${displayName(food)} was deleted, so it cannot be added again.`, { foodId: 'Deleted food.' })
    return food
  }

  function targets(): Targets {
    const profile = deps.profile()
    const overrides = store.overrides()
    const build = (nutrient: Nutrient) => {
      const recommended = nutrient === 'magnesium' ? magnesiumTargetMg(profile) : ironTargetMg(profile)
      const own = overrides.get(nutrient)
      return {
        nutrient,
        value: own ?? recommended.value,
        recommended: recommended.value,
        custom: own !== undefined,
        source: recommended.source,
        basis: recommended.basis
      }
    }
    return {
      magnesium: build('magnesium'),
      iron: build('iron'),
      supplementUpperLimitMg: SUPPLEMENT_MG_UPPER_LIMIT,
      kidneyCaution: MAGNESIUM_KIDNEY_CAUTION
    }
  }

  function buildDays(days: readonly string[]): DayPlan[] {
    const from = days[0]!
    const to = days[days.length - 1]!
    const rows = store.itemsBetween(from, to)
    const supplements = store.supplements(from, to)
    const byDay = new Map<string, PlanItem[]>()
    for (const row of rows) {
      const list = byDay.get(row.day) ?? []
      list.push(toItem(row))
      byDay.set(row.day, list)
    }
    return days.map((day) => {
      const items = byDay.get(day) ?? []
      const meals = MEALS.map((meal) => {
        const mealItems = items.filter((i) => i.meal === meal)
        return { meal, items: mealItems, totals: mealItems.reduce(addToTotals, EMPTY_TOTALS) }
      })
      const eatenItems = items.filter((i) => i.eaten)
      const supplementMg = supplements.get(day) ?? 0
      return {
        day,
        meals,
        totals: sumTotals(meals.map((m) => m.totals)),
        eaten: eatenItems.reduce(addToTotals, EMPTY_TOTALS),
        itemCount: items.length,
        eatenCount: eatenItems.length,
        supplementMg,
        supplementWarning: supplementWarning(supplementMg)
      }
    })
  }

  function day(dayValue: string): DayPlan {
    return buildDays([dayValue])[0]!
  }

  function templates(): MealTemplate[] {
    const items = store.templateItems()
    return store.templates().map((t) => {
      const own = items
        .filter((i) => i.template_id === t.id)
        .map((i) => {
          const grams = i.amount * i.unit_grams
          return {
            foodId: i.food_id,
            foodName: displayName({ name: i.name, shortName: i.short_name }),
            amount: i.amount,
            unitLabel: i.unit_label,
            grams,
            mg: nutrientForGrams(i.mg_per_100g, grams)
          }
        })
      return { id: t.id, name: t.name, items: own, mg: own.reduce((sum, i) => sum + i.mg, 0) }
    })
  }

  function itemOut(id: number): PlanItem {
    return toItem(requireItem(id))
  }

  return {
    week(start) {
      const days = buildDays(dayRange(start, 7))
      const t = targets()
      return {
        start,
        days,
        totals: sumTotals(days.map((d) => d.totals)),
        targets: t,
        daysOnTarget: days.filter((d) => d.itemCount > 0 && d.totals.mg >= t.magnesium.value).length
      }
    },

    day,

    daySummary(dayValue) {
      const plan = day(dayValue)
      return {
        day: dayValue,
        plannedMg: plan.totals.mg,
        eatenMg: plan.eaten.mg,
        itemCount: plan.itemCount,
        eatenCount: plan.eatenCount,
        supplementMg: plan.supplementMg,
        target: targets().magnesium
      }
    },

    addItem(input) {
      const food = requirePlannable(input.foodId)
      const unit = resolveUnit(food, input.unit)
      checkWeight(food, input.amount, unit)
      const [id] = store.addItems([{ day: input.day, meal: input.meal, foodId: food.id, amount: input.amount, ...unit }], stamp())
      return itemOut(id!)
    },

    updateItem(input) {
      const row = requireItem(input.id)
      const food = deps.foods.require(row.food_id)
      const unit = resolveUnit(food, input.unit)
      checkWeight(food, input.amount, unit)
      store.updateAmount(row.id, input.amount, unit, stamp())
      return itemOut(row.id)
    },

    removeItem(id) {
      if (!store.removeItem(id)) throw new AppError('not-found', 'That item is no longer in the plan.')
      return null
    },

    moveItem(input) {
      const row = requireItem(input.id)
      if (input.copy) {
        const [id] = store.addItems(
          [
            {
              day: input.day,
              meal: input.meal,
              foodId: row.food_id,
              amount: row.amount,
              unitKind: row.unit_kind,
              unitSeq: row.unit_seq,
              unitLabel: row.unit_label,
              unitGrams: row.unit_grams
            }
          ],
          stamp()
        )
        return itemOut(id!)
      }
      if (row.day === input.day && row.meal === input.meal) return toItem(row)
      store.moveItem(row.id, input.day, input.meal, stamp())
      return itemOut(row.id)
    },

    reorderItem(input) {
      const row = requireItem(input.id)
      const siblings = store.itemsBetween(row.day, row.day).filter((r) => r.meal === row.meal)
      const index = siblings.findIndex((r) => r.id === row.id)
      const other = siblings[input.direction === 'up' ? index - 1 : index + 1]
      if (other) store.swapPositions(row, other, stamp())
      return null
    },

    setEaten(id, eaten) {
      requireItem(id)
      store.setEaten(id, eaten, stamp())
      return itemOut(id)
    },

    copyDay(input) {
      if (input.from === input.to) {
        throw new AppError('invalid-input', 'Choose a different day to copy to.', { to: 'This is the day being copied.' })
      }
      const source = store.itemsBetween(input.from, input.from)
      if (source.length === 0) {
        throw new AppError('invalid-input', `Nothing is planned on ${dayName(input.from)} to copy.`, { from: 'This day is empty.' })
      }
      const now = stamp()
      store.transaction(() => {
        if (input.replace) store.clearDay(input.to)
        const ordered = MEALS.flatMap((meal) => source.filter((r) => r.meal === meal))
        store.addItems(
          ordered.map((r) => ({
            day: input.to,
            meal: r.meal,
            foodId: r.food_id,
            amount: r.amount,
            unitKind: r.unit_kind,
            unitSeq: r.unit_seq,
            unitLabel: r.unit_label,
            unitGrams: r.unit_grams
          })),
          now
        )
      })
      return { copied: source.length }
    },

    clearDay(dayValue) {
      return { removed: store.clearDay(dayValue) }
    },

    setSupplement(dayValue, mg) {
      store.setSupplement(dayValue, mg, stamp())
      return day(dayValue)
    },

    targets,

    setTarget(nutrient, valueMg) {
      store.setOverride(nutrient, valueMg, stamp())
      return targets()
    },

    resetTarget(nutrient) {
      store.clearOverride(nutrient)
      return targets()
    },

    suggestions(dayValue) {
      const plan = day(dayValue)
      const target = targets().magnesium.value
      const gapMg = Math.max(0, target - plan.totals.mg)
      const byMeal = { breakfast: [], lunch: [], dinner: [], snacks: [] } as Suggestions['byMeal']
      if (gapMg <= 0) return { day: dayValue, gapMg: 0, byMeal }
      // Foods already on the day are left out: "more of the same" is rarely what someone wants to hear.
      const planned = new Set(plan.meals.flatMap((m) => m.items.map((i) => i.foodId)))
      const candidates = deps.foods.gapCandidates().filter((c) => !planned.has(c.food.id))
      const byId = new Map(candidates.map((c) => [c.food.id, c]))
      const input: GapCandidate[] = candidates.map(({ food, usedBefore }) => ({
        foodId: food.id,
        name: food.shortName ?? food.name,
        mgPer100g: food.mgPer100g,
        portions: food.portions.map((p) => ({ label: p.label, grams: p.grams, amount: p.amount, measure: p.measure })),
        usedBefore,
        common: food.common,
        foodGroup: food.foodGroup
      }))
      for (const meal of MEALS) {
        // Three different foods, not three forms of one ("pumpkin seeds" and "pumpkin seeds, roasted").
        const kinds = new Set<string>()
        const picked = gapSuggestions(gapMg, input, meal, 12).filter((s) => {
          const kind = s.name.split(',')[0]!.trim().toLowerCase()
          if (kinds.has(kind)) return false
          kinds.add(kind)
          return true
        })
        byMeal[meal] = picked.slice(0, 3).map((s) => ({ ...s, usedBefore: byId.get(s.foodId)?.usedBefore ?? false }))
      }
      return { day: dayValue, gapMg, byMeal }
    },

    templates,

    saveTemplate(input) {
      const name = input.name.trim()
      const items = store.itemsBetween(input.day, input.day).filter((r) => r.meal === input.meal)
      if (items.length === 0) {
        throw new AppError('invalid-input', `${MEAL_LABELS[input.meal]} on ${dayName(input.day)} is empty: add food to it first.`, {
          meal: 'This meal is empty.'
        })
      }
      if (store.templateNameTaken(name)) {
        throw new AppError('conflict', `You already have a template called “${name}”.`, { name: 'Choose another name.' })
      }
      const id = store.saveTemplate(
        name,
        items.map((r) => ({
          foodId: r.food_id,
          amount: r.amount,
          unitKind: r.unit_kind,
          unitSeq: r.unit_seq,
          unitLabel: r.unit_label,
          unitGrams: r.unit_grams
        })),
        stamp()
      )
      return templates().find((t) => t.id === id)!
    },

    applyTemplate(input) {
      if (!store.templateById(input.id)) throw new AppError('not-found', 'That template no longer exists.')
      const items = store.templateItems().filter((i) => i.template_id === input.id)
      store.addItems(
        items.map((i) => ({
          day: input.day,
          meal: input.meal,
          foodId: i.food_id,
          amount: i.amount,
          unitKind: i.unit_kind,
          unitSeq: i.unit_seq,
          unitLabel: i.unit_label,
          unitGrams: i.unit_grams
        })),
        stamp()
      )
      return { added: items.length }
    },

    deleteTemplate(id) {
      if (!store.deleteTemplate(id)) throw new AppError('not-found', 'That template no longer exists.')
      return null
    },

    shoppingList(days) {
      const wanted = [...new Set(days)].sort()
      const totals = new Map<string, { foodId: string; name: string; group: string; grams: number }>()
      const want = new Set(wanted)
      for (const row of store.itemsBetween(wanted[0]!, wanted[wanted.length - 1]!)) {
        if (!want.has(row.day)) continue
        const entry = totals.get(row.food_id) ?? {
          foodId: row.food_id,
          name: displayName({ name: row.name, shortName: row.short_name }),
          group: row.food_group,
          grams: 0
        }
        entry.grams += row.amount * row.unit_grams
        totals.set(row.food_id, entry)
      }
      const groups = new Map<string, { foodId: string; name: string; grams: number }[]>()
      for (const entry of totals.values()) {
        groups.set(entry.group, [...(groups.get(entry.group) ?? []), { foodId: entry.foodId, name: entry.name, grams: entry.grams }])
      }
      return {
        days: wanted,
        groups: [...groups.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([group, items]) => ({ group, items: items.sort((a, b) => a.name.localeCompare(b.name)) }))
      }
    },

    magnesiumByDay(from, to) {
      const byDay = new Map<string, { planned: number; eaten: number; eatenCount: number }>()
      for (const row of store.magnesiumRows(from, to)) {
        const entry = byDay.get(row.day) ?? { planned: 0, eaten: 0, eatenCount: 0 }
        const mg = nutrientForGrams(row.mg_per_100g, row.grams)
        entry.planned += mg
        if (row.eaten === 1) {
          entry.eaten += mg
          entry.eatenCount += 1
        }
        byDay.set(row.day, entry)
      }
      const supplements = store.supplements(from, to)
      const days = [...new Set([...byDay.keys(), ...[...supplements].filter(([, mg]) => mg > 0).map(([d]) => d)])].sort()
      return days.map((d) => {
        const food = byDay.get(d)
        const eaten = food !== undefined && food.eatenCount > 0
        return {
          day: d,
          foodMg: food ? (eaten ? food.eaten : food.planned) : 0,
          basis: eaten ? 'eaten' : 'planned',
          supplementMg: supplements.get(d) ?? 0
        }
      })
    }
  }
}
