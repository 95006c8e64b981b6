import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { UnitInput } from '../../../src/shared/contract'
import { startTestApp, type TestApp } from '../../support/app'

/**
 * The meal plan on a real SQLite file. One app (USDA data loaded once) serves
 * the whole file; every test clears the plan tables afterwards.
 */
let app: TestApp
beforeAll(() => {
  app = startTestApp()
  app.services.foods.ensureLoaded()
  app.services.settings.completeOnboarding({
    profile: { name: 'Ana', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:30' },
    disclaimerAccepted: true
  })
})
afterAll(() => app.close())
afterEach(() => {
  app.opened.db.exec('DELETE FROM plan_items; DELETE FROM plan_days; DELETE FROM meal_templates; DELETE FROM nutrient_targets;')
  app.services.settings.update({ profile: { ageBand: '31-50', sex: 'female', lifeStage: 'none' } })
})

const MONDAY = '2025-03-03'
const planner = () => app.services.planner
const add = (foodId: string, amount: number, unit: UnitInput, meal: 'breakfast' | 'lunch' | 'dinner' | 'snacks' = 'lunch', day = MONDAY) =>
  planner().addItem({ day, meal, foodId, amount, unit })
const seq = (foodId: string, measure: string): number =>
  app.services.foods.get([foodId])[0]!.portions.find((p) => p.measure === measure)!.seq
const snapshot = () => app.opened.db.prepare('SELECT * FROM plan_items ORDER BY id').all()

describe('portions and totals with USDA values', () => {
  it('1 oz of pumpkin seeds (12014): 28.35 g, 167.8 mg magnesium, 2.5 mg iron', () => {
    const item = add('12014', 1, { kind: 'measure', seq: seq('12014', 'oz') })
    expect(item).toMatchObject({ foodName: 'Pumpkin seeds', grams: 28.35, unit: { kind: 'measure', label: 'oz', grams: 28.35 } })
    expect(item.mg).toBeCloseTo(167.832, 9)
    expect(item.fe).toBeCloseTo(2.50047, 9)
    expect(item.kcal).toBeCloseTo(158.4765, 9)
  })

  it('a half-cup measure is stored per cup, so 1.5 cups of frozen cooked spinach is 285 g', () => {
    // USDA lists ".5 cup = 95 g" for 11464.
    const item = add('11464', 1.5, { kind: 'measure', seq: seq('11464', 'cup') })
    expect(item.unit.grams).toBe(190)
    expect(item.grams).toBe(285)
    expect(item.mg).toBeCloseTo((82 * 285) / 100, 9)
  })

  it('a serving is the first household measure; grams are grams', () => {
    expect(add('16015', 1, { kind: 'serving' })).toMatchObject({ grams: 172, unit: { kind: 'serving', label: 'serving (1 cup)' } })
    expect(add('16015', 1, { kind: 'serving' }).mg).toBeCloseTo(120.4, 9)
    expect(add('11457', 30, { kind: 'g' }).mg).toBeCloseTo(23.7, 9)
    expect(add('19904', 1, { kind: 'measure', seq: seq('19904', 'bar') }).mg).toBeCloseTo(230.28, 9)
    expect(add('12061', 1, { kind: 'measure', seq: seq('12061', 'oz (23 whole kernels)') }).mg).toBeCloseTo(76.545, 9)
  })

  it('sums meals, the day and the week; iron unknown for a food is counted, not guessed', () => {
    add('12014', 30, { kind: 'g' }, 'breakfast') // 177.6 mg
    add('16015', 172, { kind: 'g' }, 'dinner') // 120.4 mg
    add('11457', 100, { kind: 'g' }, 'dinner', '2025-03-05') // 79 mg
    const week = planner().week(MONDAY)
    expect(week.days.map((d) => d.day)).toEqual([
      '2025-03-03',
      '2025-03-04',
      '2025-03-05',
      '2025-03-06',
      '2025-03-07',
      '2025-03-08',
      '2025-03-09'
    ])
    const monday = week.days[0]!
    expect(monday.meals.map((m) => m.meal)).toEqual(['breakfast', 'lunch', 'dinner', 'snacks'])
    expect(monday.meals[0]!.totals.mg).toBeCloseTo(177.6, 9)
    expect(monday.totals.mg).toBeCloseTo(298, 9)
    expect(monday.totals.fe).toBeCloseTo(0.3 * 8.82 + 1.72 * 2.1, 9)
    expect(week.totals.mg).toBeCloseTo(377, 9)
    expect(week.daysOnTarget).toBe(0)

    const noIron = app.opened.db.prepare('SELECT id FROM usda.foods WHERE fe_per_100g IS NULL LIMIT 1').pluck().get() as string
    add(noIron, 10, { kind: 'g' }, 'snacks')
    expect(planner().day(MONDAY).totals.feMissing).toBe(1)
  })

  it('counts a day as on target once its food magnesium reaches the target', () => {
    add('12014', 60, { kind: 'g' }) // 355.2 mg ≥ 320 mg
    expect(planner().week(MONDAY).daysOnTarget).toBe(1)
  })
})

describe('bad input writes nothing', () => {
  it.each([
    ['a negative amount', { amount: -5 }, /above 0/],
    ['a zero amount', { amount: 0 }, /above 0/],
    ['an absurd amount', { amount: 1e9 }, /at or under 1000/],
    ['not a number', { amount: 'lots' }, /Enter an amount/],
    ['an unknown meal', { meal: 'brunch' }, /breakfast, lunch, dinner or snacks/],
    ['an impossible date', { day: '2025-02-30' }, /real date/],
    ['a malformed food id', { foodId: '../etc' }, /not a food/]
  ])('%s is refused at the contract', async (_label, change, message) => {
    const before = snapshot()
    const result = await app.invoke('planner.addItem', {
      day: MONDAY,
      meal: 'lunch',
      foodId: '12014',
      amount: 30,
      unit: { kind: 'g' },
      ...change
    } as never)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(Object.values(result.error.fields ?? {}).join(' ')).toMatch(message)
    expect(snapshot()).toEqual(before)
  })

  it('an unknown food id is not found', async () => {
    const result = await app.invoke('planner.addItem', { day: MONDAY, meal: 'lunch', foodId: '99999', amount: 1, unit: { kind: 'g' } })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/not in Stillwell’s food list/) }
    })
    expect(snapshot()).toEqual([])
  })

  it('more than 2 kg in one item is refused, with the weight it would be', async () => {
    const result = await app.invoke('planner.addItem', {
      day: MONDAY,
      meal: 'lunch',
      foodId: '16015',
      amount: 12,
      unit: { kind: 'serving' }
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { amount: expect.stringMatching(/2064 g/) } } })
    expect(snapshot()).toEqual([])
  })

  it('a food with no household measure takes grams only', async () => {
    // 11587 Vinespinach (basella), raw: USDA lists no portion.
    const [food] = app.services.foods.get(['11587'])
    expect(food?.portions).toEqual([])
    const result = await app.invoke('planner.addItem', {
      day: MONDAY,
      meal: 'lunch',
      foodId: '11587',
      amount: 1,
      unit: { kind: 'serving' }
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/enter the amount in grams/) }
    })
    expect(snapshot()).toEqual([])
    expect(add('11587', 100, { kind: 'g' }).mg).toBe(65)
  })

  it('a measure the food does not have is refused', () => {
    expect(() => add('12014', 1, { kind: 'measure', seq: 99 })).toThrow(expect.objectContaining({ code: 'invalid-input' }))
    expect(snapshot()).toEqual([])
  })

  it('an update that would make an item absurd leaves it as it was', () => {
    const item = add('12014', 30, { kind: 'g' })
    expect(() => planner().updateItem({ id: item.id, amount: 50, unit: { kind: 'measure', seq: seq('12014', 'cup') } })).toThrow(/2000 g/)
    expect(planner().day(MONDAY).meals[1]!.items[0]).toMatchObject({ amount: 30, grams: 30 })
  })
})

