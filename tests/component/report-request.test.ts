import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { useTransport } from '../../src/renderer/src/api'
import ReportView from '../../src/renderer/src/features/report/ReportView.vue'
import { reportPeriod, startReport, takeReport } from '../../src/renderer/src/features/report/report-request'
import { createAppRouter } from '../../src/renderer/src/router'
import type { Api, Channel } from '../../src/shared/contract'
import { addDays, localDate, monthsEndingOn } from '../../src/shared/domain/calendar'
import { startTestApp, type TestApp } from '../support/app'
import { night } from '../support/journal'

/**
 * The report's data is asked for by the route, as navigation starts, so it
 * travels while the view's code loads; the view takes that answer instead of
 * asking again.
 */
let app: TestApp | undefined
let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  app?.close()
  app = undefined
})

// The page reads today from the real clock, so the services do too: dates are relative to it.
const lastNight = addDays(localDate(), -1)
const from = addDays(lastNight, -13)

/** The real app behind a transport that records report.get calls and can hold their answers back. */
function recordingApp(): { app: TestApp; reportCalls: unknown[]; hold: () => () => void } {
  const started = startTestApp()
  started.services.settings.completeOnboarding({
    profile: { name: 'Jo', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:15' },
    disclaimerAccepted: true
  })
  for (let i = 0; i < 14; i++) started.services.journal.create(night(addDays(from, i), { severity: 5 }))
  const reportCalls: unknown[] = []
  let gate: Promise<void> | null = null
  const invoke = (async (channel: Channel, ...input: unknown[]) => {
    if (channel === 'report.get') {
      reportCalls.push(input[0])
      if (gate) await gate
    }
    return (started.transport.invoke as (channel: Channel, ...input: unknown[]) => Promise<unknown>)(channel, ...input)
  }) as Api['invoke']
  useTransport({ invoke, on: started.transport.on })
  return {
    app: started,
    reportCalls,
    hold: () => {
      let release!: () => void
      gate = new Promise((resolve) => (release = resolve))
      return () => {
        gate = null
        release()
      }
    }
  }
}

describe('the report request started by the route', () => {
  it('asks for the report as navigation starts, without waiting for the answer, and the view shows that answer without asking again', async () => {
    const recording = recordingApp()
    app = recording.app
    const release = recording.hold()
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = createAppRouter()

    // Navigation completes (the view's code is loaded) while the answer is still held back.
    await router.push(`/report?from=${from}&to=${lastNight}`)
    expect(router.currentRoute.value.name).toBe('report')
    expect(recording.reportCalls).toEqual([{ from, to: lastNight }])

    wrapper = mount(ReportView, { global: { plugins: [pinia, router] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.text()).toContain('Preparing the report')
    release()
    await flushPromises()
    expect(wrapper.find('.report-page__meta').text()).toContain('14 of')
    expect(recording.reportCalls).toHaveLength(1)

    // Asking again from the page is a new request.
    await wrapper.find('form.report__period').trigger('submit')
    await flushPromises()
    expect(recording.reportCalls).toHaveLength(2)
  })

  it('opens on the last three months up to last night when the address names no period', () => {
    expect(reportPeriod({})).toEqual({ from: monthsEndingOn(lastNight, 3), to: lastNight })
    expect(reportPeriod({ from: '2026-01-05', to: 'soon' })).toEqual({ from: '2026-01-05', to: lastNight })
  })

  it('hands a waiting answer only to the same period, and only once', async () => {
    const recording = recordingApp()
    app = recording.app
    startReport({ from, to: lastNight })
    expect(recording.reportCalls).toHaveLength(1)
    // Another period: a request of its own; the waiting one is dropped, not kept for later.
    const other = await takeReport({ from: addDays(from, 7), to: lastNight })
    expect(other.nightsInRange).toBe(7)
    expect(recording.reportCalls).toHaveLength(2)
    expect((await takeReport({ from, to: lastNight })).nightsInRange).toBe(14)
    expect(recording.reportCalls).toHaveLength(3)

    startReport({ from, to: lastNight })
    expect((await takeReport({ from, to: lastNight })).nightsInRange).toBe(14)
    expect(recording.reportCalls).toHaveLength(4)
    await takeReport({ from, to: lastNight })
    expect(recording.reportCalls).toHaveLength(5)
  })
})
