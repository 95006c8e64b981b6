import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createJournalStore } from '../../../src/main/db/journal-store'
import { createInsightsService } from '../../../src/main/services/insights'
import type { InsightsData, InsightsQuery } from '../../../src/shared/contract'
import { addDays } from '../../../src/shared/domain/journal'
import { startTestApp, type TestApp } from '../../support/app'
import { fixedClock, night } from '../../support/journal'

let app: TestApp
afterEach(() => app.close())

const clock = fixedClock('2026-11-24T08:00:00Z') // last night began on 2026-11-23 (Berlin)

async function log(date: string, severity: number, overrides: Parameters<typeof night>[1] = {}) {
  const result = await app.invoke('journal.create', night(date, { severity, ...overrides }))
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

async function insights(input: InsightsQuery): Promise<InsightsData> {
  const result = await app.invoke('insights.get', input)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe('insights service', () => {
  it('"2 weeks" is the 14 nights ending last night, with logged nights in their places', async () => {
    app = startTestApp(undefined, { clock })
    await log('2026-11-23', 6)
    await log('2026-11-20', 2)
    const data = await insights({ range: '2w' })
    expect(data).toMatchObject({ range: '2w', from: '2026-11-10', to: '2026-11-23', bucket: 'night', nightsInRange: 14, nightsLogged: 2 })
    expect(data.severity.mean.at(-1)).toBe(6)
    expect(data.severity.mean.at(-4)).toBe(2)
    expect(data.severity.mean.at(-2)).toBeNull()
  })

  it('without a range, picks the smallest one holding every logged night, at least 2 weeks', async () => {
    app = startTestApp(undefined, { clock })
    expect((await insights({})).range).toBe('2w')
    await log('2026-11-22', 5)
    expect(await insights({})).toMatchObject({ range: '2w', from: '2026-11-10', to: '2026-11-23' })
    await log('2026-11-10', 5)
    expect((await insights({})).range).toBe('2w')
    await log('2026-11-09', 5)
    expect(await insights({})).toMatchObject({ range: '3m', from: '2026-08-24' })
    await log('2026-08-24', 5)
    expect((await insights({})).range).toBe('3m')
    await log('2026-08-23', 5)
    expect((await insights({})).range).toBe('1y')
    await log('2025-11-23', 5)
    expect(await insights({})).toMatchObject({ range: 'all', from: '2025-11-23' })
    // A range asked for is kept, whatever the data.
    expect((await insights({ range: '2w' })).range).toBe('2w')
  })

  it('"3 months" and "1 year" end last night; "all" starts at the first entry', async () => {
    app = startTestApp(undefined, { clock })
    await log('2024-02-29', 4)
    expect(await insights({ range: '3m' })).toMatchObject({ from: '2026-08-24', to: '2026-11-23', bucket: 'night' })
    expect(await insights({ range: '1y' })).toMatchObject({ from: '2025-11-24', to: '2026-11-23', bucket: 'week' })
    expect(await insights({ range: 'all' })).toMatchObject({
      from: '2024-02-29',
      to: '2026-11-23',
      bucket: 'week',
      nightsLogged: 1,
      firstDate: '2024-02-29'
    })
  })

  it('a custom range is checked field by field; a range reaching into the future stops at last night', async () => {
    app = startTestApp(undefined, { clock })
    expect(await app.invoke('insights.get', { range: 'custom', from: '2026-11-20', to: '2026-11-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: { from: 'The first night must be on or before the last night.' } }
    })
    expect(await app.invoke('insights.get', { range: 'custom' })).toMatchObject({
      ok: false,
      error: { fields: { from: 'Choose the first night of the range.', to: 'Choose the last night of the range.' } }
    })
    expect(await app.invoke('insights.get', { range: 'custom', from: '2026-02-30', to: '2026-03-05' })).toMatchObject({
      ok: false,
      error: { fields: { from: 'That date does not exist.' } }
    })
    expect(await insights({ range: 'custom', from: '2026-11-01', to: '2027-01-01' })).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-23'
    })
  })

  it('compares factors over the range, and the magnesium target follows the profile', async () => {
    app = startTestApp(undefined, { clock })
    app.services.settings.update({ profile: { sex: 'male', ageBand: '31-50' } })
    for (let i = 0; i < 6; i++) await log(addDays('2026-11-01', i), 7, { factors: { alcoholDrinks: 2, magnesiumMg: 400 } })
    for (let i = 0; i < 5; i++) await log(addDays('2026-11-10', i), 3)
    const data = await insights({ range: '2w' })
    const lastTwoWeeks = data.factors.find((f) => f.key === 'alcohol')!
    expect(lastTwoWeeks.severity).toMatchObject({ enough: false, nWith: 0, nWithout: 5 })
    const all = await insights({ range: 'all' })
    const alcohol = all.factors.find((f) => f.key === 'alcohol')!
    expect(alcohol.severity).toMatchObject({ enough: true, nWith: 6, nWithout: 5, meanWith: 7, meanWithout: 3 })
    expect(alcohol.sentence).toBe('On the 6 nights with any alcohol, severity averaged 7.0, compared with 3.0 on the 5 nights without.')
    expect(all.magnesium).toMatchObject({ targetMg: 420, upperLimitMg: 350, nightsAboveUpperLimit: 6, foodMg: null })
  })

  it('takes planned food magnesium from a provider when one is plugged in', () => {
    app = startTestApp(undefined, { clock })
    const repo = createJournalStore(app.opened.db)
    const asked: string[] = []
    const service = createInsightsService({
      repo,
      today: () => '2026-11-24',
      profile: () => ({ ageBand: '31-50', sex: 'female', lifeStage: 'none' }),
      foodMagnesium: (from, to) => {
        asked.push(`${from}..${to}`)
        return new Map([['2026-11-20', 280]])
      }
    })
    const data = service.get({ range: '2w' })
    expect(asked).toEqual(['2026-11-10..2026-11-23'])
    expect(data.magnesium.foodMg?.[10]).toBe(280)
    expect(data.magnesium.targetMg).toBe(320)
  })

  it('notices a change made after an earlier answer (nothing stale is served)', async () => {
    app = startTestApp(undefined, { clock })
    await log('2026-11-23', 6)
    expect((await insights({ range: 'all' })).summary.severityMean).toBe(6)
    const factor = await app.invoke('journal.factors.create', { label: 'Late dinner', kind: 'yesno' })
    expect((await insights({ range: 'all' })).factors.map((f) => f.title)).toContain('Late dinner')
    expect(factor.ok).toBe(true)
    await log('2026-11-22', 2)
    expect((await insights({ range: 'all' })).summary.severityMean).toBe(4)
    // Another connection writing to the same file (a second window, a restored backup) is noticed too.
    const other = new Database(join(app.dataDir, 'stillwell.db'))
    other.exec("UPDATE journal_entries SET severity = 8 WHERE evening_date = '2026-11-22'")
    other.close()
    expect((await insights({ range: 'all' })).summary.severityMean).toBe(7)
  })

  it('after a save shows every edit, move, deletion and restore (the nights written are read again, not the whole range)', async () => {
    app = startTestApp(undefined, { clock })
    const severities = async () => (await insights({ range: '2w' })).severity.mean.slice(-4)
    const id = (await log('2026-11-20', 5)).id
    await log('2026-11-23', 3)
    expect(await severities()).toEqual([5, null, null, 3])

    // Edited and moved two nights later: gone from the first night, shown on the second.
    const moved = await app.invoke('journal.update', { id, entry: night('2026-11-22', { severity: 8 }) })
    expect(moved.ok).toBe(true)
    expect(await severities()).toEqual([null, null, 8, 3])
    await app.invoke('journal.delete', { id })
    expect(await severities()).toEqual([null, null, null, 3])
    await app.invoke('journal.restore', { id })
    expect(await severities()).toEqual([null, null, 8, 3])
    await log('2026-11-21', 2)
    expect(await severities()).toEqual([null, 2, 8, 3])

    // Another connection's write cannot be told night by night: the range is read again.
    const other = new Database(join(app.dataDir, 'stillwell.db'))
    other.exec("UPDATE journal_entries SET severity = 1 WHERE evening_date = '2026-11-23'")
    other.close()
    expect(await severities()).toEqual([null, 2, 8, 1])
    // A custom factor renamed: also read again, and shown under its new name.
    const factor = await app.invoke('journal.factors.create', { label: 'Late dinner', kind: 'yesno' })
    if (!factor.ok) throw new Error('no factor')
    await app.invoke('journal.update', {
      id,
      entry: night('2026-11-22', { severity: 8, custom: [{ factorId: factor.value.id, value: 1 }] })
    })
    expect((await insights({ range: '2w' })).factors.map((f) => f.title)).toContain('Late dinner')
  })

  it('leaves out deleted entries', async () => {
    app = startTestApp(undefined, { clock })
    const entry = await log('2026-11-23', 9)
    await app.invoke('journal.delete', { id: entry.id })
    expect((await insights({ range: '2w' })).nightsLogged).toBe(0)
  })
})

describe('insights with the meal planner', () => {
  it("draws each night's planned food magnesium from the planner, beside the supplements", async () => {
    app = startTestApp(undefined, { clock })
    await log('2026-11-22', 4)
    await log('2026-11-23', 3)
    // 28.35 g of pumpkin seeds (USDA 12014, 592 mg per 100 g) planned on the 23rd: 167.8 mg, shown as 168.
    const added = await app.invoke('planner.addItem', {
      day: '2026-11-23',
      meal: 'snacks',
      foodId: '12014',
      amount: 28.35,
      unit: { kind: 'g' }
    })
    expect(added.ok).toBe(true)

    const data = await insights({ range: '2w' })
    expect(data.magnesium.foodMg).not.toBeNull()
    expect(data.magnesium.foodMg!.at(-1)).toBe(168)
    expect(data.magnesium.foodMg!.at(-2) ?? 0).toBe(0)
  })
})
