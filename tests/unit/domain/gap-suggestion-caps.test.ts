/**
 * "Close the gap" against the real shipped food data: every day gap from 1 to
 * 420 mg at every meal, with every suggestion the ranking would consider (not
 * just the three shown), checked against each food's cap and the hazard rules.
 * The worst case is assumed: the user has eaten every risky food before.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { beforeAll, describe, expect, it } from 'vitest'
import { MEALS, type Meal } from '../../../src/shared/domain/meal-plan'
import { gapSuggestions, SUGGESTION_MAX_GRAMS, suggestionCap, type GapCandidate, type GapSuggestion } from '../../../src/shared/domain/nutrients'
import { portionRule } from '../../../src/shared/domain/suggestion-portions'

const FOOD_DIR = join(__dirname, '../../../resources/food')

function readCsv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(FOOD_DIR, file), 'utf8'), { header: true, skipEmptyLines: true }).data
}

const BRAZIL = /brazil ?nut/i
const COCOA = /cocoa|cacao/i
const CHOCOLATE = /chocolate/i
const NEVER = /liver|oyster|coffee|\btea\b|\bbeer\b|\bwine\b/i

let all: GapCandidate[] = []
let common: GapCandidate[] = []
let risky: GapCandidate[] = []

beforeAll(() => {
  const portions = new Map<string, GapCandidate['portions'][number][]>()
  for (const p of readCsv('usda-portions.csv')) {
    const list = portions.get(p['source_id']!) ?? []
    const amount = Number(p['amount'])
    list.push({ label: `${amount} ${p['measure']}`, amount, measure: p['measure']!, grams: Number(p['grams']) })
    portions.set(p['source_id']!, list)
  }
  const shortNames = new Map(readCsv('common-foods.csv').map((r) => [r['source_id']!, r['short_name']!]))
  all = readCsv('usda-foods-mg-fe.csv').map((f) => {
    const id = f['source_id']!
    const short = shortNames.get(id)
    return {
      foodId: id,
      name: short ?? f['description']!,
      mgPer100g: Number(f['mg_mg_per_100g']),
      portions: portions.get(id) ?? [],
      usedBefore: short === undefined,
      common: short !== undefined,
      foodGroup: f['food_group']!
    }
  })
  common = all.filter((c) => c.common)
  // Every food a hazard rule is about, every nut and seed and every sweet, as if eaten before.
  risky = all.filter(
    (c) =>
      !c.common &&
      (BRAZIL.test(c.name) ||
        COCOA.test(c.name) ||
        CHOCOLATE.test(c.name) ||
        NEVER.test(c.name) ||
        c.foodGroup === 'Nut and Seed Products' ||
        c.foodGroup === 'Sweets')
  )
})

/** Everything wrong with one suggestion, in words (plain checks: this runs for hundreds of thousands of suggestions). */
function problems(s: GapSuggestion, meal: Meal, byId: Map<string, GapCandidate>): string[] {
  const food = byId.get(s.foodId)!
  const out: string[] = []
  if (!(s.grams > 0)) out.push('no amount')
  if (s.grams > suggestionCap(food)) out.push(`above its cap of ${suggestionCap(food)} g`)
  if (s.grams > SUGGESTION_MAX_GRAMS) out.push(`above ${SUGGESTION_MAX_GRAMS} g`)
  if (NEVER.test(food.name)) out.push('a food that is never suggested')
  if (BRAZIL.test(food.name)) {
    // One or two nuts: about 95 µg selenium each against the 400 µg a day upper limit.
    if (s.grams > 10) out.push('more than two Brazil nuts')
    if (!/^(1 nut|2 nuts)$/.test(s.household ?? '')) out.push('Brazil nuts not counted as nuts')
  }
  if (COCOA.test(food.name) || CHOCOLATE.test(food.name)) {
    if (meal !== 'breakfast' && meal !== 'lunch') out.push('caffeine in the evening')
    if (s.grams > (CHOCOLATE.test(food.name) ? 20 : 5)) out.push('more than a small amount of cocoa or chocolate')
    if (!/caffeine/i.test(s.note ?? '')) out.push('no caffeine note')
  }
  if (food.foodGroup === 'Nut and Seed Products' && s.grams > 32) out.push('more than a handful of nuts or seeds')
  if (/flax ?seed|linseed/i.test(food.name) && s.grams > 20) out.push('more than 2 tbsp flaxseed')
  return out.map((p) => `${s.label} at ${meal}: ${p}`)
}

