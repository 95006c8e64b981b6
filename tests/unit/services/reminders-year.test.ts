// The reminder service through a whole simulated year, in three time zones,
// on a computer that sleeps (minutes to days), has its clock set back and
// forth, and is restarted or crashes, always on the same SQLite file. The
// oracle for when reminders are due is the pure schedule module (tested on its
// own against hand-written DST tables); what is checked here is the service:
// every due reminder is handled exactly once, fired when caught within the
// 30-minute grace and recorded missed otherwise, never shown twice, and shown
// on the minute whenever the computer was awake at that minute.
import { afterEach, describe, expect, it } from 'vitest'
import { occurrenceKey, occurrencesBetween, type Occurrence } from '../../../src/shared/domain/schedule'
import { toScheduleSettings, type ReminderPrefs } from '../../../src/shared/domain/reminder-prefs'
import { startTestApp, type TestApp } from '../../support/app'
import { FakeComputer, RecordingNotifier, seededRandom } from '../../support/fake-time'
import { makeTempDir } from '../../support/temp-dir'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const GRACE = 30 * MINUTE

// A bedtime per weekday, Monday first. Saturday's 02:30 (after midnight) falls
// into the skipped spring hour in Berlin, New York and Sydney, and into the
// repeated autumn hour in Berlin and Sydney; its 01:45 wind-down falls into New
// York's repeated hour.
const BEDTIMES = ['22:30', '23:00', '21:30', '22:15', '00:30', '02:30', '22:00']

function yearPrefs(current: ReminderPrefs): ReminderPrefs {
  return {
    ...current,
    sameEveryEvening: false,
    evenings: BEDTIMES.map((bedtime) => ({ on: true, bedtime })),
    leadMinutes: 45,
    lightsOut: true,
    morningLog: { enabled: true, time: '07:30' }
  }
}

const cleanups: Array<() => void> = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

interface Machine {
  computer: FakeComputer
  notifier: RecordingNotifier
  app: TestApp
  boot(): void
  /** Clean quit (stop) or crash (timers and connection gone), then the app starts again. */
  shutdown(crash: boolean): void
}

function machine(startIso: string, zone: string): Machine {
  const temp = makeTempDir()
  const computer = new FakeComputer(startIso, zone)
  const notifier = new RecordingNotifier(computer)
  const m: Machine = {
    computer,
    notifier,
    app: startTestApp(temp.dir, { clock: computer, timers: computer, notifier }),
    boot() {
      m.app = startTestApp(temp.dir, { clock: computer, timers: computer, notifier })
      m.app.services.reminders.start()
    },
    shutdown(crash) {
      if (crash) {
        computer.killTimers()
        m.app.opened.db.close()
      }
      m.app.close()
    }
  }
  cleanups.push(() => {
    m.app.close()
    temp.cleanup()
  })
  return m
}

function setUp(zone: string, startIso: string): Machine {
  const m = machine(startIso, zone)
  m.app.services.settings.completeOnboarding({
    profile: { name: 'Sam', ageBand: '51-70', sex: 'male', lifeStage: 'none', bedtime: '22:30' },
    disclaimerAccepted: true
  })
  const { prefs } = m.app.services.reminders.status()
  const next = yearPrefs(prefs)
  m.app.services.reminders.update({ sameEveryEvening: false, evenings: next.evenings, lightsOut: true, morningLog: next.morningLog })
  m.app.services.reminders.start()
  return m
}

interface LogRow {
  kind: string
  evening_date: string
  outcome: 'fired' | 'missed'
  due_ms: number
  handled_ms: number
}

function logRows(app: TestApp): LogRow[] {
  return app.opened.db.prepare('SELECT kind, evening_date, outcome, due_ms, handled_ms FROM reminder_log ORDER BY due_ms').all() as LogRow[]
}

/** Where the wall clock ran steadily with the app running; reminders due there must fire on the minute. */
interface Steady {
  from: number
  to: number
}

