import { describe, expect, it } from 'vitest'
import {
  gapSuggestions,
  IRON_RDA_SOURCE,
  ironTargetMg,
  MAGNESIUM_KIDNEY_CAUTION,
  MAGNESIUM_RDA_SOURCE,
  magnesiumTargetMg,
  nutrientForGrams,
  roundNutrient,
  SUGGESTION_MAX_GRAMS,
  SUPPLEMENT_MG_UPPER_LIMIT,
  supplementWarning,
  type AgeBand,
  type GapCandidate,
  type LifeStage,
  type Sex
} from '../../../src/shared/domain/nutrients'

/**
 * USDA SR28 values per 100 g, copied from usda-foods-mg-fe.csv / usda-portions.csv.
 */
const USDA = {
  // NDB 12014 — Seeds, pumpkin and squash seed kernels, dried: Mg 592, Fe 8.82; 1 cup = 129 g, 1 oz = 28.35 g
  pumpkinSeeds: { id: '12014', mg: 592, fe: 8.82 },
  // NDB 12061 — Nuts, almonds: Mg 270, Fe 3.71; 1 cup whole = 143 g, 1 oz = 28.35 g, 1 almond = 1.2 g
  almonds: { id: '12061', mg: 270, fe: 3.71 },
  // NDB 11457 — Spinach, raw: Mg 79, Fe 2.71; 1 cup = 30 g, 1 bunch = 340 g, package (10 oz) = 284 g
  spinach: { id: '11457', mg: 79, fe: 2.71 },
  // NDB 16015 — Beans, black, mature seeds, cooked, boiled, without salt: Mg 70, Fe 2.10; 1 cup = 172 g
  blackBeans: { id: '16015', mg: 70, fe: 2.1 },
  // NDB 19904 — Chocolate, dark, 70-85% cacao solids: Mg 228, Fe 11.90; 1 oz = 28.35 g, 1 bar = 101 g
  darkChocolate: { id: '19904', mg: 228, fe: 11.9 }
} as const

describe('magnesium and iron targets (US RDA, NIH ODS)', () => {
  const cases: [AgeBand, Sex, LifeStage, number, number][] = [
    // ageBand, sex, lifeStage, magnesium mg, iron mg
    ['14-18', 'male', 'none', 410, 11],
    ['14-18', 'female', 'none', 360, 15],
    ['14-18', 'female', 'pregnant', 400, 27],
    ['14-18', 'female', 'lactating', 360, 10],
    ['19-30', 'male', 'none', 400, 8],
    ['19-30', 'female', 'none', 310, 18],
    ['19-30', 'female', 'pregnant', 350, 27],
    ['19-30', 'female', 'lactating', 310, 9],
    ['31-50', 'male', 'none', 420, 8],
    ['31-50', 'female', 'none', 320, 18],
    ['31-50', 'female', 'pregnant', 360, 27],
    ['31-50', 'female', 'lactating', 320, 9],
    ['51-70', 'male', 'none', 420, 8],
    ['51-70', 'female', 'none', 320, 8],
    ['71+', 'male', 'none', 420, 8],
    ['71+', 'female', 'none', 320, 8]
  ]

  it.each(cases)('%s %s (%s): magnesium %i mg, iron %i mg', (ageBand, sex, lifeStage, mg, fe) => {
    const profile = { ageBand, sex, lifeStage }
    expect(magnesiumTargetMg(profile)).toMatchObject({
      value: mg,
      unit: 'mg',
      source: MAGNESIUM_RDA_SOURCE
    })
    expect(ironTargetMg(profile)).toMatchObject({ value: fe, unit: 'mg', source: IRON_RDA_SOURCE })
  })

  it('names its source as the NIH ODS fact sheet RDA', () => {
    const profile = { ageBand: '31-50', sex: 'female', lifeStage: 'none' } as const
    expect(magnesiumTargetMg(profile).source).toBe('NIH Office of Dietary Supplements, Magnesium fact sheet for health professionals (RDA)')
    expect(ironTargetMg(profile).source).toMatch(/^NIH Office of Dietary Supplements, Iron fact sheet.*\(RDA\)$/)
  })

  it('says which row of the table it used', () => {
    expect(magnesiumTargetMg({ ageBand: '19-30', sex: 'female', lifeStage: 'pregnant' }).basis).toBe('Females 19–30 years, pregnancy')
    expect(ironTargetMg({ ageBand: '71+', sex: 'male', lifeStage: 'none' }).basis).toBe('Males 71 years and over')
  })

  it('pregnancy/lactation is ignored for men and falls back where ODS has no value (51+)', () => {
    expect(magnesiumTargetMg({ ageBand: '31-50', sex: 'male', lifeStage: 'pregnant' }).value).toBe(420)
    const older = magnesiumTargetMg({ ageBand: '51-70', sex: 'female', lifeStage: 'lactating' })
    expect(older.value).toBe(320)
    expect(older.basis).toBe('Females 51–70 years (no separate breastfeeding value for this age)')
    expect(ironTargetMg({ ageBand: '51-70', sex: 'female', lifeStage: 'pregnant' }).value).toBe(8)
  })
})

