import { Menu, Tray, nativeImage } from 'electron'
import type { ReminderStatus } from '../../shared/contract'
import { nextReminderLine, trayMenuTemplate, type TrayActions } from './tray-menu'

export type { TrayActions }

export interface AppTray {
  tray: Tray
  /** Rebuilds the menu and tooltip for a new reminder status. */
  update(status: ReminderStatus | null): void
  destroy(): void
}

/** The tray icon keeps the app reachable (and its reminders running) while the window is closed. */
export function createTray(iconPath: string, actions: TrayActions, status: ReminderStatus | null = null): AppTray {
  const icon = nativeImage.createFromPath(iconPath)
  const tray = new Tray(icon.isEmpty() ? nativeImage.createEmpty() : icon)
  const update = (next: ReminderStatus | null): void => {
    if (tray.isDestroyed()) return
    tray.setToolTip(`Stillwell · ${nextReminderLine(next)}`)
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(next, actions)))
  }
  update(status)
  tray.on('click', actions.open)
  return { tray, update, destroy: () => tray.destroy() }
}
