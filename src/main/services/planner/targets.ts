// The day's targets (recommended or the user's own) and foods that would close a gap.
import type { Nutrient, Suggestions, Targets } from '../../../shared/contract'
import type { PlannerService } from './context'
import {
  gapSuggestions,
  ironTargetMg,
  MAGNESIUM_KIDNEY_CAUTION,
  magnesiumTargetMg,
  SUPPLEMENT_MG_UPPER_LIMIT,
  type GapCandidate
} from '../../../shared/domain/nutrients'
import { MEALS } from '../../../shared/domain/meal-plan'
import type { PlannerContext } from './context'

export type PlanTargets = Pick<PlannerService, 'targets' | 'setTarget' | 'resetTarget' | 'suggestions'>

export function createPlanTargets(ctx: PlannerContext, day: PlannerService['day']): PlanTargets {
  const { store, stamp } = ctx
  const deps = { profile: ctx.profile, foods: ctx.foods }

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

  return {
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
    }
  }
}
