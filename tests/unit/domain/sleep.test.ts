import { describe, expect, it } from 'vitest'
import {
  computeSleepMetrics,
  parseClockTime,
  WASO_DEFINITION,
  type SleepDiaryInput,
  type SleepMetrics,
  type SleepResult
} from '../../../src/shared/domain/sleep'

/** A typical night; each test overrides what it cares about. */
function night(overrides: Partial<SleepDiaryInput> = {}): SleepDiaryInput {
  return {
    eveningDate: '2026-01-10',
    zone: 'Europe/Berlin',
    inBed: '22:30',
    triedToSleep: '23:00',
    finalWake: '06:45',
    outOfBed: '07:00',
    latencyMinutes: 20,
    awakenings: 2,
    wasoMinutes: 35,
    ...overrides
  }
}

function metricsOf(result: SleepResult): SleepMetrics {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issues)}`)
  return result.metrics
}

function issuesOf(result: SleepResult) {
  if (result.ok) throw new Error('expected validation issues')
  return result.issues
}

describe('computeSleepMetrics — ordinary nights', () => {
  it('bedtime before midnight: 22:30 in bed to 07:00 out is 8 h 30 min in bed', () => {
    const m = metricsOf(computeSleepMetrics(night()))
    // 23:00 → 06:45 = 7 h 45 min = 465 min; minus 20 latency and 35 WASO = 410
    expect(m.timeInBedMinutes).toBe(510)
    expect(m.sleepWindowMinutes).toBe(465)
    expect(m.totalSleepMinutes).toBe(410)
    // 410 / 510 = 80.39… %
    expect(m.sleepEfficiency).toBe(80.4)
    expect(m.inBedAt).toBe('2026-01-10T22:30+01:00')
    expect(m.finalWakeAt).toBe('2026-01-11T06:45+01:00')
    expect(m.shiftedByDst).toEqual([])
  })

  it('bedtime after midnight: 00:15 belongs to the next calendar day', () => {
    const m = metricsOf(
      computeSleepMetrics(
        night({
          inBed: '00:15',
          triedToSleep: '00:40',
          finalWake: '07:10',
          outOfBed: '07:30',
          latencyMinutes: 15,
          wasoMinutes: 25
        })
      )
    )
    // 00:15 → 07:30 = 435 min; 00:40 → 07:10 = 390; 390 − 15 − 25 = 350; 350/435 = 80.46 %
    expect(m.inBedAt).toBe('2026-01-11T00:15+01:00')
    expect(m.triedToSleepAt).toBe('2026-01-11T00:40+01:00')
    expect(m.timeInBedMinutes).toBe(435)
    expect(m.totalSleepMinutes).toBe(350)
    expect(m.sleepEfficiency).toBe(80.5)
  })

  it('in bed before midnight, tried to sleep after it', () => {
    const m = metricsOf(
      computeSleepMetrics(
        night({
          inBed: '23:50',
          triedToSleep: '00:10',
          finalWake: '06:10',
          outOfBed: '06:20',
          latencyMinutes: 0,
          wasoMinutes: 0
        })
      )
    )
    // 23:50 → 06:20 = 390; 00:10 → 06:10 = 360 asleep; 360/390 = 92.3 %
    expect(m.timeInBedMinutes).toBe(390)
    expect(m.totalSleepMinutes).toBe(360)
    expect(m.sleepEfficiency).toBe(92.3)
  })

  it('an early evening bedtime (from 12:00) stays on the evening date', () => {
    const m = metricsOf(
      computeSleepMetrics(
        night({
          inBed: '12:00',
          triedToSleep: '20:00',
          finalWake: '04:00',
          outOfBed: '11:59',
          latencyMinutes: 0,
          wasoMinutes: 0
        })
      )
    )
    expect(m.inBedAt).toBe('2026-01-10T12:00+01:00')
    expect(m.outOfBedAt).toBe('2026-01-11T11:59+01:00')
    expect(m.timeInBedMinutes).toBe(23 * 60 + 59)
  })

  it('a perfect night (no latency, no WASO, straight up) has 100 % efficiency', () => {
    const m = metricsOf(
      computeSleepMetrics(
        night({
          inBed: '23:00',
          triedToSleep: '23:00',
          finalWake: '07:00',
          outOfBed: '07:00',
          latencyMinutes: 0,
          awakenings: 0,
          wasoMinutes: 0
        })
      )
    )
    expect(m.totalSleepMinutes).toBe(480)
    expect(m.sleepEfficiency).toBe(100)
  })

  it('latency plus WASO may fill the whole window: zero sleep, 0 % efficiency', () => {
    // 23:00 → 06:45 = 465 min = 200 + 265
    const m = metricsOf(computeSleepMetrics(night({ latencyMinutes: 200, wasoMinutes: 265 })))
    expect(m.totalSleepMinutes).toBe(0)
    expect(m.sleepEfficiency).toBe(0)
  })
})

describe('computeSleepMetrics — daylight-saving changes (Europe/Berlin)', () => {
  const times = {
    inBed: '22:30',
    triedToSleep: '23:00',
    finalWake: '06:30',
    outOfBed: '07:00',
    latencyMinutes: 10,
    wasoMinutes: 20
  }

  it('spring forward (evening of 2026-03-28) is one hour shorter than the week before', () => {
    const before = metricsOf(computeSleepMetrics(night({ ...times, eveningDate: '2026-03-21' })))
    const spring = metricsOf(computeSleepMetrics(night({ ...times, eveningDate: '2026-03-28' })))
    // Week before: 22:30 → 07:00 = 510 min; 23:00 → 06:30 = 450, minus 30 = 420; 420/510 = 82.35 %
    expect(before.timeInBedMinutes).toBe(510)
    expect(before.totalSleepMinutes).toBe(420)
    expect(before.sleepEfficiency).toBe(82.4)
    // Clocks jump 02:00 → 03:00: 450 min in bed, 390 − 30 = 360 asleep, 360/450 = 80 %
    expect(spring.timeInBedMinutes).toBe(450)
    expect(spring.timeInBedMinutes).toBe(before.timeInBedMinutes - 60)
    expect(spring.totalSleepMinutes).toBe(360)
    expect(spring.sleepEfficiency).toBe(80)
    expect(spring.inBedAt).toBe('2026-03-28T22:30+01:00')
    expect(spring.outOfBedAt).toBe('2026-03-29T07:00+02:00')
  })

  it('fall back (evening of 2026-10-24) is one hour longer than the week before', () => {
    const before = metricsOf(computeSleepMetrics(night({ ...times, eveningDate: '2026-10-17' })))
    const autumn = metricsOf(computeSleepMetrics(night({ ...times, eveningDate: '2026-10-24' })))
    expect(before.timeInBedMinutes).toBe(510)
    // Clocks go back 03:00 → 02:00: 570 min in bed; 510 − 30 = 480 asleep; 480/570 = 84.21 %
    expect(autumn.timeInBedMinutes).toBe(570)
    expect(autumn.timeInBedMinutes).toBe(before.timeInBedMinutes + 60)
    expect(autumn.totalSleepMinutes).toBe(480)
    expect(autumn.sleepEfficiency).toBe(84.2)
  })

  it('uses the zone it is given: New York springs forward on 2026-03-08, Berlin does not', () => {
    const ny = metricsOf(computeSleepMetrics(night({ ...times, eveningDate: '2026-03-07', zone: 'America/New_York' })))
    const berlin = metricsOf(computeSleepMetrics(night({ ...times, eveningDate: '2026-03-07' })))
    expect(ny.timeInBedMinutes).toBe(450)
    expect(berlin.timeInBedMinutes).toBe(510)
  })

  it('a time inside the skipped hour is moved forward and reported', () => {
    // 02:30 does not exist on 2026-03-29 in Berlin; it is read as 03:30 CEST.
    const m = metricsOf(
      computeSleepMetrics(
        night({
          eveningDate: '2026-03-28',
          inBed: '01:00',
          triedToSleep: '02:30',
          finalWake: '07:00',
          outOfBed: '07:10',
          latencyMinutes: 0,
          wasoMinutes: 0
        })
      )
    )
    expect(m.triedToSleepAt).toBe('2026-03-29T03:30+02:00')
    expect(m.shiftedByDst).toEqual(['triedToSleep'])
    // 01:00 CET (00:00 UTC) → 07:10 CEST (05:10 UTC) = 310 min; 03:30 → 07:00 CEST = 210 min
    expect(m.timeInBedMinutes).toBe(310)
    expect(m.totalSleepMinutes).toBe(210)
    expect(m.sleepEfficiency).toBe(67.7)
  })

  it('a time in the repeated hour takes its first occurrence', () => {
    // 02:15 happens twice on 2026-10-25 in Berlin; the first one is still CEST (+02:00).
    const m = metricsOf(
      computeSleepMetrics(
        night({
          eveningDate: '2026-10-24',
          inBed: '02:15',
          triedToSleep: '02:20',
          finalWake: '08:00',
          outOfBed: '08:00',
          latencyMinutes: 0,
          wasoMinutes: 0
        })
      )
    )
    expect(m.inBedAt).toBe('2026-10-25T02:15+02:00')
    // 00:15 UTC → 07:00 UTC = 405 min (it would be 345 if we picked the second 02:15)
    expect(m.timeInBedMinutes).toBe(405)
    expect(m.shiftedByDst).toEqual([])
  })
})

describe('computeSleepMetrics — validation', () => {
  it('wake time before sleep time on the same evening is an ordering error on finalWake', () => {
    const issues = issuesOf(computeSleepMetrics(night({ inBed: '21:00', triedToSleep: '23:00', finalWake: '22:00' })))
    expect(issues).toEqual([
      {
        field: 'finalWake',
        code: 'order',
        message: 'Final wake time is before the time you tried to sleep.'
      }
    ])
  })

  it('final wake equal to the time you tried to sleep is rejected', () => {
    const issues = issuesOf(
      computeSleepMetrics(
        night({
          triedToSleep: '23:00',
          finalWake: '23:00',
          outOfBed: '23:30',
          latencyMinutes: 0,
          wasoMinutes: 0
        })
      )
    )
    expect(issues.map((i) => i.field)).toEqual(['finalWake'])
    expect(issues[0]!.message).toBe('Final wake time is the same as the time you tried to sleep.')
  })

  it('getting into bed after trying to sleep is flagged on triedToSleep', () => {
    const issues = issuesOf(computeSleepMetrics(night({ inBed: '23:30', triedToSleep: '23:00' })))
    expect(issues).toEqual([
      {
        field: 'triedToSleep',
        code: 'order',
        message: 'The time you tried to sleep is before the time you got into bed.'
      }
    ])
  })

  it('getting up before the final wake is flagged on outOfBed', () => {
    const issues = issuesOf(computeSleepMetrics(night({ finalWake: '07:00', outOfBed: '06:50' })))
    expect(issues).toEqual([
      {
        field: 'outOfBed',
        code: 'order',
        message: 'Time out of bed is before your final wake time.'
      }
    ])
  })

  it('latency longer than the whole sleep window is flagged on latencyMinutes', () => {
    // 23:00 → 06:00 = 420 min
    const issues = issuesOf(computeSleepMetrics(night({ finalWake: '06:00', latencyMinutes: 480, wasoMinutes: 0 })))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field: 'latencyMinutes', code: 'too_long' })
    expect(issues[0]!.message).toContain('480')
    expect(issues[0]!.message).toContain('420 minutes')
  })

  it('latency plus WASO longer than the sleep window is flagged on wasoMinutes', () => {
    const issues = issuesOf(computeSleepMetrics(night({ finalWake: '06:00', latencyMinutes: 200, wasoMinutes: 221 })))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field: 'wasoMinutes', code: 'too_long' })
    expect(issues[0]!.message).toContain('(421)')
  })

  it.each([
    ['latencyMinutes', -1, 'out_of_range'],
    ['latencyMinutes', 721, 'out_of_range'],
    ['latencyMinutes', 12.5, 'malformed'],
    ['awakenings', 51, 'out_of_range'],
    ['awakenings', -2, 'out_of_range'],
    ['awakenings', 1.5, 'malformed'],
    ['wasoMinutes', 721, 'out_of_range'],
    ['wasoMinutes', Number.NaN, 'malformed'],
    ['wasoMinutes', Number.POSITIVE_INFINITY, 'malformed']
  ] as const)('%s = %s is %s', (field, value, code) => {
    const issues = issuesOf(computeSleepMetrics(night({ [field]: value })))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field, code })
  })

  it('range messages name the limits', () => {
    const [issue] = issuesOf(computeSleepMetrics(night({ awakenings: 60 })))
    expect(issue!.message).toBe('The number of awakenings must be between 0 and 50.')
    const [latency] = issuesOf(computeSleepMetrics(night({ latencyMinutes: 1000 })))
    expect(latency!.message).toBe('Minutes to fall asleep must be between 0 and 720.')
  })

  it('accepts the range edges (0 and 50 awakenings, 720 minutes when they fit)', () => {
    // 12:00 → 11:59 next day leaves 1439 min, enough for 720 + 719
    const m = metricsOf(
      computeSleepMetrics(
        night({
          inBed: '12:00',
          triedToSleep: '12:00',
          finalWake: '11:59',
          outOfBed: '11:59',
          latencyMinutes: 720,
          awakenings: 50,
          wasoMinutes: 719
        })
      )
    )
    expect(m.totalSleepMinutes).toBe(0)
    expect(metricsOf(computeSleepMetrics(night({ awakenings: 0 }))).totalSleepMinutes).toBe(410)
  })

  it.each(['2026-02-30', '28/03/2026', '2026-3-28', '', '2026-13-01'])('eveningDate %j is malformed', (eveningDate) => {
    const issues = issuesOf(computeSleepMetrics(night({ eveningDate })))
    expect(issues).toEqual([
      {
        field: 'eveningDate',
        code: 'malformed',
        message: 'Enter the date as YYYY-MM-DD, for example 2026-03-28.'
      }
    ])
  })

  it.each(['24:00', '07:60', '0700', '7:00', '', 'noon'])('time %j is malformed', (time) => {
    const issues = issuesOf(computeSleepMetrics(night({ finalWake: time })))
    expect(issues).toEqual([
      {
        field: 'finalWake',
        code: 'malformed',
        message: 'Final wake time: enter a 24-hour time as HH:MM, for example 23:15.'
      }
    ])
  })

  it('an unknown time zone is reported', () => {
    const issues = issuesOf(computeSleepMetrics(night({ zone: 'Mars/Olympus_Mons' })))
    expect(issues).toEqual([{ field: 'zone', code: 'malformed', message: 'Unknown time zone "Mars/Olympus_Mons".' }])
  })

  it('reports every independent problem at once', () => {
    const issues = issuesOf(computeSleepMetrics(night({ eveningDate: 'yesterday', inBed: '25:00', awakenings: -1, wasoMinutes: 9999 })))
    expect(issues.map((i) => i.field).sort()).toEqual(['awakenings', 'eveningDate', 'inBed', 'wasoMinutes'])
  })

  it('reports ordering and range problems together', () => {
    const issues = issuesOf(computeSleepMetrics(night({ outOfBed: '06:00', awakenings: 99 })))
    expect(issues.map((i) => `${i.field}:${i.code}`).sort()).toEqual(['awakenings:out_of_range', 'outOfBed:order'])
  })
})

describe('WASO definition and helpers', () => {
  it('the exported definition says what is counted and what is not', () => {
    expect(WASO_DEFINITION).toContain('wake after sleep onset')
    expect(WASO_DEFINITION).toContain('after you first fell asleep')
    expect(WASO_DEFINITION).toContain('before your final wake-up')
    expect(WASO_DEFINITION).toContain('does not include the time it took to fall asleep')
  })

  it('parseClockTime reads strict HH:MM', () => {
    expect(parseClockTime('00:40')).toEqual({ hour: 0, minute: 40 })
    expect(parseClockTime('23:59')).toEqual({ hour: 23, minute: 59 })
    expect(parseClockTime('23:59:00')).toBeNull()
  })
})
