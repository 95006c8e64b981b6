/**
 * Magnesium and iron: daily targets, portion math, display rounding and
 * "close the gap" suggestions. Pure functions, no I/O.
 *
 * Targets are the US Recommended Dietary Allowances (RDA) as published in
 * the NIH Office of Dietary Supplements (ODS) fact sheets for health
 * professionals (magnesium: Table 1; iron: Table 1), for ages 14 and up.
 */

import type { Meal } from './meal-plan'
import type { AgeBand, ProfileValues } from './profile'
import { householdMeasure, portionRule, suitsMeal, type PortionRule } from './suggestion-portions'

// The profile vocabulary lives in ./profile; re-exported for callers of this module.
export type { AgeBand, LifeStage, Sex } from './profile'

/** The part of the user's profile that decides the targets (a whole ProfileValues fits). */
export type NutrientProfile = Pick<ProfileValues, 'ageBand' | 'sex' | 'lifeStage'>

export interface NutrientTarget {
  value: number
  unit: 'mg'
  source: string
  /** Which row of the RDA table was used, e.g. "Females 19–30 years, pregnancy". */
  basis: string
}

export const MAGNESIUM_RDA_SOURCE = 'NIH Office of Dietary Supplements, Magnesium fact sheet for health professionals (RDA)'
export const IRON_RDA_SOURCE = 'NIH Office of Dietary Supplements, Iron fact sheet for health professionals (RDA)'

/** One RDA row; pregnancy/lactation values exist only where ODS lists them. */
interface RdaRow {
  male: number
  female: number
  pregnant?: number
  lactating?: number
}

const MAGNESIUM_RDA_MG: Record<AgeBand, RdaRow> = {
  '14-18': { male: 410, female: 360, pregnant: 400, lactating: 360 },
  '19-30': { male: 400, female: 310, pregnant: 350, lactating: 310 },
  '31-50': { male: 420, female: 320, pregnant: 360, lactating: 320 },
  '51-70': { male: 420, female: 320 },
  '71+': { male: 420, female: 320 }
}

const IRON_RDA_MG: Record<AgeBand, RdaRow> = {
  '14-18': { male: 11, female: 15, pregnant: 27, lactating: 10 },
  '19-30': { male: 8, female: 18, pregnant: 27, lactating: 9 },
  '31-50': { male: 8, female: 18, pregnant: 27, lactating: 9 },
  '51-70': { male: 8, female: 8 },
  '71+': { male: 8, female: 8 }
}

const AGE_LABEL: Record<AgeBand, string> = {
  '14-18': '14–18 years',
  '19-30': '19–30 years',
  '31-50': '31–50 years',
  '51-70': '51–70 years',
  '71+': '71 years and over'
}

/**
 * Picks the RDA row value. Pregnancy and lactation apply to females only, and
 * only in the bands where ODS gives a value (up to 50); otherwise the plain
 * value for the sex and age is used and the basis says so.
 */
function pickRda(table: Record<AgeBand, RdaRow>, profile: NutrientProfile): { value: number; basis: string } {
  const row = table[profile.ageBand]
  const who = `${profile.sex === 'female' ? 'Females' : 'Males'} ${AGE_LABEL[profile.ageBand]}`
  if (profile.sex === 'female' && profile.lifeStage !== 'none') {
    const special = row[profile.lifeStage]
    const stage = profile.lifeStage === 'pregnant' ? 'pregnancy' : 'breastfeeding'
    if (special !== undefined) return { value: special, basis: `${who}, ${stage}` }
    return { value: row.female, basis: `${who} (no separate ${stage} value for this age)` }
  }
  return { value: row[profile.sex], basis: who }
}

export function magnesiumTargetMg(profile: NutrientProfile): NutrientTarget {
  return { ...pickRda(MAGNESIUM_RDA_MG, profile), unit: 'mg', source: MAGNESIUM_RDA_SOURCE }
}

