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
  const candidates: GapCandidate[] = [
    {
      foodId: USDA.pumpkinSeeds.id,
      name: 'pumpkin seeds',
      mgPer100g: USDA.pumpkinSeeds.mg,
      portions: [
        { label: '1 cup', grams: 129 },
        { label: '1 oz', grams: 28.35 }
      ],
      usedBefore: false,
      common: true
    },
    {
      foodId: USDA.almonds.id,
      name: 'almonds',
      mgPer100g: USDA.almonds.mg,
      portions: [
        { label: '1 cup, whole', grams: 143 },
        { label: '1 oz (23 whole kernels)', grams: 28.35 },
        { label: '1 almond', grams: 1.2 }
      ],
      usedBefore: false,
      common: true
    },
    {
      foodId: USDA.spinach.id,
      name: 'raw spinach',
      mgPer100g: USDA.spinach.mg,
      portions: [
        { label: '1 cup', grams: 30 },
        { label: '1 bunch', grams: 340 },
        { label: 'package (10 oz)', grams: 284 }
      ],
      usedBefore: false,
      common: true
    },
    {
      foodId: USDA.blackBeans.id,
      name: 'black beans, boiled',
      mgPer100g: USDA.blackBeans.mg,
      portions: [{ label: '1 cup', grams: 172 }],
      usedBefore: false,
      common: true
    },
    {
      foodId: USDA.darkChocolate.id,
      name: 'dark chocolate (70–85 %)',
      mgPer100g: USDA.darkChocolate.mg,
      portions: [
        { label: '1 oz', grams: 28.35 },
        { label: '1 bar', grams: 101 }
      ],
      usedBefore: false,
      common: false
    }
  ]

  const edit = (id: string, change: Partial<GapCandidate>) => candidates.map((c) => (c.foodId === id ? { ...c, ...change } : c))

  it('a 178 mg gap: 30 g pumpkin seeds first, then almonds and spinach', () => {
    const result = gapSuggestions(178, candidates)
    // pumpkin 178 × 100 / 592 = 30.07 g → 30 g (177.6 mg covers 99.8 %)
    // almonds 65.9 g → 65 g (175.5 mg, 98.6 %); spinach 225.3 g → 225 g (177.75 mg)
    expect(result).toEqual([
      {
        foodId: '12014',
        name: 'pumpkin seeds',
        grams: 30,
        label: '30 g pumpkin seeds',
        addsMg: 178,
        closesGap: true
      },
      {
        foodId: '12061',
        name: 'almonds',
        grams: 65,
        label: '65 g almonds',
        addsMg: 176,
        closesGap: true
      },
      {
        foodId: '11457',
        name: 'raw spinach',
        grams: 225,
        label: '225 g raw spinach',
        addsMg: 178,
        closesGap: true
      }
    ])
  })

  it('a food the user has eaten before comes first, even if it closes less of the gap', () => {
    const result = gapSuggestions(178, edit(USDA.blackBeans.id, { usedBefore: true }))
    // beans need 254 g but 1 cup (172 g, floored to 170 g) is the most we suggest: 119 mg
    expect(result[0]).toEqual({
      foodId: '16015',
      name: 'black beans, boiled',
      grams: 170,
      label: '170 g black beans, boiled',
      addsMg: 119,
      closesGap: false
    })
    expect(result.map((s) => s.foodId)).toEqual(['16015', '12014', '12061'])
  })

  it('an uncommon food is suggested only after the common ones', () => {
    const all = gapSuggestions(178, candidates, 10).map((s) => s.foodId)
    expect(all).toEqual(['12014', '12061', '11457', '16015', '19904'])
    // dark chocolate: 78.1 g → 75 g would give 171 mg (96 %), so 80 g, 182.4 mg
    expect(gapSuggestions(178, candidates, 10)[4]).toMatchObject({
      grams: 80,
      addsMg: 182,
      closesGap: true
    })
  })

  it('never suggests more than a realistic portion (largest household measure, ≤ 250 g)', () => {
    const result = gapSuggestions(400, candidates, 10)
    const byId = Object.fromEntries(result.map((s) => [s.foodId, s]))
    // pumpkin 67.6 g → 65 g gives only 384.8 mg (< 98 %), so 70 g: 414.4 mg
    expect(byId['12014']).toMatchObject({ grams: 70, addsMg: 414, closesGap: true })
    // almonds would need 148 g; 1 cup whole is 143 g → 140 g: 378 mg
    expect(byId['12061']).toMatchObject({ grams: 140, addsMg: 378, closesGap: false })
    // spinach would need 506 g; capped at 250 g: 197.5 mg
    expect(byId['11457']).toMatchObject({ grams: 250, addsMg: 198, closesGap: false })
    // chocolate capped at the 101 g bar → 100 g: 228 mg
    expect(byId['19904']).toMatchObject({ grams: 100, addsMg: 228 })
    for (const s of result) expect(s.grams).toBeLessThanOrEqual(SUGGESTION_MAX_GRAMS)
    // among common foods that cannot close it, the larger share of the gap comes first
    expect(result.map((s) => s.foodId)).toEqual(['12014', '12061', '11457', '16015', '19904'])
  })

  it('leaves out foods that would cover less than a quarter of the gap', () => {
    // beans at 170 g give 119 mg, under a quarter of 600 mg
    const ids = gapSuggestions(600, candidates, 10).map((s) => s.foodId)
    expect(ids).not.toContain('16015')
    expect(ids).toContain('11457') // 197.5 mg is 33 % of 600
  })

  it('a small gap still gets a weighable amount (at least 5 g)', () => {
    const [first] = gapSuggestions(10, candidates, 1)
    expect(first).toEqual({
      foodId: '12014',
      name: 'pumpkin seeds',
      grams: 5,
      label: '5 g pumpkin seeds',
      addsMg: 30, // 29.6
      closesGap: true
    })
  })

  it('respects a per-food maxGrams and uses 100 g for a food with no portions', () => {
    const capped = gapSuggestions(178, edit(USDA.pumpkinSeeds.id, { maxGrams: 20 }), 10)
    const seeds = capped.find((s) => s.foodId === USDA.pumpkinSeeds.id)
    // 20 g (118.4 mg) no longer closes the gap, so pumpkin seeds drop behind the foods that
    // do (almonds, spinach) and just behind 170 g black beans (119 mg)
    expect(capped.map((s) => s.foodId).slice(0, 4)).toEqual(['12061', '11457', '16015', '12014'])
    expect(seeds).toMatchObject({ grams: 20, addsMg: 118 }) // 118.4
    const granola: GapCandidate = {
      foodId: 'user-1',
      name: 'my granola',
      mgPer100g: 150,
      portions: [],
      usedBefore: true,
      common: false
    }
    expect(gapSuggestions(178, [granola])).toEqual([
      {
        foodId: 'user-1',
        name: 'my granola',
        grams: 100,
        label: '100 g my granola',
        addsMg: 150,
        closesGap: false
      }
    ])
  })

  it('no gap, bad input or duplicates: nothing odd comes back', () => {
    expect(gapSuggestions(0, candidates)).toEqual([])
    expect(gapSuggestions(-50, candidates)).toEqual([])
    expect(gapSuggestions(Number.NaN, candidates)).toEqual([])
    expect(gapSuggestions(178, candidates, 0)).toEqual([])
    expect(gapSuggestions(178, [])).toEqual([])
    const noMagnesium: GapCandidate = { ...candidates[0]!, foodId: 'x', mgPer100g: 0 }
    expect(gapSuggestions(178, [noMagnesium])).toEqual([])
    const twice = gapSuggestions(178, [candidates[0]!, candidates[0]!], 5)
    expect(twice).toHaveLength(1)
  })

  it('respects max', () => {
    expect(gapSuggestions(178, candidates, 1).map((s) => s.foodId)).toEqual(['12014'])
    expect(gapSuggestions(178, candidates)).toHaveLength(3)
  })
})
