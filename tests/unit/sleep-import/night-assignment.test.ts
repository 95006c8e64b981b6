import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import {
  assignNights,
  compareWithDiary,
  diaryFromDevice,
  eveningOf,
  type DiarySleep,
  type PeriodKind,
  type SleepPeriod
} from '../../../src/shared/domain/sleep-import'

// "Now" is fixed far after every fixture date, so nothing here depends on today.
const NOW = Date.parse('2030-06-15T12:00:00Z')

function at(local: string, zone: string): number {
  return DateTime.fromISO(local, { zone }).toMillis()
}

function period(kind: PeriodKind, from: string, to: string, zone = 'Europe/Berlin', extra: Partial<SleepPeriod> = {}): SleepPeriod {
  return { source: 'Watch', kind, start: at(from, zone), end: at(to, zone), zone, ...extra }
}

describe('evenings run noon to noon in the zone the period was recorded in', () => {
  it('puts a 01:30 start on the evening before and a 12:30 start on the same day', () => {
    expect(eveningOf(at('2024-05-11T01:30', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2024-05-10')
    expect(eveningOf(at('2024-05-11T11:59', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2024-05-10')
    expect(eveningOf(at('2024-05-11T12:30', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2024-05-11')
  })

  it('keys the same instant by the local clock of each zone', () => {
    const instant = Date.parse('2024-05-11T03:00:00Z')
    expect(eveningOf(instant, 'Europe/Berlin')).toBe('2024-05-10') // 05:00 local
    expect(eveningOf(instant, 'Asia/Tokyo')).toBe('2024-05-11') // 12:00 local
  })
})

describe('one night from many pieces', () => {
  it('merges fragments into one night and counts awakenings of 5 minutes or more and all time awake', () => {
    const { nights } = assignNights(
      [
        period('asleep', '2024-05-10T23:00', '2024-05-11T01:00'),
        period('asleep', '2024-05-11T01:30', '2024-05-11T03:00'),
        period('asleep', '2024-05-11T03:03', '2024-05-11T06:00'),
        period('inBed', '2024-05-10T22:40', '2024-05-11T06:20')
      ],
      NOW
    )
    expect(nights).toHaveLength(1)
    expect(nights[0]).toMatchObject({
      eveningDate: '2024-05-10',
      inBed: '22:40',
      fellAsleep: '23:00',
      finalWake: '06:00',
      outOfBed: '06:20',
      awakenings: 1,
      wasoMinutes: 33,
      totalSleepMinutes: 120 + 90 + 177,
      fragments: 4
    })
  })

  it('measures a night across the spring clock change in real minutes', () => {
    // Europe/Berlin, 31 March 2024: 02:00 becomes 03:00.
    const { nights } = assignNights([period('asleep', '2024-03-30T23:00', '2024-03-31T07:00')], NOW)
    expect(nights[0]).toMatchObject({ eveningDate: '2024-03-30', fellAsleep: '23:00', finalWake: '07:00', totalSleepMinutes: 7 * 60 })
  })

  it('measures a night across the autumn clock change in real minutes', () => {
    // Europe/Berlin, 27 October 2024: 03:00 becomes 02:00.
    const { nights } = assignNights([period('asleep', '2024-10-26T23:00', '2024-10-27T07:00')], NOW)
    expect(nights[0]!.totalSleepMinutes).toBe(9 * 60)
  })

  it('recognises a daytime nap and a nap the source marked, and keeps the night apart', () => {
    const { nights } = assignNights(
      [
        period('asleep', '2024-05-11T14:00', '2024-05-11T14:40'),
        period('asleep', '2024-05-11T19:30', '2024-05-11T20:15', 'Europe/Berlin', { nap: true }),
        period('asleep', '2024-05-11T23:30', '2024-05-12T07:00')
      ],
      NOW
    )
    expect(nights).toHaveLength(1)
    expect(nights[0]).toMatchObject({ eveningDate: '2024-05-11', fellAsleep: '23:30', napCount: 2, napMinutes: 85 })
  })

  it('follows a trip: each night in the zone it was recorded in', () => {
    const { nights } = assignNights(
      [
        period('asleep', '2024-05-10T23:00', '2024-05-11T07:00', 'Europe/London'),
        period('asleep', '2024-05-11T22:30', '2024-05-12T06:30', 'America/New_York')
      ],
      NOW
    )
    expect(nights.map((n) => [n.eveningDate, n.zone, n.fellAsleep, n.finalWake])).toEqual([
      ['2024-05-10', 'Europe/London', '23:00', '07:00'],
      ['2024-05-11', 'America/New_York', '22:30', '06:30']
    ])
  })

  it('uses the source that recorded the most sleep and names the others', () => {
    const { nights } = assignNights(
      [
        period('inBed', '2024-05-10T22:00', '2024-05-11T07:00', 'Europe/Berlin', { source: 'Phone' }),
        period('asleep', '2024-05-10T23:00', '2024-05-11T06:00', 'Europe/Berlin', { source: 'Watch' })
      ],
      NOW
    )
    expect(nights[0]).toMatchObject({ source: 'Watch', otherSources: ['Phone'], inBed: '23:00' })
  })

  it('skips impossible periods with a count and a reason', () => {
    const { nights, skipped } = assignNights(
      [
        period('asleep', '2024-05-11T07:00', '2024-05-10T23:00'),
        period('asleep', '2024-05-10T23:00', '2024-05-10T23:00'),
        period('asleep', '2024-05-10T20:00', '2024-05-12T07:00'),
        { ...period('asleep', '2024-05-10T23:00', '2024-05-11T07:00'), start: Date.parse('2099-01-01T22:00:00Z'), end: Date.parse('2099-01-02T06:00:00Z') },
        { ...period('asleep', '2024-05-10T23:00', '2024-05-11T07:00'), zone: 'Mars/Olympus' },
        period('asleep', '2024-05-10T23:00', '2024-05-11T07:00')
      ],
      NOW
    )
    expect(nights).toHaveLength(1)
    expect(skipped).toEqual(
      expect.arrayContaining([
        { reason: 'ended before it started or lasted no time', count: 2 },
        { reason: 'lasted more than 24 hours', count: 1 },
        { reason: 'dated in the future', count: 1 },
        { reason: 'had a time zone Stillwell does not know', count: 1 }
      ])
    )
  })
})

describe('proposals beside the diary', () => {
  const typed: DiarySleep = {
    inBed: '22:30',
    triedToSleep: '23:00',
    latencyMinutes: 20,
    awakenings: 2,
    wasoMinutes: 30,
    finalWake: '06:45',
    outOfBed: '07:00',
    napCount: 0,
    napMinutes: 0
  }

  it('agrees within 15 minutes, across midnight too, and flags what differs', () => {
    const { nights } = assignNights(
      [period('inBed', '2024-05-10T22:35', '2024-05-11T07:05'), period('asleep', '2024-05-10T23:10', '2024-05-11T05:30')],
      NOW
    )
    const comparison = compareWithDiary(nights[0]!, typed)
    expect(comparison.find((c) => c.field === 'inBed')).toMatchObject({ diary: '22:30', device: '22:35', agrees: true })
    expect(comparison.find((c) => c.field === 'fellAsleep')).toMatchObject({ diary: '23:20', device: '23:10', agrees: true })
    expect(comparison.find((c) => c.field === 'finalWake')).toMatchObject({ diary: '06:45', device: '05:30', agrees: false })
  })

  it('turns a device night into diary answers, taking lights-out as the moment in bed', () => {
    const { nights } = assignNights(
      [period('inBed', '2024-05-10T22:35', '2024-05-11T07:05'), period('asleep', '2024-05-10T23:10', '2024-05-11T06:30')],
      NOW
    )
    expect(diaryFromDevice(nights[0]!)).toEqual({
      inBed: '22:35',
      triedToSleep: '22:35',
      latencyMinutes: 35,
      awakenings: 0,
      wasoMinutes: 0,
      finalWake: '06:30',
      outOfBed: '07:05',
      napCount: 0,
      napMinutes: 0
    })
  })
})

describe('a night a source broke into "naps"', () => {
  it('joins pieces within an hour of each other into the night, even when the source called them naps', () => {
    const { nights } = assignNights(
      [
        period('inBed', '2024-05-11T00:01', '2024-05-11T01:37', 'Australia/Sydney', { nap: true }),
        period('inBed', '2024-05-11T01:39', '2024-05-11T05:17', 'Australia/Sydney'),
        period('inBed', '2024-05-11T05:38', '2024-05-11T09:07', 'Australia/Sydney', { nap: true }),
        period('inBed', '2024-05-11T15:55', '2024-05-11T16:58', 'Australia/Sydney', { nap: true })
      ],
      NOW
    )
    expect(nights.map((n) => [n.eveningDate, n.inBed, n.outOfBed, n.fragments, n.napCount])).toEqual([['2024-05-10', '00:01', '09:07', 3, 0]])
  })
})

describe('overlaps are counted, not doubled', () => {
  it('joins overlapping periods of one source and counts the periods of a source that was not used', () => {
    const { nights, skipped } = assignNights(
      [
        period('asleep', '2024-05-10T23:00', '2024-05-11T03:00'),
        period('asleep', '2024-05-11T02:00', '2024-05-11T06:00'),
        period('inBed', '2024-05-10T22:30', '2024-05-11T06:30', 'Europe/Berlin', { source: 'Phone' })
      ],
      NOW
    )
    expect(nights[0]).toMatchObject({ source: 'Watch', totalSleepMinutes: 7 * 60, wasoMinutes: 0 })
    expect(skipped).toEqual(
      expect.arrayContaining([
        { reason: 'periods that overlapped another of the same kind (joined, not counted twice)', count: 1 },
        { reason: 'periods from a second source on a night another source covered (not used)', count: 1 }
      ])
    )
  })
})
