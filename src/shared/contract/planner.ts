import { z } from 'zod'
import { daysBetween, isIsoDay, MAX_RANGE_DAYS, MAX_SUPPLEMENT_MG } from '../domain/meal-plan'
import { AmountSchema, DaySchema, MealSchema, UnitInputSchema } from '../schemas/meal-plan'
import { FoodIdSchema } from './foods'

export * from '../schemas/meal-plan'

/**
 * The weekly meal plan: items per day and meal, daily supplement magnesium,
 * targets, meal templates, "close the gap" suggestions and the shopping list.
 */

export const NUTRIENTS = ['magnesium', 'iron'] as const

const itemId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const NutrientTotalsSchema = z.object({
  mg: z.number(),
  fe: z.number(),
  kcal: z.number(),
  /** Items whose food has no iron (or energy) value: the total leaves them out. */
  feMissing: z.number().int(),
  kcalMissing: z.number().int()
})

export const PlanItemSchema = z.object({
  id: z.number().int(),
  day: z.string(),
  meal: MealSchema,
  position: z.number().int(),
  foodId: z.string(),
  foodName: z.string(),
  foodGroup: z.string(),
  amount: z.number(),
  unit: z.object({ kind: z.enum(['g', 'measure', 'serving']), label: z.string(), grams: z.number(), seq: z.number().int().nullable() }),
  grams: z.number(),
  mg: z.number(),
  fe: z.number().nullable(),
  kcal: z.number().nullable(),
  eaten: z.boolean()
})

export const MealPlanSchema = z.object({ meal: MealSchema, items: z.array(PlanItemSchema), totals: NutrientTotalsSchema })

export const DayPlanSchema = z.object({
  day: z.string(),
  meals: z.array(MealPlanSchema),
  totals: NutrientTotalsSchema,
  /** Totals of the items marked eaten. */
  eaten: NutrientTotalsSchema,
  itemCount: z.number().int(),
  eatenCount: z.number().int(),
  supplementMg: z.number(),
  /** Set when supplemental magnesium is above the 350 mg upper limit. */
  supplementWarning: z.string().nullable()
})

export const TargetSchema = z.object({
  nutrient: z.enum(NUTRIENTS),
  /** The target in use: the user's own value, or the recommended one. */
  value: z.number(),
  recommended: z.number(),
  custom: z.boolean(),
  source: z.string(),
  /** Which row of the RDA table the recommendation comes from. */
  basis: z.string()
})

export const TargetsSchema = z.object({
  magnesium: TargetSchema,
  iron: TargetSchema,
  supplementUpperLimitMg: z.number(),
  kidneyCaution: z.string()
})

export const WeekPlanSchema = z.object({
  start: z.string(),
  days: z.array(DayPlanSchema),
  totals: NutrientTotalsSchema,
  targets: TargetsSchema,
  /** Days of the week whose food magnesium reaches the target. */
  daysOnTarget: z.number().int()
})

export const SuggestionSchema = z.object({
  foodId: z.string(),
  name: z.string(),
  grams: z.number(),
  label: z.string(),
  /** The amount in kitchen terms ("2 nuts", "about ¼ cup"), or null. */
  household: z.string().nullable(),
  /** Why the amount is kept small (caffeine, selenium), or null. */
  note: z.string().nullable(),
  addsMg: z.number(),
  closesGap: z.boolean(),
  usedBefore: z.boolean()
})

/** Suggestions depend on the meal (no cocoa or chocolate in the evening), so each meal has its own list. */
export const SuggestionsSchema = z.object({
  day: z.string(),
  gapMg: z.number(),
  byMeal: z.object({
    breakfast: z.array(SuggestionSchema),
    lunch: z.array(SuggestionSchema),
    dinner: z.array(SuggestionSchema),
    snacks: z.array(SuggestionSchema)
  })
})

export const TemplateSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  items: z.array(
    z.object({
      foodId: z.string(),
      foodName: z.string(),
      amount: z.number(),
      unitLabel: z.string(),
      grams: z.number(),
      mg: z.number()
    })
  ),
  mg: z.number()
})

export const ShoppingListSchema = z.object({
  days: z.array(z.string()),
  groups: z.array(
    z.object({
      group: z.string(),
      items: z.array(z.object({ foodId: z.string(), name: z.string(), grams: z.number() }))
    })
  )
})

export const DaySummarySchema = z.object({
  day: z.string(),
  plannedMg: z.number(),
  eatenMg: z.number(),
  itemCount: z.number().int(),
  eatenCount: z.number().int(),
  supplementMg: z.number(),
  target: TargetSchema
})

export const MagnesiumDaySchema = z.object({
  day: z.string(),
  /** Food magnesium for the day: of the items marked eaten when there are any, else of everything planned. */
  foodMg: z.number(),
  basis: z.enum(['eaten', 'planned']),
  supplementMg: z.number()
})

const templateName = z.string().trim().min(1, 'Give the template a name.').max(60, 'Keep the name under 60 characters.')

export type Meal = z.infer<typeof MealSchema>
export type Nutrient = (typeof NUTRIENTS)[number]
export type NutrientTotals = z.infer<typeof NutrientTotalsSchema>
export type PlanItem = z.infer<typeof PlanItemSchema>
export type MealPlan = z.infer<typeof MealPlanSchema>
export type DayPlan = z.infer<typeof DayPlanSchema>
export type WeekPlan = z.infer<typeof WeekPlanSchema>
export type Target = z.infer<typeof TargetSchema>
export type Targets = z.infer<typeof TargetsSchema>
export type Suggestion = z.infer<typeof SuggestionSchema>
export type Suggestions = z.infer<typeof SuggestionsSchema>
export type MealTemplate = z.infer<typeof TemplateSchema>
export type ShoppingListResult = z.infer<typeof ShoppingListSchema>
export type DaySummary = z.infer<typeof DaySummarySchema>
export type MagnesiumDay = z.infer<typeof MagnesiumDaySchema>

