import { afterEach, describe, expect, it } from 'vitest'
import { setDisplayLocale } from '../../../src/shared/domain/calendar'
import { defaultReminderSettings, describeSchedule, labelInstant } from '../../../src/shared/domain/schedule'
import { eveningName, reminderNotification } from '../../../src/main/services/wind-down/wording'

// The main process writes reminder times and weekdays in the system's locale (the shell passes it in),
// as the page does in the user's: a British system reads 21:45, an American one 9:45 PM.

const ZONE = 'Europe/London'
// Tuesday 13 January 2026, 10:00 in London; the reminder is due at 21:45 that evening.
const NOW = Date.parse('2026-01-13T10:00:00Z')
const DUE = Date.parse('2026-01-13T21:45:00Z')

afterEach(() => setDisplayLocale('en-GB'))

function windDown(bedtime: string): string {
  return reminderNotification({ kind: 'lights-out', eveningDate: '2026-01-13', dueMs: DUE }, 0, DUE, {
    bedtime,
    firstOpenStep: () => null,
    silent: false
  }).body
}

describe('reminder wording in the system locale', () => {
  it('writes a 24-hour clock for en-GB', () => {
    setDisplayLocale('en-GB')
    expect(labelInstant(ZONE, DUE, NOW)).toEqual({ day: 'Tonight', time: '21:45', text: 'Tonight 21:45' })
    expect(labelInstant(ZONE, DUE + 2 * 86_400_000, NOW).text).toBe('Thu 21:45')
    expect(describeSchedule(defaultReminderSettings())).toBe('Wind-down reminder at 21:45 every evening')
    expect(windDown('22:30')).toBe('It is 22:30, your bedtime. Sleep well.')
    expect(eveningName('2026-01-15', '2026-01-13')).toBe('Thursday evening')
  })

  it('writes a 12-hour clock for en-US, keeping the wording and the stored time', () => {
    setDisplayLocale('en-US')
    expect(labelInstant(ZONE, DUE, NOW)).toEqual({ day: 'Tonight', time: '21:45', text: 'Tonight 9:45 PM' })
    expect(labelInstant(ZONE, DUE + 2 * 86_400_000, NOW).text).toBe('Thu 9:45 PM')
    expect(describeSchedule(defaultReminderSettings())).toBe('Wind-down reminder at 9:45 PM every evening')
    expect(windDown('22:30')).toBe('It is 10:30 PM, your bedtime. Sleep well.')
  })

  it('names weekdays in the locale’s language', () => {
    setDisplayLocale('de-DE')
    // ICU versions differ on the abbreviation's full stop.
    expect(labelInstant(ZONE, DUE + 2 * 86_400_000, NOW).text).toMatch(/^Do\.? 21:45$/)
    expect(eveningName('2026-01-15', '2026-01-13')).toBe('Donnerstag evening')
  })
})
