import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import App from '../../src/renderer/src/App.vue'
import BedtimeCountdown from '../../src/renderer/src/features/wind-down/BedtimeCountdown.vue'
import { eveningDateAt } from '../../src/shared/domain/schedule'
import { SUGGESTED_ROUTINE } from '../../src/shared/domain/routine'
import { startTestApp, type TestApp } from '../support/app'
import { mountWithApp, type Mounted } from './mount'

let mounted: Mounted | undefined
// jsdom does not lay pages out; /settings/wind-down scrolls to its section.
beforeAll(() => {
  Element.prototype.scrollIntoView ??= vi.fn()
})
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted?.app.close()
  mounted = undefined
  vi.useRealTimers()
})

function onboardedApp(): TestApp {
  const app = startTestApp()
  app.services.settings.completeOnboarding({
    profile: { name: 'Jo', ageBand: '31-50', sex: 'male', lifeStage: 'none', bedtime: '22:30' },
    disclaimerAccepted: true
  })
  return app
}

const checkboxLabels = (m: Mounted): string[] => m.wrapper.findAll('.checklist__item').map((item) => item.text())

describe('the wind-down routine view', () => {
  it('lists the suggested steps and saves a tick for this evening', async () => {
    mounted = await mountWithApp(App, '/wind-down', onboardedApp())
    expect(mounted.wrapper.find('h1').text()).toBe('Wind-down')
    expect(checkboxLabels(mounted)).toEqual([...SUGGESTED_ROUTINE])
    await mounted.wrapper.findAll('input[type="checkbox"]')[1]!.setValue(true)
    await flushPromises()
    expect(mounted.app.services.routine.get().items[1]!.done).toBe(true)
    expect(mounted.wrapper.find('[data-testid="routine-progress"]').text()).toBe('1 of 7 done')
  })

  it('edits steps: move keeps focus on the moved step, duplicates are explained next to the field, remove says what it did', async () => {
    mounted = await mountWithApp(App, '/wind-down', onboardedApp())
    const { wrapper, app } = mounted
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Edit steps')!
      .trigger('click')

    const down = wrapper.find('button[aria-label="Move “Dim the lights and turn the screens down” down"]')
    await down.trigger('click')
    await flushPromises()
    await nextTick()
    expect(app.services.routine.get().items[1]!.label).toBe('Dim the lights and turn the screens down')
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move “Dim the lights and turn the screens down” down')
    expect(wrapper.find('[role="status"]').text()).toBe('Moved “Dim the lights and turn the screens down” to position 2 of 7.')

    const input = wrapper.find('input[placeholder^="For example"]')
    await input.setValue('Put the screens away')
    await wrapper.find('.checklist__add form').trigger('submit')
    await flushPromises()
    expect(input.attributes('aria-invalid')).toBe('true')
    const errorId = input.attributes('aria-describedby')!
    expect(wrapper.find(`#${errorId}`).text()).toBe('That step is already in your routine.')

    await wrapper.find('button[aria-label="Remove “A warm bath or shower”"]').trigger('click')
    await flushPromises()
    expect(app.services.routine.get().items.map((i) => i.label)).not.toContain('A warm bath or shower')
    expect(wrapper.find('[role="status"]').text()).toBe('Removed “A warm bath or shower”. Ticks from past evenings are kept.')
  })
})

describe('the bedtime countdown', () => {
  const bedtime = Date.parse('2026-01-15T21:30:00Z')
  const props = {
    bedtimeAt: new Date(bedtime).toISOString(),
    windDownAt: new Date(bedtime - 45 * 60_000).toISOString(),
    windDown: '21:45',
    bedtime: '22:30'
  }

  it('counts down in minutes, and speaks only at the hour, half hour, quarter hour, five minutes and bedtime', async () => {
    vi.useFakeTimers({ now: bedtime - 61 * 60_000 - 30_000 })
    const wrapper = mount(BedtimeCountdown, { props, attachTo: document.body })
    const value = (): string => wrapper.find('[data-testid="bedtime-countdown"]').text()
    const spoken = (): string => wrapper.find('[aria-live="polite"]').text()
    expect(value()).toBe('1 h 2 min')
    expect(wrapper.find('[data-testid="bedtime-countdown"]').attributes('aria-label')).toBe('1 hour 2 minutes until bedtime')
    expect(wrapper.text()).toContain('wind-down begins at 21:45')
    expect(spoken()).toBe('')

    await vi.advanceTimersByTimeAsync(60_000)
    expect(value()).toBe('1 h 1 min')
    expect(spoken()).toBe('')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(value()).toBe('1 h')
    expect(spoken()).toBe('1 hour until bedtime.')
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(value()).toBe('50 min')
    expect(spoken()).toBe('1 hour until bedtime.')
    await vi.advanceTimersByTimeAsync(20 * 60_000)
    expect(spoken()).toBe('30 minutes until bedtime.')
    expect(wrapper.text()).toContain('wind-down began at 21:45')
    await vi.advanceTimersByTimeAsync(30 * 60_000)
    expect(value()).toBe('Bedtime')
    expect(spoken()).toBe('It is bedtime, 22:30.')
    expect(wrapper.text()).toContain('Sleep well')
    wrapper.unmount()
  })

  it('says so plainly when the evening has no bedtime', () => {
    const wrapper = mount(BedtimeCountdown, { props: { bedtimeAt: null, windDownAt: null, windDown: null, bedtime: null } })
    expect(wrapper.text()).toContain('No bedtime this evening')
    wrapper.unmount()
  })
})

