import type { MenuItemConstructorOptions } from 'electron'
import type { ReminderStatus } from '../../shared/contract'

export interface TrayActions {
  open(): void
  startWindDown(): void
  /** Skip the evening the status calls "tonight", or undo that skip. */
  setSkipTonight(skip: boolean): void
  quit(): void
}

/** The line that says what comes next, e.g. "Next reminder: Tonight 21:45". */
export function nextReminderLine(status: ReminderStatus | null): string {
  if (!status) return 'Reminders are starting…'
  if (status.next) return `Next reminder: ${status.next.text}`
  switch (status.quiet) {
    case 'not-set-up':
      return 'Reminders start after the first-run questions'
    case 'off':
      return 'Evening reminders are off'
    case 'paused':
      return `Reminders are paused ${status.pausedUntilLabel ?? ''}`.trim()
    default:
      return 'No reminder planned this week'
  }
}

/**
 * The tray's menu for a reminder status. Kept apart from the Tray itself (and
 * free of Electron at run time) so it is unit-tested: the next-reminder line
 * is a disabled item, and "Skip tonight" turns into its undo once used.
 */
export function trayMenuTemplate(status: ReminderStatus | null, actions: TrayActions): MenuItemConstructorOptions[] {
  const tonight = status?.tonight
  const skipItem: MenuItemConstructorOptions = tonight?.skipped
    ? { label: `Don’t skip ${tonight.label}`, click: () => actions.setSkipTonight(false) }
    : {
        label: tonight && tonight.label !== 'tonight' ? `Skip ${tonight.label}` : 'Skip tonight',
        enabled: Boolean(tonight?.scheduled),
        click: () => actions.setSkipTonight(true)
      }
  return [
    { label: nextReminderLine(status), enabled: false },
    { type: 'separator' },
    { label: 'Open Stillwell', click: actions.open },
    { label: 'Start wind-down now', click: actions.startWindDown },
    skipItem,
    { type: 'separator' },
    { label: 'Quit Stillwell', click: actions.quit }
  ]
}
