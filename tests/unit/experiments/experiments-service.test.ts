import { afterEach, describe, expect, it } from 'vitest'
import type { Experiment, ExperimentCreate } from '../../../src/shared/contract'
import { addDays } from '../../../src/shared/domain/journal'
import { startTestApp, type TestApp } from '../../support/app'
import { fixedClock, night } from '../../support/journal'

let app: TestApp
afterEach(() => app.close())

// Today is 2026-11-24 in Berlin; last night began on 2026-11-23.
const clock = fixedClock('2026-11-24T08:00:00Z')

async function ok<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await promise
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

const design = (overrides: Partial<ExperimentCreate> = {}): ExperimentCreate => ({
  change: 'Magnesium glycinate 200 mg with dinner',
  outcome: 'severity',
  startDate: '2026-10-27',
  baselineNights: 14,
  trialNights: 14,
  blockNights: null,
  ...overrides
})

describe('experiments service (real SQLite)', () => {
  it('compares logged nights by period and reports a finished verdict', async () => {
    app = startTestApp(undefined, { clock })
    for (let i = 0; i < 28; i++) {
      const date = addDays('2026-10-27', i)
      await ok(app.invoke('journal.create', night(date, { severity: i < 14 ? 5 + (i % 2) : 2 + (i % 2) })))
    }
    const created: Experiment = await ok(app.invoke('experiments.create', design()))
    expect(created).toMatchObject({ status: 'finished', endDate: '2026-11-23', dayNumber: null })
    expect(created.result.baseline.nightsUsed).toBe(14)
    expect(created.result.trial.nightsUsed).toBe(14)
    expect(created.result.difference).toBeCloseTo(-3, 10)
    expect(created.result.direction).toBe('better')
    expect(created.result.effectSize).toBeLessThan(-2)
    expect(created.result.verdict).toMatch(/does not show the change was the cause/)
  })

  it('shows day N of M on Today and records the morning adherence answer', async () => {
    app = startTestApp(undefined, { clock })
    const created = await ok(app.invoke('experiments.create', design({ startDate: '2026-11-20', baselineNights: 3, trialNights: 5 })))
    expect(created.status).toBe('running')
    let today = await ok(app.invoke('experiments.today'))
    expect(today).toMatchObject({ dayNumber: 5, totalNights: 8, tonightPhase: 'trial' })
    expect(today!.question).toMatchObject({ eveningDate: '2026-11-23', phase: 'trial', answer: null })
    today = await ok(app.invoke('experiments.checkin', { id: created.id, eveningDate: '2026-11-23', answer: 'yes' }))
    expect(today!.question!.answer).toBe('yes')
    const [again] = await ok(app.invoke('experiments.list'))
    expect(again!.result.adherence).toMatchObject({ answered: 1, yes: 1, rate: 1 })

    const tonight = await app.invoke('experiments.checkin', { id: created.id, eveningDate: '2026-11-24', answer: 'yes' })
    expect(tonight.ok).toBe(false)
  })

  it('refuses overlapping experiments and bad designs, writing nothing', async () => {
    app = startTestApp(undefined, { clock })
    await ok(app.invoke('experiments.create', design()))
    const overlap = await app.invoke('experiments.create', design({ startDate: '2026-11-10' }))
    expect(overlap).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const blocks = await app.invoke('experiments.create', design({ startDate: '2026-12-01', blockNights: 20 }))
    expect(blocks).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { blockNights: expect.any(String) } } })
    const short = await app.invoke('experiments.create', design({ startDate: '2026-12-01', trialNights: 1 }))
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const far = await app.invoke('experiments.create', design({ startDate: '2027-06-01' }))
    expect(far).toMatchObject({ ok: false, error: { fields: { startDate: expect.stringMatching(/next 60 days/) } } })
    expect(await ok(app.invoke('experiments.list'))).toHaveLength(1)
  })

  it('stops an experiment early and frees the rest of its nights', async () => {
    app = startTestApp(undefined, { clock })
    const created = await ok(app.invoke('experiments.create', design({ startDate: '2026-11-20' })))
    const stopped = await ok(app.invoke('experiments.stop', { id: created.id }))
    expect(stopped).toMatchObject({ status: 'stopped', stoppedOn: '2026-11-24' })
    expect(stopped.result.complete).toBe(true)
    expect(await ok(app.invoke('experiments.today'))).toBeNull()
    await ok(app.invoke('experiments.create', design({ startDate: '2026-11-26' })))
    await ok(app.invoke('experiments.delete', { id: created.id }))
    expect(await ok(app.invoke('experiments.list'))).toHaveLength(1)
  })
})

describe('lab results (real SQLite)', () => {
  it('stores values in canonical units, keeps what was typed, and notes guideline thresholds', async () => {
    app = startTestApp(undefined, { clock })
    const mg = await ok(app.invoke('labs.create', { takenOn: '2026-10-01', analyte: 'magnesium', value: 0.8, unit: 'mmol/L' }))
    expect(mg.value).toBeCloseTo(1.944, 6)
    expect(mg).toMatchObject({ enteredValue: 0.8, enteredUnit: 'mmol/L', guidance: null })
    const ferritin = await ok(app.invoke('labs.create', { takenOn: '2026-10-01', analyte: 'ferritin', value: 42, unit: 'µg/L' }))
    expect(ferritin.guidance).toMatch(/Worth discussing with your doctor/)
    const wrongUnit = await app.invoke('labs.create', { takenOn: '2026-10-01', analyte: 'tsat', value: 42, unit: 'g/L' })
    expect(wrongUnit).toMatchObject({ ok: false, error: { fields: { unit: expect.any(String) } } })
    const future = await app.invoke('labs.create', { takenOn: '2026-12-01', analyte: 'tsat', value: 42, unit: '%' })
    expect(future).toMatchObject({ ok: false, error: { fields: { takenOn: expect.any(String) } } })
    expect((await ok(app.invoke('labs.list'))).map((l) => l.analyte)).toEqual(['ferritin', 'magnesium'])
    await ok(app.invoke('labs.delete', { id: mg.id }))
    expect(await ok(app.invoke('labs.list'))).toHaveLength(1)
  })
})
