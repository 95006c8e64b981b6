import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, onMounted } from 'vue'
import App from '../../src/renderer/src/App.vue'
import { addDays } from '../../src/shared/domain/journal'
import { startTestApp, type TestApp } from '../support/app'
import { fixedClock, night } from '../support/journal'
import { mountWithApp, type Mounted } from './mount'

// jsdom has no canvas: the chart is replaced by a stand-in that reports it has drawn. Real drawing is checked in Playwright.
vi.mock('../../src/renderer/src/components/charts/BaseChart.vue', () => ({
  default: defineComponent({
    props: { labels: { type: Array, required: true }, description: { type: String, required: true } },
    emits: ['drawn'],
    setup(props, { emit }) {
      onMounted(() => emit('drawn'))
      return () =>
        h('div', {
          'data-testid': 'chart-stub',
          'data-points': String((props.labels as string[]).length),
          'aria-label': props.description as string
        })
    }
  })
}))

let mounted: Mounted | undefined
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted?.app.close()
  mounted = undefined
})

function onboardedApp(): TestApp {
  const app = startTestApp(undefined, { clock: fixedClock('2026-11-24T08:00:00Z') })
  app.services.settings.completeOnboarding({
    profile: { name: 'Jo', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:15' },
    disclaimerAccepted: true
  })
  return app
}

function card(m: Mounted, testid: string) {
  return m.wrapper.find(`[data-testid="${testid}"]`)
}

/** The cards below the Severity chart mount after the first screen has been drawn and painted: waits for them. */
async function cardsBelow(m: Mounted): Promise<void> {
  await vi.waitFor(() => expect(m.wrapper.find('section.insights').attributes('data-drawn')).toBe('true'))
  await flushPromises()
}

/** Records the channels the page calls, in order. */
function recordCalls(app: TestApp): string[] {
  const channels: string[] = []
  const invoke = app.transport.invoke.bind(app.transport)
  app.transport.invoke = ((channel: string, ...input: unknown[]) => {
    channels.push(channel)
    return (invoke as (channel: string, ...input: unknown[]) => unknown)(channel, ...input)
  }) as typeof app.transport.invoke
  return channels
}

describe('Insights', () => {
  it('with no nights, explains what will appear and how to start', async () => {
    mounted = await mountWithApp(App, '/insights', onboardedApp())
    expect(mounted.wrapper.text()).toContain('Your charts will appear here')
    expect(mounted.wrapper.find('a.button').text()).toBe('Log last night')
    expect(mounted.wrapper.findAll('[data-testid="chart-stub"]')).toHaveLength(0)
  })

  it('summarises two weeks in words and shows the numbers in a real table on request', async () => {
    const app = onboardedApp()
    app.services.journal.create(night('2026-11-23', { severity: 6 }))
    app.services.journal.create(night('2026-11-21', { severity: 2 }))
    mounted = await mountWithApp(App, '/insights?range=2w', app)
    expect(mounted.wrapper.find('[data-testid="insights-status"]').text()).toContain('2 of 14 nights logged')
    const severity = card(mounted, 'chart-severity')
    expect(severity.find('[data-role="summary"]').text()).toContain('Average severity 4 out of 10.')
    expect(severity.find('[data-testid="chart-stub"]').attributes('data-points')).toBe('14')

    const toggle = severity.find('button[aria-expanded]')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    const rows = severity.findAll('tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()))
    expect(rows).toHaveLength(14)
    // Newest first: the nights logged lead, the empty start of the range comes last.
    expect(rows[0]).toEqual(['Mon, 23 Nov 2026', '6', '4'])
    expect(rows[1]).toEqual(['Sun, 22 Nov 2026', 'Not logged', '2'])
    expect(rows[2]).toEqual(['Sat, 21 Nov 2026', '2', '2'])
    expect(rows.at(-1)).toEqual(['Tue, 10 Nov 2026', 'Not logged', '—'])
  })

  it('for a new user, opens on the smallest range that holds every night, and tables lead with the newest night', async () => {
    const app = onboardedApp()
    for (const [date, severity] of [
      ['2026-11-21', 3],
      ['2026-11-22', 5],
      ['2026-11-23', 6]
    ] as const) {
      app.services.journal.create(night(date, { severity }))
    }
    mounted = await mountWithApp(App, '/insights', app)
    const checked = mounted.wrapper.find('input[name="insights-range"]:checked').element as HTMLInputElement
    expect(checked.value).toBe('2w')
    expect(mounted.wrapper.find('[data-testid="insights-status"]').text()).toContain('3 of 14 nights logged')
    const severity = card(mounted, 'chart-severity')
    expect(severity.find('[data-testid="chart-stub"]').attributes('data-points')).toBe('14')
    await severity.find('button[aria-expanded]').trigger('click')
    const first = severity
      .findAll('tbody tr')
      .slice(0, 3)
      .map((r) => r.find('th').text())
    expect(first).toEqual(['Mon, 23 Nov 2026', 'Sun, 22 Nov 2026', 'Sat, 21 Nov 2026'])
  })

  it('a first night further back picks the next range up, as small as still holds it', async () => {
    const app = onboardedApp()
    app.services.journal.create(night('2026-10-01', { severity: 4 }))
    app.services.journal.create(night('2026-11-23', { severity: 6 }))
    mounted = await mountWithApp(App, '/insights', app)
    expect((mounted.wrapper.find('input[name="insights-range"]:checked').element as HTMLInputElement).value).toBe('3m')
  })

  it('marks the first screen drawn (the bench waits for it) before the cards below mount and ask for their data', async () => {
    performance.clearMarks('stillwell:insights-drawn')
    const app = onboardedApp()
    app.services.journal.create(night('2026-11-23', { severity: 6 }))
    const channels = recordCalls(app)
    mounted = await mountWithApp(App, '/insights?range=all', app)
    expect(performance.getEntriesByName('stillwell:insights-drawn')).toHaveLength(1)
    expect(card(mounted, 'chart-severity').exists()).toBe(true)
    // The router asked for the range once; the view shared that request rather than asking again.
    expect(channels.filter((c) => c === 'insights.get')).toHaveLength(1)
    expect(card(mounted, 'irls').exists()).toBe(false)
    expect(channels).not.toContain('timing.get')
    expect(channels).not.toContain('irls.list')
    expect(mounted.wrapper.find('section.insights').attributes('data-drawn')).toBeUndefined()

    await cardsBelow(mounted)
    expect(card(mounted, 'irls').exists()).toBe(true)
    expect(card(mounted, 'chart-heatmap').exists()).toBe(true)
    expect(channels).toEqual(expect.arrayContaining(['timing.get', 'irls.list', 'sleepImport.compare']))
    expect(performance.getEntriesByName('stillwell:insights-drawn')).toHaveLength(1)
  })

  it('says "not enough data yet" below five nights a side, and compares once there are enough', async () => {
    const app = onboardedApp()
    for (let i = 0; i < 5; i++) app.services.journal.create(night(addDays('2026-11-01', i), { severity: 7, factors: { alcoholDrinks: 1 } }))
    for (let i = 0; i < 4; i++) app.services.journal.create(night(addDays('2026-11-10', i), { severity: 3 }))
    mounted = await mountWithApp(App, '/insights?range=3m', app)
    await cardsBelow(mounted)
    const alcohol = card(mounted, 'factor-comparison').find('[data-factor="alcohol"]')
    expect(alcohol.text()).toContain('Not enough data yet: 5 nights with any alcohol and 4 without (5 of each are needed).')

    app.services.journal.create(night('2026-11-20', { severity: 3 }))
    await mounted.wrapper.find('input[value="1y"]').setValue(true)
    await flushPromises()
    const after = card(mounted, 'factor-comparison').find('[data-factor="alcohol"]')
    expect(after.text()).toContain('On the 5 nights with any alcohol, severity averaged 7.0, compared with 3.0 on the 5 nights without.')
    expect(after.text()).toContain('not proof of a cause')
  })

  it('a custom range is checked next to its fields before anything is asked', async () => {
    const app = onboardedApp()
    app.services.journal.create(night('2026-11-23', { severity: 6 }))
    mounted = await mountWithApp(App, '/insights', app)
    await mounted.wrapper.find('input[value="custom"]').setValue(true)
    await mounted.wrapper.find('#insights-from').setValue('2026-11-20')
    await mounted.wrapper.find('#insights-to').setValue('2026-11-01')
    await mounted.wrapper.find('form.insights__range').trigger('submit')
    await flushPromises()
    expect(mounted.wrapper.find('#insights-from').attributes('aria-invalid')).toBe('true')
    expect(mounted.wrapper.find('#insights-from-error').text()).toBe('The first night must be on or before the last night.')
    await mounted.wrapper.find('#insights-to').setValue('2026-11-23')
    await mounted.wrapper.find('form.insights__range').trigger('submit')
    await flushPromises()
    expect(mounted.wrapper.find('[data-testid="insights-status"]').text()).toContain('1 of 4 nights logged')
  })

  it('shows magnesium against the profile target and says when no meals were planned', async () => {
    const app = onboardedApp()
    app.services.journal.create(night('2026-11-23', { factors: { magnesiumMg: 400, magnesiumForm: 'citrate' } }))
    mounted = await mountWithApp(App, '/insights?range=2w', app)
    await cardsBelow(mounted)
    const summary = card(mounted, 'chart-magnesium').find('[data-role="summary"]').text()
    expect(summary).toContain('Your daily magnesium target is 320 mg (Females 31–50 years')
    expect(summary).toContain('You logged a supplement on 1 of 1 nights; across all logged nights that is 400 mg a night on average.')
    expect(summary).toContain('No meals were planned in this range')
    expect(summary).toContain('On 1 night supplements were above 350 mg')
    // The target is for food and supplements together, mainly from food; the upper limit is for supplements alone.
    expect(summary).toContain('It counts food and supplements together, and is mainly met from food.')
    expect(summary).toContain('Supplements have their own upper limit of 350 mg a day (food does not count towards it)')
    const chart = card(mounted, 'chart-magnesium')
    await chart.find('button[aria-expanded]').trigger('click')
    const headers = chart.findAll('thead th').map((th) => th.text())
    expect(headers).toEqual(['Night', 'From supplements (mg)', 'Daily target, all sources (mg)', 'Supplement upper limit (mg)'])
  })

  it('lists the numbers behind the onset, body-area, sleep and calendar cards newest first', async () => {
    const app = onboardedApp()
    app.services.journal.create(night('2026-11-23', { symptomStart: '21:00', bodyAreas: ['legs', 'arms'] }))
    app.services.journal.create(night('2026-11-21', { symptomStart: '22:00' }))
    mounted = await mountWithApp(App, '/insights?range=2w', app)
    await cardsBelow(mounted)
    const table = async (testid: string): Promise<string[][]> => {
      const found = card(mounted!, testid)
      await found.find('button[aria-expanded]').trigger('click')
      return found.findAll('tr').map((r) => r.findAll('th, td').map((c) => c.text()))
    }

    const onset = await table('chart-onset')
    expect(onset[0]).toEqual(['Week of', 'Usual start', 'Middle half of nights', 'Nights with a start time', 'Medication events'])
    expect(onset[1]).toEqual(['Tue, 17 Nov 2026', '21:30', '21:15–21:45', '2', '—'])
    expect(onset.at(-1)).toEqual(['Tue, 10 Nov 2026', '—', '—', '0', '—'])

    const areas = await table('chart-areas')
    expect(areas.slice(0, 3)).toEqual([
      ['Week of', 'Nights logged', 'Arms or elsewhere'],
      ['Tue, 17 Nov 2026', '2', '1'],
      ['Tue, 10 Nov 2026', '0', '0']
    ])

    const sleep = await table('chart-sleep')
    expect(sleep[0]).toEqual(['Night', 'Total sleep', 'Sleep efficiency'])
    expect(sleep[2]).toEqual(['Sun, 22 Nov 2026', 'Not logged', 'Not logged'])

    const calendar = await table('chart-heatmap')
    expect(calendar.slice(0, 3)).toEqual([
      ['Night', 'Severity'],
      ['Mon, 23 Nov 2026', '4'],
      ['Sun, 22 Nov 2026', 'Not logged']
    ])
    // Numbers are right-aligned in every table, headings and cells alike; the first column is the row's own heading.
    expect(card(mounted, 'chart-onset').find('thead th.num').text()).toBe('Usual start')
    expect(card(mounted, 'chart-onset').find('tbody th').attributes('scope')).toBe('row')
  })
})
