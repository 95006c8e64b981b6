import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type Channel } from '../../../src/shared/contract'
import { startTestApp, type TestApp } from '../../support/app'

/**
 * handle() checks inputs, not results: this keeps what the services answer in
 * step with the result schemas the renderer's types come from.
 */
let app: TestApp
beforeAll(() => {
  app = startTestApp()
  app.services.settings.completeOnboarding({
    profile: { name: '', ageBand: '51-70', sex: 'male', lifeStage: 'none', bedtime: '22:00' },
    disclaimerAccepted: true
  })
})
afterAll(() => app.close())

async function answer(channel: Channel, input?: unknown): Promise<unknown> {
  const result = await app.invoke(channel, input as never)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  const checked = contract[channel].output.safeParse(result.value)
  expect(checked.success, `${channel}: ${checked.success ? '' : JSON.stringify(checked.error.issues.slice(0, 3))}`).toBe(true)
  return result.value
}

describe('planner and foods results match their schemas', () => {
  it('for every channel, in a realistic sequence', async () => {
    const day = '2025-06-02'
    await answer('foods.search', { query: 'pumpkin seed' })
    await answer('foods.search', { query: '', sort: 'mgPer100kcal', group: 'Vegetables and Vegetable Products' })
    await answer('foods.get', { ids: ['12014', '11587'] })
    await answer('foods.groups')
    const mine = (await answer('foods.create', {
      name: 'Bar',
      basis: 'serving',
      magnesiumMg: 60,
      ironMg: null,
      kcal: 200,
      serving: { label: 'bar', grams: 40 },
      portions: [{ label: 'half bar', grams: 20 }]
    })) as { id: string }
    await answer('foods.update', {
      id: mine.id,
      food: { name: 'Bar', basis: '100g', magnesiumMg: 150, ironMg: 1, kcal: null, serving: null, portions: [] }
    })
    await answer('foods.mine')
    await answer('foods.importCsv', { csv: 'name,magnesium_mg\nFig roll,20\n' })
    const item = (await answer('planner.addItem', { day, meal: 'breakfast', foodId: '12014', amount: 1, unit: { kind: 'serving' } })) as {
      id: number
    }
    await answer('planner.addItem', { day, meal: 'lunch', foodId: mine.id, amount: 50, unit: { kind: 'g' } })
    await answer('planner.updateItem', { id: item.id, amount: 0.5, unit: { kind: 'serving' } })
    await answer('planner.setEaten', { id: item.id, eaten: true })
    await answer('planner.moveItem', { id: item.id, day, meal: 'snacks', copy: true })
    await answer('planner.reorderItem', { id: item.id, direction: 'down' })
    await answer('planner.setSupplement', { day, mg: 400 })
    await answer('planner.week', { start: day })
    await answer('planner.day', { day })
    await answer('planner.daySummary', { day })
    await answer('planner.targets')
    await answer('planner.setTarget', { nutrient: 'iron', valueMg: 10 })
    await answer('planner.resetTarget', { nutrient: 'iron' })
    await answer('planner.suggestions', { day })
    const template = (await answer('planner.saveTemplate', { name: 'Usual', day, meal: 'lunch' })) as { id: number }
    await answer('planner.templates')
    await answer('planner.applyTemplate', { id: template.id, day: '2025-06-03', meal: 'lunch' })
    await answer('planner.deleteTemplate', { id: template.id })
    await answer('planner.copyDay', { from: day, to: '2025-06-04', replace: false })
    await answer('planner.shoppingList', { days: [day, '2025-06-03'] })
    await answer('planner.magnesiumByDay', { from: '2025-06-01', to: '2025-06-30' })
    await answer('planner.removeItem', { id: item.id })
    await answer('planner.clearDay', { day: '2025-06-04' })
    await answer('foods.delete', { id: mine.id })
  })
})