describe('the Today tile', () => {
  it('shows the next reminder with the schedule in words, and leads to the routine', async () => {
    mounted = await mountWithApp(App, '/today', onboardedApp())
    const tile = mounted.wrapper.find('.next-reminder')
    expect(tile.find('h2').text()).toBe('Next reminder')
    expect(tile.find('[data-testid="next-reminder-time"]').text()).toMatch(/^(Tonight|Tomorrow) 21:45$/) // the day and the time, a space apart
    expect(tile.text()).toContain('Wind-down reminder at 21:45 every evening.')
    await tile
      .findAll('a')
      .find((a) => a.text() === 'Start wind-down')!
      .trigger('click')
    await flushPromises()
    expect(mounted.router.currentRoute.value.path).toBe('/wind-down')
  })

  it('says reminders are off instead of a time', async () => {
    const app = onboardedApp()
    app.services.reminders.update({ enabled: false })
    mounted = await mountWithApp(App, '/today', app)
    expect(mounted.wrapper.find('[data-testid="next-reminder-time"]').text()).toBe('Reminders are off')
  })
})

describe('the reminder settings', () => {
  it('switch to a bedtime per evening, seeded from the usual bedtime, and say the schedule in words', async () => {
    mounted = await mountWithApp(App, '/settings/wind-down', onboardedApp())
    const section = (): ReturnType<Mounted['wrapper']['find']> => mounted!.wrapper.find('#settings-wind-down')
    expect(section().find('[data-testid="schedule-sentence"]').text()).toBe('Wind-down reminder at 21:45 every evening.')
    const radios = section().findAll('input[type="radio"]')
    await radios[1]!.setValue(true)
    await flushPromises()
    const times = section().findAll('.wind-settings__evening input[type="time"]')
    expect(times.map((t) => (t.element as HTMLInputElement).value)).toEqual(Array(7).fill('22:30'))

    await section().find('select').setValue('90')
    await flushPromises()
    expect(section().find('[data-testid="schedule-sentence"]').text()).toBe('Wind-down reminder at 21:00 every evening.')
    expect(mounted.wrapper.find('.settings__status').text()).toBe('Saved.')
  })

  it('change the usual bedtime, which the profile form then shows', async () => {
    mounted = await mountWithApp(App, '/settings/wind-down', onboardedApp())
    const field = mounted.wrapper.find('#settings-wind-down input[type="time"]')
    ;(field.element as HTMLInputElement).value = '23:10'
    await field.trigger('change')
    await flushPromises()
    expect(mounted.app.services.settings.get().profile.bedtime).toBe('23:10')
    expect((mounted.wrapper.find('#settings-profile input[type="time"]').element as HTMLInputElement).value).toBe('23:10')
    expect(mounted.wrapper.find('[data-testid="schedule-sentence"]').text()).toBe('Wind-down reminder at 22:25 every evening.')
  })

  it('offer launch at login only in the desktop app', async () => {
    const app = onboardedApp()
    mounted = await mountWithApp(App, '/settings/wind-down', app)
    expect(mounted.wrapper.text()).not.toContain('Start Stillwell when I log in')
    mounted.wrapper.unmount()

    const info = app.services.appInfo.info
    app.services.appInfo.info = () => ({ ...info(), shell: 'electron' })
    mounted = await mountWithApp(App, '/settings/wind-down', app)
    const box = mounted.wrapper.findAll('label.choice').find((l) => l.text() === 'Start Stillwell when I log in')!
    await box.find('input').setValue(true)
    await flushPromises()
    expect(app.services.settings.get().launchAtLogin).toBe(true)
  })
})

describe('reminders the system could not show', () => {
  function appWithWaitingReminder(): { app: TestApp; id: string } {
    const app = onboardedApp()
    const now = Date.now()
    const evening = eveningDateAt(app.services.reminders.status().zone, now)
    const id = `wind-down:${evening}`
    app.opened.db
      .prepare("INSERT INTO reminder_log (kind, evening_date, outcome, due_ms, handled_ms) VALUES ('wind-down', ?, 'fired', ?, ?)")
      .run(evening, now, now)
    app.services.reminders.keepForApp({
      id,
      kind: 'wind-down',
      title: 'Time to wind down',
      body: 'Bedtime is at 22:30.',
      route: '/wind-down',
      at: new Date(now).toISOString()
    })
    return { app, id }
  }

  it('appear when the window opens, and a snooze confirms when the reminder comes back', async () => {
    const { app } = appWithWaitingReminder()
    mounted = await mountWithApp(App, '/today', app)
    const toast = mounted.wrapper.find('[data-testid="in-app-notification"]')
    expect(toast.text()).toContain('Time to wind down')
    await toast
      .findAll('button')
      .find((b) => b.text() === 'Snooze 10 min')!
      .trigger('click')
    await flushPromises()
    const toasts = mounted.wrapper.findAll('[data-testid="in-app-notification"]')
    expect(toasts).toHaveLength(1)
    expect(toasts[0]!.text()).toMatch(/Snoozed for 10 minutes.*comes back at \d\d:\d\d/)
    expect(app.services.reminders.pending()).toEqual([])
    expect(app.services.reminders.status().snoozed).toHaveLength(1)
  })

  it('are gone for good once dismissed', async () => {
    const { app } = appWithWaitingReminder()
    mounted = await mountWithApp(App, '/today', app)
    await mounted.wrapper
      .find('[data-testid="in-app-notification"]')
      .findAll('button')
      .find((b) => b.text() === 'Dismiss')!
      .trigger('click')
    await flushPromises()
    expect(mounted.wrapper.find('[data-testid="in-app-notification"]').exists()).toBe(false)
    expect(app.services.reminders.pending()).toEqual([])
  })
})
