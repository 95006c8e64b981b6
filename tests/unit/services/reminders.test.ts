import { afterEach, describe, expect, it } from 'vitest'
import type { Settings } from '../../../src/shared/contract'
import { startTestApp, type TestApp } from '../../support/app'
import { FakeComputer, RecordingNotifier } from '../../support/fake-time'
import { makeTempDir } from '../../support/temp-dir'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const at = (iso: string): number => Date.parse(iso)

// 2026-01-15 is a Thursday; Berlin is UTC+1 in January, so 21:45 there is 20:45Z.
const NOON = '2026-01-15T11:00:00Z'
const WIND_DOWN = at('2026-01-15T20:45:00Z')

interface World {
  computer: FakeComputer
  notifier: RecordingNotifier
  app: TestApp
  dir: string
  /** Quits the app cleanly (or, with crash, kills it) and starts it again on the same data folder. */
  restart(options?: { crash?: boolean }): void
}

const cleanups: Array<() => void> = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

function world(start = NOON, zone = 'Europe/Berlin', bedtime: string | null = '22:30'): World {
  const temp = makeTempDir()
  const computer = new FakeComputer(start, zone)
  const notifier = new RecordingNotifier(computer)
  const make = (): TestApp => startTestApp(temp.dir, { clock: computer, timers: computer, notifier })
  const w: World = {
    computer,
    notifier,
    app: make(),
    dir: temp.dir,
    restart({ crash = false } = {}) {
      if (crash) {
        computer.killTimers()
        w.app.opened.db.close()
      } else w.app.services.reminders.stop()
      w.app.close()
      w.app = make()
      w.app.services.reminders.start()
    }
  }
  if (bedtime) onboard(w.app, bedtime)
  w.app.services.reminders.start()
  cleanups.push(() => {
    w.app.close()
    temp.cleanup()
  })
  return w
}

function onboard(app: TestApp, bedtime: string): Settings {
  return app.services.settings.completeOnboarding({
    profile: { name: 'Jo', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime },
    disclaimerAccepted: true
  })
}

/** Advances awake time to a wall-clock instant (the clock is steady in these tests). */
function until(w: World, ms: number): void {
  w.computer.advance(ms - w.computer.wallMs)
}

function log(app: TestApp): Array<{ kind: string; evening_date: string; outcome: string; due_ms: number; handled_ms: number }> {
  return app.opened.db.prepare('SELECT kind, evening_date, outcome, due_ms, handled_ms FROM reminder_log ORDER BY due_ms').all() as never
}

