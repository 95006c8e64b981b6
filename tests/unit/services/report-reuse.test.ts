import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { MedicationInput, Report } from '../../../src/shared/contract'
import { addDays } from '../../../src/shared/domain/journal'
import { startTestApp, type TestApp } from '../../support/app'
import { fixedClock, night } from '../../support/journal'

/**
 * The doctor report keeps the answer it computed until anything is written to
 * the database (whichever part: the journal, medicines, labs, settings; this
 * connection or another), the period changes or the day does. Whatever
 * changed, the next answer is the new one.
 */
let app: TestApp
afterEach(() => app.close())

// 09:00 in Berlin on 2026-11-24: last night began on 2026-11-23.
const clock = fixedClock('2026-11-24T08:00:00Z')
const period = { from: '2026-10-27', to: '2026-11-23' }

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const r = await result
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value
}
const report = (query = period): Promise<Report> => ok(app.invoke('report.get', query))

const gabapentin: MedicationInput = {
  name: 'Gabapentin',
  strength: 300,
  unit: 'mg',
  usualDose: 300,
  usualTime: '20:00',
  startDate: '2026-10-01',
  stopDate: null,
  purpose: 'Restless legs',
  prescriberNote: ''
}

describe('reusing a computed doctor report', () => {
  it('answers again from what it computed while nothing was written, and anew after any write', async () => {
    app = startTestApp(undefined, { clock })
    const ids: number[] = []
    for (let i = 0; i < 14; i++) ids.push((await ok(app.invoke('journal.create', night(addDays(period.from, i), { severity: 4 })))).id)
    const medication = await ok(app.invoke('medications.create', gabapentin))

    const first = await report()
    expect(first.severity.mean).toBe(4)
    // Nothing written: the very same answer, not a recomputed one.
    expect(await report()).toBe(first)

    // A journal save (the same night, another severity) is seen at once.
    await ok(app.invoke('journal.update', { id: ids[0]!, entry: night(period.from, { severity: 8 }) }))
    const afterSave = await report()
    expect(afterSave).not.toBe(first)
    expect(afterSave.severity.mean).toBeCloseTo((8 + 13 * 4) / 14, 1)
    expect(await report()).toBe(afterSave)

    // A dose change, in the clinical part.
    expect(afterSave.clinical.medications[0]).toMatchObject({ name: 'Gabapentin', doseAtEnd: 300 })
    await ok(app.invoke('medications.changeDose', { medicationId: medication.id, changedOn: '2026-11-10', dose: 600, note: '' }))
    const afterDose = await report()
    expect(afterDose).not.toBe(afterSave)
    expect(afterDose.clinical.medications[0]).toMatchObject({ doseAtEnd: 600 })
    expect(await report()).toBe(afterDose)

    // A lab result and a name in Settings, written by other services.
    await ok(app.invoke('labs.create', { takenOn: '2026-11-01', analyte: 'ferritin', value: 40, unit: 'ng/mL' }))
    const afterLab = await report()
    expect(afterLab.labs.map((l) => l.value)).toEqual([40])
    expect(afterLab.clinical.ferritin).toMatchObject({ value: 40 })
    const profile = { name: 'Rosa', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '23:00' } as const
    await ok(app.invoke('settings.update', { profile }))
    const afterName = await report()
    expect(afterName.name).toBe('Rosa')
    expect(await report()).toBe(afterName)

    // Deleting a night.
    await ok(app.invoke('journal.delete', { id: ids[1]! }))
    const afterDelete = await report()
    expect(afterDelete.nightsLogged).toBe(13)
    expect(await report()).toBe(afterDelete)
  })

  it('answers anew after another connection writes to the same file', async () => {
    app = startTestApp(undefined, { clock })
    await ok(app.invoke('journal.create', night('2026-11-20', { severity: 3 })))
    const first = await report()
    expect(first.severity.mean).toBe(3)
    expect(await report()).toBe(first)

    const other = new Database(app.opened.path)
    try {
      other.prepare('UPDATE journal_entries SET severity = 9 WHERE evening_date = ?').run('2026-11-20')
    } finally {
      other.close()
    }
    expect((await report()).severity.mean).toBe(9)
  })

  it('keeps one answer per period and day: another period or a new day is computed, not reused', async () => {
    app = startTestApp(undefined, { clock })
    await ok(app.invoke('journal.create', night('2026-11-20', { severity: 3 })))
    const first = await report()
    const shorter = await report({ from: '2026-11-20', to: '2026-11-23' })
    expect(shorter).not.toBe(first)
    expect(shorter.nightsInRange).toBe(4)
    expect(await report({ from: '2026-11-20', to: '2026-11-23' })).toBe(shorter)

    clock.set('2026-11-25T08:00:00Z')
    const nextDay = await report({ from: '2026-11-20', to: '2026-11-23' })
    expect(nextDay).not.toBe(shorter)
    expect(nextDay.generatedOn).toBe('2026-11-25')
  })
})
