import { DateTime } from 'luxon'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MedicationInput } from '../../../src/shared/contract'
import { startTestApp, type TestApp } from '../../support/app'
import { fixedClock, night } from '../../support/journal'

let app: TestApp
const clock = fixedClock('2026-11-24T08:00:00Z') // 09:00 in Berlin; today is 2026-11-24
const TODAY = '2026-11-24'
const day = (offset: number): string => DateTime.fromISO(TODAY, { zone: 'utc' }).plus({ days: offset }).toISODate()!

beforeEach(() => {
  clock.set('2026-11-24T08:00:00Z')
  app = startTestApp(undefined, { clock })
})
afterEach(() => app.close())

const ropinirole: MedicationInput = {
  name: 'Ropinirole',
  strength: 0.25,
  unit: 'mg',
  usualDose: 0.25,
  usualTime: '20:00',
  startDate: day(-60),
  stopDate: null,
  purpose: 'Restless legs',
  prescriberNote: ''
}

async function ok<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await promise
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

const count = (table: string): number => app.opened.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

describe('medication records', () => {
  it('saves a course, recognises its class and gives the dose in effect after a dated change', async () => {
    const saved = await ok(app.invoke('medications.create', ropinirole))
    expect(saved).toMatchObject({ name: 'Ropinirole', drugClass: 'dopaminergic', currentDose: 0.25, active: true })
    const changed = await ok(app.invoke('medications.changeDose', { medicationId: saved.id, changedOn: day(-21), dose: 0.5, note: '' }))
    expect(changed.currentDose).toBe(0.5)
    expect(changed.changes).toEqual([{ id: expect.any(Number), changedOn: day(-21), dose: 0.5, note: '' }])
  })

  it.each([
    ['a stop date before its start', { stopDate: day(-61) }, 'stopDate', /on or after the start date/],
    ['a dose of 0', { usualDose: 0 }, 'usualDose', /above 0/],
    ['an absurd dose', { usualDose: 9000 }, 'usualDose', /more than 5,000 mg/],
    ['an absurd tablet count', { unit: 'tablet', usualDose: 40, strength: null }, 'usualDose', /more than 20 tablet/],
    ['a start date in the future', { startDate: day(3) }, 'startDate', /up to today/],
    ['an empty name', { name: '  ' }, 'name', /name/]
  ] as const)('refuses %s with a message beside the field, writing nothing', async (_, patch, field, message) => {
    const result = await app.invoke('medications.create', { ...ropinirole, ...patch })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields?.[field]).toMatch(message)
    expect(count('medications')).toBe(0)
  })

  it('refuses overlapping courses of the same medicine (any case) and allows one after the other', async () => {
    await ok(app.invoke('medications.create', { ...ropinirole, stopDate: day(-30) }))
    const overlap = await app.invoke('medications.create', { ...ropinirole, name: 'ROPINIROLE', startDate: day(-40) })
    expect(overlap.ok).toBe(false)
    if (!overlap.ok) expect(overlap.error.fields?.startDate).toMatch(/already have Ropinirole from .* to /)
    expect(count('medications')).toBe(1)
    await ok(app.invoke('medications.create', { ...ropinirole, startDate: day(-29) }))
    expect(count('medications')).toBe(2)
  })

  it('refuses a dose change outside the course or too large for its unit', async () => {
    const saved = await ok(app.invoke('medications.create', { ...ropinirole, startDate: day(-10) }))
    const early = await app.invoke('medications.changeDose', { medicationId: saved.id, changedOn: day(-11), dose: 0.5, note: '' })
    expect(!early.ok && early.error.fields?.changedOn).toMatch(/between the start and the stop date/)
    const huge = await app.invoke('medications.changeDose', { medicationId: saved.id, changedOn: day(-1), dose: 6000, note: '' })
    expect(!huge.ok && huge.error.fields?.dose).toMatch(/more than 5,000 mg/)
    expect(count('medication_changes')).toBe(0)
  })

  it('adding a medicine first typed on a night fills in its bare record instead of clashing', async () => {
    await ok(app.invoke('journal.create', night(day(-3), { factors: { medications: ['ropinirole'] } })))
    const saved = await ok(app.invoke('medications.create', ropinirole))
    expect(saved).toMatchObject({ name: 'Ropinirole', usualDose: 0.25, startDate: day(-60) })
    expect(count('medications')).toBe(1)
  })

  it('renaming a record renames the nights that logged it', async () => {
    await ok(app.invoke('journal.create', night(day(-1), { factors: { medications: ['ropinirol'] } })))
    const list = await ok(app.invoke('medications.list'))
    const typo = list.medications.find((m) => m.name === 'ropinirol')!
    await ok(app.invoke('medications.update', { id: typo.id, medication: { ...ropinirole, name: 'Ropinirole', startDate: day(-1) } }))
    const entry = await ok(app.invoke('journal.get', { eveningDate: day(-1) }))
    expect(entry?.factors.medications).toEqual(['Ropinirole'])
  })
})