describe('close the gap never suggests more than a food’s cap', () => {
  it('every gap from 1 to 420 mg × every meal, with the common foods and every risky food eaten before', () => {
    const candidates = [...risky, ...common]
    const byId = new Map(candidates.map((c) => [c.foodId, c]))
    let checked = 0
    const failures: string[] = []
    const seenRisky = { brazil: 0, cocoa: 0, chocolate: 0 }
    for (let gap = 1; gap <= 420; gap++) {
      for (const meal of MEALS) {
        const list = gapSuggestions(gap, candidates, meal, Number.POSITIVE_INFINITY)
        for (const s of list) {
          failures.push(...problems(s, meal, byId))
          const name = byId.get(s.foodId)!.name
          if (BRAZIL.test(name)) seenRisky.brazil++
          else if (CHOCOLATE.test(name)) seenRisky.chocolate++
          else if (COCOA.test(name)) seenRisky.cocoa++
        }
        checked += list.length
      }
    }
    expect(failures.slice(0, 20)).toEqual([])
    // The risky foods really were offered (small gaps), so the checks above were exercised.
    expect(seenRisky.brazil).toBeGreaterThan(0)
    expect(seenRisky.cocoa).toBeGreaterThan(0)
    expect(seenRisky.chocolate).toBeGreaterThan(0)
    expect(checked).toBeGreaterThan(100_000)
  }, 60_000)

  it('every one of the 8,000 USDA foods, eaten before, at the smallest and largest gaps', () => {
    const byId = new Map(all.map((c) => [c.foodId, c]))
    const failures: string[] = []
    for (const gap of [1, 5, 40, 150, 420]) {
      for (const meal of MEALS) {
        for (const s of gapSuggestions(gap, all, meal, Number.POSITIVE_INFINITY)) failures.push(...problems(s, meal, byId))
      }
    }
    expect(failures.slice(0, 20)).toEqual([])
  }, 60_000)

  it('the three shown at each meal are whole foods first and say the portion in kitchen terms', () => {
    const byId = new Map(common.map((c) => [c.foodId, c]))
    let shown = 0
    let withMeasure = 0
    for (let gap = 1; gap <= 420; gap++) {
      for (const meal of MEALS) {
        for (const s of gapSuggestions(gap, common, meal)) {
          shown++
          if (s.household) withMeasure++
          expect(portionRule(byId.get(s.foodId)!).minor ?? false, s.label).toBe(false)
        }
      }
    }
    expect(withMeasure / shown).toBeGreaterThan(0.9)
  }, 60_000)

  it('Brazil nuts, cocoa and chocolate as a user first sees them', () => {
    const brazil = all.find((c) => c.foodId === '12078')!
    const cocoa = all.find((c) => c.foodId === '19165')!
    const chocolate = all.find((c) => c.foodId === '19904')!
    expect(gapSuggestions(200, [brazil], 'snacks')).toEqual([])
    expect(gapSuggestions(60, [brazil], 'snacks')[0]).toMatchObject({ grams: 10, household: '2 nuts', label: '10 g brazil nuts (2 nuts)' })
    expect(gapSuggestions(20, [cocoa], 'breakfast')[0]).toMatchObject({ grams: 5, household: '1 tbsp' })
    expect(gapSuggestions(20, [cocoa], 'dinner')).toEqual([])
    expect(gapSuggestions(20, [chocolate], 'snacks')).toEqual([])
    expect(gapSuggestions(40, [chocolate], 'lunch')[0]).toMatchObject({ grams: 20, household: '2 squares of a 100 g bar' })
  })
})
