import type { NotificationEvent } from '../../shared/contract'

/**
 * Where reminders go. The Electron shell shows a native notification; the web
 * harness prints a JSON line and pushes the notification into the page.
 */
export interface Notifier {
  show(notification: NotificationEvent): void
}
