import { afterEach, describe, expect, it } from 'vitest'
import type { InsightsData, InsightsQuery } from '../../../src/shared/contract'
import { startTestApp, type TestApp } from '../../support/app'
import { fixedClock, night } from '../../support/journal'

/**
 * Insights keeps a computed answer until anything it depends on changes: the
 * journal, the meal plan, the profile. Whatever changes, the next answer is
 * the new one.
 */
let app: TestApp
afterEach(() => app.close())

const clock = fixedClock('2026-11-24T08:00:00Z') // last night began on 2026-11-23 (Berlin)

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const r = await result
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value
}
const insights = (query: InsightsQuery): Promise<InsightsData> => ok(app.invoke('insights.get', query))

describe('reusing a computed Insights answer', () => {
  it('answers again from what it computed while nothing changed, and anew after a change to the journal, plans or profile', async () => {
    app = startTestApp(undefined, { clock })
    await ok(
      app.invoke('settings.completeOnboarding', {
        profile: { name: 'R', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '23:00' },
        disclaimerAccepted: true
      })
    )
    await ok(app.invoke('journal.create', night('2026-11-22', { severity: 4 })))
    const first = await insights({ range: '2w' })
    expect(first.severity.mean.at(-2)).toBe(4)
    expect(first.magnesium.foodMg).toBeNull()
    // Nothing changed: the same answer, not a recomputed one.
    expect(app.services.insights.get({ range: '2w' })).toBe(app.services.insights.get({ range: '2w' }))

    await ok(app.invoke('journal.create', night('2026-11-23', { severity: 7 })))
    expect((await insights({ range: '2w' })).severity.mean.at(-1)).toBe(7)

    await ok(app.invoke('planner.addItem', { day: '2026-11-23', meal: 'snacks', foodId: '12014', amount: 30, unit: { kind: 'g' } }))
    const withFood = await insights({ range: '2w' })
    expect(withFood.magnesium.foodMg?.at(-1)).toBeCloseTo(0.3 * 592, 0)

    const before = withFood.magnesium.targetMg
    await ok(app.invoke('settings.update', { profile: { name: 'R', ageBand: '51-70', sex: 'male', lifeStage: 'none', bedtime: '23:00' } }))
    expect((await insights({ range: '2w' })).magnesium.targetMg).not.toBe(before)
  })
})
