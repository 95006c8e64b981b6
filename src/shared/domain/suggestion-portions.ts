/**
 * How much of a food "close the gap" may ever suggest, whether it suits a
 * meal, and how to say the amount in kitchen terms. Pure data and functions.
 *
 * Food magnesium has no upper limit, but some magnesium-rich foods carry
 * something else that does at the size a gap would call for: Brazil nuts
 * (selenium), cocoa and chocolate (caffeine, which also keeps people awake and
 * can worsen restless legs), liver (vitamin A), oysters (zinc), seaweed
 * (iodine). Those are capped hard or never suggested. Everything else is held
 * to an ordinary portion, loosely after the serving sizes on food labels (US
 * FDA reference amounts customarily consumed, 21 CFR 101.12), so the planner
 * never proposes a bowl of seeds to hit a number.
 *
 * Figures behind the hazard caps:
 * - Brazil nuts: about 1,900 µg selenium per 100 g (USDA FoodData Central,
 *   SR Legacy 12078), so one 5 g nut holds about 95 µg; the upper limit for
 *   adults and 14–18-year-olds is 400 µg a day (NIH ODS Selenium fact sheet).
 *   Two nuts (10 g, ~190 µg) stay under half of it.
 * - Cocoa powder about 230 mg and 70–85 % dark chocolate about 80 mg caffeine
 *   per 100 g (USDA SR Legacy 19165, 19904): 5 g of cocoa ≈ 12 mg and 20 g of
 *   chocolate ≈ 16 mg, a fraction of a cup of tea, and only before the evening.
 */

import type { Meal } from './meal-plan'

export interface HouseholdMeasure {
  /** Grams in one unit. */
  grams: number
  one: string
  many: string
}

export interface PortionRule {
  /** Never suggest more than this many grams. */
  maxGrams: number
  /** Suggested amounts are whole multiples of this (default 5 g). */
  stepGrams?: number
  /** A kitchen measure to say the amount in; else one is read from the food's portions. */
  measure?: HouseholdMeasure
  /** Meals this food is never suggested for. */
  notAt?: readonly Meal[]
  /** True for foods that are eaten in small amounts as a treat or an ingredient; ranked after whole foods. */
  minor?: boolean
  /** Shown with the suggestion: why the amount is small. */
  note?: string
  /** Never suggested at all; the reason is for the test and for readers of this file. */
  excluded?: string
}

/** Evening meals: no caffeine there. */
export const EVENING_MEALS: readonly Meal[] = ['dinner', 'snacks']

const CAFFEINE_NOTE = 'Contains caffeine: suggested in a small amount, and only at breakfast or lunch.'

