import type { NotificationEvent } from '../../shared/contract'

/**
 * What services need from the world outside them, passed in by whoever builds
 * them: the Electron shell, the web harness, or a test. Services never reach
 * for Electron or the system clock themselves.
 */

/** Where reminders go: a native notification in the app; stdout and the page in the harness. */
export interface Notifier {
  show(notification: NotificationEvent): void
}

/** Opens an https link outside the app (the system browser), after the user agreed. */
export interface ExternalLinks {
  open(url: string): Promise<boolean>
}

export interface Clock {
  /** The current instant. */
  now(): Date
  /** The user's IANA time zone, read each time: it can change while the app runs. */
  zone(): string
}

export const systemClock: Clock = {
  now: () => new Date(),
  zone: () => Intl.DateTimeFormat().resolvedOptions().timeZone
}
