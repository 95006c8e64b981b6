// Dates and clock times follow the user's locale: a 12-hour locale reads the
// same stored bedtime and night differently from a 24-hour one.
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import TodayView from '../../src/renderer/src/features/today/TodayView.vue'
import { formatNight } from '../../src/renderer/src/features/journal/format'
import { setDisplayLocale } from '../../src/shared/domain/calendar'
import { startTestApp } from '../support/app'
import { mountWithApp, type Mounted } from './mount'

let mounted: Mounted | undefined
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted?.app.close()
  mounted = undefined
  setDisplayLocale('en-GB')
})

async function todayBedtime(locale: string): Promise<string> {
  setDisplayLocale(locale)
  const app = startTestApp()
  app.services.settings.completeOnboarding({
    profile: { name: 'Jo', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:30' },
    disclaimerAccepted: true
  })
  mounted = await mountWithApp(TodayView, '/today', app)
  await flushPromises()
  const text = mounted.wrapper.get('[data-testid="today-bedtime"]').text()
  mounted.wrapper.unmount()
  mounted.app.close()
  mounted = undefined
  return text
}

describe('the user’s locale', () => {
  it('writes the usual bedtime 24-hour or 12-hour as the locale does', async () => {
    expect(await todayBedtime('en-GB')).toBe('22:30')
    expect(await todayBedtime('de-DE')).toBe('22:30')
    expect(await todayBedtime('en-US')).toMatch(/^10:30\sPM$/)
  })

  it('writes a night in the locale’s own order and words', () => {
    setDisplayLocale('en-GB')
    expect(formatNight('2026-11-23')).toMatch(/^Mon,? 23 Nov 2026$/)
    setDisplayLocale('en-US')
    expect(formatNight('2026-11-23')).toBe('Mon, Nov 23, 2026')
    setDisplayLocale('de-DE')
    expect(formatNight('2026-11-23')).toBe('Mo., 23. Nov. 2026')
  })
})
