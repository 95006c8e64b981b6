import { z } from 'zod'

import { UserFoodInputSchema } from '../schemas/foods'

export * from '../schemas/foods'

/**
 * The food catalogue: USDA SR28 foods (ids are five-digit NDB numbers, kept as
 * text with their leading zeros) and the user's own foods (ids "u1", "u2"…).
 */

export const FOOD_SORTS = ['relevance', 'mgPerServing', 'mgPer100kcal', 'mgPer100g'] as const

export const FoodIdSchema = z
  .string()
  .trim()
  .regex(/^(\d{5}|u\d{1,9})$/, 'That is not a food Stillwell knows.')

export const FoodSearchInputSchema = z
  .object({
    query: z.string().max(100, 'Keep the search under 100 characters.'),
    /** A USDA food group name (or "My foods"); omitted for every group. */
    group: z.string().max(80).optional(),
    sort: z.enum(FOOD_SORTS).default('relevance'),
    limit: z.number().int().min(1).max(100).default(25)
  })
  .strict()

export const PortionSchema = z.object({
  /** USDA's order; 1 is the food's usual serving. */
  seq: z.number().int(),
  /** How many of the measure the grams are for, as USDA lists it (0.5 cup = 80 g). */
  amount: z.number(),
  measure: z.string(),
  grams: z.number(),
  /** "0.5 cup" */
  label: z.string()
})

export const FoodSummarySchema = z.object({
  id: z.string(),
  source: z.enum(['usda', 'user']),
  /** USDA's long description, or the name the user gave. */
  name: z.string(),
  /** A friendlier name for common foods ("pumpkin seeds"), else null. */
  shortName: z.string().nullable(),
  foodGroup: z.string(),
  mgPer100g: z.number(),
  fePer100g: z.number().nullable(),
  kcalPer100g: z.number().nullable(),
  /** USDA's numbers exactly as printed in SR28 ("2.10"), for display; null for the user's foods. */
  published: z.object({ mg: z.string(), fe: z.string().nullable(), kcal: z.string() }).nullable(),
  /** The food's first household measure, or null when USDA lists none (grams only). */
  serving: PortionSchema.nullable(),
  mgPerServing: z.number().nullable(),
  /** Magnesium per 100 kcal: how much magnesium the food brings for its energy. Null below 20 kcal per 100 g. */
  mgPer100kcal: z.number().nullable(),
  common: z.boolean(),
  /** How many planned items use it: foods used before rank higher. */
  uses: z.number().int(),
  /** A deleted food of the user's that old plans still show. */
  retired: z.boolean()
})

export const FoodDetailSchema = FoodSummarySchema.extend({
  portions: z.array(PortionSchema),
  /** For the user's foods: whether the values were entered per 100 g or per serving. */
  basis: z.enum(['100g', 'serving']).nullable()
})

export const FoodSearchResultSchema = z.object({
  results: z.array(FoodSummarySchema),
  /** True when more foods matched than were returned. */
  more: z.boolean()
})

export const FoodGroupSchema = z.object({ name: z.string(), count: z.number().int() })

export const ImportResultSchema = z.object({ imported: z.number().int(), names: z.array(z.string()) })

export type FoodSort = (typeof FOOD_SORTS)[number]
export type FoodSearchInput = z.input<typeof FoodSearchInputSchema>
export type FoodSummary = z.infer<typeof FoodSummarySchema>
export type FoodDetail = z.infer<typeof FoodDetailSchema>
export type Portion = z.infer<typeof PortionSchema>
export type FoodGroup = z.infer<typeof FoodGroupSchema>
export type ImportResult = z.infer<typeof ImportResultSchema>

export const foodsChannels = {
  'foods.search': { input: FoodSearchInputSchema, output: FoodSearchResultSchema },
  /** Full details (with every portion) for up to 50 foods, in the order asked; unknown ids are left out. */
  'foods.get': {
    input: z.object({ ids: z.array(FoodIdSchema).min(1).max(50) }).strict(),
    output: z.array(FoodDetailSchema)
  },
  'foods.groups': { input: z.undefined(), output: z.array(FoodGroupSchema) },
  /** The user's own foods, by name. */
  'foods.mine': { input: z.undefined(), output: z.array(FoodDetailSchema) },
  'foods.create': { input: UserFoodInputSchema, output: FoodDetailSchema },
  'foods.update': { input: z.object({ id: FoodIdSchema, food: UserFoodInputSchema }).strict(), output: FoodDetailSchema },
  /** Deletes one of the user's foods; one that plans or templates still use is hidden instead, so they keep their values. */
  'foods.delete': { input: z.object({ id: FoodIdSchema }).strict(), output: z.object({ hidden: z.boolean() }) },
  /** Imports the user's foods from CSV text: every row is checked first, and any bad row rejects the whole file. */
  'foods.importCsv': {
    input: z.object({ csv: z.string().max(1_000_000, 'That file is too large (over 1 MB) to be a list of foods.') }).strict(),
    output: ImportResultSchema
  }
} as const
