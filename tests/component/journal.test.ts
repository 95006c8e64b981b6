import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import App from '../../src/renderer/src/App.vue'
import { startTestApp, type TestApp } from '../support/app'
import { fixedClock, night } from '../support/journal'
import { mountWithApp, type Mounted } from './mount'

let mounted: Mounted | undefined
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted?.app.close()
  mounted = undefined
})

/** An onboarded app whose "today" is 2026-11-24 in Berlin, so last night is 2026-11-23. */
function onboardedApp(): TestApp {
  const app = startTestApp(undefined, { clock: fixedClock('2026-11-24T08:00:00Z') })
  app.services.settings.completeOnboarding({
    profile: { name: 'Jo', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:15' },
    disclaimerAccepted: true
  })
  return app
}

function form(m: Mounted) {
  return m.wrapper.find('form.entry-form')
}

async function submit(m: Mounted): Promise<void> {
  await form(m).trigger('submit')
  await flushPromises()
}

describe('journal month on opening', () => {
  it('opens on the month of last night on the 1st, never on an empty month while recent nights exist', async () => {
    // 1 December in Berlin: last night is 30 November, already logged.
    const app = startTestApp(undefined, { clock: fixedClock('2026-12-01T08:00:00Z') })
    app.services.settings.completeOnboarding({
      profile: { name: 'Jo', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:15' },
      disclaimerAccepted: true
    })
    app.services.journal.create(night('2026-11-29', { severity: 4 }))
    app.services.journal.create(night('2026-11-30', { severity: 6 }))
    mounted = await mountWithApp(App, '/journal', app)
    expect(mounted.wrapper.find('#journal-month-title').text()).toBe('November 2026')
    expect(mounted.wrapper.text()).not.toContain('No nights to show')
    expect(mounted.wrapper.findAll('[data-night="2026-11-30"]')).toHaveLength(1)
    // Nothing newer to page forward to: December holds no night yet.
    const next = mounted.wrapper.findAll('button').find((b) => b.text() === 'Next month')!
    expect(next.attributes('disabled')).toBeDefined()
  })
})

describe('journal quick log', () => {
  it('starts from the previous night, and Enter on the severity scale saves last night', async () => {
    const app = onboardedApp()
    app.services.journal.create(
      night('2026-11-21', {
        severity: 5,
        sleep: { inBed: '23:05', triedToSleep: '23:20' },
        factors: { caffeineDrinks: 2, caffeineLast: '15:30', magnesiumMg: 300, medications: ['Pregabalin'] },
        notes: 'old note'
      })
    )
    mounted = await mountWithApp(App, '/journal', app)

    expect((form(mounted).find('input[type="date"]').element as HTMLInputElement).value).toBe('2026-11-23')
    expect((mounted.wrapper.find('input[aria-label="5, Moderate"]').element as HTMLInputElement).checked).toBe(true)
    const inBed = mounted.wrapper.findAll('input[type="time"]')[0]!.element as HTMLInputElement
    expect(inBed.value).toBe('23:05')
    expect(mounted.wrapper.find('textarea').element.value).toBe('')
    // Carried-over factors are visible without opening their section.
    expect(mounted.wrapper.find('[data-testid="factor-summary"]').text()).toBe(
      '2 caffeinated drinks, last at 15:30 · magnesium 300 mg · Pregabalin'
    )

    const three = mounted.wrapper.find('input[aria-label="3, Mild"]')
    await three.setValue(true)
    await three.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(app.services.journal.get('2026-11-23')).toMatchObject({ severity: 3, sleep: { inBed: '23:05' } })
    expect(mounted.wrapper.find('[data-testid="journal-status"]').text()).toContain('Saved Mon')
    expect(mounted.wrapper.text()).toContain('Last night is logged')
  })

  it('shows the sleep figures live, as the service will compute them', async () => {
    mounted = await mountWithApp(App, '/journal', onboardedApp())
    const preview = mounted.wrapper.find('[data-testid="sleep-preview"]')
    // From the usual bedtime 22:15: in bed 22:15, tried 22:30, wake 06:30, up 06:45; latency 20, WASO 20.
    expect(preview.text()).toContain('8 h 30 min in bed')
    expect(preview.text()).toContain('7 h 20 min asleep')
    expect(preview.text()).toContain('86.3% sleep efficiency')
    expect(mounted.wrapper.text()).toContain('wake after sleep onset, WASO')
  })

  it('asks for a severity on the very first night and explains a bad time next to its field, saving nothing', async () => {
    const app = onboardedApp()
    mounted = await mountWithApp(App, '/journal', app)
    const [, , wake] = mounted.wrapper.findAll('input[type="time"]')
    await wake!.setValue('22:00')
    await submit(mounted)
    expect(mounted.wrapper.text()).toContain('Choose how bad your symptoms were, from 0 (none) to 10.')
    expect(wake!.attributes('aria-invalid')).toBe('true')
    const describedby = wake!.attributes('aria-describedby')!.split(' ')
    const message = describedby.map((id) => document.getElementById(id)?.textContent).join(' ')
    expect(message).toContain('Final wake time is before the time you tried to sleep.')
    expect(mounted.wrapper.find('[role="alert"]').text()).toContain('2 answers need another look.')
    expect(app.services.journal.get('2026-11-23')).toBeNull()
  })

  it('a second entry for a night becomes an offer to edit the saved one', async () => {
    const app = onboardedApp()
    app.services.journal.create(night('2026-11-20', { severity: 2 }))
    mounted = await mountWithApp(App, '/journal', app)
    await form(mounted).find('input[type="date"]').setValue('2026-11-20')
    await mounted.wrapper.find('input[aria-label="9, Very severe"]').setValue(true)
    await submit(mounted)
    expect(mounted.wrapper.find('[role="alert"]').text()).toContain('You already logged this night — edit it instead?')
    const edit = mounted.wrapper.findAll('button').find((b) => b.text() === 'Edit the saved entry')!
    await edit.trigger('click')
    await flushPromises()
    expect(mounted.wrapper.find('h2').text()).toContain('Edit the night of')
    expect((mounted.wrapper.find('input[aria-label="2, Mild"]').element as HTMLInputElement).checked).toBe(true)
    expect(app.services.journal.get('2026-11-20')?.severity).toBe(2)
  })

  it('remembers medication names as suggestions and adds them with Enter without saving', async () => {
    const app = onboardedApp()
    app.services.journal.create(night('2026-11-19', { factors: { medications: ['Gabapentin'] } }))
    app.services.journal.create(night('2026-11-20', { factors: { medications: [] } }))
    mounted = await mountWithApp(App, '/journal', app)
    const options = mounted.wrapper.findAll('datalist option').map((o) => o.attributes('value'))
    expect(options).toEqual(['Gabapentin'])
    const input = mounted.wrapper.find('input[list]')
    await input.setValue('Gabapentin')
    await input.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(mounted.wrapper.find('ul[aria-label="Medications for this night"]').text()).toContain('Gabapentin')
    expect(app.services.journal.get('2026-11-23')).toBeNull()
  })

  it('asks for elemental magnesium and iron, with the iron upper limit as a hint rather than a warning', async () => {
    mounted = await mountWithApp(App, '/journal', onboardedApp())
    const hintOf = (label: string) => {
      const field = mounted!.wrapper.findAll('label').find((l) => l.text() === label)!
      const input = mounted!.wrapper.find(`[id="${field.attributes('for')}"]`)
      return input
        .attributes('aria-describedby')!
        .split(' ')
        .map((id) => mounted!.wrapper.find(`[id="${id}"]`).text())
        .join(' ')
    }
    expect(hintOf('Magnesium supplement (mg elemental)')).toContain('Elemental magnesium')
    const iron = hintOf('Iron supplement (mg elemental)')
    expect(iron).toContain('a 325 mg ferrous sulfate tablet holds about 65 mg')
    expect(iron).toContain('The upper limit is 45 mg a day unless your doctor prescribed more.')
  })
})

describe('journal list', () => {
  it('shows unlogged nights as "Not logged", and a deleted night can be brought back', async () => {
    const app = onboardedApp()
    app.services.journal.create(night('2026-11-20', { severity: 7 }))
    app.services.journal.create(night('2026-11-22', { severity: 1 }))
    mounted = await mountWithApp(App, '/journal', app)

    const rows = mounted.wrapper.findAll('[data-night]')
    expect(rows.map((r) => r.attributes('data-night'))).toEqual(['2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20'])
    expect(rows[0]!.text()).toContain('Not logged')
    expect(rows[2]!.text()).toContain('Not logged')
    expect(rows[3]!.text()).toContain('7/10')
    expect(mounted.wrapper.text()).not.toContain('Tue 19 Nov') // nothing before the first entry

    await rows[3]!
      .findAll('button')
      .find((b) => b.text() === 'Delete')!
      .trigger('click')
    await flushPromises()
    expect(app.services.journal.get('2026-11-20')).toBeNull()
    expect(mounted.wrapper.find('[data-testid="journal-status"]').text()).toContain('Deleted Fri')
    const undo = mounted.wrapper.findAll('button').find((b) => b.text() === 'Undo')!
    expect(document.activeElement).toBe(undo.element)
    await undo.trigger('click')
    await flushPromises()
    expect(app.services.journal.get('2026-11-20')?.severity).toBe(7)
    expect(mounted.wrapper.find('[data-night="2026-11-20"]').text()).toContain('7/10')
  })

  it('with no entries, explains what will appear instead of a list of gaps', async () => {
    mounted = await mountWithApp(App, '/journal', onboardedApp())
    expect(mounted.wrapper.findAll('[data-night]')).toHaveLength(0)
    expect(mounted.wrapper.text()).toContain('Your nights will be listed here')
  })

  it('custom factors can be added and then answered in the form', async () => {
    const app = onboardedApp()
    mounted = await mountWithApp(App, '/journal', app)
    await mounted.wrapper.find('input[placeholder="For example: Late dinner"]').setValue('Late dinner')
    await mounted.wrapper.find('form.factors__add').trigger('submit')
    await flushPromises()
    expect(app.services.journal.factors()).toMatchObject([{ label: 'Late dinner', kind: 'yesno', archived: false }])
    const box = mounted.wrapper.findAll('form.entry-form label.choice').find((l) => l.text() === 'Late dinner')!
    await box.find('input').setValue(true)
    await mounted.wrapper.find('input[aria-label="1, Barely there"]').setValue(true)
    await submit(mounted)
    const factorId = app.services.journal.factors()[0]!.id
    expect(app.services.journal.get('2026-11-23')?.custom).toEqual([{ factorId, value: 1 }])
  })
})

describe('Today tile', () => {
  it('shows last night big, with the 14-night trend in words', async () => {
    const app = onboardedApp()
    app.services.journal.create(night('2026-11-23', { severity: 3 }))
    app.services.journal.create(night('2026-11-18', { severity: 8 }))
    mounted = await mountWithApp(App, '/today', app)
    const tile = mounted.wrapper.find('[data-testid="last-night-tile"]')
    expect(tile.find('[data-testid="last-night-severity"]').text()).toBe('3')
    expect(tile.text()).toContain('6 h 50 min asleep')
    expect(tile.text()).toContain('80.4% sleep efficiency')
    expect(tile.find('[data-testid="last-night-trend"]').text()).toBe(
      'Last 14 nights: average severity 5.5 (2 nights logged). Highest 8 on Wed 18 Nov.'
    )
    expect(tile.findAll('rect')).toHaveLength(14)
  })

  it('says "Not logged yet" calmly when last night has no entry', async () => {
    mounted = await mountWithApp(App, '/today', onboardedApp())
    const tile = mounted.wrapper.find('[data-testid="last-night-tile"]')
    expect(tile.text()).toContain('Not logged yet')
    expect(tile.find('a').text()).toBe('Log last night')
  })
})