/** Foods that are capped or left out whatever their id: they match by name, so a user's own entry is covered too. */
const HAZARDS: readonly { pattern: RegExp; rule: PortionRule }[] = [
  // Left out first, so "coffee and cocoa" or "chocolate liqueur" never reach the small-amount rules below.
  { pattern: /coffee|espresso|\btea\b|\bcola\b|energy drink|guarana|\bmate\b/i, rule: { maxGrams: 0, excluded: 'caffeine' } },
  { pattern: /\bbeer\b|\bwine\b|liqueur|whisk(e)?y|vodka|\brum\b|\bgin\b|alcoholic|\bsake\b/i, rule: { maxGrams: 0, excluded: 'alcohol' } },
  { pattern: /liver/i, rule: { maxGrams: 0, excluded: 'vitamin A (above the upper limit in one portion)' } },
  { pattern: /oyster/i, rule: { maxGrams: 0, excluded: 'zinc (near or above the upper limit in one portion)' } },
  { pattern: /kelp|seaweed|kombu|hijiki|wakame|\bnori\b|spirulina|\bagar\b/i, rule: { maxGrams: 0, excluded: 'iodine' } },
  {
    pattern: /brazil ?nut/i,
    rule: {
      maxGrams: 10,
      stepGrams: 5,
      measure: { grams: 5, one: 'nut', many: 'nuts' },
      note: 'Brazil nuts are very high in selenium: one or two a day is plenty.'
    }
  },
  {
    pattern: /chocolate/i,
    rule: {
      maxGrams: 20,
      stepGrams: 10,
      measure: { grams: 10, one: 'square of a 100 g bar', many: 'squares of a 100 g bar' },
      notAt: EVENING_MEALS,
      minor: true,
      note: CAFFEINE_NOTE
    }
  },
  {
    pattern: /cocoa|cacao/i,
    rule: { maxGrams: 5, measure: { grams: 5, one: 'tbsp', many: 'tbsp' }, notAt: EVENING_MEALS, minor: true, note: CAFFEINE_NOTE }
  },
  {
    pattern: /flax ?seed|linseed/i,
    rule: { maxGrams: 20, measure: { grams: 10, one: 'tbsp', many: 'tbsp' } }
  },
  { pattern: /\bchia\b/i, rule: { maxGrams: 25, measure: { grams: 12, one: 'tbsp', many: 'tbsp' } } },
  { pattern: /molasses/i, rule: { maxGrams: 20, measure: { grams: 20, one: 'tbsp', many: 'tbsp' }, minor: true } },
  { pattern: /wheat germ|\bbran\b/i, rule: { maxGrams: 15, measure: { grams: 7, one: 'tbsp', many: 'tbsp' }, minor: true } },
  { pattern: /tahini|peanut butter|almond butter|nut butter/i, rule: { maxGrams: 32, measure: { grams: 16, one: 'tbsp', many: 'tbsp' } } },
  // Peanuts are legumes to the USDA but a handful of nuts on the plate.
  { pattern: /peanut/i, rule: { maxGrams: 30 } },
  { pattern: /pumpkin seed|pepitas|sunflower seed|sesame seed/i, rule: { maxGrams: 30, measure: { grams: 8, one: 'tbsp', many: 'tbsp' } } },
  { pattern: /hummus|houmous/i, rule: { maxGrams: 60, measure: { grams: 15, one: 'tbsp', many: 'tbsp' } } },
  // Tap and bottled water differ too much from place to place to be counted on.
  { pattern: /^(tap|bottled|mineral|spring|drinking)?\s*water\b|beverages, water/i, rule: { maxGrams: 0, excluded: 'magnesium in water varies by source' } }
]

const RAW_LEAVES = /(spinach|kale|chard|lettuce|greens|arugula|rocket|watercress|cress).*\braw\b|\braw\b.*(spinach|kale|chard|lettuce|greens)/i
/** About three cups of salad leaves. */
const RAW_LEAVES_MAX_GRAMS = 90
const EGG = /\begg/i
/** Two eggs. */
const EGG_MAX_GRAMS = 100

/** Ordinary portions by USDA food group, for foods with no rule above. */
const GROUP_MAX_GRAMS: Record<string, number> = {
  'Nut and Seed Products': 30,
  'Legumes and Legume Products': 175,
  'Vegetables and Vegetable Products': 200,
  'Fruits and Fruit Juices': 200,
  'Cereal Grains and Pasta': 200,
  'Breakfast Cereals': 60,
  'Baked Products': 70,
  'Dairy and Egg Products': 250,
  'Finfish and Shellfish Products': 150,
  'Beef Products': 150,
  'Pork Products': 150,
  'Poultry Products': 150,
  'Lamb, Veal, and Game Products': 150,
  'Sausages and Luncheon Meats': 60,
  Beverages: 250,
  'Soups, Sauces, and Gravies': 250,
  'Meals, Entrees, and Side Dishes': 250,
  'Fast Foods': 200,
  'Restaurant Foods': 200,
  'American Indian/Alaska Native Foods': 150,
  Snacks: 40,
  Sweets: 30
}

/** Groups whose foods are not eaten by the portion (herbs, oils) or are meant for someone else (baby food). */
const EXCLUDED_GROUPS: Record<string, string> = {
  'Spices and Herbs': 'eaten by the pinch, not the portion',
  'Fats and Oils': 'not a magnesium source',
  'Baby Foods': 'made for infants'
}

