// Meal templates: a meal saved under a name and added again in one step.
import { AppError } from '../../../shared/contract'
import type { MealTemplate } from '../../../shared/contract'
import type { PlannerService } from './context'
import { MEAL_LABELS } from '../../../shared/domain/meal-plan'
import { nutrientForGrams } from '../../../shared/domain/nutrients'
import { displayName } from '../foods'
import { dayName, sameAmountAs, type PlannerContext } from './context'

export type PlanTemplates = Pick<PlannerService, 'templates' | 'saveTemplate' | 'applyTemplate' | 'deleteTemplate'>

export function createPlanTemplates(ctx: PlannerContext): PlanTemplates {
  const { store, stamp } = ctx

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

  return {
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
          ...sameAmountAs(r)
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
          ...sameAmountAs(i)
        })),
        stamp()
      )
      return { added: items.length }
    },

    deleteTemplate(id) {
      if (!store.deleteTemplate(id)) throw new AppError('not-found', 'That template no longer exists.')
      return null
    }
  }
}