export const plannerChannels = {
  /** Seven days from `start` (the renderer picks the week's first day for the user's locale). */
  'planner.week': { input: z.object({ start: DaySchema }).strict(), output: WeekPlanSchema },
  'planner.day': { input: z.object({ day: DaySchema }).strict(), output: DayPlanSchema },
  /** Today's tile: planned and eaten food magnesium against the target. */
  'planner.daySummary': { input: z.object({ day: DaySchema }).strict(), output: DaySummarySchema },
  'planner.addItem': {
    input: z.object({ day: DaySchema, meal: MealSchema, foodId: FoodIdSchema, amount: AmountSchema, unit: UnitInputSchema }).strict(),
    output: PlanItemSchema
  },
  'planner.updateItem': {
    input: z.object({ id: itemId, amount: AmountSchema, unit: UnitInputSchema }).strict(),
    output: PlanItemSchema
  },
  'planner.removeItem': { input: z.object({ id: itemId }).strict(), output: z.null() },
  /** Moves an item (or copies it, with `copy`) to the end of another meal, on any day. */
  'planner.moveItem': {
    input: z.object({ id: itemId, day: DaySchema, meal: MealSchema, copy: z.boolean() }).strict(),
    output: PlanItemSchema
  },
  /** Moves an item one place up or down within its meal. */
  'planner.reorderItem': {
    input: z.object({ id: itemId, direction: z.enum(['up', 'down']) }).strict(),
    output: z.null()
  },
  'planner.setEaten': { input: z.object({ id: itemId, eaten: z.boolean() }).strict(), output: PlanItemSchema },
  /** Copies every item of one day onto another (added after what is there, or replacing it). */
  'planner.copyDay': {
    input: z.object({ from: DaySchema, to: DaySchema, replace: z.boolean() }).strict(),
    output: z.object({ copied: z.number().int() })
  },
  'planner.clearDay': { input: z.object({ day: DaySchema }).strict(), output: z.object({ removed: z.number().int() }) },
  'planner.setSupplement': {
    input: z
      .object({
        day: DaySchema,
        mg: z
          .number({ error: 'Enter the magnesium from supplements in mg (0 for none).' })
          .min(0, 'Supplement magnesium cannot be negative.')
          .max(MAX_SUPPLEMENT_MG, `Check the amount: more than ${MAX_SUPPLEMENT_MG} mg a day is not a real dose.`)
      })
      .strict(),
    output: DayPlanSchema
  },
  'planner.targets': { input: z.undefined(), output: TargetsSchema },
  'planner.setTarget': {
    input: z
      .object({
        nutrient: z.enum(NUTRIENTS),
        valueMg: z
          .number({ error: 'Enter a daily target in mg.' })
          .gt(0, 'A target must be more than 0 mg.')
          .max(2000, 'Keep the target at or under 2,000 mg.')
      })
      .strict(),
    output: TargetsSchema
  },
  'planner.resetTarget': { input: z.object({ nutrient: z.enum(NUTRIENTS) }).strict(), output: TargetsSchema },
  /** Foods and portions that would close a day's magnesium gap: foods used before first, then common rich ones. */
  'planner.suggestions': { input: z.object({ day: DaySchema }).strict(), output: SuggestionsSchema },
  'planner.templates': { input: z.undefined(), output: z.array(TemplateSchema) },
  /** Saves the items of one planned meal as a reusable template ("my usual breakfast"). */
  'planner.saveTemplate': {
    input: z.object({ name: templateName, day: DaySchema, meal: MealSchema }).strict(),
    output: TemplateSchema
  },
  'planner.applyTemplate': {
    input: z.object({ id: itemId, day: DaySchema, meal: MealSchema }).strict(),
    output: z.object({ added: z.number().int() })
  },
  'planner.deleteTemplate': { input: z.object({ id: itemId }).strict(), output: z.null() },
  /** Grams per food summed over the given days, grouped by food group. */
  'planner.shoppingList': {
    input: z.object({ days: z.array(DaySchema).min(1, 'Choose at least one day.').max(31, 'Choose at most 31 days.') }).strict(),
    output: ShoppingListSchema
  },
  /**
   * Food magnesium per day for a date range (for the journal's Insights), with
   * the day's supplemental magnesium alongside. A day counts the items marked
   * eaten if any are, else everything planned. Days with nothing planned and
   * no supplement are left out.
   */
  'planner.magnesiumByDay': {
    input: z
      .object({ from: DaySchema, to: DaySchema })
      .strict()
      .refine((range) => range.from <= range.to, { message: 'The range must start on or before its end.', path: ['to'] })
      .refine(
        (range) =>
          !isIsoDay(range.from) || !isIsoDay(range.to) || range.from > range.to || daysBetween(range.from, range.to) < MAX_RANGE_DAYS,
        {
          message: `Ask for at most ${MAX_RANGE_DAYS} days at a time.`,
          path: ['to']
        }
      ),
    output: z.array(MagnesiumDaySchema)
  }
} as const
