import { Notification } from 'electron'
import type { NotificationEvent } from '../../shared/contract'
import type { Notifier } from '../services/ports'

export interface DesktopNotifierOptions {
  iconPath?: string
  /** The notification was clicked: show the window on this route. */
  open(route: string): void
  /** The notification's "Snooze" button was pressed. */
  snooze(id: string): void
  /**
   * The system could not show it (no notification server, or showing failed):
   * the window, if open, shows it in the page. The reminder service keeps it
   * for the next time the window opens either way.
   */
  showInApp(event: NotificationEvent): void
  /** Keeps a notification that failed after it was handed over, for the window to show. */
  keepForApp(event: NotificationEvent): void
  log(message: string, error?: unknown): void
}

// Buttons on a native notification work on macOS and Windows; Linux servers vary, so there the app offers the snooze.
const ACTIONS_SUPPORTED = process.platform === 'darwin' || process.platform === 'win32'

/** Reminders as native notifications; where the system has none, the app shows them instead. */
export function createDesktopNotifier(options: DesktopNotifierOptions): Notifier {
  // A Notification that is garbage-collected loses its click handler: hold each until it is done with.
  const live = new Set<Notification>()
  let warned = false

  return {
    show(event) {
      if (!Notification.isSupported()) {
        if (!warned)
          options.log(
            'This system shows no desktop notifications (is a notification server running?). Reminders will appear inside Stillwell.'
          )
        warned = true
        options.showInApp(event)
        return false
      }
      const notification = new Notification({
        title: event.title,
        body: event.body,
        silent: event.silent === true,
        ...(options.iconPath ? { icon: options.iconPath } : {}),
        ...(ACTIONS_SUPPORTED ? { actions: [{ type: 'button' as const, text: 'Snooze 10 min' }] } : {})
      })
      const release = (): void => {
        live.delete(notification)
      }
      notification.on('click', () => {
        release()
        options.open(event.route ?? '/today')
      })
      notification.on('action', () => {
        release()
        options.snooze(event.id)
      })
      notification.on('close', release)
      notification.on('failed', (_event, error) => {
        release()
        options.log(`A reminder notification could not be shown: ${error}`)
        options.keepForApp(event)
        options.showInApp(event)
      })
      live.add(notification)
      notification.show()
      return true
    }
  }
}
