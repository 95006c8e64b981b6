import { afterEach, describe, expect, it } from 'vitest'
import { addDays } from '../../../src/shared/domain/journal'
import { startTestApp, type TestApp } from '../../support/app'
import { fixedClock, night } from '../../support/journal'

let app: TestApp
afterEach(() => app.close())

const clock = fixedClock('2026-11-24T08:00:00Z')

async function ok<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await promise
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe('doctor report (real SQLite)', () => {
  it('summarises weeks, trend, doses, labs and experiments for the chosen period', async () => {
    app = startTestApp(undefined, { clock })
    // 28 nights, easing from 8 to about 2; magnesium 200 mg glycinate on the second half; ropinirole throughout.
    for (let i = 0; i < 28; i++) {
      const date = addDays('2026-10-27', i)
      const magnesium = i >= 14 ? { magnesiumMg: 200, magnesiumForm: 'glycinate' as const } : {}
      await ok(
        app.invoke(
          'journal.create',
          night(date, {
            severity: i === 3 ? 0 : Math.max(0, 8 - Math.round(i / 4)),
            factors: { ...magnesium, medications: ['Ropinirole 0.25 mg'] }
          })
        )
      )
    }
    await ok(app.invoke('labs.create', { takenOn: '2026-11-01', analyte: 'ferritin', value: 40, unit: 'ng/mL' }))
    await ok(app.invoke('labs.create', { takenOn: '2025-01-01', analyte: 'ferritin', value: 90, unit: 'ng/mL' }))
    await ok(
      app.invoke('experiments.create', {
        change: 'Magnesium',
        outcome: 'severity',
        startDate: '2026-10-27',
        baselineNights: 14,
        trialNights: 14,
        blockNights: null
      })
    )

    const report = await ok(app.invoke('report.get', { from: '2026-10-27', to: '2026-11-23' }))
    expect(report.nightsInRange).toBe(28)
    expect(report.nightsLogged).toBe(28)
    expect(report.weeks).toHaveLength(4)
    expect(report.weeks[0]).toMatchObject({ start: '2026-10-27', nightsLogged: 7, nightsWithSymptoms: 6 })
    expect(report.severity.trendPer30).toBeLessThan(-4)
    expect(report.severity.trendText).toMatch(/eased/)
    expect(report.supplements).toEqual([{ name: 'Magnesium (glycinate)', nights: 14, dose: '200 mg on average' }])
    expect(report.medications).toEqual([{ name: 'Ropinirole 0.25 mg', nights: 28, firstNight: '2026-10-27', lastNight: '2026-11-23' }])
    expect(report.labs.map((l) => l.value)).toEqual([40])
    expect(report.labs[0]!.guidance).toMatch(/Worth discussing/)
    // Ferritin has a result in the period, so no earlier one is added for it.
    expect(report.earlierLabs).toEqual([])
    expect(report.experiments).toHaveLength(1)
    expect(report.factors.length).toBeGreaterThan(0)
    // The same comparisons Insights shows for the period, worked out from the nights the report read.
    const insights = await ok(app.invoke('insights.get', { range: 'custom', from: '2026-10-27', to: '2026-11-23' }))
    expect(report.factors).toEqual(insights.factors.map((f) => ({ title: f.title, sentence: f.sentence, enough: f.severity.enough })))
    expect(report.factors.some((f) => f.enough)).toBe(true)
    // The clinical part comes in the same answer: the medicine typed on every night has a record.
    expect(report.clinical.medications.map((m) => m.name)).toEqual(['Ropinirole 0.25 mg'])
    expect(report.clinical.ferritin).toMatchObject({ takenOn: '2026-11-01', value: 40 })
    expect(report.deviceSleep).toMatchObject({ nights: 0, sources: [], meanMinutes: null })
    expect(report.intake.magnesiumTargetMg).toBeGreaterThan(0)
  })

  it('puts every night in its 7-night week from the first night, the last week shorter, across a leap day and a month end', async () => {
    app = startTestApp(undefined, { clock })
    const from = '2024-02-20'
    const to = '2024-03-08' // 18 nights: weeks of 7, 7 and 4
    // Gaps on purpose (no night on 02-22, 02-27 to 03-01 or 03-05), and severities and wake-ups that differ night to night.
    const logged = ['2024-02-20', '2024-02-21', '2024-02-23', '2024-02-26', '2024-02-29', '2024-03-02', '2024-03-04', '2024-03-06', '2024-03-08']
    for (const [i, date] of logged.entries()) {
      await ok(app.invoke('journal.create', night(date, { severity: (i * 3) % 7, sleep: { wasoMinutes: 10 * i, awakenings: i % 3 } })))
    }
    const report = await ok(app.invoke('report.get', { from, to }))
    const entries = await ok(app.invoke('journal.list', { from, to }))

    // Worked out night by night, as the calendar runs: week k holds the nights from k × 7 to k × 7 + 6 after the first.
    const expected = []
    for (let start = from; start <= to; start = addDays(start, 7)) {
      const nights = entries.filter((e) => e.eveningDate >= start && e.eveningDate <= addDays(start, 6) && e.eveningDate <= to)
      const mean = (values: number[]): number | null =>
        values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10
      expected.push({
        start,
        nightsLogged: nights.length,
        nightsWithSymptoms: nights.filter((n) => n.severity > 0).length,
        meanSeverity: mean(nights.map((n) => n.severity)),
        meanEfficiency: mean(nights.map((n) => n.metrics.sleepEfficiency))
      })
    }
    expect(report.weeks.map((w) => w.start)).toEqual(['2024-02-20', '2024-02-27', '2024-03-05'])
    expect(report.weeks.map((w) => w.nightsLogged)).toEqual([4, 3, 2])
    expect(report.weeks).toEqual(expected)
    expect(report.nightsInRange).toBe(18)
  })

  it('shows experiments that run past either end of the period exactly as the Experiments page does', async () => {
    app = startTestApp(undefined, { clock })
    // 70 nights; the report reuses the nights of its period for the experiments and reads only the rest.
    for (let i = 0; i < 70; i++) {
      await ok(app.invoke('journal.create', night(addDays('2026-09-15', i), { severity: (i * 5) % 9 })))
    }
    const design = { outcome: 'severity', baselineNights: 14, trialNights: 14, blockNights: null } as const
    await ok(app.invoke('experiments.create', { change: 'Earlier dinner', startDate: '2026-09-20', ...design }))
    await ok(app.invoke('experiments.create', { change: 'No screens', startDate: '2026-10-25', ...design }))
    const report = await ok(app.invoke('report.get', { from: '2026-10-05', to: '2026-11-05' }))
    const list = await ok(app.invoke('experiments.list', undefined))
    expect(report.experiments.map((e) => e.change).sort()).toEqual(['Earlier dinner', 'No screens'])
    expect(report.experiments).toEqual(list.filter((e) => report.experiments.some((r) => r.id === e.id)))
    expect(report.experiments.every((e) => e.nights.length > 0)).toBe(true)
  })

  it('adds the latest earlier result of a test that has none in the period', async () => {
    app = startTestApp(undefined, { clock })
    await ok(app.invoke('labs.create', { takenOn: '2025-01-01', analyte: 'tsat', value: 18, unit: '%' }))
    await ok(app.invoke('labs.create', { takenOn: '2025-06-01', analyte: 'tsat', value: 22, unit: '%' }))
    const report = await ok(app.invoke('report.get', { from: '2026-10-27', to: '2026-11-23' }))
    expect(report.labs).toEqual([])
    expect(report.earlierLabs.map((l) => [l.takenOn, l.value])).toEqual([['2025-06-01', 22]])
  })

  it('refuses a reversed period and tells the browser harness to print instead', async () => {
    app = startTestApp(undefined, { clock })
    const reversed = await app.invoke('report.get', { from: '2026-11-23', to: '2026-10-01' })
    expect(reversed).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { from: expect.any(String) } } })
    const pdf = await ok(app.invoke('report.savePdf', { fileName: 'stillwell-report.pdf' }))
    expect(pdf).toMatchObject({ saved: false, path: null, message: expect.stringMatching(/Print → Save as PDF/) })
  })
})
