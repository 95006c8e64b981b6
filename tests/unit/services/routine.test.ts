import { afterEach, describe, expect, it } from 'vitest'
import { SUGGESTED_ROUTINE } from '../../../src/shared/domain/routine'
import { startTestApp, type TestApp } from '../../support/app'
import { FakeComputer } from '../../support/fake-time'
import { makeTempDir } from '../../support/temp-dir'

const HOUR = 3_600_000

const cleanups: Array<() => void> = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

/** The app at a Berlin wall time; `reopen` starts it again on the same data folder. */
function appAt(iso: string) {
  const temp = makeTempDir()
  const computer = new FakeComputer(iso, 'Europe/Berlin')
  let app = startTestApp(temp.dir, { clock: computer, timers: computer })
  app.services.settings.completeOnboarding({
    profile: { name: 'Kai', ageBand: '31-50', sex: 'male', lifeStage: 'none', bedtime: '22:30' },
    disclaimerAccepted: true
  })
  const handle = {
    computer,
    get app(): TestApp {
      return app
    },
    reopen() {
      app.close()
      app = startTestApp(temp.dir, { clock: computer, timers: computer })
    }
  }
  cleanups.push(() => {
    app.close()
    temp.cleanup()
  })
  return handle
}

describe('the wind-down routine', () => {
  it('starts with the suggested steps from the articles, once', () => {
    const h = appAt('2026-01-15T19:00:00Z')
    expect(h.app.services.routine.get().items.map((i) => i.label)).toEqual([...SUGGESTED_ROUTINE])
    h.reopen()
    expect(h.app.services.routine.get().items).toHaveLength(SUGGESTED_ROUTINE.length)
  })

  it('suggests no bedtime magnesium, nothing on a screen after the screens are put away, and something absorbing', () => {
    const steps = SUGGESTED_ROUTINE.map((s) => s.toLowerCase())
    expect(steps.some((s) => /magnesium|snack|chocolate/.test(s))).toBe(false)
    const away = steps.indexOf('put the screens away')
    expect(away).toBe(steps.length - 1)
    const needsScreen = steps.findIndex((s) => /planner|app|phone/.test(s))
    expect(needsScreen).toBeGreaterThanOrEqual(0)
    expect(needsScreen).toBeLessThan(away)
    expect(steps.some((s) => s.startsWith('something that holds your attention'))).toBe(true)
  })

  it('knows tonight’s bedtime and wind-down for the countdown', () => {
    const h = appAt('2026-01-15T19:00:00Z') // Thursday 20:00 in Berlin
    expect(h.app.services.routine.get()).toMatchObject({
      eveningDate: '2026-01-15',
      eveningLabel: 'Tonight',
      bedtime: '22:30',
      bedtimeAt: '2026-01-15T21:30:00.000Z',
      windDown: '21:45',
      windDownAt: '2026-01-15T20:45:00.000Z'
    })
  })

  it('keeps the countdown on a skipped evening, and has none on an evening without a bedtime', () => {
    const h = appAt('2026-01-15T19:00:00Z')
    h.app.services.reminders.skipTonight()
    expect(h.app.services.routine.get().bedtime).toBe('22:30')
    const evenings = h.app.services.reminders.status().prefs.evenings.map((e, i) => (i === 3 ? { ...e, on: false } : e))
    h.app.services.reminders.update({ evenings })
    expect(h.app.services.routine.get()).toMatchObject({ bedtime: null, bedtimeAt: null, windDownAt: null })
  })

  it('files ticks under the evening: after midnight still counts for the night before, and a new evening starts at noon', () => {
    const h = appAt('2026-01-15T21:00:00Z') // 22:00 Thursday
    const [a, b] = h.app.services.routine.get().items
    h.app.services.routine.tick('2026-01-15', a!.id, true)
    h.computer.advance(3 * HOUR) // 01:00 Friday: still Thursday's evening
    let routine = h.app.services.routine.get()
    expect(routine).toMatchObject({ eveningDate: '2026-01-15', eveningLabel: 'Tonight' })
    h.app.services.routine.tick(routine.eveningDate, b!.id, true)
    h.computer.advance(7 * HOUR) // 08:00 Friday
    expect(h.app.services.routine.get()).toMatchObject({ eveningDate: '2026-01-15', eveningLabel: 'Last night' })
    h.computer.advance(5 * HOUR) // 13:00 Friday
    routine = h.app.services.routine.get()
    expect(routine.eveningDate).toBe('2026-01-16')
    expect(routine.items.every((i) => !i.done)).toBe(true)
    expect(h.app.services.routine.nights('2026-01-01', '2026-01-31')).toEqual([
      { eveningDate: '2026-01-15', ticked: 2, labels: [a!.label, b!.label] }
    ])
  })

  it('keeps ticks across a restart, and unticking removes them', () => {
    const h = appAt('2026-01-15T19:00:00Z')
    const item = h.app.services.routine.get().items[2]!
    h.app.services.routine.tick('2026-01-15', item.id, true)
    h.reopen()
    expect(h.app.services.routine.get().items.find((i) => i.id === item.id)?.done).toBe(true)
    h.app.services.routine.tick('2026-01-15', item.id, false)
    expect(h.app.services.routine.get().items.some((i) => i.done)).toBe(false)
  })

  it('refuses ticks for a future evening or one more than a week old, and for a removed step', async () => {
    const h = appAt('2026-01-15T19:00:00Z')
    const item = h.app.services.routine.get().items[0]!
    for (const eveningDate of ['2026-01-16', '2026-01-08']) {
      const result = await h.app.invoke('routine.tick', { eveningDate, itemId: item.id, done: true })
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', fields: { eveningDate: expect.stringMatching(/six before/) } }
      })
    }
    expect((await h.app.invoke('routine.tick', { eveningDate: '2026-01-09', itemId: item.id, done: true })).ok).toBe(true)
    h.app.services.routine.removeItem(item.id)
    const removed = await h.app.invoke('routine.tick', { eveningDate: '2026-01-15', itemId: item.id, done: true })
    expect(removed).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('adds, renames, reorders and removes steps; removed steps keep their past ticks', () => {
    const h = appAt('2026-01-15T19:00:00Z')
    const routine = h.app.services.routine
    const added = routine.addItem('  Read a   few pages  ').items.at(-1)!
    expect(added.label).toBe('Read a few pages')
    routine.renameItem(added.id, 'Read a chapter')
    routine.moveItem(added.id, 0)
    expect(routine.get().items[0]).toMatchObject({ id: added.id, label: 'Read a chapter' })
    routine.moveItem(added.id, 99)
    expect(routine.get().items.at(-1)?.id).toBe(added.id)

    routine.tick('2026-01-15', added.id, true)
    routine.removeItem(added.id)
    expect(routine.get().items.map((i) => i.id)).not.toContain(added.id)
    expect(routine.nights('2026-01-15', '2026-01-15')).toEqual([{ eveningDate: '2026-01-15', ticked: 1, labels: ['Read a chapter'] }])
  })

  it('rejects empty and duplicate steps with a message for the field', async () => {
    const h = appAt('2026-01-15T19:00:00Z')
    const empty = await h.app.invoke('routine.addItem', { label: '   ' })
    expect(empty).toMatchObject({ ok: false, error: { fields: { label: 'Write a few words for this step.' } } })
    const duplicate = await h.app.invoke('routine.addItem', { label: 'put the SCREENS away' })
    expect(duplicate).toMatchObject({ ok: false, error: { fields: { label: 'That step is already in your routine.' } } })
    const long = await h.app.invoke('routine.addItem', { label: 'x'.repeat(121) })
    expect(long.ok).toBe(false)
  })

  it('stops at 30 steps, with a message', () => {
    const h = appAt('2026-01-15T19:00:00Z')
    for (let i = SUGGESTED_ROUTINE.length; i < 30; i++) h.app.services.routine.addItem(`Step ${i}`)
    expect(() => h.app.services.routine.addItem('One more')).toThrow(expect.objectContaining({ code: 'conflict' }))
  })

  it('an emptied routine stays empty until the suggestions are asked for, which come back without duplicates', () => {
    const h = appAt('2026-01-15T19:00:00Z')
    for (const item of h.app.services.routine.get().items) h.app.services.routine.removeItem(item.id)
    h.reopen()
    expect(h.app.services.routine.get().items).toEqual([])
    h.app.services.routine.addItem('Dim the lights and turn the screens down')
    const restored = h.app.services.routine.restoreSuggestions().items.map((i) => i.label)
    expect(restored).toHaveLength(SUGGESTED_ROUTINE.length)
    expect(new Set(restored)).toEqual(new Set(SUGGESTED_ROUTINE))
  })

  it('answers the history channel for Insights, and checks the range', async () => {
    const h = appAt('2026-01-15T19:00:00Z')
    const items = h.app.services.routine.get().items
    h.app.services.routine.tick('2026-01-13', items[0]!.id, true)
    h.app.services.routine.tick('2026-01-15', items[1]!.id, true)
    h.app.services.routine.tick('2026-01-15', items[3]!.id, true)
    const history = await h.app.invoke('routine.history', { from: '2026-01-01', to: '2026-01-31' })
    expect(history).toEqual({
      ok: true,
      value: [
        { eveningDate: '2026-01-13', ticked: 1, labels: [items[0]!.label] },
        { eveningDate: '2026-01-15', ticked: 2, labels: [items[1]!.label, items[3]!.label] }
      ]
    })
    const backwards = await h.app.invoke('routine.history', { from: '2026-02-01', to: '2026-01-01' })
    expect(backwards).toMatchObject({ ok: false, error: { fields: { from: 'The start date must come before the end date.' } } })
    const notADate = await h.app.invoke('routine.history', { from: '2026-02-30', to: '2026-03-01' })
    expect(notADate).toMatchObject({ ok: false, error: { fields: { from: 'That date does not exist.' } } })
  })
})
