// Meal-plan items: the day, the meal, the amount and its unit. The single
// source of these rules and messages: the contract checks IPC input with them
// and the item editor shows their messages before saving.
import { z } from 'zod'
import { isIsoDay, MAX_AMOUNT, MEALS } from '../domain/meal-plan'

export const DaySchema = z.string().refine(isIsoDay, 'Use a real date written as YYYY-MM-DD.')
export const MealSchema = z.enum(MEALS, { error: 'Choose breakfast, lunch, dinner or snacks.' })

export const AmountSchema = z
  .number({ error: 'Enter an amount, such as 1 or 0.5.' })
  .gt(0, 'Enter an amount above 0.')
  .max(MAX_AMOUNT, `Keep the amount at or under ${MAX_AMOUNT}.`)

/** What the amount counts: grams, one of the food's household measures (by USDA's seq), or its serving. */
export const UnitInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('g') }).strict(),
  z.object({ kind: z.literal('measure'), seq: z.number().int().min(1).max(999) }).strict(),
  z.object({ kind: z.literal('serving') }).strict()
])

/** The amount of a planned item as the item editor checks it. */
export const ItemAmountSchema = z.object({ amount: AmountSchema })

export type UnitInput = z.infer<typeof UnitInputSchema>
