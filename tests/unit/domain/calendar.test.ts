import { afterEach, describe, expect, it } from 'vitest'
import { addDays, addMinutesToWallTime, daysBetween, formatClock, formatDate, monthsEndingOn, setDisplayLocale } from '../../../src/shared/domain/calendar'
import { dateInZone, eveningInZone, instantOfWall, isKnownZone, zoneFor } from '../../../src/shared/domain/calendar-zones'
import { DateTime } from 'luxon'

afterEach(() => setDisplayLocale(undefined))

/** The last day of every month from 2023 to 2028 (2024 and 2028 are leap years). */
function monthEnds(): string[] {
  const ends: string[] = []
  for (let year = 2023; year <= 2028; year++) {
    for (let month = 1; month <= 12; month++) {
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
      ends.push(`${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`)
    }
  }
  return ends
}

const firstOfMonthsBack = (end: string, monthsBack: number): string => {
  const [y, m] = end.split('-').map(Number) as [number, number]
  const first = new Date(Date.UTC(y, m - 1 - monthsBack, 1))
  return first.toISOString().slice(0, 10)
}

// Spring and autumn changes in Europe/Berlin and America/New_York, 2024–2026.
const DST_DAYS = [
  ['Europe/Berlin', '2024-03-31'],
  ['Europe/Berlin', '2024-10-27'],
  ['Europe/Berlin', '2026-03-29'],
  ['Europe/Berlin', '2026-10-25'],
  ['America/New_York', '2024-03-10'],
  ['America/New_York', '2024-11-03'],
  ['America/New_York', '2026-03-08'],
  ['America/New_York', '2026-11-01']
] as const

describe('a period of whole months ending on a day (the report and Insights ranges)', () => {
  it('ending on 31 March, "last month" is 1–31 March (not 4–31 March)', () => {
    expect(monthsEndingOn('2026-03-31', 1)).toBe('2026-03-01')
  })

  it.each(monthEnds())('ending on the month end %s, covers whole calendar months', (end) => {
    expect(monthsEndingOn(end, 1)).toBe(firstOfMonthsBack(end, 0))
    expect(monthsEndingOn(end, 3)).toBe(firstOfMonthsBack(end, 2))
    expect(monthsEndingOn(end, 6)).toBe(firstOfMonthsBack(end, 5))
    expect(monthsEndingOn(end, 12)).toBe(firstOfMonthsBack(end, 11))
  })

  it('handles leap days as an end and as a start', () => {
    expect(monthsEndingOn('2024-02-29', 1)).toBe('2024-02-01')
    expect(monthsEndingOn('2024-02-28', 1)).toBe('2024-01-29')
    expect(monthsEndingOn('2025-02-28', 12)).toBe('2024-03-01')
    expect(monthsEndingOn('2024-03-28', 1)).toBe('2024-02-29')
  })

  it('within a month, starts on the day after the same date that many months back', () => {
    expect(monthsEndingOn('2026-11-23', 3)).toBe('2026-08-24')
    expect(monthsEndingOn('2026-11-23', 12)).toBe('2025-11-24')
    // No 30 February: the day after 30 March is 31 March, one month back is the end of February.
    expect(monthsEndingOn('2026-03-30', 1)).toBe('2026-02-28')
  })

  it('agrees with luxon month arithmetic (kept to the month end) on every day of 2023–2028', () => {
    for (let day = '2023-01-01'; day < '2029-01-01'; day = addDays(day, 1)) {
      for (const months of [1, 3, 6, 12, 25]) {
        const luxon = DateTime.fromISO(addDays(day, 1), { zone: 'utc' }).minus({ months }).toISODate()
        expect(monthsEndingOn(day, months), `${months} months ending on ${day}`).toBe(luxon)
      }
    }
  })

  it.each(DST_DAYS)('on the %s change day %s, counts calendar days only', (_zone, day) => {
    expect(daysBetween(monthsEndingOn(day, 1), day)).toBeGreaterThanOrEqual(27)
    expect(addDays(addDays(day, 1), -1)).toBe(day)
    expect(daysBetween(day, addDays(day, 1))).toBe(1)
  })
})

describe('evenings run from noon to noon', () => {
  it.each(DST_DAYS)('in %s on %s, the evening turns over at local noon and the date at local midnight', (zone, day) => {
    const z = zoneFor(zone)
    const wall = (date: string, hour: number, minute = 0): number => Date.parse(`${date}T00:00:00Z`) + (hour * 60 + minute) * 60_000
    const at = (date: string, hour: number, minute = 0): number => instantOfWall(z, wall(date, hour, minute))
    const next = addDays(day, 1)
    expect(eveningInZone(zone, at(day, 11, 59))).toBe(addDays(day, -1))
    expect(eveningInZone(zone, at(day, 12))).toBe(day)
    expect(eveningInZone(zone, at(next, 1, 30))).toBe(day)
    expect(eveningInZone(zone, at(next, 12))).toBe(next)
    expect(dateInZone(zone, at(day, 23, 59))).toBe(day)
    expect(dateInZone(zone, at(next, 0, 1))).toBe(next)
  })
})

describe('time zone names', () => {
  it('knows IANA zones and refuses anything else, the same way every time it is asked', () => {
    for (let round = 0; round < 2; round++) {
      expect(isKnownZone('Europe/Berlin')).toBe(true)
      expect(isKnownZone('Pacific/Chatham')).toBe(true)
      expect(isKnownZone('Mars/Olympus_Mons')).toBe(false)
      expect(isKnownZone('')).toBe(false)
    }
  })
})

describe('the daylight-saving resolver', () => {
  const berlin = zoneFor('Europe/Berlin')
  const wall = Date.parse('2026-03-29T02:30:00Z') // 02:30 on the wall: skipped in Berlin that night

  it('puts a skipped time at the jump (reminders) or moves it on by the gap (diary times)', () => {
    expect(new Date(instantOfWall(berlin, wall, 'jump')).toISOString()).toBe('2026-03-29T01:00:00.000Z') // 03:00 CEST
    expect(new Date(instantOfWall(berlin, wall, 'shift')).toISOString()).toBe('2026-03-29T01:30:00.000Z') // 03:30 CEST
  })

  it('gives a repeated time its first occurrence', () => {
    const repeated = Date.parse('2026-10-25T02:30:00Z')
    expect(new Date(instantOfWall(berlin, repeated)).toISOString()).toBe('2026-10-25T00:30:00.000Z') // 02:30 CEST
  })
})

describe('clock times', () => {
  it('adds and subtracts on the wall clock, wrapping past midnight', () => {
    expect(addMinutesToWallTime('00:15', -30)).toBe('23:45')
    expect(addMinutesToWallTime('23:50', 20)).toBe('00:10')
    expect(addMinutesToWallTime('22:30', -90)).toBe('21:00')
  })

  it('are written as the user’s locale writes them, 24-hour or 12-hour', () => {
    setDisplayLocale('en-GB')
    expect(formatClock('22:30')).toBe('22:30')
    setDisplayLocale('en-US')
    expect(formatClock('22:30')).toMatch(/^10:30\sPM$/)
    setDisplayLocale('de-DE')
    expect(formatClock('07:05')).toBe('07:05')
  })

  it('dates follow the user’s locale too', () => {
    setDisplayLocale('en-GB')
    expect(formatDate('2026-11-23', 'longDate')).toBe('23 November 2026')
    setDisplayLocale('en-US')
    expect(formatDate('2026-11-23', 'longDate')).toBe('November 23, 2026')
    setDisplayLocale('de-DE')
    expect(formatDate('2026-11-23', 'longDate')).toBe('23. November 2026')
  })
})
