import { app } from 'electron'
import { homedir } from 'node:os'
import { applyAutostart, autostartDir } from './xdg-autostart'

/** Passed when the system starts Stillwell at login: it then starts quietly in the tray. */
export const BACKGROUND_ARG = '--background'

/** Makes the system start Stillwell at login, or stops it doing so. */
export function applyLaunchAtLogin(enabled: boolean, log: (message: string, error?: unknown) => void): void {
  try {
    if (process.platform === 'linux') {
      // An AppImage runs from a temporary mount: the entry must start the AppImage file itself.
      const appImage = process.env['APPIMAGE']
      const command = appImage
        ? [appImage, BACKGROUND_ARG]
        : app.isPackaged
          ? [process.execPath, BACKGROUND_ARG]
          : [process.execPath, app.getAppPath(), BACKGROUND_ARG]
      applyAutostart(autostartDir(process.env, homedir()), enabled, {
        name: 'Stillwell',
        comment: 'Evening wind-down reminders for restless legs and better sleep',
        command
      })
    } else if (process.platform === 'win32' || process.platform === 'darwin') {
      app.setLoginItemSettings({ openAtLogin: enabled, args: [BACKGROUND_ARG] })
    }
  } catch (error) {
    log('Could not change whether Stillwell starts at login', error)
  }
}

/** Whether this launch came from the login item (start hidden, in the tray). */
export function launchedAtLogin(): boolean {
  if (process.argv.includes(BACKGROUND_ARG)) return true
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true
}
