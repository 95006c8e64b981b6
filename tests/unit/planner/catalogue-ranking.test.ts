import Database from 'better-sqlite3'
import { chmodSync, copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFoodStore } from '../../../src/main/db/food-store'
import { matchExpression, searchPrior, searchTerms } from '../../../src/shared/domain/food-search'
import { startTestApp, type TestApp } from '../../support/app'
import { testFoodCatalogue } from '../../support/food-catalogue'
import { makeTempDir } from '../../support/temp-dir'

/**
 * The user's foods live in their database and the USDA foods in the shipped
 * file, each with its own full-text index. Search must still rank them as one
 * list, as when they shared an index: a user's food's text score has to be the
 * score SQLite would give it inside the catalogue's index.
 */
let app: TestApp
let temp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  app = startTestApp()
  temp = makeTempDir()
})
afterEach(() => {
  app.close()
  temp.cleanup()
})

const mine = [
  { name: 'Home granola', group: 'My foods' },
  { name: 'Granola bar with pumpkin seeds, homemade', group: 'Snacks' },
  { name: 'Spinach and lentil stew', group: 'My foods' }
]

/** SQLite's own bm25 for each of the user's foods, with them inserted into a writable copy of the catalogue. */
function referenceScores(queries: readonly string[]): Map<string, Map<number, number>> {
  const copy = join(temp.dir, 'catalogue-copy.sqlite')
  copyFileSync(testFoodCatalogue(), copy)
  chmodSync(copy, 0o644)
  const db = new Database(copy)
  const insert = db.prepare(
    `INSERT INTO foods (key, id, name, short_name, food_group, mg_per_100g, mg_text, kcal_text, common, prior)
     VALUES (?, ?, ?, NULL, ?, 1, '1', '1', 0, 0)`
  )
  const index = db.prepare('INSERT INTO foods_fts (rowid, name, short_name, food_group) VALUES (?, ?, NULL, ?)')
  mine.forEach((food, i) => {
    insert.run(100_000 + i, `x${i}`, food.name, food.group)
    index.run(100_000 + i, food.name, food.group)
  })
  const scores = new Map<string, Map<number, number>>()
  const statement = db.prepare<[string], { rowid: number; score: number }>(
    'SELECT rowid, bm25(foods_fts, 10.0, 8.0, 1.0) AS score FROM foods_fts WHERE foods_fts MATCH ? AND rowid >= 100000'
  )
  for (const query of queries) {
    const match = matchExpression(searchTerms(query))!
    scores.set(query, new Map(statement.all(match).map((r) => [r.rowid - 100_000, r.score])))
  }
  db.close()
  return scores
}

describe('ranking the user’s foods among the catalogue’s', () => {
  it('gives each of the user’s foods the text score SQLite gives it inside the catalogue’s index', () => {
    const ids = mine
      .map((food) =>
        app.services.foods.create({
          name: food.name,
          foodGroup: food.group,
          basis: '100g',
          magnesiumMg: 50,
          ironMg: null,
          kcal: 300,
          serving: null,
          portions: []
        })
      )
      .map((f) => f.id)
    const queries = ['granola', 'home gran', 'gr', 'pumpkin seeds', 'seed', 'lentil', 'my foods', 'spinach stew', 'homemade granola bar']
    const reference = referenceScores(queries)
    const catalogue = createFoodStore(app.opened.db, testFoodCatalogue())
    let compared = 0
    for (const query of queries) {
      const rows = catalogue.search(matchExpression(searchTerms(query))!, null, 10_000)
      for (const [index, expected] of reference.get(query)!) {
        const row = rows.find((r) => r.id === ids[index])
        expect(row, `${query}: ${mine[index]!.name}`).toBeDefined()
        const prior = searchPrior({ name: mine[index]!.name, foodGroup: mine[index]!.group, source: 'user', common: false })
        expect(row!.score + prior, `${query}: ${mine[index]!.name}`).toBeCloseTo(expected, 6)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(8)
  })

  it('puts the user’s own granola among the first results for “granola”, as before the split', () => {
    const food = app.services.foods.create({
      name: 'Home granola',
      basis: '100g',
      magnesiumMg: 90,
      ironMg: null,
      kcal: 450,
      serving: null,
      portions: []
    })
    const ids = app.services.foods.search({ query: 'granola', limit: 5 }).results.map((f) => f.id)
    expect(ids.slice(0, 3)).toContain(food.id)
  })
})
