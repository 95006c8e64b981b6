/**
 * The composition root of the desktop app: opens the database, builds the
 * services, binds the handler table to IPC and creates the window and tray.
 * Feature logic lives in services; this file only wires things together.
 */
import { app, type BrowserWindow, clipboard, crashReporter, dialog, Menu, nativeTheme, powerMonitor, shell } from 'electron'
import { existsSync } from 'node:fs'
import { release } from 'node:os'
import { join } from 'node:path'
import type { EventName, EventPayload, NotificationEvent, Settings } from '../shared/contract'
import { DatabaseFromTheFutureError, openDatabase, StorageUnavailableError, type OpenedDatabase } from './db/connection'
import { FOOD_CATALOGUE_BUILD_PATH, FOOD_CATALOGUE_PACKAGED_PATH } from './db/food-catalogue-file'
import { bindIpc } from './ipc/electron-binding'
import { createHandlers } from './ipc/handlers'
import { electronSqliteBinding, onDiskResource } from './paths'
import { createServices, type Services } from './services'
import { createPdfSaver } from './shell/pdf'
import { applyLaunchAtLogin, launchedAtLogin } from './shell/login-item'
import { buildAppMenu } from './shell/menu'
import { createLogFile } from './shell/log-file'
import { createDesktopNotifier } from './shell/notifications'
import { createTray, type AppTray } from './shell/tray'
import { detectTrayHost } from './shell/tray-host'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './windows/app-protocol'
import { createMainWindow } from './windows/main-window'
import { installSecurityGuards } from './windows/security'

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const allowedOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN]

// Tests and power users can keep everything (database and Chromium's own files) in one folder.
const dataDirOverride = process.env['STILLWELL_DATA_DIR']
if (dataDirOverride) app.setPath('userData', dataDirOverride)

// Crash dumps stay on this computer (in the data folder's Crashpad/); nothing is ever uploaded.
crashReporter.start({ uploadToServer: false })
// A small rotating log beside the data, for Settings → About's diagnostic info.
const logFile = createLogFile(join(app.getPath('userData'), 'logs'))

app.setName('Stillwell')
if (process.platform === 'win32') app.setAppUserModelId('org.stillwell.app')
registerAppScheme()

let mainWindow: BrowserWindow | null = null
let tray: AppTray | null = null
let services: Services | null = null
let quitting = false
/** The route to show once the page has loaded (a notification clicked while no window existed). */
const WIND_DOWN_ROUTE = '/wind-down'
const log = (message: string, error?: unknown): void => {
  console.error(message, error ?? '')
  logFile.write(message, error)
}
/** False once the shell knows this Linux desktop shows no tray icons: the window then minimises instead of hiding. */
let trayShown = true

if (!app.requestSingleInstanceLock()) {
  // Another Stillwell is running: it shows its window (see 'second-instance') and this one leaves.
  app.quit()
} else {
  app.on('second-instance', () => showWindow())
  app.on('before-quit', () => {
    quitting = true
  })
  app.whenReady().then(start, (error: unknown) => fatal('Stillwell could not start', error))
}

