import type { NotificationEvent } from '../../src/shared/contract'
import type { Clock, Notifier, Timers } from '../../src/main/services/ports'

interface PendingTimer {
  id: number
  /** Monotonic time at which it fires. */
  at: number
  callback: () => void
}

/**
 * A computer's sense of time, under the test's control. The wall clock (what
 * Date.now() says) and the monotonic clock timers run on are separate, as on a
 * real machine: while it sleeps the wall clock moves on and timers do not, and
 * a clock change (NTP, the user) moves the wall clock alone.
 */
export class FakeComputer implements Clock, Timers {
  wallMs: number
  monotonicMs = 0
  zoneName: string
  private pending: PendingTimer[] = []
  private nextId = 1

  constructor(startIso: string | number, zone: string) {
    this.wallMs = typeof startIso === 'number' ? startIso : Date.parse(startIso)
    this.zoneName = zone
  }

  now(): Date {
    return new Date(this.wallMs)
  }

  zone(): string {
    return this.zoneName
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++
    this.pending.push({ id, at: this.monotonicMs + Math.max(0, ms), callback })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.id !== handle)
  }

  get timerCount(): number {
    return this.pending.length
  }

  /** Awake time passes; timers fire in order, each seeing the wall clock at its moment. */
  advance(ms: number): void {
    const end = this.monotonicMs + ms
    for (;;) {
      const due = this.pending.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!due) break
      this.wallMs += due.at - this.monotonicMs
      this.monotonicMs = due.at
      this.pending = this.pending.filter((t) => t !== due)
      due.callback()
    }
    this.wallMs += end - this.monotonicMs
    this.monotonicMs = end
  }

  /** Asleep: the wall clock moves on, timers wait. */
  sleep(ms: number): void {
    this.wallMs += ms
  }

  /** The system clock is set forwards or backwards; timers are unaffected. */
  jump(ms: number): void {
    this.wallMs += ms
  }

  /** The process died: its timers go with it. */
  killTimers(): void {
    this.pending = []
  }
}

/** A notifier that remembers what it showed and when (by the wall clock). */
export class RecordingNotifier implements Notifier {
  readonly shown: Array<NotificationEvent & { shownAtMs: number }> = []
  /** When false, behaves like Linux without a notification server. */
  supported = true

  constructor(private readonly clock: Clock) {}

  show(notification: NotificationEvent): boolean {
    this.shown.push({ ...notification, shownAtMs: this.clock.now().getTime() })
    return this.supported
  }

  ids(): string[] {
    return this.shown.map((n) => n.id)
  }
}

/** A small seeded PRNG (mulberry32), so a failing simulation can be replayed. */
export interface SeededRandom {
  next(): number
  int(min: number, max: number): number
  chance(p: number): boolean
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p
  }
}