describe('night doses', () => {
  it('the quick log offers running medicines at their usual dose, and a night keeps the amount taken', async () => {
    const saved = await ok(app.invoke('medications.create', ropinirole))
    await ok(app.invoke('medications.changeDose', { medicationId: saved.id, changedOn: day(-5), dose: 0.5, note: '' }))
    const defaults = await ok(app.invoke('journal.defaults'))
    expect(defaults.draft.factors.medications).toEqual(['Ropinirole'])
    expect(defaults.draft.factors.doses).toEqual([{ name: 'Ropinirole', amount: 0.5 }])
    const entry = await ok(
      app.invoke(
        'journal.create',
        night(day(-1), { factors: { medications: ['Ropinirole'], doses: [{ name: 'Ropinirole', amount: 0.75 }] } })
      )
    )
    expect(entry.factors.doses).toEqual([{ name: 'Ropinirole', amount: 0.75 }])
  })

  it('refuses a dose of 0 for a night, or one for a medicine not ticked, writing nothing', async () => {
    const zero = await app.invoke(
      'journal.create',
      night(day(-1), { factors: { medications: ['Ropinirole'], doses: [{ name: 'Ropinirole', amount: 0 }] } })
    )
    expect(!zero.ok && zero.error.fields?.['factors.doses.0.amount']).toMatch(/above 0/)
    const stray = await app.invoke(
      'journal.create',
      night(day(-1), { factors: { medications: [], doses: [{ name: 'Ropinirole', amount: 1 }] } })
    )
    expect(!stray.ok && stray.error.fields?.['factors.doses.0.name']).toMatch(/ticked/)
    expect(count('journal_entries')).toBe(0)
  })
})

describe('daytime episodes and IRLS totals', () => {
  it('refuses an episode later today than now, and an IRLS total above 40', async () => {
    const later = await app.invoke('episodes.create', { date: TODAY, time: '15:00', severity: 4, helped: '' })
    expect(!later.ok && later.error.fields?.time).toMatch(/has not come yet/)
    const fine = await app.invoke('episodes.create', { date: TODAY, time: '08:30', severity: 4, helped: 'Walking' })
    expect(fine.ok).toBe(true)
    const irls = await app.invoke('irls.create', { scoredOn: day(-3), total: 41, note: '' })
    expect(!irls.ok && irls.error.fields?.total).toMatch(/0 to 40/)
    expect(count('daytime_episodes')).toBe(1)
    expect(count('irls_scores')).toBe(0)
  })
})

describe('augmentation watch through the service', () => {
  async function logSixWeeks(medications: string[]) {
    for (let ago = 42; ago >= 1; ago--) {
      const recent = ago <= 14
      await ok(
        app.invoke(
          'journal.create',
          night(day(-ago), {
            symptomStart: recent ? '18:30' : '23:00',
            bodyAreas: recent ? ['legs', 'arms'] : ['legs'],
            factors: { medications }
          })
        )
      )
    }
  }

  it('shows the signs while a dopamine agonist is running, and can be set aside until the signs change', async () => {
    const med = await ok(app.invoke('medications.create', { ...ropinirole, startDate: day(-50) }))
    await ok(app.invoke('medications.changeDose', { medicationId: med.id, changedOn: day(-16), dose: 0.5, note: 'More symptoms' }))
    await logSixWeeks(['Ropinirole'])
    const status = await ok(app.invoke('augmentation.get'))
    if (status.watch.status !== 'signs') throw new Error(status.watch.status)
    expect(status.watch.signs.map((s) => s.key)).toEqual(['onset-4h', 'spread'])
    expect(status.watch.doseEvents).toEqual([{ medication: 'Ropinirole', date: day(-16), from: '0.25 mg', to: '0.5 mg' }])
    expect(status.dismissed).toBe(false)
    const dismissed = await ok(app.invoke('augmentation.dismiss', { key: status.watch.key }))
    expect(dismissed.dismissed).toBe(true)
    await ok(app.invoke('episodes.create', { date: day(-2), time: '14:00', severity: 5, helped: '' }))
    await ok(app.invoke('episodes.create', { date: day(-4), time: '14:00', severity: 5, helped: '' }))
    const changed = await ok(app.invoke('augmentation.get'))
    expect(changed.watch.status === 'signs' && changed.watch.signs.map((s) => s.key)).toEqual(['onset-4h', 'spread', 'daytime'])
    expect(changed.dismissed).toBe(false)
  })

  it('stays silent for someone taking no dopaminergic medicine', async () => {
    await ok(app.invoke('medications.create', { ...ropinirole, name: 'Pregabalin', usualDose: 75, strength: 75 }))
    await logSixWeeks(['Pregabalin'])
    expect((await ok(app.invoke('augmentation.get'))).watch).toEqual({ status: 'not-applicable' })
  })
})

describe('lab draw conditions', () => {
  it('keeps whether blood was taken in the morning and iron was paused, and gives the 75–100 ferritin band its own note', async () => {
    const saved = await ok(
      app.invoke('labs.create', {
        takenOn: day(-3),
        analyte: 'ferritin',
        value: 88,
        unit: 'ng/mL',
        note: 'Had a cold',
        morningDraw: true,
        ironPaused: false
      })
    )
    expect(saved).toMatchObject({ morningDraw: true, ironPaused: false, note: 'Had a cold' })
    expect(saved.guidance).toMatch(/considers only intravenous iron/)
    const plain = await ok(app.invoke('labs.create', { takenOn: day(-3), analyte: 'tsat', value: 19.6, unit: '%' }))
    expect(plain).toMatchObject({ morningDraw: null, ironPaused: null })
  })
})

describe('symptom timing over a long history', () => {
  it('answers a ten-year range (Insights "All") with its most recent stretch instead of an error', async () => {
    await ok(app.invoke('journal.create', night(day(-3650), { symptomStart: '21:00' })))
    await ok(app.invoke('journal.create', night(day(-1), { symptomStart: '22:30' })))
    const timing = await ok(app.invoke('timing.get', { from: day(-3650), to: day(-1) }))
    expect(timing.to).toBe(day(-1))
    expect(timing.from).toBe(day(-800))
    expect(timing.weeks.length).toBeGreaterThan(100)
    expect(timing.weeks.length).toBeLessThan(120)
    expect(timing.onsetSummary).toMatch(/^Over the last 114 weeks: /)
  })
})