export function ironTargetMg(profile: NutrientProfile): NutrientTarget {
  return { ...pickRda(IRON_RDA_MG, profile), unit: 'mg', source: IRON_RDA_SOURCE }
}

/**
 * Tolerable upper intake level for magnesium from supplements and medicines
 * (ages 9 and up, so it covers every age band here). Magnesium in food does
 * not count towards it.
 */
export const SUPPLEMENT_MG_UPPER_LIMIT = 350

/**
 * Tolerable upper intake level for iron, ages 14 and up (NIH ODS Iron fact
 * sheet, upper intake levels). Doctors often prescribe more for a while to treat low iron,
 * so the journal shows it as a hint, never as a warning.
 */
export const IRON_UPPER_LIMIT_MG = 45

/** The journal's one-line hints: supplement amounts are elemental magnesium and iron, as labels list them. */
export const MAGNESIUM_SUPPLEMENT_HINT = 'Elemental magnesium, as the label’s supplement facts give it (not the weight of the whole salt).'
export const IRON_SUPPLEMENT_HINT =
  `Elemental iron: a 325 mg ferrous sulfate tablet holds about 65 mg. The upper limit is ${IRON_UPPER_LIMIT_MG} mg a day ` +
  'unless your doctor prescribed more.'

export const MAGNESIUM_KIDNEY_CAUTION =
  'If you have kidney disease, do not take magnesium supplements unless your doctor advises it: ' +
  'the kidneys may not clear the extra magnesium.'

/**
 * Warning text when supplemental magnesium for a day is above the upper
 * limit; null at or below it. Throws on a negative or non-numeric amount
 * (that is a bug upstream, not user input).
 */
export function supplementWarning(mgFromSupplements: number): string | null {
  assertAmount(mgFromSupplements, 'mgFromSupplements')
  if (mgFromSupplements <= SUPPLEMENT_MG_UPPER_LIMIT) return null
  const mg = roundNutrient(mgFromSupplements, 'mg')
  return (
    `That is ${mg} mg of magnesium from supplements, above the upper limit of ` +
    `${SUPPLEMENT_MG_UPPER_LIMIT} mg a day for supplements and medicines (magnesium in food does not count). ` +
    'Above this amount, diarrhea, nausea and stomach cramps become more likely. ' +
    'Talk to your doctor before taking this much.'
  )
}