describe('supplement upper limit', () => {
  it('is 350 mg and warns only above it', () => {
    expect(SUPPLEMENT_MG_UPPER_LIMIT).toBe(350)
    expect(supplementWarning(0)).toBeNull()
    expect(supplementWarning(350)).toBeNull()
    const warning = supplementWarning(400.4)
    expect(warning).toContain('400 mg of magnesium from supplements')
    expect(warning).toContain('upper limit of 350 mg a day for supplements and medicines')
    expect(warning).toContain('magnesium in food does not count')
    expect(warning).toContain('diarrhea')
    expect(supplementWarning(351)).toContain('351 mg')
  })

  it('rejects impossible amounts', () => {
    expect(() => supplementWarning(-10)).toThrow(RangeError)
    expect(() => supplementWarning(Number.NaN)).toThrow(RangeError)
  })

  it('has a standing kidney-disease caution', () => {
    expect(MAGNESIUM_KIDNEY_CAUTION).toMatch(/kidney disease/)
    expect(MAGNESIUM_KIDNEY_CAUTION).toMatch(/doctor/)
  })
})

describe('portion math with USDA values', () => {
  it('1 oz (28.35 g) of almonds has 76.5 mg magnesium, shown as 77 mg', () => {
    const mg = nutrientForGrams(USDA.almonds.mg, 28.35) // 270 × 0.2835 = 76.545
    expect(mg).toBeCloseTo(76.545, 9)
    expect(roundNutrient(mg, 'mg')).toBe(77)
    // iron: 3.71 × 0.2835 = 1.0518… → 1.1
    expect(roundNutrient(nutrientForGrams(USDA.almonds.fe, 28.35), 'mg')).toBe(1.1)
  })

  it('pumpkin seeds: 1 oz and 1 cup', () => {
    expect(nutrientForGrams(USDA.pumpkinSeeds.mg, 28.35)).toBeCloseTo(167.832, 9)
    expect(roundNutrient(nutrientForGrams(USDA.pumpkinSeeds.mg, 28.35), 'mg')).toBe(168)
    expect(roundNutrient(nutrientForGrams(USDA.pumpkinSeeds.mg, 129), 'mg')).toBe(764) // 763.68
    expect(roundNutrient(nutrientForGrams(USDA.pumpkinSeeds.fe, 28.35), 'mg')).toBe(2.5) // 2.50047
  })

  it('raw spinach: 1 cup is 30 g', () => {
    expect(nutrientForGrams(USDA.spinach.mg, 30)).toBeCloseTo(23.7, 9)
    expect(roundNutrient(nutrientForGrams(USDA.spinach.mg, 30), 'mg')).toBe(24)
    expect(roundNutrient(nutrientForGrams(USDA.spinach.fe, 30), 'mg')).toBe(0.81) // 0.813
  })

  it('black beans: 1 cup boiled (172 g)', () => {
    expect(nutrientForGrams(USDA.blackBeans.mg, 172)).toBeCloseTo(120.4, 9)
    expect(roundNutrient(nutrientForGrams(USDA.blackBeans.mg, 172), 'mg')).toBe(120)
    expect(roundNutrient(nutrientForGrams(USDA.blackBeans.fe, 172), 'mg')).toBe(3.6) // 3.612
  })

  it('dark chocolate: 1 oz and a whole 101 g bar', () => {
    expect(roundNutrient(nutrientForGrams(USDA.darkChocolate.mg, 28.35), 'mg')).toBe(65) // 64.638
    expect(roundNutrient(nutrientForGrams(USDA.darkChocolate.mg, 101), 'mg')).toBe(230) // 230.28
    expect(roundNutrient(nutrientForGrams(USDA.darkChocolate.fe, 28.35), 'mg')).toBe(3.4) // 3.373…
  })

  it('a single almond (1.2 g) still shows something', () => {
    expect(roundNutrient(nutrientForGrams(USDA.almonds.mg, 1.2), 'mg')).toBe(3.2) // 3.24
    expect(roundNutrient(nutrientForGrams(USDA.almonds.fe, 1.2), 'mg')).toBe(0.04) // 0.04452
  })

  it('zero grams is zero; negative or non-numeric amounts are rejected', () => {
    expect(nutrientForGrams(592, 0)).toBe(0)
    expect(() => nutrientForGrams(592, -5)).toThrow(RangeError)
    expect(() => nutrientForGrams(-1, 5)).toThrow(RangeError)
    expect(() => nutrientForGrams(592, Number.NaN)).toThrow(RangeError)
  })
})

