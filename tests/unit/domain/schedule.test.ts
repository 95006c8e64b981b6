import { describe, expect, it } from 'vitest'
import {
  bedtimeInstant,
  DEFAULT_REMINDER_SETTINGS,
  defaultReminderSettings,
  describeSchedule,
  isWallTime,
  nextOccurrence,
  occurrenceKey,
  occurrencesBetween,
  planDue,
  type IsoWeekday,
  type Occurrence,
  type ReminderSettings
} from '../../../src/shared/domain/schedule'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const at = (iso: string): number => Date.parse(iso)
const isoOf = (ms: number): string => new Date(ms).toISOString()

function settings(patch: Partial<ReminderSettings> = {}): ReminderSettings {
  return { ...defaultReminderSettings(), ...patch }
}

/** Bedtimes for the given weekdays only; every other evening is off. */
function only(times: Partial<Record<IsoWeekday, string>>): Record<IsoWeekday, string | null> {
  return { 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null, ...times }
}

function everyDay(time: string): Record<IsoWeekday, string | null> {
  return { 1: time, 2: time, 3: time, 4: time, 5: time, 6: time, 7: time }
}

/** Readable one-line form: "kind eveningDate dueUTC". */
function lines(occurrences: Occurrence[]): string[] {
  return occurrences.map((o) => `${o.kind} ${o.eveningDate} ${isoOf(o.dueMs)}`)
}

/** All reminders of one evening (wide UTC window, then filtered by evening date). */
function night(s: ReminderSettings, zone: string, date: string): string[] {
  const midnightUtc = at(`${date}T00:00:00Z`)
  const list = occurrencesBetween(s, zone, midnightUtc - 14 * HOUR, midnightUtc + 3 * DAY)
  return lines(list.filter((o) => o.eveningDate === date))
}

describe('defaults', () => {
  it('match the documented defaults', () => {
    expect(DEFAULT_REMINDER_SETTINGS).toEqual({
      enabled: true,
      bedtimes: everyDay('22:30'),
      leadMinutes: 45,
      lightsOut: false,
      morningLog: { enabled: false, time: '08:00' },
      skipDates: [],
      pausedUntil: null,
      graceMinutes: 30
    })
  })

  it('hands out independent copies', () => {
    const a = defaultReminderSettings()
    a.bedtimes[1] = '21:00'
    a.skipDates.push('2026-01-01')
    expect(defaultReminderSettings().bedtimes[1]).toBe('22:30')
    expect(defaultReminderSettings().skipDates).toEqual([])
  })

  it('validates HH:MM', () => {
    expect(['00:00', '09:05', '23:59'].every(isWallTime)).toBe(true)
    expect(['24:00', '9:05', '12:60', '', 'noon', null].some(isWallTime)).toBe(false)
  })
})

describe('nextOccurrence', () => {
  const berlin = 'Europe/Berlin'

  it('is tonight at 21:45 Berlin (20:45 UTC in winter) with the defaults', () => {
    const next = nextOccurrence(settings(), berlin, at('2026-01-15T12:00:00Z'))
    expect(next).toEqual({
      kind: 'wind-down',
      eveningDate: '2026-01-15',
      dueMs: at('2026-01-15T20:45:00Z')
    })
  })

  it('is 19:45 UTC in summer, same 21:45 on the wall', () => {
    const next = nextOccurrence(settings(), berlin, at('2026-07-01T10:00:00Z'))
    expect(next?.dueMs).toBe(at('2026-07-01T19:45:00Z'))
  })

  it('is strictly after now: at the due instant the next one is tomorrow', () => {
    const next = nextOccurrence(settings(), berlin, at('2026-01-15T20:45:00Z'))
    expect(next?.eveningDate).toBe('2026-01-16')
    expect(next?.dueMs).toBe(at('2026-01-16T20:45:00Z'))
    const justBefore = nextOccurrence(settings(), berlin, at('2026-01-15T20:44:59.999Z'))
    expect(justBefore?.eveningDate).toBe('2026-01-15')
  })

  it('offers lights-out at bedtime after the wind-down when enabled', () => {
    const s = settings({ lightsOut: true })
    const next = nextOccurrence(s, berlin, at('2026-01-15T20:45:00Z'))
    expect(next).toEqual({
      kind: 'lights-out',
      eveningDate: '2026-01-15',
      dueMs: at('2026-01-15T21:30:00Z')
    })
  })

  it('puts the morning log on the next morning but names the night it asks about', () => {
    const s = settings({ morningLog: { enabled: true, time: '08:00' } })
    const next = nextOccurrence(s, berlin, at('2026-01-15T21:00:00Z'))
    expect(next).toEqual({
      kind: 'morning-log',
      eveningDate: '2026-01-15',
      dueMs: at('2026-01-16T07:00:00Z')
    })
  })

  it('finds a once-a-week bedtime six days ahead', () => {
    // 2026-01-15 is a Thursday; the only active evening is Wednesday.
    const s = settings({ bedtimes: only({ 3: '22:00' }) })
    const next = nextOccurrence(s, berlin, at('2026-01-15T12:00:00Z'))
    expect(next?.eveningDate).toBe('2026-01-21')
    expect(next?.dueMs).toBe(at('2026-01-21T20:15:00Z'))
  })

  it('is null when reminders are off, no evening has a bedtime, or a long pause covers the horizon', () => {
    const now = at('2026-01-15T12:00:00Z')
    expect(nextOccurrence(settings({ enabled: false }), berlin, now)).toBeNull()
    expect(nextOccurrence(settings({ bedtimes: only({}) }), berlin, now)).toBeNull()
    expect(nextOccurrence(settings({ pausedUntil: '2026-02-01' }), berlin, now)).toBeNull()
  })

  it('rejects an unknown time zone', () => {
    expect(() => nextOccurrence(settings(), 'Mars/Olympus_Mons', 0)).toThrow(RangeError)
  })
})