function assertAmount(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${String(value)}`)
  }
}

/** Nutrient in a portion: value per 100 g × grams / 100 (unrounded). */
export function nutrientForGrams(per100g: number, grams: number): number {
  assertAmount(per100g, 'per100g')
  assertAmount(grams, 'grams')
  return (per100g * grams) / 100
}

export type NutrientUnit = 'mg' | 'g' | 'kcal'

/**
 * Display rounding — enough precision to be useful, no false precision:
 * - kcal: whole numbers.
 * - mg and g: 10 and above → whole numbers (e.g. 76.545 mg → 77 mg);
 *   1 to under 10 → one decimal (2.71 → 2.7); under 1 → two decimals
 *   (0.274 mg of iron → 0.27), so small iron amounts do not show as 0.
 * Halves round away from zero. Round only for display; sum unrounded values.
 */
export function roundNutrient(value: number, unit: NutrientUnit): number {
  if (!Number.isFinite(value)) return value
  if (unit === 'kcal') return roundTo(value, 0)
  const size = Math.abs(value)
  if (size >= 10) return roundTo(value, 0)
  if (size >= 1) return roundTo(value, 1)
  return roundTo(value, 2)
}

/** Decimal rounding via exponent notation, so 1.005 → 1.01 rather than 1.00. */
function roundTo(value: number, decimals: number): number {
  const size = Math.abs(value)
  if (size < 1e-6) return 0
  if (size >= 1e15) return value // already beyond decimal precision
  const rounded = Number(`${Math.round(Number(`${size}e${decimals}`))}e-${decimals}`)
  return value < 0 ? -rounded : rounded
}

// ---------------------------------------------------------------------------
// Close the gap

export interface FoodPortion {
  label: string
  grams: number
  /** The USDA amount and measure ("1", "cup, chopped"), for saying a suggestion in kitchen terms. */
  amount?: number
  measure?: string
}

export interface GapCandidate {
  foodId: string
  name: string
  mgPer100g: number
  portions: readonly FoodPortion[]
  usedBefore: boolean
  common: boolean
  /** USDA food group; null or absent for the user's own foods. */
  foodGroup?: string | null
  /** Optional tighter cap for this food, on top of its portion rule. */
  maxGrams?: number
}

export interface GapSuggestion {
  foodId: string
  name: string
  grams: number
  /** e.g. "30 g pumpkin seeds (about ¼ cup)". */
  label: string
  /** The amount in kitchen terms ("2 nuts", "about ¼ cup"), or null when no measure fits. */
  household: string | null
  /** Why the amount is kept small (caffeine, selenium), or null. */
  note: string | null
  /** Magnesium the portion adds, rounded for display. */
  addsMg: number
  /** True when the portion covers the whole gap (within the 2 % tolerance). */
  closesGap: boolean
}

/** Never suggest more than this much of one food. */
export const SUGGESTION_MAX_GRAMS = 250
/** Used as the cap when a food has no household portion. */
export const SUGGESTION_NO_PORTION_MAX_GRAMS = 100
/** Suggested amounts are whole multiples of this (easy to weigh or eyeball) unless a food's rule says otherwise. */
export const SUGGESTION_STEP_GRAMS = 5
/** A suggestion must cover at least this share of the gap to be worth showing. */
const MIN_SHARE_OF_GAP = 0.25
/** Rounding the amount down is fine if it still covers 98 % of the gap. */
const ROUND_DOWN_TOLERANCE = 0.02

interface Scored extends GapSuggestion {
  usedBefore: boolean
  common: boolean
  minor: boolean
  share: number
  mgPer100g: number
}

/**
 * The most of one food "close the gap" will ever suggest: its largest
 * household portion (100 g when it has none), never above 250 g, and never
 * above its portion rule (see suggestion-portions: Brazil nuts 10 g, cocoa
 * 5 g, nuts and seeds 30 g…) or the candidate's own maxGrams; floored to the
 * food's step so the label reads "125 g", not "129 g". 0 when the food is
 * never suggested.
 */
export function suggestionCap(candidate: Pick<GapCandidate, 'name' | 'foodGroup' | 'portions' | 'maxGrams'>): number {
  const rule = portionRule(candidate)
  if (rule.excluded !== undefined) return 0
  const step = rule.stepGrams ?? SUGGESTION_STEP_GRAMS
  const portions = candidate.portions.filter((p) => Number.isFinite(p.grams) && p.grams > 0)
  const largest = portions.length > 0 ? Math.max(...portions.map((p) => p.grams)) : SUGGESTION_NO_PORTION_MAX_GRAMS
  const cap = Math.min(SUGGESTION_MAX_GRAMS, largest, rule.maxGrams, candidate.maxGrams ?? Infinity)
  return cap >= step ? Math.floor(cap / step) * step : Math.max(0, Math.floor(cap))
}

/**
 * Grams of one food to suggest: the amount that closes the gap, in steps of
 * `step` grams. We round up so the gap is really closed, unless rounding down
 * still covers 98 % of it (30 g of pumpkin seeds for a 178 mg gap, not 35 g).
 */
function gramsToClose(gapMg: number, mgPer100g: number, step: number): number {
  const needed = (gapMg * 100) / mgPer100g
  const down = Math.max(step, Math.floor(needed / step) * step)
  if (nutrientForGrams(mgPer100g, down) >= gapMg * (1 - ROUND_DOWN_TOLERANCE)) return down
  return Math.max(step, Math.ceil(needed / step) * step)
}

/** A candidate's rule and cap depend only on the candidate: worked out once per candidate object. */
const ruleCache = new WeakMap<GapCandidate, { rule: PortionRule; cap: number }>()

function ruleAndCap(candidate: GapCandidate): { rule: PortionRule; cap: number } {
  let found = ruleCache.get(candidate)
  if (!found) {
    found = { rule: portionRule(candidate), cap: suggestionCap(candidate) }
    ruleCache.set(candidate, found)
  }
  return found
}

function score(gapMg: number, candidate: GapCandidate, meal: Meal): Scored | null {
  if (!Number.isFinite(candidate.mgPer100g) || candidate.mgPer100g <= 0) return null
  const { rule, cap } = ruleAndCap(candidate)
  if (!suitsMeal(rule, meal)) return null
  if (!(cap > 0)) return null
  const step = Math.min(rule.stepGrams ?? SUGGESTION_STEP_GRAMS, cap)
  const grams = Math.min(gramsToClose(gapMg, candidate.mgPer100g, step), cap)
  const rawMg = nutrientForGrams(candidate.mgPer100g, grams)
  const share = Math.min(1, rawMg / gapMg)
  if (share < MIN_SHARE_OF_GAP) return null
  const household = householdMeasure(grams, rule, candidate.portions)
  return {
    foodId: candidate.foodId,
    name: candidate.name,
    grams,
    label: household ? `${grams} g ${candidate.name} (${household})` : `${grams} g ${candidate.name}`,
    household,
    note: rule.note ?? null,
    addsMg: roundNutrient(rawMg, 'mg'),
    closesGap: share >= 1 - ROUND_DOWN_TOLERANCE,
    usedBefore: candidate.usedBefore,
    common: candidate.common,
    minor: rule.minor === true,
    share,
    mgPer100g: candidate.mgPer100g
  }
}

/** Every portion that closes the gap counts as closing all of it, so richness decides among them. */
function effectiveShare(s: Scored): number {
  return s.closesGap ? 1 : s.share
}

/**
 * Ranking: whole foods before treats and ingredients (chocolate, cocoa,
 * molasses, snacks); then foods the user has eaten before, then common
 * foods; within each group, portions that close the whole gap first, then
 * the larger share of the gap (for those that cannot close it), then the
 * richest food per 100 g (the smaller portion), then name.
 */
function compareSuggestions(a: Scored, b: Scored): number {
  return (
    Number(a.minor) - Number(b.minor) ||
    Number(b.usedBefore) - Number(a.usedBefore) ||
    Number(b.common) - Number(a.common) ||
    Number(b.closesGap) - Number(a.closesGap) ||
    effectiveShare(b) - effectiveShare(a) ||
    b.mgPer100g - a.mgPer100g ||
    a.name.localeCompare(b.name)
  )
}

/**
 * Up to `max` foods, each with one ordinary portion, that would close most
 * or all of a day's magnesium gap at the given meal. Foods that cannot cover
 * a quarter of the gap within their cap, and foods that do not suit the meal
 * (cocoa and chocolate in the evening), are left out. No gap → no suggestions.
 */
export function gapSuggestions(gapMg: number, candidates: readonly GapCandidate[], meal: Meal, max = 3): GapSuggestion[] {
  if (!Number.isFinite(gapMg) || gapMg <= 0 || max < 1) return []
  const seen = new Set<string>()
  const scored: Scored[] = []
  for (const candidate of candidates) {
    if (seen.has(candidate.foodId)) continue
    seen.add(candidate.foodId)
    const s = score(gapMg, candidate, meal)
    if (s) scored.push(s)
  }
  return scored
    .sort(compareSuggestions)
    .slice(0, max)
    .map(({ foodId, name, grams, label, household, note, addsMg, closesGap }) => ({
      foodId,
      name,
      grams,
      label,
      household,
      note,
      addsMg,
      closesGap
    }))
}