describe('moving, copying and reordering', () => {
  it('moves an item to another day and meal, or copies it there (not eaten)', () => {
    const item = add('12014', 30, { kind: 'g' }, 'breakfast')
    planner().setEaten(item.id, true)
    const copy = planner().moveItem({ id: item.id, day: '2025-03-04', meal: 'snacks', copy: true })
    expect(copy).toMatchObject({ day: '2025-03-04', meal: 'snacks', grams: 30, eaten: false })
    const moved = planner().moveItem({ id: item.id, day: '2025-03-05', meal: 'dinner', copy: false })
    expect(moved).toMatchObject({ id: item.id, day: '2025-03-05', meal: 'dinner', eaten: true })
    expect(planner().day(MONDAY).itemCount).toBe(0)
  })

  it('reorders within a meal', () => {
    const a = add('12014', 30, { kind: 'g' })
    const b = add('12061', 30, { kind: 'g' })
    planner().reorderItem({ id: b.id, direction: 'up' })
    expect(
      planner()
        .day(MONDAY)
        .meals[1]!.items.map((i) => i.id)
    ).toEqual([b.id, a.id])
    planner().reorderItem({ id: b.id, direction: 'up' }) // already first: nothing changes
    expect(
      planner()
        .day(MONDAY)
        .meals[1]!.items.map((i) => i.id)
    ).toEqual([b.id, a.id])
  })

  it('copies a day after what is there, or replacing it; an empty day or the same day is refused', () => {
    add('12014', 30, { kind: 'g' }, 'breakfast')
    add('16015', 100, { kind: 'g' }, 'dinner')
    add('11457', 50, { kind: 'g' }, 'lunch', '2025-03-04')
    expect(planner().copyDay({ from: MONDAY, to: '2025-03-04', replace: false })).toEqual({ copied: 2 })
    expect(planner().day('2025-03-04').itemCount).toBe(3)
    planner().copyDay({ from: MONDAY, to: '2025-03-04', replace: true })
    const tuesday = planner().day('2025-03-04')
    expect(tuesday.itemCount).toBe(2)
    expect(tuesday.meals.find((m) => m.meal === 'dinner')!.items[0]!.foodId).toBe('16015')
    expect(() => planner().copyDay({ from: '2025-03-06', to: MONDAY, replace: true })).toThrow(/Nothing is planned on Thursday 6 March/)
    expect(planner().day(MONDAY).itemCount).toBe(2)
    expect(() => planner().copyDay({ from: MONDAY, to: MONDAY, replace: false })).toThrow(/different day/)
  })

  it('marks items eaten; eaten totals follow', () => {
    const a = add('12014', 30, { kind: 'g' })
    add('16015', 100, { kind: 'g' })
    planner().setEaten(a.id, true)
    const day = planner().day(MONDAY)
    expect(day.eatenCount).toBe(1)
    expect(day.eaten.mg).toBeCloseTo(177.6, 9)
    expect(planner().daySummary(MONDAY)).toMatchObject({ itemCount: 2, eatenCount: 1, target: { value: 320 } })
  })

  it('an item removed elsewhere is reported as gone', () => {
    const a = add('12014', 30, { kind: 'g' })
    planner().removeItem(a.id)
    expect(() => planner().removeItem(a.id)).toThrow(expect.objectContaining({ code: 'not-found' }))
    expect(() => planner().setEaten(a.id, true)).toThrow(expect.objectContaining({ code: 'not-found' }))
  })
})

