import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/connection'
import { ensureFoodCatalogueFile } from '../../../src/main/db/food-catalogue-file'
import { createFoodsService } from '../../../src/main/services/foods'
import { createPlannerService } from '../../../src/main/services/planner'
import type { UserFoodInput } from '../../../src/shared/contract'
import { startTestApp, type TestApp } from '../../support/app'
import { makeTempDir } from '../../support/temp-dir'

const RESOURCES = join(__dirname, '..', '..', '..', 'resources')

let app: TestApp
beforeEach(() => {
  app = startTestApp()
})
afterEach(() => app.close())

const count = (sql: string): number => app.opened.db.prepare(sql).pluck().get() as number

const granola: UserFoodInput = {
  name: 'Home granola',
  basis: 'serving',
  magnesiumMg: 90,
  ironMg: 2.4,
  kcal: 220,
  serving: { label: '1 bowl', grams: 60 },
  portions: [{ label: 'handful', grams: 25 }]
}

describe('the shipped USDA catalogue', () => {
  it('offers all 8,050 foods and 14,608 portions from the shipped file, with ids and numbers exactly as published, none of them in the user’s database', () => {
    expect(app.services.foods.ensureLoaded()).toMatchObject({ loaded: false, foods: 8050, portions: 14608 })
    expect(count('SELECT count(*) FROM usda.foods')).toBe(8050)
    expect(count('SELECT count(*) FROM usda.food_portions')).toBe(14608)
    expect(count('SELECT count(*) FROM main.foods')).toBe(0)
    expect(count('SELECT count(*) FROM main.food_portions')).toBe(0)

    const [butter, beans] = app.services.foods.get(['01001', '16015'])
    expect(butter).toMatchObject({
      id: '01001',
      name: 'Butter, salted',
      foodGroup: 'Dairy and Egg Products',
      mgPer100g: 2,
      fePer100g: 0.02
    })
    expect(beans?.published).toEqual({ mg: '70', fe: '2.10', kcal: '132' })
    expect(beans?.fePer100g).toBe(2.1)
    expect(beans?.serving).toMatchObject({ seq: 1, amount: 1, measure: 'cup', grams: 172, label: '1 cup' })
  })

  it('keeps every published Mg, Fe and kcal text identical to the CSV, and empty iron as unknown', () => {
    const rows = app.opened.db.prepare('SELECT id, mg_text, fe_text, kcal_text, mg_per_100g FROM usda.foods').all() as {
      id: string
      mg_text: string
      fe_text: string | null
      kcal_text: string
      mg_per_100g: number
    }[]
    const byId = new Map(rows.map((r) => [r.id, r]))
    const csv = readFileSync(join(RESOURCES, 'food', 'usda-foods-mg-fe.csv'), 'utf8')
    let checked = 0
    let missingIron = 0
    for (const line of csv.split('\n').slice(1)) {
      if (!line.trim()) continue
      // The three numbers are never quoted, so the last six fields can be read from the right.
      const match = /^(\d{5}),.*,([\d.]+),([\d.]*),([\d.]+),(?:"[^"]*"|[^,]*),[\d.]*\r?$/.exec(line)
      if (!match) continue
      const [, id, mg, fe, kcal] = match
      const row = byId.get(id!)!
      expect(row.mg_text).toBe(mg)
      expect(row.fe_text).toBe(fe === '' ? null : fe)
      expect(row.kcal_text).toBe(kcal)
      expect(String(row.mg_per_100g)).toBe(String(Number(mg)))
      if (fe === '') missingIron++
      checked++
    }
    expect(checked).toBeGreaterThan(7900)
    expect(missingIron).toBeGreaterThan(0)
  })

  it('takes a catalogue built from newer files as it is, leaving the user’s foods and plans alone', () => {
    const mine = app.services.foods.create({ ...granola, serving: null, basis: '100g', portions: [] })
    app.services.planner.addItem({ day: '2025-03-03', meal: 'lunch', foodId: '01002', amount: 10, unit: { kind: 'g' } })
    app.services.planner.addItem({ day: '2025-03-03', meal: 'lunch', foodId: mine.id, amount: 50, unit: { kind: 'g' } })

    const temp = makeTempDir()
    let second: ReturnType<typeof openDatabase> | null = null
    try {
      cpSync(RESOURCES, temp.dir, { recursive: true })
      const csvPath = join(temp.dir, 'food', 'usda-foods-mg-fe.csv')
      const lines = readFileSync(csvPath, 'utf8').split('\n')
      // A newer file: butter's magnesium changes, whipped butter (01002, planned) and blue cheese (01004, unused) are gone.
      const edited = lines
        .filter((l) => !l.startsWith('01002,') && !l.startsWith('01004,'))
        .map((l) => (l.startsWith('01001,') ? l.replace('Dairy and Egg Products,2,', 'Dairy and Egg Products,3,') : l))
      writeFileSync(csvPath, edited.join('\n'))
      const portionsPath = join(temp.dir, 'food', 'usda-portions.csv')
      writeFileSync(
        portionsPath,
        readFileSync(portionsPath, 'utf8')
          .split('\n')
          .filter((l) => !l.startsWith('01002,') && !l.startsWith('01004,'))
          .join('\n')
      )
      const file = join(temp.dir, 'newer-catalogue.sqlite')
      expect(ensureFoodCatalogueFile(temp.dir, file)).toBe(true)
      expect(ensureFoodCatalogueFile(temp.dir, file)).toBe(false)

      second = openDatabase({ dataDir: app.dataDir })
      const updated = createFoodsService({ db: second.db, catalogueFile: file, now: () => new Date() })
      expect(updated.get(['01001'])[0]?.mgPer100g).toBe(3)
      expect(updated.get(['01004'])).toEqual([])
      expect(updated.search({ query: 'butter whipped', limit: 50 }).results.map((f) => f.id)).not.toContain('01002')
      expect(updated.get([mine.id])[0]?.name).toBe('Home granola')
      expect(updated.search({ query: 'home granola', limit: 5 }).results[0]?.id).toBe(mine.id)
      // The plan still lists both items; the one whose food the newer list dropped says so by name.
      const profile = { ageBand: '31-50', sex: 'female', lifeStage: 'none' } as const
      const planner = createPlannerService({ db: second.db, foods: updated, profile: () => profile, now: () => new Date() })
      const day = planner.day('2025-03-03')
      expect(day.itemCount).toBe(2)
      expect(day.meals.flatMap((m) => m.items).map((i) => i.foodName)).toEqual(
        expect.arrayContaining(['Home granola', expect.stringContaining('no longer in the food list')])
      )
    } finally {
      second?.db.close()
      temp.cleanup()
    }
  })
})

