import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import ExperimentsView from '../../src/renderer/src/features/experiments/ExperimentsView.vue'
import ExperimentTodayTile from '../../src/renderer/src/features/experiments/ExperimentTodayTile.vue'
import ReportView from '../../src/renderer/src/features/report/ReportView.vue'
import { addDays } from '../../src/shared/domain/journal'
import { localDay } from '../../src/shared/domain/meal-plan'
import { startTestApp, type TestApp } from '../support/app'
import { night } from '../support/journal'
import { mountWithApp, type Mounted } from './mount'

let mounted: Mounted | undefined
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted?.app.close()
  mounted = undefined
})

// The page reads today from the real clock, so the services do too.
function onboardedApp(): TestApp {
  const app = startTestApp()
  app.services.settings.completeOnboarding({
    profile: { name: 'Jo', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:15' },
    disclaimerAccepted: true
  })
  return app
}

const today = localDay()

describe('Experiments view', () => {
  it('explains an empty list, shows errors beside the field, and shows a new experiment with its preview', async () => {
    const app = onboardedApp()
    for (let i = 10; i >= 1; i--) app.services.journal.create(night(addDays(today, -i), { severity: i > 5 ? 6 : 3 }))
    mounted = await mountWithApp(ExperimentsView, '/experiments', app)
    const { wrapper } = mounted
    expect(wrapper.text()).toContain('No experiments yet')

    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'New experiment')!
      .trigger('click')
    await wrapper.find('form.experiment-form').trigger('submit')
    await flushPromises()
    const change = wrapper.find('#exp-change')
    expect(change.attributes('aria-invalid')).toBe('true')
    expect(change.attributes('aria-describedby')).toBe('exp-change-error')
    expect(wrapper.find('#exp-change-error').text()).toBe('Describe the change you want to test.')
    expect(app.services.experiments.list()).toHaveLength(0)

    await change.setValue('No caffeine after noon')
    await wrapper.find('#exp-start').setValue(addDays(today, -10))
    await wrapper.find('#exp-baseline').setValue(5)
    await wrapper.find('#exp-trial').setValue(7)
    await wrapper.find('form.experiment-form').trigger('submit')
    await flushPromises()

    const card = wrapper.find('[data-testid="experiment-card"]')
    expect(card.text()).toContain('No caffeine after noon')
    expect(card.text()).toContain('Tonight is night 11 of 12.')
    expect(card.find('[data-testid="experiment-verdict"]').text()).toMatch(
      /^So far: Your symptom severity .* averaged 3\.0 in the trial and 6\.0 in the baseline/
    )
    expect(wrapper.find('[role="status"]').text()).toBe('Experiment “No caffeine after noon” saved.')
  })

  it('gives a difference of percentages in points, signed as the verdict words it, never as a percentage', async () => {
    const app = onboardedApp()
    // Sleep efficiency: five restless nights (more time awake), then five calmer ones.
    for (let i = 10; i >= 1; i--) {
      const awake = i > 5 ? 80 + (i % 3) * 10 : 30 + (i % 2) * 10
      app.services.journal.create(night(addDays(today, -i), { sleep: { wasoMinutes: awake } }))
    }
    await app.invoke('experiments.create', {
      change: 'No screens after nine',
      outcome: 'efficiency',
      startDate: addDays(today, -10),
      baselineNights: 5,
      trialNights: 5,
      blockNights: null
    })
    mounted = await mountWithApp(ExperimentsView, '/experiments', app)
    const card = mounted.wrapper.find('[data-testid="experiment-card"]')
    const number = (term: string): string =>
      card
        .findAll('.experiment-result__numbers > div')
        .find((d) => d.find('dt').text() === term)!
        .find('dd')
        .text()
    const difference = number('Difference (trial − baseline)')
    expect(difference).toMatch(/^\+\d+\.\d points$/)
    expect(number('95 % interval')).toMatch(/^[+−]?\d+\.\d points to [+−]?\d+\.\d points$/)
    expect(card.find('[data-testid="experiment-verdict"]').text()).toContain(`a difference of ${difference}`)
    expect(number('Trial mean')).toMatch(/^\d+\.\d%$/)
  })

  it('refuses an overlapping experiment with the reason next to the start date', async () => {
    const app = onboardedApp()
    app.services.experiments.create({
      change: 'A',
      outcome: 'severity',
      startDate: today,
      baselineNights: 7,
      trialNights: 7,
      blockNights: null
    })
    mounted = await mountWithApp(ExperimentsView, '/experiments', app)
    const { wrapper } = mounted
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'New experiment')!
      .trigger('click')
    await wrapper.find('#exp-change').setValue('B')
    await wrapper.find('form.experiment-form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('#exp-start').attributes('aria-invalid')).toBe('true')
    // The message is the one the field points to.
    const describedBy = wrapper.find('#exp-start').attributes('aria-describedby')!.split(' ').pop()!
    expect(wrapper.find(`[id="${describedBy}"]`).text()).toMatch(/after the other experiment ends/)
    expect(wrapper.find('[role="alert"]').text()).toMatch(/overlap “A”/)
    expect(app.services.experiments.list()).toHaveLength(1)
  })

  it('converts a magnesium result entered in mmol/L and lists it', async () => {
    const app = onboardedApp()
    mounted = await mountWithApp(ExperimentsView, '/experiments', app)
    const { wrapper } = mounted
    expect(wrapper.text()).toContain('No lab results yet')
    await wrapper.find('#lab-analyte').setValue('magnesium')
    await flushPromises()
    await wrapper.find('#lab-unit').setValue('mmol/L')
    await wrapper.find('#lab-value').setValue('0.9')
    await wrapper.find('form.labs__form').trigger('submit')
    await flushPromises()
    const table = wrapper.find('[data-testid="lab-table"]')
    expect(table.text()).toContain('2.2 mg/dL')
    expect(table.text()).toContain('0.9 mmol/L')
    expect(app.services.experiments.labs()[0]!.value).toBeCloseTo(2.187, 6)
  })

  it('shows a lab result’s problems beside its fields before saving anything', async () => {
    const app = onboardedApp()
    mounted = await mountWithApp(ExperimentsView, '/experiments', app)
    const { wrapper } = mounted
    await wrapper.find('#lab-date').setValue('2999-01-01')
    await wrapper.find('#lab-value').setValue('20000')
    await wrapper.find('form.labs__form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('#lab-takenOn-error').text()).toBe('That date is in the future. Enter the day the blood was taken.')
    expect(wrapper.find('#lab-value-error').text()).toBe('That is far above any real ferritin result. Check the number and unit.')
    expect(wrapper.find('#lab-value').attributes('aria-describedby')).toBe('lab-value-error')
    expect(app.services.experiments.labs()).toHaveLength(0)
  })
})

describe('Today experiment tile', () => {
  it('stays out of the way without an experiment', async () => {
    mounted = await mountWithApp(ExperimentTodayTile, '/today', onboardedApp())
    expect(mounted.wrapper.find('[data-testid="today-experiment"]').exists()).toBe(false)
  })

  it('shows the night count and records the morning answer', async () => {
    const app = onboardedApp()
    const e = app.services.experiments.create({
      change: 'Stretching',
      outcome: 'quality',
      startDate: addDays(today, -2),
      baselineNights: 3,
      trialNights: 3,
      blockNights: null
    })
    mounted = await mountWithApp(ExperimentTodayTile, '/today', app)
    const tile = mounted.wrapper.find('[data-testid="today-experiment"]')
    expect(tile.text()).toContain('Night 3 of 6')
    expect(tile.find('legend').text()).toContain('Last night was a baseline night. Did you go without “Stretching”')
    await tile.findAll('input[type="radio"]')[1]!.setValue(true)
    await flushPromises()
    expect(tile.find('[role="status"]').text()).toBe('Thanks — noted for the experiment.')
    expect(app.services.experiments.list().find((x) => x.id === e.id)!.result.adherence).toMatchObject({ answered: 1, partly: 1 })
  })
})

describe('Doctor report view', () => {
  it('fills every section for the period and marks when it has rendered', async () => {
    const app = onboardedApp()
    for (let i = 20; i >= 1; i--)
      app.services.journal.create(night(addDays(today, -i), { severity: 5, factors: { ironMg: 65, medications: ['Gabapentin 300 mg'] } }))
    app.services.experiments.addLab({ takenOn: addDays(today, -3), analyte: 'tsat', value: 15, unit: '%' })
    performance.clearMarks('stillwell:report-rendered')
    mounted = await mountWithApp(ReportView, '/report', app)
    const { wrapper } = mounted
    await flushPromises()
    for (const section of ['symptoms', 'sleep', 'factors', 'medications', 'intake', 'labs', 'experiments']) {
      expect(wrapper.find(`[data-section="${section}"]`).exists()).toBe(true)
    }
    expect(wrapper.find('[data-section="medications"]').text()).toContain('Gabapentin 300 mg')
    expect(wrapper.find('[data-section="medications"]').text()).toContain('Iron')
    expect(wrapper.find('[data-section="labs"]').text()).toContain('Worth discussing with your doctor')
    expect(wrapper.find('.report-page__meta').text()).toContain('20 of')
    expect(performance.getEntriesByName('stillwell:report-rendered')).toHaveLength(1)
  })

  it('for a period with no nights, says so in each section and shows no table of empty weeks', async () => {
    mounted = await mountWithApp(ReportView, '/report', onboardedApp())
    await flushPromises()
    const onset = mounted.wrapper.get('[data-section="onset"]')
    expect(onset.text()).toContain('No nights logged in this range.')
    expect(onset.find('table').exists()).toBe(false)
  })

  it('prints each experiment with the same caveats as the Experiments page, and the weekly numbers under the chart', async () => {
    const app = onboardedApp()
    // 21 nights: 10 baseline at severity 6, 10 trial at 3, last night outside the experiment.
    for (let i = 21; i >= 1; i--) app.services.journal.create(night(addDays(today, -i), { severity: i > 11 ? 6 : i > 1 ? 3 : 0 }))
    app.services.experiments.create({
      change: 'No caffeine after noon',
      outcome: 'severity',
      startDate: addDays(today, -21),
      baselineNights: 10,
      trialNights: 10,
      blockNights: null
    })
    const experiment = app.services.experiments.list()[0]!
    expect(experiment.result.verdict).toMatch(/see the caveats/)
    mounted = await mountWithApp(ReportView, `/report?from=${addDays(today, -21)}&to=${addDays(today, -1)}`, app)
    await flushPromises()
    const section = mounted.wrapper.find('[data-section="experiments"]')
    const printed = section.findAll('[data-testid="experiment-caveats"] li').map((li) => li.text())
    expect(printed).toEqual(experiment.result.caveats)
    expect(printed.join(' ')).toContain('placebo')
    expect(printed.join(' ')).toContain('Nights in a row tend to resemble each other')
    mounted.wrapper.unmount()

    // The Experiments page shows the very same list.
    mounted = await mountWithApp(ExperimentsView, '/experiments', app)
    await flushPromises()
    const shown = mounted.wrapper.findAll('[data-testid="experiment-caveats"] li').map((li) => li.text())
    expect(shown).toEqual(printed)
    mounted.wrapper.unmount()

    mounted = await mountWithApp(ReportView, `/report?from=${addDays(today, -21)}&to=${addDays(today, -1)}`, app)
    await flushPromises()
    const rows = mounted.wrapper
      .findAll('[data-testid="report-weekly-table"] tbody tr')
      .map((tr) => tr.findAll('th, td').map((c) => c.text()))
    expect(rows).toEqual([
      [addDays(today, -21), '7 of 7', '6'],
      [addDays(today, -14), '7 of 7', '4.3'],
      [addDays(today, -7), '6 of 7', '2.6']
    ])
  })
})