describe('targets', () => {
  it('come from the profile, with their source, and follow a profile change', () => {
    expect(planner().targets()).toMatchObject({
      magnesium: {
        value: 320,
        recommended: 320,
        custom: false,
        basis: 'Females 31–50 years',
        source: expect.stringMatching(/NIH Office of Dietary Supplements/)
      },
      iron: { value: 18, custom: false },
      supplementUpperLimitMg: 350,
      kidneyCaution: expect.stringMatching(/kidney disease/)
    })
    app.services.settings.update({ profile: { lifeStage: 'pregnant' } })
    expect(planner().targets()).toMatchObject({ magnesium: { value: 360 }, iron: { value: 27 } })
    app.services.settings.update({ profile: { sex: 'male', lifeStage: 'none', ageBand: '19-30' } })
    expect(planner().targets()).toMatchObject({ magnesium: { value: 400 }, iron: { value: 8 } })
  })

  it('can be set by the user and reset to the recommendation', () => {
    expect(planner().setTarget('magnesium', 380).magnesium).toMatchObject({ value: 380, recommended: 320, custom: true })
    // A profile change does not override the user's own value.
    app.services.settings.update({ profile: { ageBand: '19-30' } })
    expect(planner().targets().magnesium).toMatchObject({ value: 380, recommended: 310 })
    expect(planner().resetTarget('magnesium').magnesium).toMatchObject({ value: 310, custom: false })
  })

  it('refuses a target of 0 or an absurd one at the contract', async () => {
    expect(await app.invoke('planner.setTarget', { nutrient: 'magnesium', valueMg: 0 })).toMatchObject({ ok: false })
    expect(await app.invoke('planner.setTarget', { nutrient: 'iron', valueMg: 99999 })).toMatchObject({ ok: false })
    expect(planner().targets().magnesium.custom).toBe(false)
  })
})

