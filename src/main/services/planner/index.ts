// The meal planner service, in parts: reading the plan, changing it, targets and templates.
import { createMealPlanStore } from '../../db/meal-plan-store'
import type { PlannerContext, PlannerDeps, PlannerService } from './context'
import { createPlanEdits } from './items'
import { createPlanReading } from './reading'
import { createPlanTargets } from './targets'
import { createPlanTemplates } from './templates'

export type { PlannerDeps, PlannerService } from './context'

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
