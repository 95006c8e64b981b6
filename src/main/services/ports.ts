import type { NotificationEvent } from '../../shared/contract'

/**
 * What services need from the world outside them, passed in by whoever builds
 * them: the Electron shell, the web harness, or a test. Services never reach
 * for Electron or the system clock themselves.
 */

/** Where reminders go: a native notification in the app; stdout and the page in the harness. */
export interface Notifier {
  /**
   * Shows one notification. Returning false says the system could not show it
   * (for example Linux without a notification server): the reminder service
   * then keeps it for the app window to show the next time it opens.
   */
  show(notification: NotificationEvent): boolean | void
}

/** Opens an https link outside the app (the system browser), after the user agreed. */
export interface ExternalLinks {
  open(url: string): Promise<boolean>
}

export interface Clock {
  /** The current instant. */
  now(): Date
  /** The user's IANA time zone, read afresh (at most a second late): it can change while the app runs. */
  zone(): string
}

// Reading the system zone builds an Intl formatter (a tenth of a millisecond or more) and one save asks
// for it several times: the answer is kept for a second, timed on the monotonic clock so that a wall
// clock jumping back cannot keep it longer.
const ZONE_KEPT_MS = 1000
let zoneRead: { zone: string; at: number } | null = null

export const systemClock: Clock = {
  now: () => new Date(),
  zone: () => {
    const at = performance.now()
    if (zoneRead === null || at - zoneRead.at >= ZONE_KEPT_MS) {
      zoneRead = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone, at }
    }
    return zoneRead.zone
  }
}

/** Timers, injectable so tests drive the scheduler with a fake clock. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemTimers: Timers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms)
    // A pending reminder must not keep a stopping harness or test process alive.
    handle.unref?.()
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}