function start(): void {
  const dataDir = app.getPath('userData')
  logFile.write(`Stillwell ${app.getVersion()} started (Electron ${process.versions.electron}, ${process.platform} ${release()})`)
  // Asked of the session bus right away; only a start at login waits for the answer (see below).
  const trayCheck = detectTrayHost().then(
    (host) => host !== 'absent',
    () => true
  )
  let opened: OpenedDatabase
  try {
    opened = openDatabase({ dataDir, nativeBinding: nativeBinding() })
  } catch (error) {
    fatal('Stillwell cannot open your data', error)
    return
  }

  // Read by the services on every app.info call: trayAvailable is filled in once the tray check answers.
  const appInfo = {
    name: 'Stillwell',
    version: app.getVersion(),
    shell: 'electron' as const,
    dataDir,
    databasePath: opened.path,
    schemaVersion: opened.schemaVersion,
    buildDate: __STILLWELL_BUILD_DATE__,
    platform: process.platform,
    trayAvailable: true
  }
  void trayCheck.then((shown) => {
    trayShown = shown
    appInfo.trayAvailable = shown
    if (!shown) log('No tray host on this desktop (org.kde.StatusNotifierWatcher): closing the window minimises it instead.')
  })

  // Reminders arrive as native notifications; clicking one shows the window on its route.
  const notifier = createDesktopNotifier({
    iconPath: onDiskResource(app.getAppPath(), 'icon.png'),
    open: navigate,
    snooze: (id) => {
      try {
        services?.reminders.snooze(id)
      } catch (error) {
        log('Could not snooze the reminder', error)
      }
    },
    showInApp,
    keepForApp: (event) => services?.reminders.keepForApp(event),
    log
  })

  const built = createServices({
    db: opened.db,
    notifier,
    log,
    // Reminder times and weekdays as the system's regional format writes them (24- or 12-hour).
    locale: app.getSystemLocale() || app.getLocale(),
    pdf: createPdfSaver(
      () => mainWindow,
      () => app.getPath('documents')
    ),
    resourcesDir: join(app.getAppPath(), 'resources'),
    // Sleep imports: the system's open dialog; the path stays in the main process, the page gets a token.
    sleepFilePicker: async (format) => {
      const filters =
        format === 'apple'
          ? [{ name: 'Apple Health export', extensions: ['zip', 'xml'] }]
          : format === 'fitbit'
            ? [{ name: 'Fitbit sleep files', extensions: ['json', 'zip'] }]
            : [{ name: 'CSV', extensions: ['csv', 'txt', 'zip'] }]
      const options = { properties: ['openFile' as const], filters }
      const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
      return picked.canceled ? null : (picked.filePaths[0] ?? null)
    },
    // Outside the asar archive in a package (SQLite reads it as a plain file); beside the build in development.
    foodCatalogueFile: app.isPackaged
      ? join(process.resourcesPath, FOOD_CATALOGUE_PACKAGED_PATH)
      : join(app.getAppPath(), FOOD_CATALOGUE_BUILD_PATH),
    // The page asks first, in the app's own words ("Open this link in your browser?"), before it calls
    // app.openExternal, so a second native dialog here would only ask the same question twice.
    externalLinks: {
      open: async (url) => {
        await shell.openExternal(url)
        return true
      }
    },
    app: appInfo,
    support: {
      versions: {
        electron: process.versions.electron,
        chrome: process.versions.chrome,
        node: process.versions.node,
        os: `${process.platform} ${release()} (${process.arch})`
      },
      logTail: (count) => logFile.tail(count),
      crashDumpsDir: app.getPath('crashDumps'),
      copy: async (text) => {
        await clipboard.writeText(text)
        return true
      }
    },
    notices: opened.notices,
    dataShell: {
      // openPath resolves to an error message, or '' when the folder opened.
      openFolder: async (path) => (await shell.openPath(path)) === '',
      // A restore is staged beside the database and swapped in at the next start (see openDatabase).
      restart: () => {
        app.relaunch()
        app.quit()
      }
    }
  })
  services = built

  installSecurityGuards({ allowedOrigins, confirmExternal })
  const handlers = createHandlers(built)
  serveRenderer(join(__dirname, '../renderer'), handlers, { log })
  bindIpc(handlers, allowedOrigins, log)

  let launchAtLogin = built.settings.get().launchAtLogin
  applySettings(built.settings.get())
  // Refreshed at each start while on, so the entry follows an app that moved or was updated.
  if (launchAtLogin) applyLaunchAtLogin(true, log)
  built.settings.onChange((settings) => {
    applySettings(settings)
    if (settings.launchAtLogin !== launchAtLogin) applyLaunchAtLogin(settings.launchAtLogin, log)
    launchAtLogin = settings.launchAtLogin
  })

  Menu.setApplicationMenu(buildAppMenu({ navigate, quit: () => app.quit() }, !app.isPackaged))
  tray = createTray(
    join(app.getAppPath(), 'resources', 'tray.png'),
    {
      open: showWindow,
      startWindDown: () => navigate(WIND_DOWN_ROUTE),
      setSkipTonight: (skip) => {
        try {
          built.reminders.skipTonight(skip)
        } catch (error) {
          log('Could not change tonight’s reminders', error)
        }
      },
      quit: () => app.quit()
    },
    built.reminders.status()
  )
  built.reminders.onStatusChange((status) => tray?.update(status))
  // Started at login: stay in the tray until the user (or a reminder) opens the window, or, where
  // the desktop shows no tray, start minimised so the app can still be found.
  if (!launchedAtLogin()) openWindow(built)
  else
    void trayCheck.then((shown) => {
      if (!shown && !mainWindow) openWindow(built, undefined, true)
    })

  // Timers stop while the computer sleeps: look at the clock as soon as it wakes or unlocks.
  built.reminders.start()
  built.data.startDailyBackups()
  powerMonitor.on('resume', () => built.reminders.check('resume'))
  powerMonitor.on('unlock-screen', () => built.reminders.check('unlock'))

  app.on('activate', () => showWindow())
  app.on('window-all-closed', () => {
    if (!built.settings.get().keepRunningInTray && process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', (event) => {
    // A backup still being written needs the database open: quit again once it is done.
    const backups = built.data.finishBackups()
    if (backups) {
      event.preventDefault()
      void backups.then(() => app.quit())
      return
    }
    built.reminders.stop()
    built.data.stopDailyBackups()
    built.sleepImport.dispose()
    tray?.destroy()
    opened.db.close()
  })
}

function openWindow(services: Services, route?: string, minimized = false): void {
  const base = devServerUrl ?? `${APP_ORIGIN}/index.html`
  const window = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.cjs'),
    url: route ? `${base}#${route}` : base,
    store: services.keyValue,
    iconPath: join(app.getAppPath(), 'resources', 'icon.png'),
    startMinimized: minimized
  })
  // Closing the window hides it while the tray keeps the app (and its reminders) running; with no
  // tray to bring it back from, it is minimised instead.
  window.on('close', (event) => {
    if (!quitting && services.settings.get().keepRunningInTray && tray) {
      event.preventDefault()
      if (trayShown) window.hide()
      else window.minimize()
    }
  })
  window.on('closed', () => {
    mainWindow = null
  })
  mainWindow = window
}