describe('the user’s own foods', () => {
  it('adds a food entered per serving, storing it per 100 g with its portions, and finds it by name', () => {
    const food = app.services.foods.create(granola)
    expect(food).toMatchObject({
      source: 'user',
      name: 'Home granola',
      foodGroup: 'My foods',
      basis: 'serving',
      mgPer100g: 150,
      fePer100g: 4
    })
    expect(food.kcalPer100g).toBeCloseTo(366.67, 2)
    expect(food.portions.map((p) => p.label)).toEqual(['1 bowl', '1 handful'])
    expect(food.serving).toMatchObject({ grams: 60, label: '1 bowl' })
    expect(app.services.foods.search({ query: 'granola home', limit: 3 }).results[0]?.id).toBe(food.id)
    expect(app.services.foods.mine().map((f) => f.id)).toEqual([food.id])
  })

  it('edits and deletes it; a food still planned is hidden instead, and its plan keeps its values', () => {
    const food = app.services.foods.create(granola)
    const edited = app.services.foods.update(food.id, { ...granola, name: 'Nutty granola', magnesiumMg: 120 })
    expect(edited.mgPer100g).toBe(200)
    expect(app.services.foods.search({ query: 'home granola', limit: 5 }).results.map((f) => f.id)).not.toContain(food.id)

    app.services.planner.addItem({ day: '2025-03-04', meal: 'breakfast', foodId: food.id, amount: 1, unit: { kind: 'serving' } })
    expect(app.services.foods.remove(food.id)).toEqual({ hidden: true })
    expect(app.services.foods.mine()).toEqual([])
    expect(app.services.planner.day('2025-03-04').totals.mg).toBeCloseTo(120, 9)

    const other = app.services.foods.create({ ...granola, name: 'Unused' })
    expect(app.services.foods.remove(other.id)).toEqual({ hidden: false })
    expect(app.services.foods.get([other.id])).toEqual([])
  })

  it('refuses impossible values after converting a serving, and names clashes, writing nothing', () => {
    const before = count("SELECT count(*) FROM foods WHERE source = 'user'")
    expect(() => app.services.foods.create({ ...granola, magnesiumMg: 90, serving: { label: 'pinch', grams: 1 } })).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        fields: expect.objectContaining({
          magnesiumMg: expect.stringMatching(/9000 mg per 100 g/),
          ironMg: expect.stringMatching(/240 mg/)
        })
      })
    )
    app.services.foods.create(granola)
    expect(() => app.services.foods.create({ ...granola, name: 'home GRANOLA' })).toThrow(expect.objectContaining({ code: 'conflict' }))
    expect(count("SELECT count(*) FROM foods WHERE source = 'user'")).toBe(before + 1)
  })

  it('cannot change or delete a USDA food', () => {
    expect(() => app.services.foods.update('12014', granola)).toThrow(expect.objectContaining({ code: 'not-found' }))
    expect(() => app.services.foods.remove('12014')).toThrow(expect.objectContaining({ code: 'not-found' }))
  })

  it('rejects a malformed food at the contract, naming the field', async () => {
    const result = await app.invoke('foods.create', { ...granola, magnesiumMg: -5 })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { magnesiumMg: 'Magnesium cannot be negative.' } } })
    const perServingWithout = await app.invoke('foods.create', { ...granola, serving: null })
    expect(perServingWithout).toMatchObject({ ok: false, error: { fields: { serving: expect.stringMatching(/serving/) } } })
  })
})

