import { BrowserWindow, nativeTheme } from 'electron'
import type { KeyValueStore } from '../db/key-value-store'
import { loadWindowState, MIN_SIZE, trackWindowState } from '../shell/window-state'

export interface MainWindowOptions {
  preloadPath: string
  /** app://stillwell/index.html in the app, the Vite dev server during `npm run dev`. */
  url: string
  store: KeyValueStore
  iconPath?: string
  /** Shown minimised rather than in front (a start at login on a desktop without a tray). */
  startMinimized?: boolean
}

/** The one window factory: every window the app opens is created with these settings. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(options.store)
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Stillwell',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d22' : '#f7f4ef',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click must not open links in a new window (new windows are denied anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true
    }
  })
  if (state.maximized) window.maximize()
  trackWindowState(window, options.store)
  window.once('ready-to-show', () => {
    if (options.startMinimized) {
      window.showInactive()
      window.minimize()
    } else window.show()
  })
  void window.loadURL(options.url)
  return window
}