function simulateYear(zone: string, startIso: string, seed: number) {
  const m = setUp(zone, startIso)
  const { computer } = m
  const random = seededRandom(seed)
  const start = computer.wallMs
  const end = start + 365 * DAY
  const steady: Steady[] = []
  const counts = { sleeps: 0, longSleeps: 0, jumpsBack: 0, jumpsForward: 0, restarts: 0, crashes: 0, missedResume: 0 }
  let highest = computer.wallMs
  let lowest = computer.wallMs
  // After a sleep without a resume event or a clock change, the old timer is stale until the next periodic check.
  let staleFor = 0

  const awake = (ms: number): void => {
    const from = computer.wallMs
    computer.advance(ms)
    // Only ground never seen before counts (after a clock set back, evenings come round again, already handled).
    const reliableFrom = Math.max(from + staleFor, highest)
    if (computer.wallMs > reliableFrom) steady.push({ from: reliableFrom, to: computer.wallMs })
    staleFor = 0
    highest = Math.max(highest, computer.wallMs)
  }

  while (computer.wallMs < end) {
    // Sleeps and clock changes move the wall clock too: the highest and lowest it ever showed bound what was seen.
    highest = Math.max(highest, computer.wallMs)
    lowest = Math.min(lowest, computer.wallMs)
    const roll = random.next()
    if (roll < 0.5) {
      awake(random.chance(0.5) ? random.int(1, 180) * MINUTE : random.int(3, 40) * HOUR)
    } else if (roll < 0.72) {
      counts.sleeps++
      const length = random.chance(0.4)
        ? random.int(1, 59) * MINUTE
        : random.chance(0.7)
          ? random.int(1, 14) * HOUR
          : random.int(1, 4) * DAY
      if (length >= DAY) counts.longSleeps++
      computer.sleep(length)
      if (random.chance(0.7)) m.app.services.reminders.check('resume')
      else {
        counts.missedResume++
        staleFor = MINUTE
      }
    } else if (roll < 0.84) {
      const back = random.chance(0.5)
      if (back) counts.jumpsBack++
      else counts.jumpsForward++
      computer.jump((back ? -1 : 1) * random.int(1, 360) * MINUTE)
      staleFor = MINUTE
    } else {
      const crash = random.chance(0.4)
      if (crash) counts.crashes++
      else counts.restarts++
      m.shutdown(crash)
      computer.sleep(random.chance(0.5) ? 0 : random.int(1, 600) * MINUTE) // the app is not running meanwhile
      m.boot()
    }
  }
  // A last steady stretch, so the final evenings are settled.
  awake(2 * DAY)

  const settings = toScheduleSettings(yearPrefs(m.app.services.reminders.status().prefs), '22:30')
  // A clock set back before the start of the year replays evenings the app had never seen: they are due too.
  const expected = occurrencesBetween(settings, zone, Math.min(start, lowest), computer.wallMs)
  return { m, expected, steady, counts }
}

describe.each([
  ['Europe/Berlin', '2025-12-31T23:00:00Z', 11],
  ['America/New_York', '2026-01-01T05:00:00Z', 22],
  ['Australia/Sydney', '2025-12-31T13:00:00Z', 33]
])('a year in %s', (zone, startIso, seed) => {
  // A year is about half a million minute-by-minute checks: seconds, not milliseconds.
  it(
    'handles every due reminder exactly once: fired within the grace window or recorded missed, never shown twice',
    { timeout: 60_000 },
    () => {
      const { m, expected, steady, counts } = simulateYear(zone, startIso, seed)
      const rows = logRows(m.app)
      const byKey = new Map(rows.map((row) => [`${row.kind}:${row.evening_date}`, row]))
      const expectedByKey = new Map(expected.map((o) => [occurrenceKey(o), o]))

      // The simulation really did sleep, jump both ways, restart and crash, all year.
      expect(counts.sleeps).toBeGreaterThan(100)
      expect(counts.longSleeps).toBeGreaterThan(5)
      expect(counts.jumpsBack).toBeGreaterThan(20)
      expect(counts.jumpsForward).toBeGreaterThan(20)
      expect(counts.restarts).toBeGreaterThan(20)
      expect(counts.crashes).toBeGreaterThan(10)
      expect(counts.missedResume).toBeGreaterThan(20)
      expect(expected.length).toBeGreaterThan(3 * 360)

      // Every due reminder was handled, at the instant the schedule says it was due, and nothing else was.
      const unhandled = expected.filter((o) => !byKey.has(occurrenceKey(o))).map(occurrenceKey)
      expect(unhandled).toEqual([])
      const unexpected = rows.filter((row) => !expectedByKey.has(`${row.kind}:${row.evening_date}`))
      expect(unexpected).toEqual([])
      for (const row of rows) expect(row.due_ms).toBe(expectedByKey.get(`${row.kind}:${row.evening_date}`)!.dueMs)

      // The grace rule decided each one.
      const wrongOutcome = rows.filter((row) => row.handled_ms - row.due_ms <= GRACE !== (row.outcome === 'fired'))
      expect(wrongOutcome).toEqual([])
      expect(rows.filter((r) => r.outcome === 'fired').length).toBeGreaterThan(rows.length / 2)
      expect(rows.filter((r) => r.outcome === 'missed').length).toBeGreaterThan(20)

      // One notification per fired reminder, none twice, none early, none more than 30 minutes late.
      const shown = m.notifier.shown
      expect(new Set(shown.map((n) => n.id)).size).toBe(shown.length)
      expect(shown.map((n) => n.id).sort()).toEqual(
        rows
          .filter((r) => r.outcome === 'fired')
          .map((r) => `${r.kind}:${r.evening_date}`)
          .sort()
      )
      for (const n of shown) {
        const due = expectedByKey.get(n.id)!.dueMs
        expect(n.shownAtMs).toBeGreaterThanOrEqual(due)
        expect(n.shownAtMs - due).toBeLessThanOrEqual(GRACE)
      }

      // Awake at the minute it was due: shown exactly then.
      const onTime = expected.filter((o: Occurrence) => steady.some((s) => o.dueMs > s.from && o.dueMs <= s.to))
      expect(onTime.length).toBeGreaterThan(200)
      const late = onTime.filter((o) => byKey.get(occurrenceKey(o))!.handled_ms !== o.dueMs).map(occurrenceKey)
      expect(late).toEqual([])
    }
  )
})

