// Reading the plan: a week, a day, its summary, the shopping list and magnesium per day.
import type { DayPlan, NutrientTotals, PlanItem } from '../../../shared/contract'
import type { PlannerService } from './context'
import { dayRange, MEALS } from '../../../shared/domain/meal-plan'
import { nutrientForGrams, supplementWarning } from '../../../shared/domain/nutrients'
import type { ItemRow } from '../../db/meal-plan-store'
import { displayName } from '../foods'
import type { PlannerContext } from './context'

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

export function toItem(row: ItemRow): PlanItem {
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

export type PlanReading = Pick<PlannerService, 'week' | 'day' | 'daySummary' | 'shoppingList' | 'magnesiumByDay'>

export function createPlanReading(ctx: PlannerContext, targets: PlannerService['targets']): PlanReading {
  const { store } = ctx

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
      const rows = store.magnesiumRows(from, to)
      const mgPer100g = store.magnesiumPer100g([...new Set(rows.map((row) => row[2]))])
      // The rows come ordered by day, so each day's items are one run: summed in JS in row order (not with SQL's
      // sum(), whose compensated summation can differ in the last bit and so move a rounded mean or a day on target).
      const byDay = new Map<string, { planned: number; eaten: number; eatenCount: number }>()
      let entry: { planned: number; eaten: number; eatenCount: number } | undefined
      let entryDay = ''
      for (const [rowDay, eaten, foodId, grams] of rows) {
        if (entry === undefined || rowDay !== entryDay) {
          entry = { planned: 0, eaten: 0, eatenCount: 0 }
          entryDay = rowDay
          byDay.set(rowDay, entry)
        }
        const mg = nutrientForGrams(mgPer100g.get(foodId)!, grams)
        entry.planned += mg
        if (eaten === 1) {
          entry.eaten += mg
          entry.eatenCount += 1
        }
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
