import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  foldText,
  isFirstLetter,
  isNdbNumber,
  matchExpression,
  rankCandidates,
  searchPrior,
  searchTerms,
  singular,
  usageBoost,
  wordBoost
} from '../../../src/shared/domain/food-search'
import { startTestApp, type TestApp } from '../../support/app'

describe('query parsing', () => {
  it('splits into folded words, ignoring punctuation, accents and repeats', () => {
    expect(searchTerms('  Pumpkin   SEED ')).toEqual(['pumpkin', 'seed'])
    expect(searchTerms('Crème brûlée, (frozen)')).toEqual(['creme', 'brulee', 'frozen'])
    expect(searchTerms('milk milk')).toEqual(['milk'])
    expect(searchTerms('"; DROP TABLE foods; --')).toEqual(['drop', 'table', 'foods'])
    expect(searchTerms('   ')).toEqual([])
    expect(searchTerms('a b c d e f g h')).toHaveLength(6)
    expect(foldText('Jalapeño')).toBe('jalapeno')
  })

  it('quotes every term as a prefix, so nothing typed is read as FTS syntax', () => {
    expect(matchExpression(['pumpkin', 'seed'])).toBe('"pumpkin"* "seed"*')
    expect(matchExpression(['near', 'or', 'not'])).toBe('"near"* "or"* "not"*')
    expect(matchExpression([])).toBeNull()
    // A first lone letter only matches descriptions that start with it.
    expect(matchExpression(['s'])).toBe('{name short_name} : ^ "s"*')
    expect(matchExpression(['sp'])).toBe('{name short_name} : ^ "sp"*')
    expect(matchExpression(['spi'])).toBe('"spi"*')
    expect(matchExpression(['s', 'raw'])).toBe('"s"* "raw"*')
    expect(isFirstLetter(['s'])).toBe(true)
    expect(isFirstLetter(['sp'])).toBe(false)
    expect(isFirstLetter(['s', 'r'])).toBe(false)
  })

  it('recognises a typed NDB number', () => {
    expect(isNdbNumber('12014')).toBe(true)
    expect(isNdbNumber(' 01001 ')).toBe(true)
    expect(isNdbNumber('1201')).toBe(false)
    expect(isNdbNumber('12014 raw')).toBe(false)
  })

  it('singularises common English plurals', () => {
    expect(singular('almonds')).toBe('almond')
    expect(singular('berries')).toBe('berry')
    expect(singular('potatoes')).toBe('potato')
    expect(singular('peaches')).toBe('peach')
    expect(singular('hummus')).toBe('hummus')
    expect(singular('grass')).toBe('grass')
    expect(singular('oats')).toBe('oat')
  })
})

describe('ranking signals', () => {
  it('a whole word near the start of the description scores above a prefix far from it', () => {
    const head = wordBoost(['almond'], 'Nuts, almonds', null)
    const tail = wordBoost(['almond'], 'Cereals ready-to-eat, KELLOGG, RAISIN BRAN, Cinnamon Almond', null)
    const prefixOnly = wordBoost(['oat'], 'Bread, oatmeal', null)
    const whole = wordBoost(['oat'], 'Oats', null)
    expect(head).toBeGreaterThan(tail)
    expect(whole).toBeGreaterThan(prefixOnly)
    expect(wordBoost(['almond'], 'Nuts, walnuts', null)).toBe(0)
  })

  it('a short name counts as the head of the description', () => {
    expect(wordBoost(['pumpkin'], 'Seeds, pumpkin and squash seed kernels, dried', 'pumpkin seeds')).toBeGreaterThan(
      wordBoost(['pumpkin'], 'Seeds, pumpkin and squash seed kernels, dried', null)
    )
  })

  it('common foods and the user’s own rise; baby foods, brands and salted variants sink', () => {
    const plain = searchPrior({ name: 'Spinach, raw', foodGroup: 'Vegetables and Vegetable Products', source: 'usda', common: false })
    expect(
      searchPrior({ name: 'Spinach, raw', foodGroup: 'Vegetables and Vegetable Products', source: 'usda', common: true })
    ).toBeGreaterThan(plain)
    expect(searchPrior({ name: 'My granola', foodGroup: 'My foods', source: 'user', common: false })).toBeGreaterThan(0)
    expect(searchPrior({ name: 'Babyfood, spinach', foodGroup: 'Baby Foods', source: 'usda', common: false })).toBeLessThan(plain)
    expect(searchPrior({ name: 'Cereals, KELLOGG, corn', foodGroup: 'Breakfast Cereals', source: 'usda', common: false })).toBeLessThan(
      searchPrior({ name: 'Cereals, corn', foodGroup: 'Breakfast Cereals', source: 'usda', common: false })
    )
    expect(searchPrior({ name: 'Peas, boiled, with salt', foodGroup: 'Legumes', source: 'usda', common: false })).toBeLessThan(
      searchPrior({ name: 'Peas, boiled, no salt', foodGroup: 'Legumes', source: 'usda', common: false })
    )
  })

  it('foods used before get a lift that grows with use and stops growing', () => {
    expect(usageBoost(0)).toBe(0)
    expect(usageBoost(1)).toBeGreaterThan(0)
    expect(usageBoost(10)).toBeGreaterThan(usageBoost(1))
    expect(usageBoost(500)).toBe(usageBoost(20))
  })

  it('re-ranking lets word evidence overturn a small text-score lead, and keeps the order of ties', () => {
    const ranked = rankCandidates(
      ['bean'],
      [
        { id: 'deep', name: 'Soup, chicken, with vegetables, beans', shortName: null, sqlScore: -10.5 },
        { id: 'head', name: 'Beans, black', shortName: null, sqlScore: -10 },
        { id: 'tie-1', name: 'Beans, one', shortName: null, sqlScore: -9 },
        { id: 'tie-2', name: 'Beans, two', shortName: null, sqlScore: -9 }
      ]
    )
    expect(ranked.map((c) => c.id)).toEqual(['head', 'tie-1', 'tie-2', 'deep'])
  })
})