describe('bedtime after midnight', () => {
  const berlin = 'Europe/Berlin'

  it("belongs to the previous evening: Friday's 00:30 bedtime is Saturday 00:30", () => {
    // Friday 2026-01-16; Berlin is UTC+1 in January.
    const s = settings({ bedtimes: only({ 5: '00:30' }), lightsOut: true })
    expect(lines(occurrencesBetween(s, berlin, at('2026-01-12T00:00:00Z'), at('2026-01-19T00:00:00Z')))).toEqual([
      'wind-down 2026-01-16 2026-01-16T22:45:00.000Z',
      'lights-out 2026-01-16 2026-01-16T23:30:00.000Z'
    ])
  })

  it('subtracts the lead across midnight on the wall clock', () => {
    const s = settings({ bedtimes: only({ 5: '01:30' }), leadMinutes: 45 })
    expect(night(s, berlin, '2026-01-16')).toEqual(['wind-down 2026-01-16 2026-01-16T23:45:00.000Z'])
  })

  it('treats 11:59 as after midnight and 12:00 as the same day', () => {
    const late = settings({ bedtimes: only({ 5: '11:59' }), leadMinutes: 0 })
    const noon = settings({ bedtimes: only({ 5: '12:00' }), leadMinutes: 0 })
    expect(night(late, berlin, '2026-01-16')).toEqual(['wind-down 2026-01-16 2026-01-17T10:59:00.000Z'])
    expect(night(noon, berlin, '2026-01-16')).toEqual(['wind-down 2026-01-16 2026-01-16T11:00:00.000Z'])
  })

  it('asks about the night in the morning log after a post-midnight bedtime', () => {
    const s = settings({ bedtimes: only({ 5: '00:30' }), morningLog: { enabled: true, time: '09:00' } })
    expect(night(s, berlin, '2026-01-16')).toEqual([
      'wind-down 2026-01-16 2026-01-16T22:45:00.000Z',
      'morning-log 2026-01-16 2026-01-17T08:00:00.000Z'
    ])
  })
})

