import { Menu, Tray, nativeImage } from 'electron'

export interface TrayActions {
  open(): void
  quit(): void
}

/** The tray icon keeps the app reachable (and its reminders running) while the window is closed. */
export function createTray(iconPath: string, actions: TrayActions): Tray {
  const icon = nativeImage.createFromPath(iconPath)
  const tray = new Tray(icon.isEmpty() ? nativeImage.createEmpty() : icon)
  tray.setToolTip('Stillwell')
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Stillwell', click: actions.open },
      { type: 'separator' },
      { label: 'Quit Stillwell', click: actions.quit }
    ])
  )
  tray.on('click', actions.open)
  return tray
}
