import Database from 'better-sqlite3'
import { join } from 'node:path'
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

  it('keeps the planned food of a range across journal saves, and reads it again once a meal, a food or the file changes', async () => {
    app = startTestApp(undefined, { clock })
    await ok(app.invoke('journal.create', night('2026-11-22', { severity: 4 })))
    const item = await ok(
      app.invoke('planner.addItem', { day: '2026-11-22', meal: 'snacks', foodId: '12014', amount: 30, unit: { kind: 'g' } })
    )
    expect((await insights({ range: '2w' })).magnesium.foodMg?.at(-2)).toBeCloseTo(0.3 * 592, 0)

    // A night logged: the nights are read again, the food is the same.
    const entry = await ok(app.invoke('journal.create', night('2026-11-23', { severity: 6 })))
    const afterSave = await insights({ range: '2w' })
    expect(afterSave.severity.mean.at(-1)).toBe(6)
    expect(afterSave.magnesium.foodMg?.at(-2)).toBeCloseTo(0.3 * 592, 0)

    // A meal changed after that save: the new amount shows.
    await ok(app.invoke('planner.updateItem', { id: item.id, amount: 60, unit: { kind: 'g' } }))
    expect((await insights({ range: '2w' })).magnesium.foodMg?.at(-2)).toBeCloseTo(0.6 * 592, 0)

    // Journal saves and a plan removed by another connection (a second window, a restored backup) in between.
    await ok(app.invoke('journal.update', { id: entry.id, entry: night('2026-11-23', { severity: 5 }) }))
    const other = new Database(join(app.dataDir, 'stillwell.db'))
    other.prepare('DELETE FROM plan_items WHERE id = ?').run(item.id)
    other.close()
    const emptied = await insights({ range: '2w' })
    expect(emptied.severity.mean.at(-1)).toBe(5)
    expect(emptied.magnesium.foodMg).toBeNull()
  })

  it('shows the imported journal after "Import a Stillwell export" replaced it, without a restart', async () => {
    app = startTestApp(undefined, { clock })
    await ok(app.invoke('journal.create', night('2026-11-22', { severity: 4 })))
    const exported = await ok(app.invoke('data.exportJson'))
    await ok(app.invoke('journal.create', night('2026-11-23', { severity: 9 })))
    expect((await insights({ range: '2w' })).severity.mean.slice(-2)).toEqual([4, 9])
    // The export from before the 23rd was logged comes back in: that night is gone again.
    await ok(app.invoke('data.importJson', { content: exported.content }))
    expect((await insights({ range: '2w' })).severity.mean.slice(-2)).toEqual([4, null])
  })
})