describe('DST in Europe/Berlin', () => {
  const berlin = 'Europe/Berlin'
  // Spring: Sunday 2026-03-29 02:00 CET → 03:00 CEST (01:00 UTC).
  // Autumn: Sunday 2026-10-25 03:00 CEST → 02:00 CET (01:00 UTC).

  it('keeps 21:45 on the wall on both sides of the spring change', () => {
    const list = occurrencesBetween(settings(), berlin, at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'))
    expect(lines(list)).toEqual(['wind-down 2026-03-28 2026-03-28T20:45:00.000Z', 'wind-down 2026-03-29 2026-03-29T19:45:00.000Z'])
  })

  it('fires a wind-down that falls into the skipped hour at 03:00 CEST (01:00 UTC)', () => {
    // Bedtime 03:15, lead 45 → wind-down 02:30, which does not exist that night.
    const s = settings({ bedtimes: only({ 6: '03:15' }), leadMinutes: 45, lightsOut: true })
    expect(night(s, berlin, '2026-03-28')).toEqual([
      'wind-down 2026-03-28 2026-03-29T01:00:00.000Z',
      'lights-out 2026-03-28 2026-03-29T01:15:00.000Z'
    ])
  })

  it('resolves the edges of the gap', () => {
    const bed = (time: string): string[] => night(settings({ bedtimes: only({ 6: time }), leadMinutes: 0 }), berlin, '2026-03-28')
    expect(bed('01:59')).toEqual(['wind-down 2026-03-28 2026-03-29T00:59:00.000Z'])
    expect(bed('02:00')).toEqual(['wind-down 2026-03-28 2026-03-29T01:00:00.000Z'])
    expect(bed('02:59')).toEqual(['wind-down 2026-03-28 2026-03-29T01:00:00.000Z'])
    expect(bed('03:00')).toEqual(['wind-down 2026-03-28 2026-03-29T01:00:00.000Z'])
    expect(bed('03:01')).toEqual(['wind-down 2026-03-28 2026-03-29T01:01:00.000Z'])
  })

  it('keeps 21:45 on the wall on both sides of the autumn change', () => {
    const list = occurrencesBetween(settings(), berlin, at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'))
    expect(lines(list)).toEqual(['wind-down 2026-10-24 2026-10-24T19:45:00.000Z', 'wind-down 2026-10-25 2026-10-25T20:45:00.000Z'])
  })

  it('fires a wind-down in the repeated hour once, at its first (CEST) occurrence', () => {
    // Bedtime 03:15 CET, wind-down 02:30 which happens twice (00:30 and 01:30 UTC).
    const s = settings({ bedtimes: only({ 6: '03:15' }), leadMinutes: 45, lightsOut: true })
    expect(night(s, berlin, '2026-10-24')).toEqual([
      'wind-down 2026-10-24 2026-10-25T00:30:00.000Z',
      'lights-out 2026-10-24 2026-10-25T02:15:00.000Z'
    ])
  })

  it('resolves the edges of the repeated hour', () => {
    const bed = (time: string): string[] => night(settings({ bedtimes: only({ 6: time }), leadMinutes: 0 }), berlin, '2026-10-24')
    expect(bed('01:59')).toEqual(['wind-down 2026-10-24 2026-10-24T23:59:00.000Z'])
    expect(bed('02:00')).toEqual(['wind-down 2026-10-24 2026-10-25T00:00:00.000Z'])
    expect(bed('02:59')).toEqual(['wind-down 2026-10-24 2026-10-25T00:59:00.000Z'])
    expect(bed('03:00')).toEqual(['wind-down 2026-10-24 2026-10-25T02:00:00.000Z'])
  })

  it('gives the bedtime instant for the routine countdown even on a skipped evening', () => {
    const s = settings({ bedtimes: only({ 6: '02:30' }), skipDates: ['2026-03-28'] })
    expect(bedtimeInstant(s, berlin, '2026-03-28')).toBe(at('2026-03-29T01:00:00Z'))
    expect(bedtimeInstant(s, berlin, '2026-03-27')).toBeNull()
  })
})

describe('DST in America/New_York', () => {
  const ny = 'America/New_York'
  // Spring: Sunday 2026-03-08 02:00 EST → 03:00 EDT (07:00 UTC).
  // Autumn: Sunday 2026-11-01 02:00 EDT → 01:00 EST (06:00 UTC).

  it('keeps 21:45 on the wall across the spring change', () => {
    const list = occurrencesBetween(settings(), ny, at('2026-03-07T12:00:00Z'), at('2026-03-09T12:00:00Z'))
    expect(lines(list)).toEqual(['wind-down 2026-03-07 2026-03-08T02:45:00.000Z', 'wind-down 2026-03-08 2026-03-09T01:45:00.000Z'])
  })

  it('fires both reminders that fall into the skipped hour at 03:00 EDT, wind-down first', () => {
    const s = settings({ bedtimes: only({ 6: '02:40' }), leadMinutes: 10, lightsOut: true })
    expect(night(s, ny, '2026-03-07')).toEqual([
      'wind-down 2026-03-07 2026-03-08T07:00:00.000Z',
      'lights-out 2026-03-07 2026-03-08T07:00:00.000Z'
    ])
  })

  it('fires a wind-down in the repeated 01:00 hour once, at 01:30 EDT', () => {
    const s = settings({ bedtimes: only({ 6: '02:15' }), leadMinutes: 45, lightsOut: true })
    expect(night(s, ny, '2026-10-31')).toEqual([
      'wind-down 2026-10-31 2026-11-01T05:30:00.000Z',
      'lights-out 2026-10-31 2026-11-01T07:15:00.000Z'
    ])
  })
})

describe('DST in Australia/Sydney (southern hemisphere)', () => {
  const sydney = 'Australia/Sydney'
  // April: Sunday 2026-04-05 03:00 AEDT → 02:00 AEST (16:00 UTC on the 4th).
  // October: Sunday 2026-10-04 02:00 AEST → 03:00 AEDT (16:00 UTC on the 3rd).

  it('is UTC+11 in January and UTC+10 in July', () => {
    expect(nextOccurrence(settings(), sydney, at('2026-01-15T00:00:00Z'))?.dueMs).toBe(at('2026-01-15T10:45:00Z'))
    expect(nextOccurrence(settings(), sydney, at('2026-07-15T00:00:00Z'))?.dueMs).toBe(at('2026-07-15T11:45:00Z'))
  })

  it('fires a lights-out in the repeated April hour once, at its AEDT occurrence', () => {
    const s = settings({ bedtimes: only({ 6: '02:30' }), leadMinutes: 60, lightsOut: true })
    expect(night(s, sydney, '2026-04-04')).toEqual([
      'wind-down 2026-04-04 2026-04-04T14:30:00.000Z',
      'lights-out 2026-04-04 2026-04-04T15:30:00.000Z'
    ])
  })

  it('fires a wind-down in the skipped October hour at 03:00 AEDT', () => {
    const s = settings({ bedtimes: only({ 6: '03:10' }), leadMinutes: 30, lightsOut: true })
    expect(night(s, sydney, '2026-10-03')).toEqual([
      'wind-down 2026-10-03 2026-10-03T16:00:00.000Z',
      'lights-out 2026-10-03 2026-10-03T16:10:00.000Z'
    ])
  })
})

describe('skip dates, pause and switches', () => {
  const berlin = 'Europe/Berlin'
  const eveningsOf = (s: ReminderSettings, from: string, to: string): string[] => [
    ...new Set(occurrencesBetween(s, berlin, at(from), at(to)).map((o) => o.eveningDate))
  ]

  it('skips every reminder of a skipped evening, including after-midnight and morning ones', () => {
    const s = settings({
      bedtimes: { ...everyDay('22:30'), 5: '00:30' },
      lightsOut: true,
      morningLog: { enabled: true, time: '08:00' },
      skipDates: ['2026-01-16', 'not-a-date']
    })
    const list = occurrencesBetween(s, berlin, at('2026-01-15T12:00:00Z'), at('2026-01-18T12:00:00Z'))
    expect(list.some((o) => o.eveningDate === '2026-01-16')).toBe(false)
    expect(lines(list)).toEqual([
      'wind-down 2026-01-15 2026-01-15T20:45:00.000Z',
      'lights-out 2026-01-15 2026-01-15T21:30:00.000Z',
      'morning-log 2026-01-15 2026-01-16T07:00:00.000Z',
      'wind-down 2026-01-17 2026-01-17T20:45:00.000Z',
      'lights-out 2026-01-17 2026-01-17T21:30:00.000Z',
      'morning-log 2026-01-17 2026-01-18T07:00:00.000Z'
    ])
  })

  it('pauses through the given date inclusive', () => {
    const s = settings({ pausedUntil: '2026-01-20' })
    expect(eveningsOf(s, '2026-01-15T00:00:00Z', '2026-01-23T00:00:00Z')).toEqual(['2026-01-21', '2026-01-22'])
    expect(nextOccurrence(s, berlin, at('2026-01-15T12:00:00Z'))?.dueMs).toBe(at('2026-01-21T20:45:00Z'))
  })

  it('leaves out weekdays that are off', () => {
    // 2026-01-17 is a Saturday, 2026-01-18 a Sunday.
    const s = settings({ bedtimes: { ...everyDay('22:30'), 6: null, 7: null } })
    expect(eveningsOf(s, '2026-01-15T00:00:00Z', '2026-01-20T00:00:00Z')).toEqual(['2026-01-15', '2026-01-16', '2026-01-19'])
  })

  it('produces nothing for a month when reminders are disabled', () => {
    const s = settings({ enabled: false, lightsOut: true, morningLog: { enabled: true, time: '08:00' } })
    expect(occurrencesBetween(s, berlin, at('2026-01-01T00:00:00Z'), at('2026-02-01T00:00:00Z'))).toEqual([])
  })

  it('treats a malformed bedtime as that evening being off', () => {
    const s = settings({ bedtimes: { ...everyDay('22:30'), 5: '25:00' } })
    expect(eveningsOf(s, '2026-01-15T00:00:00Z', '2026-01-18T00:00:00Z')).toEqual(['2026-01-15', '2026-01-17'])
  })
})

describe('planDue', () => {
  const berlin = 'Europe/Berlin'
  const due = at('2026-01-15T20:45:00Z') // 21:45 CET wind-down for 2026-01-15
  const plan = (lastCheckedMs: number, nowMs: number, fired: string[] = [], s = settings()) =>
    planDue(s, berlin, { lastCheckedMs, nowMs, firedKeys: new Set(fired) })

  it('fires on time', () => {
    expect(plan(due - MINUTE, due)).toEqual({
      fire: [{ kind: 'wind-down', eveningDate: '2026-01-15', dueMs: due }],
      missed: []
    })
  })

  it('fires late after sleep up to the 30 minute grace, and records older ones as missed', () => {
    expect(lines(plan(due - HOUR, due + 30 * MINUTE).fire)).toEqual(['wind-down 2026-01-15 2026-01-15T20:45:00.000Z'])
    const late = plan(due - HOUR, due + 30 * MINUTE + 1)
    expect(late.fire).toEqual([])
    expect(lines(late.missed)).toEqual(['wind-down 2026-01-15 2026-01-15T20:45:00.000Z'])
  })

  it('honours a custom grace', () => {
    const strict = settings({ graceMinutes: 0 })
    expect(plan(due - HOUR, due, [], strict).fire).toHaveLength(1)
    expect(plan(due - HOUR, due + 1, [], strict).missed).toHaveLength(1)
  })

  it('never repeats a key that already fired, e.g. after a restart', () => {
    expect(plan(due - HOUR, due + 5 * MINUTE, ['wind-down:2026-01-15'])).toEqual({ fire: [], missed: [] })
  })

  it('does nothing when the clock jumped back, and the replayed hour does not re-fire', () => {
    expect(plan(due + 10 * MINUTE, due - 50 * MINUTE)).toEqual({ fire: [], missed: [] })
    // The service now stores the earlier time; the reminder comes round again.
    expect(plan(due - 50 * MINUTE, due + MINUTE, ['wind-down:2026-01-15'])).toEqual({ fire: [], missed: [] })
  })

  it('reports at most 14 days of missed evenings after a month asleep', () => {
    const result = plan(at('2026-01-15T12:00:00Z'), at('2026-02-15T12:00:00Z'))
    expect(result.fire).toEqual([])
    expect(result.missed.map((o) => o.eveningDate)).toEqual(
      Array.from({ length: 14 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`)
    )
  })

  it('shows only the newest reminder of each kind when several are within grace', () => {
    // Monday's bedtime 11:59 is Tuesday 11:59; Tuesday's 12:00 is one minute later.
    const s = settings({ bedtimes: only({ 1: '11:59', 2: '12:00' }), leadMinutes: 0, lightsOut: true })
    const result = plan(at('2026-01-13T10:50:00Z'), at('2026-01-13T11:05:00Z'), [], s)
    expect(lines(result.fire)).toEqual(['wind-down 2026-01-13 2026-01-13T11:00:00.000Z', 'lights-out 2026-01-13 2026-01-13T11:00:00.000Z'])
    expect(lines(result.missed)).toEqual([
      'wind-down 2026-01-12 2026-01-13T10:59:00.000Z',
      'lights-out 2026-01-12 2026-01-13T10:59:00.000Z'
    ])
  })

  it('does not repeat tonight after the system zone moves west', () => {
    // Fired at 21:45 in Berlin; the laptop is now on New York time where it is
    // 21:45 six hours later. Same evening, same key: nothing new.
    const result = planDue(settings(), 'America/New_York', {
      lastCheckedMs: due,
      nowMs: at('2026-01-16T02:50:00Z'),
      firedKeys: new Set(['wind-down:2026-01-15'])
    })
    expect(result).toEqual({ fire: [], missed: [] })
  })

  it('keys by kind and evening', () => {
    expect(occurrenceKey({ kind: 'lights-out', eveningDate: '2026-03-28' })).toBe('lights-out:2026-03-28')
  })
})

// ---------------------------------------------------------------------------
// A year of fake clock in three zones, checked against an independent oracle
// built from hand-written 2026 DST tables.

interface Transition {
  at: number
  /** UTC offset in minutes from this instant on. */
  offset: number
}

const ZONE_TABLES: Record<string, { initial: number; transitions: Transition[] }> = {
  'Europe/Berlin': {
    initial: 60,
    transitions: [
      { at: at('2026-03-29T01:00:00Z'), offset: 120 },
      { at: at('2026-10-25T01:00:00Z'), offset: 60 }
    ]
  },
  'America/New_York': {
    initial: -300,
    transitions: [
      { at: at('2026-03-08T07:00:00Z'), offset: -240 },
      { at: at('2026-11-01T06:00:00Z'), offset: -300 }
    ]
  },
  'Australia/Sydney': {
    initial: 660,
    transitions: [
      { at: at('2026-04-04T16:00:00Z'), offset: 600 },
      { at: at('2026-10-03T16:00:00Z'), offset: 660 }
    ]
  }
}

/** Wall time (as naive UTC ms) → instant, by brute force over the table's segments. */
function oracleResolve(zone: string, wall: number): number {
  const { initial, transitions } = ZONE_TABLES[zone]!
  const segments = [{ from: -Infinity, offset: initial }, ...transitions.map((t) => ({ from: t.at, offset: t.offset }))]
  const valid: number[] = []
  segments.forEach((segment, i) => {
    const instant = wall - segment.offset * MINUTE
    const to = segments[i + 1]?.from ?? Infinity
    if (instant >= segment.from && instant < to) valid.push(instant)
  })
  if (valid.length > 0) return Math.min(...valid)
  // Inside a gap: the answer is the transition whose jump skips over `wall`.
  const index = transitions.findIndex((t, i) => {
    const before = i === 0 ? initial : transitions[i - 1]!.offset
    return wall >= t.at + before * MINUTE && wall < t.at + t.offset * MINUTE
  })
  return transitions[index]!.at
}

const SIM_START = at('2025-12-31T12:00:00Z')
const SIM_END = at('2027-01-01T12:00:00Z')
const SIM_GRACE = 30 * MINUTE

// Saturday's 02:30 bedtime hits the gap or repeated hour in every zone's
// transition night; Friday's is after midnight; Sunday is off.
const SIM_SETTINGS: ReminderSettings = {
  enabled: true,
  bedtimes: { 1: '22:30', 2: '22:30', 3: '23:00', 4: '22:30', 5: '00:30', 6: '02:30', 7: null },
  leadMinutes: 45,
  lightsOut: true,
  morningLog: { enabled: true, time: '07:30' },
  skipDates: ['2026-02-14', '2026-07-03', '2026-12-24'],
  pausedUntil: '2026-01-04',
  graceMinutes: 30
}

/** Expected key → due instant for every reminder due in (SIM_START, SIM_END]. */
function expectedYear(zone: string): Map<string, number> {
  const expected = new Map<string, number>()
  for (let day = at('2025-12-28T00:00:00Z'); day <= at('2027-01-01T00:00:00Z'); day += DAY) {
    const date = isoOf(day).slice(0, 10)
    const weekday = (new Date(day).getUTCDay() || 7) as IsoWeekday
    const bedtime = SIM_SETTINGS.bedtimes[weekday]
    if (bedtime === null || SIM_SETTINGS.skipDates.includes(date) || date <= SIM_SETTINGS.pausedUntil!) continue
    const [hours, minutes] = bedtime.split(':').map(Number) as [number, number]
    const bedWall = day + (hours < 12 ? DAY : 0) + hours * HOUR + minutes * MINUTE
    const walls: Array<[string, number]> = [
      ['wind-down', bedWall - 45 * MINUTE],
      ['lights-out', bedWall],
      ['morning-log', day + DAY + 7.5 * HOUR]
    ]
    for (const [kind, wall] of walls) {
      const dueMs = oracleResolve(zone, wall)
      if (dueMs > SIM_START && dueMs <= SIM_END) expected.set(`${kind}:${date}`, dueMs)
    }
  }
  return expected
}

/** mulberry32: tiny deterministic PRNG so the simulation is reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Handled {
  occurrence: Occurrence
  outcome: 'fired' | 'missed'
  nowMs: number
}

/** Log-uniform between min and max: as many short naps as multi-day sleeps. */
function logUniform(random: () => number, min: number, max: number): number {
  return Math.exp(Math.log(min) + random() * (Math.log(max) - Math.log(min)))
}

/**
 * Irregular clock: while awake, wall-clock checks every 1–15 minutes; now and
 * then the machine sleeps for 20 minutes to 3 days, the system clock jumps
 * back by up to 3 hours, or the app restarts keeping only persisted keys.
 */
function simulateYear(zone: string, seed: number): { handled: Handled[]; backJumps: number; restarts: number } {
  const random = seededRandom(seed)
  const handled: Handled[] = []
  let persisted: string[] = []
  let firedKeys = new Set<string>()
  let lastCheckedMs = SIM_START
  let nowMs = SIM_START
  let backJumps = 0
  let restarts = 0
  while (nowMs < SIM_END) {
    const roll = random()
    let step: number
    if (roll < 0.03)
      step = logUniform(random, 20 * MINUTE, 3 * DAY) // sleep
    else if (roll < 0.035) {
      step = -(5 + random() * 175) * MINUTE // the system clock jumps back
      backJumps++
    } else step = (1 + random() * 14) * MINUTE // periodic check
    nowMs = Math.max(SIM_START, nowMs + Math.round(step))
    if (random() < 0.002) {
      firedKeys = new Set(persisted) // restart: only what was persisted survives
      restarts++
    }
    const plan = planDue(SIM_SETTINGS, zone, { lastCheckedMs, nowMs, firedKeys })
    for (const [outcome, list] of [
      ['fired', plan.fire],
      ['missed', plan.missed]
    ] as const) {
      for (const occurrence of list) {
        handled.push({ occurrence, outcome, nowMs })
        firedKeys.add(occurrenceKey(occurrence))
        persisted = [...persisted, occurrenceKey(occurrence)]
      }
    }
    lastCheckedMs = nowMs
  }
  return { handled, backJumps, restarts }
}

describe('a simulated year (2026)', () => {
  it('agrees with the hand-written DST tables', () => {
    // Berlin's 2026 nights as the oracle sees them, against the engine.
    expect(isoOf(oracleResolve('Europe/Berlin', at('2026-03-29T02:30:00Z')))).toBe('2026-03-29T01:00:00.000Z')
    expect(isoOf(oracleResolve('Europe/Berlin', at('2026-10-25T02:30:00Z')))).toBe('2026-10-25T00:30:00.000Z')
  })

  // Saturday's 02:30 bedtime (wind-down 01:45) on each zone's two transition nights.
  const cases = [
    {
      zone: 'Europe/Berlin',
      seed: 20260329,
      transitionNights: {
        'lights-out:2026-03-28': '2026-03-29T01:00:00.000Z', // 02:30 skipped → 03:00 CEST
        'lights-out:2026-10-24': '2026-10-25T00:30:00.000Z' // 02:30 twice → CEST one
      }
    },
    {
      zone: 'America/New_York',
      seed: 20260308,
      transitionNights: {
        'lights-out:2026-03-07': '2026-03-08T07:00:00.000Z', // 02:30 skipped → 03:00 EDT
        'wind-down:2026-10-31': '2026-11-01T05:45:00.000Z' // 01:45 twice → EDT one
      }
    },
    {
      zone: 'Australia/Sydney',
      seed: 20261004,
      transitionNights: {
        'lights-out:2026-04-04': '2026-04-04T15:30:00.000Z', // 02:30 twice → AEDT one
        'lights-out:2026-10-03': '2026-10-03T16:00:00.000Z' // 02:30 skipped → 03:00 AEDT
      }
    }
  ]

  for (const { zone, seed, transitionNights } of cases) {
    it(`${zone}: every due reminder fires once or is missed by the grace rule, never twice`, () => {
      const { handled, backJumps, restarts } = simulateYear(zone, seed)
      const expected = expectedYear(zone)

      const counts = new Map<string, number>()
      for (const { occurrence } of handled) {
        const key = occurrenceKey(occurrence)
        counts.set(key, (counts.get(key) ?? 0) + 1)
      }
      const duplicates = [...counts].filter(([, n]) => n > 1)
      expect(duplicates).toEqual([])

      // Everything expected was handled, at the instant the oracle predicts.
      const inYear = handled.filter((h) => h.occurrence.dueMs <= SIM_END)
      const actual = new Map(inYear.map((h) => [occurrenceKey(h.occurrence), h.occurrence.dueMs]))
      expect(actual.size).toBe(expected.size)
      for (const [key, dueMs] of expected) {
        expect(actual.has(key), key).toBe(true)
        expect(isoOf(actual.get(key)!), key).toBe(isoOf(dueMs))
      }

      // Grace rule: fired means 0–30 minutes late at the check, missed means later.
      for (const { occurrence, outcome, nowMs } of handled) {
        const lateness = nowMs - occurrence.dueMs
        expect(lateness).toBeGreaterThanOrEqual(0)
        if (outcome === 'fired') expect(lateness).toBeLessThanOrEqual(SIM_GRACE)
        else expect(lateness).toBeGreaterThan(SIM_GRACE)
      }

      // The run exercised what it claims to.
      const fired = handled.filter((h) => h.outcome === 'fired').length
      expect(fired).toBeGreaterThan(150)
      expect(handled.length - fired).toBeGreaterThan(50)
      expect(backJumps).toBeGreaterThan(20)
      expect(restarts).toBeGreaterThan(10)
      for (const [key, iso] of Object.entries(transitionNights)) {
        expect(isoOf(actual.get(key)!), key).toBe(iso)
      }
    })
  }
})

describe('describeSchedule', () => {
  it('says every evening for one bedtime on all days', () => {
    expect(describeSchedule(settings())).toBe('Wind-down reminder at 21:45 every evening')
  })

  it('says weeknights for Monday to Friday', () => {
    const s = settings({ bedtimes: { ...everyDay('22:30'), 6: null, 7: null } })
    expect(describeSchedule(s)).toBe('Wind-down reminder at 21:45 on weeknights')
  })

  it('lists scattered days', () => {
    const s = settings({ bedtimes: only({ 1: '22:30', 3: '22:30', 5: '22:30' }) })
    expect(describeSchedule(s)).toBe('Wind-down reminder at 21:45 on Mon, Wed and Fri')
  })

  it('groups weekdays sharing a time and mentions lights-out', () => {
    const s = settings({ bedtimes: { ...everyDay('22:30'), 6: '23:30', 7: '23:30' }, lightsOut: true })
    expect(describeSchedule(s)).toBe(
      'Wind-down reminder at 21:45 on weeknights and at 22:45 on weekends, and a lights-out reminder at bedtime'
    )
  })

  it('uses ranges for runs of three or more days, wrapping past Sunday', () => {
    const s = settings({ bedtimes: { ...everyDay('22:00'), 5: '23:30', 6: '23:30' } })
    expect(describeSchedule(s)).toBe('Wind-down reminder at 21:15 on Sun–Thu and at 22:45 on Fri and Sat')
    const sixDays = settings({ bedtimes: { ...everyDay('22:30'), 7: null } })
    expect(describeSchedule(sixDays)).toBe('Wind-down reminder at 21:45 on Mon–Sat')
  })

  it('shows the wind-down time across midnight', () => {
    expect(describeSchedule(settings({ bedtimes: everyDay('00:30') }))).toBe('Wind-down reminder at 23:45 every evening')
  })

  it('adds lights-out and the morning log together', () => {
    const s = settings({ lightsOut: true, morningLog: { enabled: true, time: '07:30' } })
    expect(describeSchedule(s)).toBe(
      'Wind-down reminder at 21:45 every evening, a lights-out reminder at bedtime and a morning reminder at 07:30 to log the night'
    )
  })

  it('says when reminders are off', () => {
    expect(describeSchedule(settings({ enabled: false }))).toBe('Reminders are off')
    expect(describeSchedule(settings({ bedtimes: only({}) }))).toBe('Reminders are off')
  })

  it('says until when reminders are paused (the day after the last paused evening)', () => {
    const s = settings({ pausedUntil: '2026-04-03' })
    expect(describeSchedule(s)).toBe('Reminders are paused until Sat 4 Apr 2026; then wind-down reminder at 21:45 every evening')
    expect(describeSchedule(s, { today: '2026-04-03' })).toMatch(/^Reminders are paused until Sat 4 Apr 2026/)
    expect(describeSchedule(s, { today: '2026-04-04' })).toBe('Wind-down reminder at 21:45 every evening')
  })
})
