// Ten years of meal plans: on most days two to six planned items across the
// meals, drawn from a realistic set of everyday foods in household measures
// or grams; most past items marked eaten; supplement magnesium on some days;
// a few foods of the user's own and a few meal templates. The USDA catalogue
// is the read-only file the build makes (out/food), attached here to read
// portions; plan rows go in directly, in one transaction, the way the app writes them.

import { join } from 'node:path'
import { REPO_DIR } from '../lib/paths.mjs'

/** Everyday foods by meal, as USDA NDB numbers (all present in the shipped extract). */
const FOODS = {
  breakfast: [
    '08120',
    '08121',
    '18075',
    '01077',
    '01116',
    '01256',
    '09040',
    '09050',
    '09316',
    '12061',
    '12014',
    '12006',
    '16398',
    '01123',
    '14209',
    '09206',
    '08037'
  ],
  lunch: [
    '11457',
    '16015',
    '16057',
    '20137',
    '20037',
    '18075',
    '11529',
    '11205',
    '09037',
    '15121',
    '05064',
    '16158',
    '11251',
    '01009',
    '20125'
  ],
  dinner: [
    '15237',
    '05064',
    '23568',
    '20037',
    '20045',
    '11091',
    '11458',
    '11674',
    '11508',
    '16070',
    '16028',
    '20121',
    '11124',
    '11147',
    '10027',
    '16126'
  ],
  snacks: ['12061', '12087', '12014', '19904', '09003', '09040', '12155', '16390', '09421', '19034', '01116', '09094']
}

const MEALS = ['breakfast', 'lunch', 'dinner', 'snacks']

export const mealPlans = {
  name: 'meal-plans',
  async seed(ctx) {
    // A first visit to the planner searches at once: the catalogue ships prebuilt.
    await ctx.invoke('foods.search', { query: 'almonds', limit: 5 })
    const mine = []
    for (const food of [
      {
        name: 'Seed and oat bar',
        basis: 'serving',
        magnesiumMg: 95,
        ironMg: 2.1,
        kcal: 210,
        serving: { label: 'bar', grams: 45 },
        portions: []
      },
      {
        name: 'Grandma’s lentil soup',
        basis: '100g',
        magnesiumMg: 32,
        ironMg: 1.6,
        kcal: 85,
        serving: { label: 'bowl', grams: 300 },
        portions: []
      },
      {
        name: 'Mineral water (high magnesium)',
        basis: '100g',
        magnesiumMg: 11,
        ironMg: null,
        kcal: 0,
        serving: { label: 'glass', grams: 250 },
        portions: []
      }
    ]) {
      mine.push((await ctx.invoke('foods.create', food)).id)
    }

    const db = await ctx.database()
    db.prepare('ATTACH DATABASE ? AS usda').run(join(REPO_DIR, 'out', 'food', 'usda-catalogue.sqlite'))
    const portionsOf = db.prepare(
      'SELECT seq, amount, grams FROM food_portions WHERE food_id = @id UNION ALL SELECT seq, amount, grams FROM usda.food_portions WHERE food_id = @id ORDER BY seq'
    )
    const portions = new Map()
    for (const id of [...new Set([...Object.values(FOODS).flat(), ...mine])]) portions.set(id, portionsOf.all({ id }))

    const insertItem = db.prepare(
      `INSERT INTO plan_items (day, meal, position, food_id, amount, unit_kind, unit_seq, unit_label, unit_grams, eaten, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const insertDay = db.prepare('INSERT INTO plan_days (day, supplement_mg, updated_at) VALUES (?, ?, ?)')
    const measureName = db
      .prepare(
        'SELECT measure FROM food_portions WHERE food_id = @id AND seq = @seq UNION ALL SELECT measure FROM usda.food_portions WHERE food_id = @id AND seq = @seq'
      )
      .pluck()
    const { random } = ctx
    let items = 0

    db.transaction(() => {
      for (const day of ctx.days) {
        const stamp = `${day}T07:00:00.000Z`
        if (random.chance(0.12)) continue // a day off from planning
        const past = day < ctx.endDate
        for (const meal of MEALS) {
          const count = meal === 'snacks' ? random.int(0, 2) : random.int(meal === 'breakfast' ? 1 : 0, 2)
          for (let position = 0; position < count; position++) {
            const pool = random.chance(0.05) ? mine : FOODS[meal]
            const foodId = random.pick(pool)
            const measures = portions.get(foodId) ?? []
            let row
            if (measures.length > 0 && random.chance(0.7)) {
              const portion = random.pick(measures)
              const unitGrams = portion.grams / portion.amount
              const amount = Math.max(0.25, Math.round(random.around(portion.amount, portion.amount / 2, 0.25, 3) * 4) / 4)
              if (amount * unitGrams > 600) continue
              row = ['measure', portion.seq, measureName.get({ id: foodId, seq: portion.seq }), unitGrams, amount]
            } else {
              row = ['g', null, 'g', 1, Math.round(random.around(90, 60, 10, 300))]
            }
            const [kind, seq, label, unitGrams, amount] = row
            insertItem.run(
              day,
              meal,
              position,
              foodId,
              amount,
              kind,
              seq,
              label,
              unitGrams,
              past && random.chance(0.75) ? 1 : 0,
              stamp,
              stamp
            )
            items++
          }
        }
        if (random.chance(0.25)) insertDay.run(day, random.pick([100, 150, 200, 250, 300, 400]), stamp)
      }
    })()
    if (items < ctx.days.length * 2) throw new Error(`only ${items} plan items were seeded`)

    // A few templates through the bridge, from meals the seeded plan already holds.
    const recent = ctx.days.slice(-14)
    let saved = 0
    for (const [name, meal] of [
      ['My usual breakfast', 'breakfast'],
      ['Quick lunch', 'lunch'],
      ['Evening snack', 'snacks']
    ]) {
      for (const day of recent) {
        try {
          await ctx.invoke('planner.saveTemplate', { name, day, meal })
          saved++
          break
        } catch {
          // That meal is empty on this day: try the next one.
        }
      }
    }
    if (saved === 0) throw new Error('no meal template could be saved')
  }
}
