import { describe, expect, it } from 'vitest'
import { bedtimeOfWeekday, defaultReminderPrefs, toScheduleSettings, wallTimeMinus } from '../../../src/shared/domain/reminder-prefs'
import { DEFAULT_REMINDER_SETTINGS } from '../../../src/shared/domain/schedule'

describe('reminder prefs', () => {
  it('default to every evening at the usual bedtime, 45 minutes of wind-down, sound on', () => {
    const prefs = defaultReminderPrefs('23:15')
    expect(prefs).toMatchObject({ enabled: true, sameEveryEvening: true, leadMinutes: 45, sound: true, lightsOut: false })
    expect(prefs.evenings).toEqual(Array(7).fill({ on: true, bedtime: '23:15' }))
  })

  it('follow the usual bedtime while the same every evening, and their own times otherwise', () => {
    const prefs = defaultReminderPrefs('22:30')
    prefs.evenings[5] = { on: true, bedtime: '00:30' }
    prefs.evenings[6] = { on: false, bedtime: '23:00' }
    expect(toScheduleSettings(prefs, '21:00').bedtimes).toEqual({
      1: '21:00',
      2: '21:00',
      3: '21:00',
      4: '21:00',
      5: '21:00',
      6: '21:00',
      7: null
    })
    expect(toScheduleSettings({ ...prefs, sameEveryEvening: false }, '21:00').bedtimes).toEqual({
      1: '22:30',
      2: '22:30',
      3: '22:30',
      4: '22:30',
      5: '22:30',
      6: '00:30',
      7: null
    })
    expect(bedtimeOfWeekday({ ...prefs, sameEveryEvening: false }, '21:00', 6)).toBe('00:30')
    expect(bedtimeOfWeekday(prefs, '21:00', 7)).toBeNull()
  })

  it('are inactive until first run is done, and keep the scheduler’s grace', () => {
    const prefs = defaultReminderPrefs()
    expect(toScheduleSettings(prefs, '22:30', false).enabled).toBe(false)
    expect(toScheduleSettings(prefs, '22:30').graceMinutes).toBe(DEFAULT_REMINDER_SETTINGS.graceMinutes)
  })

  it('subtract the lead on the wall clock, across midnight', () => {
    expect(wallTimeMinus('22:30', 45)).toBe('21:45')
    expect(wallTimeMinus('00:30', 45)).toBe('23:45')
    expect(wallTimeMinus('00:00', 0)).toBe('00:00')
  })
})