describe('both DST changes, awake all weekend', () => {
  // Independent of the schedule module: the instants below are worked out by hand.
  const cases = [
    {
      zone: 'Europe/Berlin',
      // Sat 28 Mar, 02:30 bedtime: clocks jump 02:00 → 03:00, so lights-out comes at 03:00 CEST.
      spring: { from: '2026-03-28T11:00:00Z', windDown: '2026-03-29T00:45:00Z', lightsOut: '2026-03-29T01:00:00Z' },
      // Sat 24 Oct: 02:00–03:00 happens twice; 02:30 fires once, the first time (CEST).
      autumn: { from: '2026-10-24T10:00:00Z', windDown: '2026-10-24T23:45:00Z', lightsOut: '2026-10-25T00:30:00Z' }
    },
    {
      zone: 'America/New_York',
      spring: { from: '2026-03-07T17:00:00Z', windDown: '2026-03-08T06:45:00Z', lightsOut: '2026-03-08T07:00:00Z' },
      // Sat 31 Oct: 01:00–02:00 happens twice; the 01:45 wind-down fires once, in EDT.
      autumn: { from: '2026-10-31T16:00:00Z', windDown: '2026-11-01T05:45:00Z', lightsOut: '2026-11-01T07:30:00Z' }
    },
    {
      zone: 'Australia/Sydney',
      // Southern hemisphere: summer time ends in April and starts in October.
      autumn: { from: '2026-04-04T01:00:00Z', windDown: '2026-04-04T14:45:00Z', lightsOut: '2026-04-04T15:30:00Z' },
      spring: { from: '2026-10-03T02:00:00Z', windDown: '2026-10-03T15:45:00Z', lightsOut: '2026-10-03T16:00:00Z' }
    }
  ]

  it.each(cases)('$zone: the skipped hour fires at the jump, the repeated hour once', ({ zone, spring, autumn }) => {
    for (const weekend of [spring, autumn]) {
      const m = setUp(zone, weekend.from)
      m.computer.advance(30 * HOUR)
      const saturday = m.notifier.shown.filter((n) => n.kind !== 'morning-log').filter((n) => n.id.endsWith(weekend.from.slice(0, 10)))
      expect(saturday.map((n) => [n.kind, new Date(n.shownAtMs).toISOString()])).toEqual([
        ['wind-down', new Date(weekend.windDown).toISOString()],
        ['lights-out', new Date(weekend.lightsOut).toISOString()]
      ])
      expect(new Set(m.notifier.ids()).size).toBe(m.notifier.shown.length)
    }
  })
})

describe('a month asleep', () => {
  it('records at most two weeks of evenings as missed and shows none of them', () => {
    const m = setUp('Europe/Berlin', '2026-02-01T11:00:00Z')
    m.computer.advance(12 * HOUR)
    const before = m.notifier.shown.length
    m.computer.sleep(30 * DAY)
    m.app.services.reminders.check('resume')
    expect(m.notifier.shown.length).toBe(before)
    const missed = logRows(m.app).filter((r) => r.outcome === 'missed')
    const evenings = new Set(missed.map((r) => r.evening_date))
    expect(evenings.size).toBeLessThanOrEqual(15)
    expect(evenings.size).toBeGreaterThanOrEqual(13)
  })
})