function showWindow(): void {
  if (!mainWindow) {
    if (services) openWindow(services)
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

function send<E extends EventName>(event: E, payload: EventPayload<E>): void {
  mainWindow?.webContents.send(`event:${event}`, payload)
}

function navigate(route: string): void {
  // No window yet (started at login, or closed on macOS): open one straight on the route.
  if (!mainWindow) {
    if (services) openWindow(services, route)
    return
  }
  showWindow()
  send('navigate', { route })
}

/** A reminder the system could not show: an open page shows it now (it also waits for the next start). */
function showInApp(event: NotificationEvent): void {
  send('notification', event)
}

function applySettings(settings: Settings): void {
  nativeTheme.themeSource = settings.theme
}

async function confirmExternal(url: string): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url
  }
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options)
  return response === 0
}

function nativeBinding(): string | undefined {
  const path = electronSqliteBinding(app.isPackaged, app.getAppPath(), process.resourcesPath)
  if (existsSync(path)) return path
  if (app.isPackaged) throw new Error(`The database engine is missing from this installation (${path}). Please reinstall Stillwell.`)
  throw new Error(`better-sqlite3 has not been built for Electron yet (${path}). Run "npm run native:electron" or "npm start".`)
}

function fatal(title: string, error: unknown): void {
  const expected = error instanceof DatabaseFromTheFutureError || error instanceof StorageUnavailableError
  const message = error instanceof Error ? error.message : String(error)
  if (!expected) console.error(title, error)
  logFile.write(title, error)
  dialog.showErrorBox(title, message)
  app.exit(1)
}
