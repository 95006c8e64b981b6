import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, onMounted } from 'vue'
import App from '../../src/renderer/src/App.vue'
import { addDays } from '../../src/shared/domain/journal'
import { startTestApp, type TestApp } from '../support/app'
import { fixedClock, night } from '../support/journal'
import { readImport, uploadBytes } from '../support/sleep-import'
import { zoneChoices } from '../../src/renderer/src/features/sleep-import/zone-choices'
import { mountWithApp, type Mounted } from './mount'

// jsdom has no canvas: a stand-in chart reports how many points it was given. Real drawing is checked in Playwright.
vi.mock('../../src/renderer/src/components/charts/BaseChart.vue', () => ({
  default: defineComponent({
    props: { labels: { type: Array, required: true }, description: { type: String, required: true } },
    emits: ['drawn'],
    setup(props, { emit }) {
      onMounted(() => emit('drawn'))
      return () => h('div', { 'data-testid': 'chart-stub', 'data-points': String((props.labels as string[]).length) })
    }
  })
}))

let mounted: Mounted | undefined
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted?.app.close()
  mounted = undefined
})

/** Insights mounts the cards below the Severity chart (this one among them) after its first screen is drawn and painted. */
async function cardsBelow(m: Mounted): Promise<void> {
  await vi.waitFor(() => expect(m.wrapper.find('section.insights').attributes('data-drawn')).toBe('true'))
  await flushPromises()
}

function onboardedApp(zone = 'Europe/Berlin'): TestApp {
  const app = startTestApp(undefined, { clock: fixedClock('2024-12-01T08:00:00Z', zone) })
  app.services.settings.completeOnboarding({
    profile: { name: 'Jo', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:15' },
    disclaimerAccepted: true
  })
  return app
}

/** A Fitbit file with one night a day from `first`, each in bed 23:00 → 06:30 and awake for its first half hour: 7 h asleep. */
function fitbitNights(first: string, count: number): Buffer {
  return Buffer.from(
    JSON.stringify(
      Array.from({ length: count }, (_, i) => {
        const day = addDays(first, i)
        return {
          logId: i + 1,
          startTime: `${day}T23:00:00.000`,
          endTime: `${addDays(day, 1)}T06:30:00.000`,
          mainSleep: true,
          levels: { data: [{ dateTime: `${day}T23:00:00.000`, level: 'wake', seconds: 1800 }] }
        }
      })
    )
  )
}

async function importNights(app: TestApp, first: string, count: number): Promise<void> {
  const fileId = await uploadBytes(app, 'sleep.json', fitbitNights(first, count))
  const { jobId } = await readImport(app, fileId, 'fitbit', 'Europe/Berlin')
  const applied = await app.invoke('sleepImport.apply', { jobId, useDevice: [] })
  if (!applied.ok) throw new Error(applied.error.message)
}

describe('Insights: diary and device', () => {
  it('shows no device card until something is imported', async () => {
    const app = onboardedApp()
    app.services.journal.create(night('2024-11-20'))
    mounted = await mountWithApp(App, '/insights?range=2w', app)
    await cardsBelow(mounted)
    expect(mounted.wrapper.find('[data-testid="irls"]').exists()).toBe(true)
    expect(mounted.wrapper.find('[data-testid="chart-diary-device"]').exists()).toBe(false)
  })

  it('compares night by night over two weeks, with the difference in the table', async () => {
    const app = onboardedApp()
    app.services.journal.create(
      night('2024-11-25', { sleep: { triedToSleep: '23:00', latencyMinutes: 0, wasoMinutes: 0, finalWake: '07:00' } })
    )
    await importNights(app, '2024-11-20', 10)
    mounted = await mountWithApp(App, '/insights?range=2w', app)
    await cardsBelow(mounted)
    const card = mounted.wrapper.find('[data-testid="chart-diary-device"]')
    expect(card.text()).toContain('10 nights have device sleep in this range (Fitbit)')
    expect(card.text()).toContain(
      "On the night with both, your diary's total sleep was on average 1 h 00 min more than the device measured"
    )
    expect(card.find('[data-testid="chart-stub"]').attributes('data-points')).toBe('10')
    await card.find('button[aria-expanded]').trigger('click')
    expect(card.find('table').text()).toContain('1 h 00 min')
  })

  it('averages by month over a long range, keeping every night in the table', async () => {
    const app = onboardedApp()
    app.services.journal.create(night('2024-06-10'))
    await importNights(app, '2024-01-01', 300)
    mounted = await mountWithApp(App, '/insights?range=1y', app)
    await cardsBelow(mounted)
    const card = mounted.wrapper.find('[data-testid="chart-diary-device"]')
    expect(card.text()).toContain('The chart shows monthly means')
    expect(Number(card.find('[data-testid="chart-stub"]').attributes('data-points'))).toBeLessThanOrEqual(11)
  })

  it('shows the device card even in a range with no diary nights', async () => {
    const app = onboardedApp()
    await importNights(app, '2024-11-20', 10)
    mounted = await mountWithApp(App, '/insights?range=2w', app)
    await flushPromises()
    expect(mounted.wrapper.text()).toContain('Your charts will appear here')
    const card = mounted.wrapper.find('[data-testid="chart-diary-device"]')
    expect(card.text()).toContain('None of them is also in your diary yet')
  })
})

describe('Import sleep: the time zone', () => {
  it('starts on the computer’s own zone, even one the browser’s zone list leaves out such as UTC', async () => {
    expect(zoneChoices('UTC', ['Europe/Berlin', 'Pacific/Auckland'])).toEqual(['Europe/Berlin', 'Pacific/Auckland', 'UTC'])
    expect(zoneChoices('Asia/Calcutta', ['Asia/Dubai', 'Asia/Kolkata'])).toEqual(['Asia/Calcutta', 'Asia/Dubai', 'Asia/Kolkata'])
    expect(zoneChoices('Europe/Berlin', ['Europe/Berlin', 'UTC'])).toEqual(['Europe/Berlin', 'UTC'])

    // A computer set to UTC: the choice starts there, not blank.
    mounted = await mountWithApp(App, '/sleep-import', onboardedApp('UTC'))
    await flushPromises()
    const select = mounted.wrapper.get<HTMLSelectElement>('#import-zone')
    expect(select.findAll('option').map((o) => o.element.value)).toContain('UTC')
    expect(select.element.value).toBe('UTC')
  })
})
