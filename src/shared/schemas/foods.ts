// The user's own foods: one zod schema per entity, the single source of its
// rules and messages. The contract checks IPC input with it, the types are
// inferred from it, and the food form shows its messages before saving.
import { z } from 'zod'

const text = (max: number, what: string) => z.string().trim().min(1, `Enter ${what}.`).max(max, `Keep ${what} under ${max} characters.`)

const grams = z
  .number({ error: 'Enter a weight in grams.' })
  .gt(0, 'A weight must be more than 0 g.')
  .max(2000, 'Keep a portion at or under 2,000 g.')

export const UserPortionSchema = z
  .object({
    label: text(60, 'a name for the portion'),
    grams
  })
  .strict()

export const USER_FOOD_LIMITS = { mgPer100g: 2000, fePer100g: 200, kcalPer100g: 1000 } as const

export const UserFoodInputSchema = z
  .object({
    name: text(120, 'a name'),
    foodGroup: z.string().trim().max(80).optional(),
    /** Whether the numbers below are per 100 g or per one serving. */
    basis: z.enum(['100g', 'serving']),
    magnesiumMg: z
      .number({ error: 'Enter the magnesium in mg (0 if none).' })
      .min(0, 'Magnesium cannot be negative.')
      .max(2000, 'That is more magnesium than any food has; check the number.'),
    ironMg: z
      .number({ error: 'Enter the iron in mg, or leave it empty.' })
      .min(0, 'Iron cannot be negative.')
      .max(200, 'That is more iron than any food has; check the number.')
      .nullable(),
    kcal: z
      .number({ error: 'Enter the energy in kcal, or leave it empty.' })
      .min(0, 'Energy cannot be negative.')
      .max(2000, 'That is more energy than any food has; check the number.')
      .nullable(),
    /** The usual serving; required when the numbers are per serving. */
    serving: UserPortionSchema.nullable(),
    /** Other household measures (a slice, a cup…). */
    portions: z.array(UserPortionSchema).max(8, 'Keep it to 8 extra portions.')
  })
  .strict()
  .refine((food) => food.basis === '100g' || food.serving !== null, {
    message: 'Values per serving need the serving’s weight.',
    path: ['serving']
  })

export type UserFoodInput = z.infer<typeof UserFoodInputSchema>
export type UserPortion = z.infer<typeof UserPortionSchema>