describe('search over the full USDA database', () => {
  let app: TestApp
  beforeAll(() => {
    app = startTestApp()
    app.services.foods.ensureLoaded()
  })
  afterAll(() => app.close())

  const top = (query: string, n = 3): string[] => app.services.foods.search({ query, limit: n }).results.map((f) => f.id)

  it.each([
    ['pumpkin seed', '12014'],
    ['pumpkin seeds', '12014'],
    ['seeds pumpkin', '12014'],
    ['almond', '12061'],
    ['almonds', '12061'],
    ['spinach raw', '11457'],
    ['raw spinach', '11457'],
    ['black bean', '16015'],
    ['black beans', '16015'],
    ['dark chocolate', '19904'],
    ['chia', '12006'],
    ['cashew', '12087'],
    ['brown rice', '20037'],
    ['lentils', '16070'],
    ['oats', '08120'],
    ['swiss chard', '11147'],
    ['banana', '09040'],
    ['avocado', '09037'],
    ['quinoa', '20137'],
    ['tofu', '16126']
  ])('“%s” finds %s in the top 3', (query, id) => {
    expect(top(query)).toContain(id)
  })

  it('one letter offers the everyday foods starting with it, and says there are more', () => {
    const { results, more } = app.services.foods.search({ query: 'S', limit: 25 })
    expect(more).toBe(true)
    expect(results.length).toBeGreaterThan(3)
    expect(results.every((f) => f.common || f.uses > 0 || f.source === 'user')).toBe(true)
    expect(results.every((f) => /^s/i.test(f.name) || /^s/i.test(f.shortName ?? ''))).toBe(true)
    expect(results.map((f) => f.id)).toContain('11457')
  })

  it('finds foods while the word is still being typed', () => {
    expect(top('pumpk')).toContain('12014')
    expect(top('spin')).toContain('11457')
    expect(top('alm')).toContain('12061')
  })

  it('a food the user has planned before moves up', () => {
    const before = top('almond', 10)
    const target = before.find((id) => id !== '12061' && id !== before[0])!
    for (let i = 0; i < 3; i++) {
      app.services.planner.addItem({ day: '2025-03-03', meal: 'snacks', foodId: target, amount: 10, unit: { kind: 'g' } })
    }
    const after = top('almond', 10)
    expect(after.indexOf(target)).toBeLessThan(before.indexOf(target))
    app.services.planner.clearDay('2025-03-03')
  })

  it('filters by food group and finds nothing for nonsense', () => {
    const nuts = app.services.foods.search({ query: 'butter', group: 'Nut and Seed Products', limit: 50 }).results
    expect(nuts.length).toBeGreaterThan(0)
    expect(nuts.every((f) => f.foodGroup === 'Nut and Seed Products')).toBe(true)
    expect(app.services.foods.search({ query: 'zxqvw', limit: 10 }).results).toEqual([])
  })

  it('with nothing typed, offers everyday foods richest in magnesium per serving', () => {
    const { results } = app.services.foods.search({ query: '', limit: 10 })
    expect(results.every((f) => f.common || f.uses > 0 || f.source === 'user')).toBe(true)
    const values = results.map((f) => f.mgPerServing!)
    expect(values).toEqual([...values].sort((a, b) => b - a))
    expect(results.map((f) => f.id)).toContain('12014')
  })

  it('a typed NDB number finds that food first', () => {
    expect(top('11457', 1)).toEqual(['11457'])
  })

  it('browses the richest foods per serving and per 100 kcal', () => {
    const perServing = app.services.foods.search({ query: '', sort: 'mgPerServing', limit: 20 }).results
    const values = perServing.map((f) => f.mgPerServing!)
    expect(values).toEqual([...values].sort((a, b) => b - a))
    const perKcal = app.services.foods.search({
      query: '',
      sort: 'mgPer100kcal',
      group: 'Vegetables and Vegetable Products',
      limit: 10
    }).results
    const ratios = perKcal.map((f) => f.mgPer100kcal!)
    expect(ratios).toEqual([...ratios].sort((a, b) => b - a))
    expect(perKcal.every((f) => (f.kcalPer100g ?? 0) >= 20)).toBe(true)
    // Raw spinach: 79 mg for 23 kcal is about 343 mg per 100 kcal.
    const spinach = app.services.foods
      .search({ query: 'spinach raw', sort: 'mgPer100kcal', limit: 5 })
      .results.find((f) => f.id === '11457')
    expect(spinach?.mgPer100kcal).toBeCloseTo(343.48, 1)
  })
})