describe('supplements', () => {
  it('are counted apart from food, with a warning above 350 mg', () => {
    add('12014', 30, { kind: 'g' })
    expect(planner().setSupplement(MONDAY, 200)).toMatchObject({ supplementMg: 200, supplementWarning: null })
    const high = planner().setSupplement(MONDAY, 400)
    expect(high.supplementWarning).toMatch(/400 mg.*upper limit of 350 mg/)
    expect(high.totals.mg).toBeCloseTo(177.6, 9)
  })

  it('refuses negative or absurd amounts', async () => {
    expect(await app.invoke('planner.setSupplement', { day: MONDAY, mg: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    expect(await app.invoke('planner.setSupplement', { day: MONDAY, mg: 50000 })).toMatchObject({ ok: false })
    expect(planner().day(MONDAY).supplementMg).toBe(0)
  })
})

describe('close the gap', () => {
  it('suggests common rich foods for an under-target day, each closing the gap', () => {
    add('16015', 172, { kind: 'g' }) // 120.4 mg of 320: gap 199.6 mg
    const { gapMg, byMeal } = planner().suggestions(MONDAY)
    expect(gapMg).toBeCloseTo(199.6, 9)
    const suggestions = byMeal.snacks
    expect(suggestions).toHaveLength(3)
    // The richest common foods, in the smallest portion that closes the gap, within an ordinary portion:
    // hemp seeds (700 mg/100 g): 28.5 g → 30 g (3 tbsp), 210 mg; pumpkin seeds (592) would need 35 g but
    // stop at their 30 g cap: 178 mg, part of the gap.
    expect(suggestions[0]).toMatchObject({ foodId: '12012', grams: 30, label: '30 g hemp seeds (3 tbsp)', addsMg: 210, closesGap: true })
    expect(suggestions[1]).toMatchObject({ foodId: '12014', grams: 30, addsMg: 178, closesGap: false })
    // Black beans are already on the day, so they are not suggested again.
    expect(suggestions.map((s) => s.foodId)).not.toContain('16015')
    // Three different foods, not three forms of one.
    expect(new Set(suggestions.map((s) => s.name.split(',')[0])).size).toBe(3)
  })

  it('prefers a food the user has planned before, and one click adds its portion in grams', () => {
    add('12061', 30, { kind: 'g' }, 'snacks', '2025-02-20') // almonds, used before
    add('16015', 172, { kind: 'g' })
    const [first] = planner().suggestions(MONDAY).byMeal.snacks
    // Almonds are held to a 30 g handful (81 mg): part of the 199.6 mg gap, and the gap shrinks by that much.
    expect(first).toMatchObject({ foodId: '12061', usedBefore: true, grams: 30, closesGap: false })
    add(first!.foodId, first!.grams, { kind: 'g' }, 'snacks')
    expect(planner().day(MONDAY).totals.mg).toBeCloseTo(120.4 + 81, 6)
    expect(planner().suggestions(MONDAY)).toMatchObject({ gapMg: expect.any(Number) })
  })

  it('has nothing to suggest on a day already on target', () => {
    add('12014', 60, { kind: 'g' })
    expect(planner().suggestions(MONDAY)).toEqual({ day: MONDAY, gapMg: 0, byMeal: { breakfast: [], lunch: [], dinner: [], snacks: [] } })
  })
})

describe('templates', () => {
  it('saves a meal as a template and adds it to another day', () => {
    add('08120', 40, { kind: 'g' }, 'breakfast')
    add('12014', 15, { kind: 'g' }, 'breakfast')
    const template = planner().saveTemplate({ name: 'My usual breakfast', day: MONDAY, meal: 'breakfast' })
    expect(template.items.map((i) => i.foodId)).toEqual(['08120', '12014'])
    expect(template.mg).toBeCloseTo(0.4 * 138 + 0.15 * 592, 9)
    expect(planner().applyTemplate({ id: template.id, day: '2025-03-06', meal: 'breakfast' })).toEqual({ added: 2 })
    expect(planner().day('2025-03-06').totals.mg).toBeCloseTo(template.mg, 9)
  })

  it('refuses an empty meal and a duplicate name', () => {
    expect(() => planner().saveTemplate({ name: 'Empty', day: MONDAY, meal: 'lunch' })).toThrow(/Lunch on Monday 3 March is empty/)
    add('08120', 40, { kind: 'g' }, 'breakfast')
    planner().saveTemplate({ name: 'Usual', day: MONDAY, meal: 'breakfast' })
    expect(() => planner().saveTemplate({ name: 'usual', day: MONDAY, meal: 'breakfast' })).toThrow(
      expect.objectContaining({ code: 'conflict' })
    )
    expect(planner().templates()).toHaveLength(1)
  })
})

describe('shopping list', () => {
  it('sums grams per food over the chosen days, grouped by food group', () => {
    add('12014', 30, { kind: 'g' }, 'breakfast', MONDAY)
    add('12014', 1, { kind: 'measure', seq: seq('12014', 'oz') }, 'snacks', '2025-03-04')
    add('16015', 1, { kind: 'serving' }, 'dinner', '2025-03-04')
    add('11457', 200, { kind: 'g' }, 'lunch', '2025-03-07') // not in the chosen days
    const list = planner().shoppingList(['2025-03-04', MONDAY])
    expect(list.days).toEqual([MONDAY, '2025-03-04'])
    expect(list.groups).toEqual([
      { group: 'Legumes and Legume Products', items: [{ foodId: '16015', name: 'Black beans, cooked', grams: 172 }] },
      { group: 'Nut and Seed Products', items: [{ foodId: '12014', name: 'Pumpkin seeds', grams: 58.35 }] }
    ])
  })
})

describe('magnesium per day for Insights', () => {
  it('counts eaten items when a day has any, else the plan, with supplements alongside', () => {
    const a = add('12014', 30, { kind: 'g' }, 'breakfast', MONDAY) // 177.6
    add('16015', 100, { kind: 'g' }, 'dinner', MONDAY) // 70
    planner().setEaten(a.id, true)
    add('11457', 100, { kind: 'g' }, 'lunch', '2025-03-04') // 79, planned only
    planner().setSupplement('2025-03-05', 200)
    add('11457', 100, { kind: 'g' }, 'lunch', '2025-04-01') // outside the range
    const days = planner().magnesiumByDay(MONDAY, '2025-03-09')
    expect(days).toHaveLength(3)
    expect(days[0]).toMatchObject({ day: MONDAY, basis: 'eaten', supplementMg: 0 })
    expect(days[0]!.foodMg).toBeCloseTo(177.6, 9)
    expect(days[1]).toMatchObject({ day: '2025-03-04', basis: 'planned', foodMg: 79 })
    expect(days[2]).toMatchObject({ day: '2025-03-05', foodMg: 0, supplementMg: 200 })
  })

  it('equals the sum of whole plan items, day by day, with eaten and planned days, supplements, user foods and lost foods', () => {
    // Per-day magnesium reads item rows and each food's magnesium once; this works the same out from whole
    // items (PlannerService.day), summed in the items' stored order (day, meal, position), so it must match exactly.
    const mine = app.services.foods.create({
      name: 'Test granola',
      basis: '100g',
      magnesiumMg: 91.3,
      ironMg: null,
      kcal: 410,
      serving: null,
      portions: []
    })
    const days = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-08']
    const oz = seq('12014', 'oz')
    add('12014', 1, { kind: 'measure', seq: oz }, 'breakfast', days[0]) // eaten below
    add('16015', 1.5, { kind: 'serving' }, 'dinner', days[0])
    add(mine.id, 37, { kind: 'g' }, 'snacks', days[0])
    add('11457', 33.3, { kind: 'g' }, 'lunch', days[1]) // planned only
    add(mine.id, 12.5, { kind: 'g' }, 'breakfast', days[1])
    add('12061', 2, { kind: 'measure', seq: seq('12061', 'oz (23 whole kernels)') }, 'dinner', days[2])
    add('12014', 0.7, { kind: 'measure', seq: oz }, 'dinner', days[2])
    add('19904', 1, { kind: 'measure', seq: seq('19904', 'bar') }, 'lunch', days[4])
    const eatenIds = [
      planner().day(days[0]).meals[0]!.items[0]!.id,
      ...planner()
        .day(days[2])
        .meals.flatMap((m) => m.items)
        .map((i) => i.id)
    ]
    for (const id of eatenIds) planner().setEaten(id, true)
    // A food that no file holds any more still counts as an item, with no magnesium.
    app.opened.db
      .prepare(
        `INSERT INTO plan_items (day, meal, position, food_id, amount, unit_kind, unit_seq, unit_label, unit_grams, eaten, created_at, updated_at)
         VALUES (?, 'lunch', 9, 'gone-1', 50, 'g', NULL, 'g', 1, 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`
      )
      .run(days[4])
    planner().setSupplement(days[1], 150)
    planner().setSupplement(days[3], 250) // a supplement without food
    planner().setSupplement(days[4], 0)

    const expected = days.flatMap((day) => {
      const plan = planner().day(day)
      const items = plan.meals
        .flatMap((m) => m.items)
        .sort((a, b) => a.meal.localeCompare(b.meal) || a.position - b.position || a.id - b.id)
      const eaten = items.filter((i) => i.eaten)
      const sum = (list: typeof items): number => list.reduce((total, i) => total + i.mg, 0)
      if (items.length === 0 && plan.supplementMg === 0) return []
      return [
        {
          day,
          foodMg: eaten.length > 0 ? sum(eaten) : sum(items),
          basis: eaten.length > 0 ? 'eaten' : 'planned',
          supplementMg: plan.supplementMg
        }
      ]
    })
    expect(expected.map((d) => d.basis)).toEqual(['eaten', 'planned', 'eaten', 'planned', 'eaten'])
    expect(planner().magnesiumByDay(days[0], days[4])).toEqual(expected)
    // The user's food is read from their own database, the lost food as 0 mg.
    expect(expected[1]!.foodMg).toBeCloseTo((79 * 33.3) / 100 + (91.3 * 12.5) / 100, 9)
    expect(expected[4]!.foodMg).toBeCloseTo(0, 9)
  })

  it('refuses a reversed or over-long range', async () => {
    expect(await app.invoke('planner.magnesiumByDay', { from: '2025-03-09', to: MONDAY })).toMatchObject({ ok: false })
    expect(await app.invoke('planner.magnesiumByDay', { from: '2000-01-01', to: '2025-01-01' })).toMatchObject({ ok: false })
    expect(await app.invoke('planner.magnesiumByDay', { from: '2015-01-01', to: '2025-01-01' })).toMatchObject({ ok: true })
  })
})