describe('roundNutrient display rule', () => {
  it.each([
    [763.68, 'mg', 764],
    [99.5, 'mg', 100],
    [10.49, 'mg', 10],
    [9.96, 'mg', 10],
    [9.94, 'mg', 9.9],
    [2.71, 'mg', 2.7],
    [1.05, 'mg', 1.1],
    [0.125, 'mg', 0.13],
    [0.004, 'mg', 0],
    [0, 'mg', 0],
    [12.6, 'g', 13],
    [4.44, 'g', 4.4],
    [598.5, 'kcal', 599],
    [5.4, 'kcal', 5]
  ] as const)('%s %s → %s', (value, unit, expected) => {
    expect(roundNutrient(value, unit)).toBe(expected)
  })
})

describe('gapSuggestions', () => {
  // Portions as the USDA lists them (amount, measure, grams), with each food's USDA group.
  const portion = (amount: number, measure: string, grams: number) => ({ label: `${amount} ${measure}`, amount, measure, grams })
  const candidates: GapCandidate[] = [
    {
      foodId: USDA.pumpkinSeeds.id,
      name: 'pumpkin seeds',
      mgPer100g: USDA.pumpkinSeeds.mg,
      portions: [portion(1, 'cup', 129), portion(1, 'oz', 28.35)],
      usedBefore: false,
      common: true,
      foodGroup: 'Nut and Seed Products'
    },
    {
      foodId: USDA.almonds.id,
      name: 'almonds',
      mgPer100g: USDA.almonds.mg,
      portions: [portion(1, 'cup, whole', 143), portion(1, 'oz (23 whole kernels)', 28.35), portion(1, 'almond', 1.2)],
      usedBefore: false,
      common: true,
      foodGroup: 'Nut and Seed Products'
    },
    {
      foodId: USDA.spinach.id,
      name: 'spinach, raw',
      mgPer100g: USDA.spinach.mg,
      portions: [portion(1, 'cup', 30), portion(1, 'bunch', 340), portion(1, 'package (10 oz)', 284)],
      usedBefore: false,
      common: true,
      foodGroup: 'Vegetables and Vegetable Products'
    },
    {
      foodId: USDA.blackBeans.id,
      name: 'black beans, boiled',
      mgPer100g: USDA.blackBeans.mg,
      portions: [portion(1, 'cup', 172)],
      usedBefore: false,
      common: true,
      foodGroup: 'Legumes and Legume Products'
    },
    {
      foodId: USDA.darkChocolate.id,
      name: 'dark chocolate (70–85 %)',
      mgPer100g: USDA.darkChocolate.mg,
      portions: [portion(1, 'oz', 28.35), portion(1, 'bar', 101)],
      usedBefore: false,
      common: false,
      foodGroup: 'Sweets'
    }
  ]

  const edit = (id: string, change: Partial<GapCandidate>) => candidates.map((c) => (c.foodId === id ? { ...c, ...change } : c))

  it('a 178 mg gap at lunch: 30 g pumpkin seeds (about 4 tbsp) closes it; the others cover part of it in ordinary portions', () => {
    const result = gapSuggestions(178, candidates, 'lunch', 10)
    // pumpkin 178 × 100 / 592 = 30.07 g → 30 g (177.6 mg covers 99.8 %), within its 30 g cap
    expect(result[0]).toEqual({
      foodId: '12014',
      name: 'pumpkin seeds',
      grams: 30,
      label: '30 g pumpkin seeds (about 4 tbsp)',
      household: 'about 4 tbsp',
      note: null,
      addsMg: 178,
      closesGap: true
    })
    // beans: 1 cup (172 g → 170 g) = 119 mg; almonds: a 30 g handful = 81 mg; raw spinach: 90 g (3 cups) = 71 mg;
    // chocolate last (a treat, not a whole food): 2 squares = 20 g = 45.6 mg, a quarter of the gap.
    expect(result.slice(1).map((s) => [s.foodId, s.grams, s.addsMg, s.household])).toEqual([
      ['16015', 170, 119, '1 cup'],
      ['12061', 30, 81, '25 almonds'],
      ['11457', 90, 71, '3 cups'],
      ['19904', 20, 46, '2 squares of a 100 g bar']
    ])
    expect(result[4]!.note).toMatch(/caffeine/)
  })

  it('never offers chocolate for dinner or a snack', () => {
    for (const meal of ['dinner', 'snacks'] as const) {
      expect(gapSuggestions(178, candidates, meal, 10).map((s) => s.foodId)).not.toContain('19904')
    }
    expect(gapSuggestions(178, candidates, 'breakfast', 10).map((s) => s.foodId)).toContain('19904')
  })

  it('prefers a food the user has eaten before, among whole foods', () => {
    const result = gapSuggestions(178, edit(USDA.blackBeans.id, { usedBefore: true }), 'lunch')
    expect(result.map((s) => s.foodId)).toEqual(['16015', '12014', '12061'])
    // A treat eaten before still comes after the whole foods.
    const chocolate = gapSuggestions(178, edit(USDA.darkChocolate.id, { usedBefore: true }), 'lunch', 10)
    expect(chocolate.at(-1)!.foodId).toBe('19904')
  })

  it('a large gap is only partly covered: the portion never grows past its cap', () => {
    const result = gapSuggestions(400, candidates, 'breakfast', 10)
    const byId = Object.fromEntries(result.map((s) => [s.foodId, s]))
    expect(byId['12014']).toMatchObject({ grams: 30, addsMg: 178, closesGap: false })
    expect(byId['16015']).toMatchObject({ grams: 170, addsMg: 119, closesGap: false })
    // A 30 g handful of almonds (81 mg) and 90 g of spinach (71 mg) cover under a quarter of 400:
    // left out rather than offered by the bowl.
    expect(byId['12061']).toBeUndefined()
    expect(byId['11457']).toBeUndefined()
    for (const s of result) expect(s.grams).toBeLessThanOrEqual(SUGGESTION_MAX_GRAMS)
  })

  it('a small gap still gets a weighable amount (at least 5 g)', () => {
    const [first] = gapSuggestions(10, candidates, 'snacks', 1)
    expect(first).toMatchObject({ foodId: '12014', grams: 5, label: '5 g pumpkin seeds (about ⅔ tbsp)', addsMg: 30, closesGap: true })
  })

  it('respects a per-food maxGrams and uses 100 g for an own food with no portions', () => {
    const capped = gapSuggestions(178, edit(USDA.pumpkinSeeds.id, { maxGrams: 20 }), 'lunch', 10)
    expect(capped.find((s) => s.foodId === USDA.pumpkinSeeds.id)).toMatchObject({ grams: 20, addsMg: 118, closesGap: false })
    const granola: GapCandidate = { foodId: 'user-1', name: 'my granola', mgPer100g: 150, portions: [], usedBefore: true, common: false }
    expect(gapSuggestions(178, [granola], 'breakfast')).toEqual([
      {
        foodId: 'user-1',
        name: 'my granola',
        grams: 100,
        label: '100 g my granola',
        household: null,
        note: null,
        addsMg: 150,
        closesGap: false
      }
    ])
  })

  it('no gap, bad input or duplicates: nothing odd comes back', () => {
    expect(gapSuggestions(0, candidates, 'lunch')).toEqual([])
    expect(gapSuggestions(-50, candidates, 'lunch')).toEqual([])
    expect(gapSuggestions(Number.NaN, candidates, 'lunch')).toEqual([])
    expect(gapSuggestions(178, candidates, 'lunch', 0)).toEqual([])
    expect(gapSuggestions(178, [], 'lunch')).toEqual([])
    const noMagnesium: GapCandidate = { ...candidates[0]!, foodId: 'x', mgPer100g: 0 }
    expect(gapSuggestions(178, [noMagnesium], 'lunch')).toEqual([])
    expect(gapSuggestions(178, [candidates[0]!, candidates[0]!], 'lunch', 5)).toHaveLength(1)
  })

  it('respects max', () => {
    expect(gapSuggestions(178, candidates, 'lunch', 1).map((s) => s.foodId)).toEqual(['12014'])
    expect(gapSuggestions(178, candidates, 'lunch')).toHaveLength(3)
  })
})
