// Changing the plan: adding, changing, moving and ticking off items, copying and clearing days.
import { AppError } from '../../../shared/contract'
import type { FoodDetail, PlanItem, UnitInput } from '../../../shared/contract'
import type { PlannerService } from './context'
import { formatAmount, formatGrams, MAX_ITEM_GRAMS, MEALS, type UnitKind } from '../../../shared/domain/meal-plan'
import type { ItemRow } from '../../db/meal-plan-store'
import { displayName } from '../foods'
import { dayName, sameAmountAs, type PlannerContext } from './context'
import { toItem } from './reading'

interface ResolvedUnit {
  unitKind: UnitKind
  unitSeq: number | null
  unitLabel: string
  unitGrams: number
}

export type PlanEdits = Pick<
  PlannerService,
  'addItem' | 'updateItem' | 'removeItem' | 'moveItem' | 'reorderItem' | 'setEaten' | 'copyDay' | 'clearDay' | 'setSupplement'
>

export function createPlanEdits(ctx: PlannerContext, day: PlannerService['day']): PlanEdits {
  const { store, stamp } = ctx
  const deps = { foods: ctx.foods }

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

  function itemOut(id: number): PlanItem {
    return toItem(requireItem(id))
  }

  return {
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
              ...sameAmountAs(row)
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
            ...sameAmountAs(r)
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
    }
  }
}