/** Groups of foods that are ranked after whole foods. */
const MINOR_GROUPS = new Set(['Sweets', 'Snacks', 'Fast Foods', 'Restaurant Foods', 'Baked Products', 'Breakfast Cereals', 'Beverages'])

/** A food's own portions tell "cooked" from "dry"; dry grains, pasta and pulses get a dry portion. */
const DRY = /\bdry\b|\braw\b|uncooked|\bflour\b|mature seeds, raw/i
const DRY_MAX_GRAMS = 60
const DRIED_FRUIT = /\bdried\b|dehydrated|\bprunes?\b|raisins?|\bdates?\b/i
const DRIED_FRUIT_MAX_GRAMS = 40
const CHEESE = /cheese|parmesan/i
const CHEESE_MAX_GRAMS = 40

/** The cap for a food with no group (a user's own food): its largest portion, but never above this. */
export const OWN_FOOD_MAX_GRAMS = 150

export interface PortionFood {
  name: string
  /** USDA food group, or null/undefined for a user's own food. */
  foodGroup?: string | null
}

/** The rule that governs how much of a food may be suggested, and when. */
export function portionRule(food: PortionFood): PortionRule {
  for (const hazard of HAZARDS) if (hazard.pattern.test(food.name)) return hazard.rule
  const group = food.foodGroup ?? ''
  const excluded = EXCLUDED_GROUPS[group]
  if (excluded) return { maxGrams: 0, excluded }
  const minor = MINOR_GROUPS.has(group)
  if ((group === 'Cereal Grains and Pasta' || group === 'Legumes and Legume Products') && DRY.test(food.name)) {
    return { maxGrams: DRY_MAX_GRAMS }
  }
  if (group === 'Fruits and Fruit Juices' && DRIED_FRUIT.test(food.name)) return { maxGrams: DRIED_FRUIT_MAX_GRAMS }
  if (group === 'Dairy and Egg Products' && CHEESE.test(food.name)) return { maxGrams: CHEESE_MAX_GRAMS }
  if (group === 'Dairy and Egg Products' && EGG.test(food.name)) return { maxGrams: EGG_MAX_GRAMS }
  if (group === 'Vegetables and Vegetable Products' && RAW_LEAVES.test(food.name)) return { maxGrams: RAW_LEAVES_MAX_GRAMS }
  const max = GROUP_MAX_GRAMS[group] ?? OWN_FOOD_MAX_GRAMS
  return minor ? { maxGrams: max, minor } : { maxGrams: max }
}

/** True when the food may be suggested for this meal at all. */
export function suitsMeal(rule: PortionRule, meal: Meal): boolean {
  return rule.excluded === undefined && rule.maxGrams > 0 && !(rule.notAt ?? []).includes(meal)
}

// ---------------------------------------------------------------------------
// Household measures

export interface MeasurePortion {
  amount?: number
  measure?: string
  grams: number
  label?: string
}

const FRACTIONS: readonly [number, string][] = [
  [0.25, '¼'],
  [1 / 3, '⅓'],
  [0.5, '½'],
  [2 / 3, '⅔'],
  [0.75, '¾']
]

/** "1½", "¾", "2" — the nearest quarter or third below 1, the nearest half up to 4, whole numbers above. */
function niceCount(count: number): { value: number; text: string } {
  if (count < 1) {
    let best = FRACTIONS[0]!
    for (const f of FRACTIONS) if (Math.abs(f[0] - count) < Math.abs(best[0] - count)) best = f
    const one = Math.abs(1 - count) < Math.abs(best[0] - count)
    return one ? { value: 1, text: '1' } : { value: best[0], text: best[1] }
  }
  if (count < 4) {
    const halves = Math.round(count * 2) / 2
    const whole = Math.floor(halves)
    return { value: halves, text: halves % 1 === 0 ? String(halves) : `${whole}½` }
  }
  const whole = Math.round(count)
  return { value: whole, text: String(whole) }
}