describe('the reminder service', () => {
  it('stays quiet until the first-run questions are answered', () => {
    const w = world(NOON, 'Europe/Berlin', null)
    w.computer.advance(3 * 24 * HOUR)
    expect(w.notifier.shown).toEqual([])
    expect(w.app.services.reminders.status()).toMatchObject({ next: null, quiet: 'not-set-up' })
  })

  it('shows tonight’s wind-down once, on the minute, in calm words that name bedtime and the first step', () => {
    const w = world()
    until(w, WIND_DOWN - 1)
    expect(w.notifier.shown).toEqual([])
    w.computer.advance(1)
    expect(w.notifier.shown).toEqual([
      {
        id: 'wind-down:2026-01-15',
        kind: 'wind-down',
        title: 'Time to wind down',
        body: 'Bedtime is at 22:30. Your routine starts with: dim the lights and turn the screens down.',
        route: '/wind-down',
        at: '2026-01-15T20:45:00.000Z',
        silent: false,
        shownAtMs: WIND_DOWN
      }
    ])
    w.computer.advance(6 * HOUR)
    expect(w.notifier.shown).toHaveLength(1)
  })

  it('names the next unticked step of the routine, and mutes the sound when asked', () => {
    const w = world()
    const first = w.app.services.routine.get().items[0]!
    w.app.services.routine.tick('2026-01-15', first.id, true)
    w.app.services.reminders.update({ sound: false })
    until(w, WIND_DOWN)
    expect(w.notifier.shown[0]).toMatchObject({ body: expect.stringContaining('Your routine starts with: set tomorrow’s meals in the planner.'), silent: true })
  })

  it('fires once every evening of a week, each at 21:45 Berlin time', () => {
    const w = world()
    w.computer.advance(7 * 24 * HOUR)
    expect(w.notifier.shown.map((n) => [n.id, new Date(n.shownAtMs).toISOString()])).toEqual(
      Array.from({ length: 7 }, (_, i) => {
        const date = `2026-01-${15 + i}`
        return [`wind-down:${date}`, `${date}T20:45:00.000Z`]
      })
    )
  })

  it('says what comes next, and moves on once it has fired', () => {
    const w = world()
    expect(w.app.services.reminders.status().next).toMatchObject({ kind: 'wind-down', text: 'Tonight 21:45', time: '21:45' })
    expect(w.app.services.reminders.status().sentence).toBe('Wind-down reminder at 21:45 every evening')
    until(w, WIND_DOWN + MINUTE)
    expect(w.app.services.reminders.status().next).toMatchObject({ text: 'Tomorrow 21:45', eveningDate: '2026-01-16' })
  })

  it('keeps exactly one timer for the next reminder, plus the periodic check, whatever changes', () => {
    const w = world()
    expect(w.computer.timerCount).toBe(2)
    for (const lead of [15, 30, 60, 90]) w.app.services.reminders.update({ leadMinutes: lead })
    w.app.services.settings.update({ profile: { bedtime: '23:00' } })
    expect(w.computer.timerCount).toBe(2)
    w.app.services.reminders.stop()
    expect(w.computer.timerCount).toBe(0)
  })

  describe('restarts', () => {
    it('never repeat an evening that already fired, after a clean quit or a crash', () => {
      const w = world()
      until(w, WIND_DOWN + 5 * MINUTE)
      w.restart()
      w.computer.advance(10 * MINUTE)
      w.restart({ crash: true })
      w.computer.advance(10 * MINUTE)
      expect(w.notifier.ids()).toEqual(['wind-down:2026-01-15'])
    })

    it('fire a reminder that came due while the app was closed, late but within 30 minutes', () => {
      const w = world()
      until(w, WIND_DOWN - 10 * MINUTE)
      w.app.services.reminders.stop()
      w.computer.killTimers()
      w.computer.sleep(35 * MINUTE) // the app is not running: nothing can fire
      w.restart()
      expect(w.notifier.shown).toHaveLength(1)
      expect(w.notifier.shown[0]!.shownAtMs - WIND_DOWN).toBe(25 * MINUTE)
    })

    it('record a reminder missed by more than 30 minutes without showing it', () => {
      const w = world()
      until(w, WIND_DOWN - 10 * MINUTE)
      w.app.services.reminders.stop()
      w.computer.killTimers()
      w.computer.sleep(3 * HOUR)
      w.restart()
      expect(w.notifier.shown).toEqual([])
      expect(log(w.app)).toEqual([
        { kind: 'wind-down', evening_date: '2026-01-15', outcome: 'missed', due_ms: WIND_DOWN, handled_ms: WIND_DOWN + 170 * MINUTE }
      ])
    })

    it('do not replay the past on a fresh install', () => {
      const w = world('2026-01-15T22:00:00Z')
      expect(w.notifier.shown).toEqual([])
      expect(log(w.app)).toEqual([])
    })
  })

  describe('sleep and clock changes', () => {
    it('a wake within the grace window shows the reminder once, late', () => {
      const w = world()
      until(w, WIND_DOWN - 15 * MINUTE)
      w.computer.sleep(40 * MINUTE)
      w.app.services.reminders.check('resume')
      w.app.services.reminders.check('unlock')
      w.computer.advance(2 * HOUR)
      expect(w.notifier.shown).toHaveLength(1)
      expect(w.notifier.shown[0]!.shownAtMs).toBe(WIND_DOWN + 25 * MINUTE)
    })

    it('without a resume event, the next periodic check catches up within a minute', () => {
      const w = world()
      until(w, WIND_DOWN - 15 * MINUTE)
      w.computer.sleep(20 * MINUTE)
      w.computer.advance(MINUTE)
      expect(w.notifier.shown).toHaveLength(1)
      expect(w.notifier.shown[0]!.shownAtMs - WIND_DOWN).toBeLessThanOrEqual(6 * MINUTE)
    })

    it('a night asleep records the evening as missed and shows nothing in the morning', () => {
      const w = world()
      until(w, WIND_DOWN - 15 * MINUTE)
      w.computer.sleep(10 * HOUR)
      w.app.services.reminders.check('resume')
      expect(w.notifier.shown).toEqual([])
      expect(log(w.app).map((r) => [r.evening_date, r.outcome])).toEqual([['2026-01-15', 'missed']])
    })

    it('a clock set back an hour after the reminder does not repeat it', () => {
      const w = world()
      until(w, WIND_DOWN + 10 * MINUTE)
      w.computer.jump(-HOUR)
      w.computer.advance(3 * HOUR)
      expect(w.notifier.ids()).toEqual(['wind-down:2026-01-15'])
    })

    it('a clock set forward past the reminder records it as missed; one set forward within grace shows it late', () => {
      const w = world()
      until(w, WIND_DOWN - 5 * MINUTE)
      w.computer.jump(HOUR)
      w.computer.advance(MINUTE)
      expect(w.notifier.shown).toEqual([])
      w.computer.advance(24 * HOUR - 56 * MINUTE)
      w.computer.jump(10 * MINUTE)
      w.computer.advance(MINUTE)
      expect(w.notifier.ids()).toEqual(['wind-down:2026-01-16'])
      expect(log(w.app).map((r) => r.outcome)).toEqual(['missed', 'fired'])
    })

    it('a move west does not repeat tonight at the new local time; tomorrow follows the new zone', () => {
      const w = world()
      until(w, WIND_DOWN + MINUTE)
      w.computer.zoneName = 'America/New_York'
      w.computer.advance(32 * HOUR)
      // 21:45 in New York on the 16th is 02:45Z on the 17th.
      expect(w.notifier.shown.map((n) => [n.id, new Date(n.shownAtMs).toISOString()])).toEqual([
        ['wind-down:2026-01-15', '2026-01-15T20:45:00.000Z'],
        ['wind-down:2026-01-16', '2026-01-17T02:45:00.000Z']
      ])
    })

    it('an unknown system time zone falls back to UTC instead of stopping reminders', () => {
      const w = world()
      w.computer.zoneName = 'Not/AZone'
      w.computer.advance(24 * HOUR)
      expect(w.notifier.shown.map((n) => new Date(n.shownAtMs).toISOString())).toEqual(['2026-01-15T21:45:00.000Z'])
    })
  })

  describe('snooze', () => {
    it('shows the reminder again ten minutes later, once per snooze', () => {
      const w = world()
      until(w, WIND_DOWN + 2 * MINUTE)
      const status = w.app.services.reminders.snooze('wind-down:2026-01-15')
      expect(status.snoozed).toEqual([expect.objectContaining({ id: 'wind-down:2026-01-15', time: '21:57' })])
      w.computer.advance(10 * MINUTE)
      expect(w.notifier.shown[1]).toMatchObject({
        id: 'wind-down:2026-01-15+1',
        body: expect.stringMatching(/^Here is the reminder you snoozed\. Bedtime is at 22:30\./),
        shownAtMs: WIND_DOWN + 12 * MINUTE
      })
      // Snoozing the snoozed one works too, and each round has its own id.
      w.app.services.reminders.snooze('wind-down:2026-01-15+1')
      w.computer.advance(2 * HOUR)
      expect(w.notifier.ids()).toEqual(['wind-down:2026-01-15', 'wind-down:2026-01-15+1', 'wind-down:2026-01-15+2'])
    })

    it('survives a restart', () => {
      const w = world()
      until(w, WIND_DOWN)
      w.app.services.reminders.snooze('wind-down:2026-01-15')
      w.computer.advance(4 * MINUTE)
      w.restart({ crash: true })
      w.computer.advance(7 * MINUTE)
      expect(w.notifier.ids()).toEqual(['wind-down:2026-01-15', 'wind-down:2026-01-15+1'])
      expect(w.notifier.shown[1]!.shownAtMs).toBe(WIND_DOWN + 10 * MINUTE)
    })

    it('is dropped when the evening is skipped meanwhile, or when the computer sleeps through it', () => {
      const w = world()
      until(w, WIND_DOWN)
      w.app.services.reminders.snooze('wind-down:2026-01-15')
      w.app.services.reminders.skipTonight()
      w.computer.advance(HOUR)
      expect(w.notifier.shown).toHaveLength(1)

      const v = world('2026-01-16T11:00:00Z')
      until(v, WIND_DOWN + 24 * HOUR)
      v.app.services.reminders.snooze('wind-down:2026-01-16')
      v.computer.sleep(2 * HOUR)
      v.app.services.reminders.check('resume')
      expect(v.notifier.shown).toHaveLength(1)
    })

    it('refuses a reminder that never fired, with a message for the user', async () => {
      const w = world()
      const result = await w.app.invoke('reminders.snooze', { id: 'wind-down:2026-01-15' })
      expect(result).toEqual({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/nothing to snooze/) } })
      const forged = await w.app.invoke('reminders.snooze', { id: 'anything' })
      expect(forged.ok).toBe(false)
    })
  })

  describe('skip and pause', () => {
    it('skip tonight silences this evening only, and can be undone', () => {
      const w = world()
      let status = w.app.services.reminders.skipTonight()
      expect(status.tonight).toEqual({ eveningDate: '2026-01-15', label: 'tonight', skipped: true, scheduled: true })
      expect(status.next?.eveningDate).toBe('2026-01-16')
      w.computer.advance(34 * HOUR) // to 22:00 on the 16th, before its 22:30 bedtime
      expect(w.notifier.ids()).toEqual(['wind-down:2026-01-16'])
      status = w.app.services.reminders.skipTonight()
      expect(status.tonight.eveningDate).toBe('2026-01-16')
      status = w.app.services.reminders.skipTonight(false)
      expect(status.tonight.skipped).toBe(false)
    })

    it('after bedtime, "tonight" means the next evening', () => {
      const w = world('2026-01-15T22:00:00Z') // 23:00 in Berlin, past the 22:30 bedtime
      expect(w.app.services.reminders.status().tonight).toMatchObject({ eveningDate: '2026-01-16', label: 'tomorrow evening' })
      const morning = world('2026-01-16T07:00:00Z')
      expect(morning.app.services.reminders.status().tonight).toMatchObject({ eveningDate: '2026-01-16', label: 'tonight' })
    })

    it('refuses to skip an evening that has passed', async () => {
      const w = world()
      const result = await w.app.invoke('reminders.skip', { eveningDate: '2026-01-14', skip: true })
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', fields: { eveningDate: 'That evening has already passed.' } }
      })
    })

    it('pause until a date keeps every evening up to it quiet, then reminders resume on their own', () => {
      const w = world()
      const status = w.app.services.reminders.update({ pausedUntil: '2026-01-17' })
      expect(status.pausedUntilLabel).toBe('until Sun 18 Jan 2026')
      expect(status.sentence).toBe('Reminders are paused until Sun 18 Jan 2026; then wind-down reminder at 21:45 every evening')
      w.computer.advance(4 * 24 * HOUR)
      expect(w.notifier.ids()).toEqual(['wind-down:2026-01-18'])
      expect(w.app.services.reminders.status().pausedUntilLabel).toBeNull()
    })

    it('rejects a pause more than a year away, and treats a pause already over as none', async () => {
      const w = world()
      const far = await w.app.invoke('reminders.update', { pausedUntil: '2027-06-01' })
      expect(far).toMatchObject({ ok: false, error: { fields: { pausedUntil: 'Choose a date within the next year.' } } })
      expect(w.app.services.reminders.update({ pausedUntil: '2026-01-10' }).prefs.pausedUntil).toBeNull()
    })

    it('turning reminders off stops them, and says so', () => {
      const w = world()
      const status = w.app.services.reminders.update({ enabled: false })
      expect(status).toMatchObject({ next: null, quiet: 'off', sentence: 'Reminders are off' })
      w.computer.advance(3 * 24 * HOUR)
      expect(w.notifier.shown).toEqual([])
    })
  })

  describe('settings changes', () => {
    it('re-plan the timer at once: an earlier bedtime fires at the new time', () => {
      const w = world()
      until(w, at('2026-01-15T19:00:00Z')) // 20:00 in Berlin
      w.app.services.settings.update({ profile: { bedtime: '21:00' } })
      w.computer.advance(20 * MINUTE)
      expect(w.notifier.shown.map((n) => new Date(n.shownAtMs).toISOString())).toEqual(['2026-01-15T19:15:00.000Z'])
    })

    it('never fire a reminder retroactively when the new time has just passed', () => {
      const w = world()
      until(w, at('2026-01-15T20:10:00Z')) // 21:10 in Berlin
      w.app.services.reminders.update({ leadMinutes: 90 }) // wind-down would have been 21:00
      w.computer.advance(2 * HOUR)
      expect(w.notifier.shown).toEqual([])
    })

    it('a later lead time moves tonight’s reminder', () => {
      const w = world()
      w.app.services.reminders.update({ leadMinutes: 15, lightsOut: true })
      w.computer.advance(12 * HOUR)
      expect(w.notifier.shown.map((n) => [n.kind, new Date(n.shownAtMs).toISOString()])).toEqual([
        ['wind-down', '2026-01-15T21:15:00.000Z'],
        ['lights-out', '2026-01-15T21:30:00.000Z']
      ])
      expect(w.notifier.shown[1]).toMatchObject({ title: 'Time for lights out', body: 'It is 22:30, your bedtime. Sleep well.' })
    })

    it('a lights-out reminder shown late says when bedtime was, without scolding', () => {
      const w = world()
      w.app.services.reminders.update({ lightsOut: true })
      until(w, WIND_DOWN + 40 * MINUTE)
      w.computer.sleep(15 * MINUTE) // asleep across the 22:30 lights-out
      w.app.services.reminders.check('resume')
      expect(w.notifier.shown.at(-1)).toMatchObject({ kind: 'lights-out', body: 'Your bedtime was 22:30. Sleep well.' })
    })

    it('the morning reminder opens the journal and asks without pressing', () => {
      const w = world()
      w.app.services.reminders.update({ morningLog: { enabled: true, time: '07:30' } })
      w.computer.advance(24 * HOUR)
      const morning = w.notifier.shown.find((n) => n.kind === 'morning-log')
      expect(morning).toMatchObject({
        id: 'morning-log:2026-01-15',
        route: '/journal',
        title: 'Good morning',
        shownAtMs: at('2026-01-16T06:30:00Z')
      })
      expect(morning!.body).not.toMatch(/forgot|missed|should|must/i)
    })
  })

  describe('the usual bedtime and per-weekday bedtimes', () => {
    it('every evening follows the profile’s usual bedtime until the weekdays get their own', () => {
      const w = world()
      w.app.services.settings.update({ profile: { bedtime: '23:00' } })
      expect(w.app.services.reminders.status().sentence).toBe('Wind-down reminder at 22:15 every evening')

      const split = w.app.services.reminders.update({ sameEveryEvening: false })
      expect(split.prefs.evenings.map((e) => e.bedtime)).toEqual(Array(7).fill('23:00'))

      const evenings = split.prefs.evenings.map((e, i) => (i >= 5 ? { ...e, bedtime: '00:15' } : e))
      w.app.services.reminders.update({ evenings })
      w.app.services.settings.update({ profile: { bedtime: '21:00' } })
      expect(w.app.services.reminders.status().sentence).toBe('Wind-down reminder at 22:15 on weeknights and at 23:30 on weekends')

      // Back to one bedtime: the usual one.
      expect(w.app.services.reminders.update({ sameEveryEvening: true }).sentence).toBe('Wind-down reminder at 20:15 every evening')
    })

    it('turning a weekday off leaves it out', () => {
      const w = world()
      const prefs = w.app.services.reminders.status().prefs
      const evenings = prefs.evenings.map((e, i) => (i === 4 || i === 5 ? { ...e, on: false } : e))
      expect(w.app.services.reminders.update({ evenings }).sentence).toBe('Wind-down reminder at 21:45 on Sun–Thu')
    })

    it('rejects a malformed bedtime with a message for that field, and saves nothing', async () => {
      const w = world()
      const before = w.app.services.reminders.status().prefs
      const evenings = before.evenings.map((e, i) => (i === 2 ? { ...e, bedtime: '25:00' } : e))
      const result = await w.app.invoke('reminders.update', { evenings, leadMinutes: 30 })
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', fields: { 'evenings.2.bedtime': 'Use a 24-hour time such as 22:30.' } }
      })
      expect(w.app.services.reminders.status().prefs).toEqual(before)
    })

    it('a damaged stored value falls back to its default without losing the others', () => {
      const w = world()
      w.app.services.reminders.update({ leadMinutes: 60, lightsOut: true })
      const stored = JSON.parse(w.app.opened.db.prepare("SELECT value FROM settings WHERE key = 'reminders'").pluck().get() as string)
      stored.leadMinutes = 'soon'
      w.app.opened.db.prepare("UPDATE settings SET value = ? WHERE key = 'reminders'").run(JSON.stringify(stored))
      expect(w.app.services.reminders.status().prefs).toMatchObject({ leadMinutes: 45, lightsOut: true })
    })
  })

  describe('when the system cannot show notifications', () => {
    it('keeps the reminder for the app window until it is dismissed', async () => {
      const w = world()
      w.notifier.supported = false
      until(w, WIND_DOWN)
      const pending = await w.app.invoke('reminders.pending')
      expect(pending).toEqual({ ok: true, value: [expect.objectContaining({ id: 'wind-down:2026-01-15', title: 'Time to wind down' })] })
      // Still there after a restart, still fired only once.
      w.restart()
      expect(w.app.services.reminders.pending()).toHaveLength(1)
      await w.app.invoke('reminders.dismissPending', { id: 'wind-down:2026-01-15' })
      expect(w.app.services.reminders.pending()).toEqual([])
      expect(w.notifier.shown).toHaveLength(1)
    })

    it('keeps it too when the notifier throws', () => {
      const w = world()
      w.notifier.show = () => {
        throw new Error('D-Bus went away')
      }
      until(w, WIND_DOWN)
      expect(w.app.services.reminders.pending().map((n) => n.id)).toEqual(['wind-down:2026-01-15'])
    })
  })

  it('a failed write does not lose the reminder: the next check shows it, late', () => {
    const w = world()
    until(w, WIND_DOWN - MINUTE)
    const db = w.app.opened.db
    db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON reminder_log BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    w.computer.advance(2 * MINUTE)
    expect(w.notifier.shown).toEqual([])
    db.exec('DROP TRIGGER refuse')
    w.computer.advance(MINUTE)
    expect(w.notifier.ids()).toEqual(['wind-down:2026-01-15'])
    expect(w.notifier.shown[0]!.shownAtMs - WIND_DOWN).toBeLessThanOrEqual(2 * MINUTE)
  })

  it('tells listeners (the tray) when the next reminder changes, not every minute', () => {
    const w = world()
    const seen: string[] = []
    w.app.services.reminders.onStatusChange((s) => seen.push(`${s.next?.text} ${s.tonight.skipped}`))
    w.computer.advance(HOUR)
    expect(seen).toEqual(['Tonight 21:45 false'])
    w.app.services.reminders.skipTonight()
    until(w, WIND_DOWN + MINUTE)
    expect(seen).toEqual(['Tonight 21:45 false', 'Tomorrow 21:45 true'])
  })
})
