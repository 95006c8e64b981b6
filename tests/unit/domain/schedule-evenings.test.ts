import { describe, expect, it } from 'vitest'
import {
  addDaysToDate,
  defaultReminderSettings,
  describeIsoDate,
  eveningDateAt,
  isEveningScheduled,
  isIsoDate,
  isoWeekdayOfDate,
  labelInstant,
  localDateAt,
  upcomingEveningDate,
  wallTimeAt,
  type ReminderSettings
} from '../../../src/shared/domain/schedule'

const at = (iso: string): number => Date.parse(iso)
const berlin = 'Europe/Berlin'
const settings = (patch: Partial<ReminderSettings> = {}): ReminderSettings => ({ ...defaultReminderSettings(), ...patch })

describe('evenings run from noon to noon', () => {
  it.each([
    ['2026-01-15T10:59:00Z', '2026-01-14'], // 11:59 Thursday in Berlin: still Wednesday's evening
    ['2026-01-15T11:00:00Z', '2026-01-15'], // noon: Thursday's evening begins
    ['2026-01-15T22:59:00Z', '2026-01-15'], // 23:59
    ['2026-01-16T00:30:00Z', '2026-01-15'] // 01:30 Friday
  ])('at %s the evening is %s', (instant, evening) => {
    expect(eveningDateAt(berlin, at(instant))).toBe(evening)
  })

  it('follows the zone: the same instant is a different evening in Sydney', () => {
    expect(eveningDateAt('Australia/Sydney', at('2026-01-15T10:00:00Z'))).toBe('2026-01-15') // 21:00 there
    expect(localDateAt('Australia/Sydney', at('2026-01-15T14:00:00Z'))).toBe('2026-01-16')
  })

  it('reads wall times across DST', () => {
    expect(wallTimeAt(berlin, at('2026-03-29T00:59:00Z'))).toBe('01:59')
    expect(wallTimeAt(berlin, at('2026-03-29T01:00:00Z'))).toBe('03:00')
    expect(wallTimeAt(berlin, at('2026-10-25T00:30:00Z'))).toBe('02:30')
    expect(wallTimeAt(berlin, at('2026-10-25T01:30:00Z'))).toBe('02:30')
  })
})

describe('"tonight" for skipping', () => {
  it('is the current evening until its bedtime, then the next one', () => {
    const s = settings()
    expect(upcomingEveningDate(s, berlin, at('2026-01-15T20:00:00Z'))).toBe('2026-01-15') // 21:00, bedtime 22:30
    expect(upcomingEveningDate(s, berlin, at('2026-01-15T21:31:00Z'))).toBe('2026-01-16') // 22:31
    expect(upcomingEveningDate(s, berlin, at('2026-01-16T07:00:00Z'))).toBe('2026-01-16') // 08:00 next morning
  })

  it('counts an after-midnight bedtime as the same evening', () => {
    const s = settings({ bedtimes: { 1: '00:30', 2: '00:30', 3: '00:30', 4: '00:30', 5: '00:30', 6: '00:30', 7: '00:30' } })
    expect(upcomingEveningDate(s, berlin, at('2026-01-15T23:00:00Z'))).toBe('2026-01-15') // 00:00 Friday, bedtime 00:30
  })

  it('moves past an evening without a bedtime', () => {
    const s = settings({ bedtimes: { 1: '22:30', 2: '22:30', 3: '22:30', 4: null, 5: '22:30', 6: '22:30', 7: '22:30' } })
    expect(upcomingEveningDate(s, berlin, at('2026-01-15T15:00:00Z'))).toBe('2026-01-16')
  })
})

describe('whether an evening has reminders', () => {
  it('respects the switch, skips, the pause and the weekday', () => {
    expect(isEveningScheduled(settings(), '2026-01-15')).toBe(true)
    expect(isEveningScheduled(settings({ enabled: false }), '2026-01-15')).toBe(false)
    expect(isEveningScheduled(settings({ skipDates: ['2026-01-15'] }), '2026-01-15')).toBe(false)
    expect(isEveningScheduled(settings({ pausedUntil: '2026-01-15' }), '2026-01-15')).toBe(false)
    expect(isEveningScheduled(settings({ pausedUntil: '2026-01-14' }), '2026-01-15')).toBe(true)
    expect(isEveningScheduled(settings(), 'not a date')).toBe(false)
  })
})

describe('labels', () => {
  const now = at('2026-01-15T10:00:00Z') // Thursday 11:00 in Berlin
  it.each([
    ['2026-01-15T12:00:00Z', 'Today 13:00'],
    ['2026-01-15T20:45:00Z', 'Tonight 21:45'],
    ['2026-01-16T06:30:00Z', 'Tomorrow 07:30'],
    ['2026-01-19T20:45:00Z', 'Mon 21:45'],
    ['2026-01-23T20:45:00Z', 'Fri 23 Jan 21:45']
  ])('%s reads "%s"', (instant, text) => {
    expect(labelInstant(berlin, at(instant), now).text).toBe(text)
  })

  it('spells dates out and does calendar arithmetic', () => {
    expect(describeIsoDate('2026-04-04')).toBe('Sat 4 Apr 2026')
    expect(addDaysToDate('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDaysToDate('2026-01-01', -1)).toBe('2025-12-31')
    expect(addDaysToDate('2026-02-30', 1)).toBeNull()
    expect(isoWeekdayOfDate('2026-01-18')).toBe(7)
    expect([isIsoDate('2026-01-18'), isIsoDate('2026-13-01'), isIsoDate(20260118)]).toEqual([true, false, false])
  })
})