/** Plural of the first word of a USDA measure ("cup, chopped" → "cups, chopped"); abbreviations stay as they are. */
const COUNTABLE = /^(cup|slice|kernel|nut|piece|stalk|leaf|spear|bar|square|egg|fruit|date|fig|serving|container|cracker|half|halve|prune|sprout|floweret|pod|bean|berry|fillet|patty|chop|can|package|packet|potato|tomato|almond|peanut|raisin|grape|cherry|sardine|tortilla|muffin|bagel|biscuit|cookie|wedge|ear)(es|s)?\b/i

function pluralise(measure: string): string {
  const match = COUNTABLE.exec(measure)
  if (!match || match[2]) return measure
  const word = match[1]!
  const plural = /(ch|sh|x|s|o)$/i.test(word) ? `${word}es` : word.endsWith('f') ? `${word.slice(0, -1)}ves` : `${word}s`
  return plural + measure.slice(word.length)
}

/** A weight or a measure so odd that grams say it better. */
const NOT_HOUSEHOLD = /^(oz|g|gram|lb|pound|NLEA|quart|liter|litre|bunch|head|melon|bird|package|pint)\b|cubic inch/i
/** Spoon measures read well only up to a few spoons. */
const SPOON = /^(tbsp|tablespoons?|tsp|teaspoons?)\b/i
const MAX_SPOONS = 4
/** Counting above this many only makes sense for small pieces (nuts, berries). */
const MAX_COUNT = 12
const SMALL_PIECE_GRAMS = 5

/** "medium (7" to 7-7/8" long)" → "medium"; "ear, large yields" → "ear, large". */
function tidyMeasure(measure: string): string {
  return measure
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+yields?$/i, '')
    .trim()
}

const measureCache = new WeakMap<readonly MeasurePortion[], HouseholdMeasure[]>()

function unitMeasures(portions: readonly MeasurePortion[]): HouseholdMeasure[] {
  const cached = measureCache.get(portions)
  if (cached) return cached
  const out: HouseholdMeasure[] = []
  measureCache.set(portions, out)
  for (const p of portions) {
    if (!p.measure || !(p.grams > 0)) continue
    const amount = p.amount && p.amount > 0 ? p.amount : 1
    const measure = tidyMeasure(p.measure)
    if (!measure || NOT_HOUSEHOLD.test(measure) || measure.length > 30) continue
    out.push({ grams: p.grams / amount, one: measure, many: pluralise(measure) })
  }
  return out
}

function countFits(count: number, m: HouseholdMeasure): boolean {
  if (count < 0.2) return false
  if (SPOON.test(m.one)) return count <= MAX_SPOONS + 0.25
  return count <= MAX_COUNT || (m.grams <= SMALL_PIECE_GRAMS && count <= 40)
}

/**
 * The amount in kitchen terms ("2 tbsp", "about ½ cup", "2 nuts"), or null
 * when no measure fits within 15 %. The closest fit wins; a later measure
 * must fit clearly better (by 3 points) to replace an earlier one.
 */
export function householdMeasure(grams: number, rule: PortionRule, portions: readonly MeasurePortion[]): string | null {
  if (!(grams > 0)) return null
  // The rule's measure first (a Brazil nut is "a nut", not "a kernel"); a USDA portion replaces it only when it fits clearly better.
  const measures = rule.measure ? [rule.measure, ...unitMeasures(portions)] : unitMeasures(portions)
  let best: { text: string; error: number } | null = null
  for (const m of measures) {
    const count = grams / m.grams
    if (!countFits(count, m)) continue
    const nice = niceCount(count)
    const error = Math.abs(nice.value - count) / count
    if (error > 0.15) continue
    const exact = error < 0.02
    const text = `${exact ? '' : 'about '}${nice.text} ${nice.value > 1 ? m.many : m.one}`
    if (!best || error < best.error - 0.03) best = { text, error }
  }
  return best?.text ?? null
}