describe('importing foods from CSV', () => {
  const header = 'name,magnesium_mg,iron_mg,kcal,per,serving_name,serving_g,food_group'

  it('imports every row of a good file', () => {
    const csv = [
      header,
      'Oat cookies,40,1.2,450,100 g,,,',
      '"Seed bar, homemade",120,3,250,serving,bar,50,Snacks',
      'Spring water,12,,,,,,'
    ].join('\n')
    expect(app.services.foods.importCsv(csv)).toEqual({ imported: 3, names: ['Oat cookies', 'Seed bar, homemade', 'Spring water'] })
    const bar = app.services.foods.mine().find((f) => f.name === 'Seed bar, homemade')!
    expect(bar).toMatchObject({ mgPer100g: 240, fePer100g: 6, kcalPer100g: 500, foodGroup: 'Snacks', basis: 'serving' })
    expect(bar.serving?.label).toBe('1 bar')
  })

  it('rejects the whole file when any row is bad, naming each bad row, and writes nothing', () => {
    const csv = [
      header,
      'Good food,40,1,100,,,,',
      ',30,,,,,,', // row 3: no name
      'Negative,-4,,,,,,', // row 4
      'Words,lots,,,,,,', // row 5
      'Per serving without weight,10,,,serving,,,', // row 6
      'Good food,20,,,,,,' // row 7: duplicate name
    ].join('\n')
    let error: unknown
    try {
      app.services.foods.importCsv(csv)
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^Nothing was imported: fix row 3, row 4, row 5, row 6, row 7/)
    })
    const fields = (error as { fields: Record<string, string> }).fields
    expect(Object.keys(fields)).toEqual(['row 3', 'row 4', 'row 5', 'row 6', 'row 7'])
    expect(fields['row 3']).toMatch(/name/i)
    expect(fields['row 4']).toMatch(/negative/)
    expect(fields['row 5']).toMatch(/“lots” is not a number/)
    expect(fields['row 6']).toMatch(/serving/)
    expect(fields['row 7']).toMatch(/row 2/)
    expect(count("SELECT count(*) FROM foods WHERE source = 'user'")).toBe(0)
  })

  it('rejects files without the needed columns, with unknown columns, or naming foods the user already has', () => {
    expect(() => app.services.foods.importCsv('food,mg\nA,1')).toThrow(/name and magnesium_mg/)
    expect(() => app.services.foods.importCsv('name,magnesium_mg,sugar\nA,1,2')).toThrow(/sugar/)
    expect(() => app.services.foods.importCsv(header)).toThrow(/no foods/)
    app.services.foods.create({ ...granola, name: 'Kept' })
    expect(() => app.services.foods.importCsv(`${header}\nNew,1,,,,,,\nkept,2,,,,,,`)).toThrow(
      expect.objectContaining({ fields: { 'row 3': expect.stringMatching(/already have/) } })
    )
    expect(app.services.foods.mine().map((f) => f.name)).toEqual(['Kept'])
  })
})
