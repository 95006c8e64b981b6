/**
 * A recording stand-in for the `electron` module, for loading the built main
 * process (out/main/index.js) in plain Node. Every part is typed against
 * Electron's own electron.d.ts (`satisfies Pick<…>` / `implements Pick<…>`), so
 * a method whose signature drifts in a new Electron fails `npm run typecheck`.
 * It keeps only what Electron would do that the app relies on: events, the
 * ready promise, window and quit order. Anything the app touches that is not
 * here throws, so the fake can never silently answer for a missing part.
 */
import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import type * as E from 'electron'

export interface Recorded {
  what: string
  args: unknown[]
  /** Whether app 'ready' had happened when the call was made. */
  afterReady: boolean
}

export interface FakeOptions {
  appPath: string
  userData: string
  documents?: string
  /** false: another instance holds the lock. */
  gotLock?: boolean
  notificationsSupported?: boolean
}

export interface FakeImage {
  path: string | null
  isEmpty(): boolean
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>
type IpcHandler = (event: unknown, input: unknown) => unknown

export function createFakeElectron(options: FakeOptions) {
  const calls: Recorded[] = []
  let ready = false
  let resolveReady: () => void = () => undefined
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve))
  const record = (what: string, ...args: unknown[]): void => {
    calls.push({ what, args, afterReady: ready })
  }
  const windows: FakeBrowserWindow[] = []
  const notifications: FakeNotification[] = []
  const trays: FakeTray[] = []
  const protocolHandlers = new Map<string, ProtocolHandler>()
  const ipcHandlers = new Map<string, IpcHandler>()
  let quitting = false
  let exited: number | null = null

  // --- app -------------------------------------------------------------------
  const appEvents = new EventEmitter()
  const paths: Record<string, string> = { userData: options.userData, documents: options.documents ?? options.userData }
  const pathOf = (name: string): string => paths[name] ?? (name === 'crashDumps' ? `${paths['userData']}/Crashpad` : '')

  /** Electron's order on quit: before-quit, every window closes (each may refuse), will-quit, quit. */
  function quit(): void {
    record('app.quit')
    if (quitting || exited !== null) return
    const before = preventable()
    appEvents.emit('before-quit', before.event)
    if (before.prevented()) return
    quitting = true
    for (const window of [...windows]) {
      window.close()
      if (!window.isDestroyed()) {
        quitting = false
        return
      }
    }
    const will = preventable()
    appEvents.emit('will-quit', will.event)
    if (will.prevented()) {
      quitting = false
      return
    }
    appEvents.emit('quit', {}, 0)
    exited = 0
  }

  const app = {
    on: (event: string, listener: (...args: never[]) => void) => {
      appEvents.on(event, listener as (...args: unknown[]) => void)
      return app
    },
    whenReady: (): Promise<void> => readyPromise,
    isReady: (): boolean => ready,
    quit,
    exit: (exitCode?: number): void => {
      record('app.exit', exitCode)
      exited = exitCode ?? 0
    },
    relaunch: (): void => record('app.relaunch'),
    requestSingleInstanceLock: (): boolean => {
      record('app.requestSingleInstanceLock')
      return options.gotLock ?? true
    },
    setName: (name: string): void => record('app.setName', name),
    getName: (): string => 'Stillwell',
    getVersion: (): string => '0.0.0-shell-test',
    setAppUserModelId: (id: string): void => record('app.setAppUserModelId', id),
    getPath: (name: Parameters<E.App['getPath']>[0]): string => {
      const path = pathOf(name)
      if (!path) throw new Error(`fake electron: no path for ${name}`)
      return path
    },
    setPath: (name: string, path: string): void => {
      record('app.setPath', name, path)
      paths[name] = path
    },
    getAppPath: (): string => options.appPath,
    getLocaleCountryCode: (): string => 'DE',
    // A British system: reminder texts in the shell tests read "21:45", as everywhere else in the tests.
    getSystemLocale: (): string => 'en-GB',
    getLocale: (): string => 'en-GB',
    setLoginItemSettings: (settings: E.Settings): void => record('app.setLoginItemSettings', settings),
    getLoginItemSettings: (): E.LoginItemSettings => ({ openAtLogin: false, wasOpenedAtLogin: false }) as unknown as E.LoginItemSettings,
    isPackaged: false
  } satisfies Pick<
    E.App,
    | 'whenReady'
    | 'isReady'
    | 'quit'
    | 'exit'
    | 'relaunch'
    | 'requestSingleInstanceLock'
    | 'setName'
    | 'getName'
    | 'getVersion'
    | 'setAppUserModelId'
    | 'getPath'
    | 'getAppPath'
    | 'getLocaleCountryCode'
    | 'getSystemLocale'
    | 'getLocale'
    | 'setLoginItemSettings'
    | 'getLoginItemSettings'
    | 'isPackaged'
  > & { on: unknown; setPath: unknown }

  // --- windows ---------------------------------------------------------------
  class FakeWebContents implements Pick<E.WebContents, 'send' | 'setWindowOpenHandler'> {
    readonly sent: Array<{ channel: string; args: unknown[] }> = []
    readonly events = new EventEmitter()
    send(channel: string, ...args: unknown[]): void {
      this.sent.push({ channel, args })
    }
    on(event: string, listener: (...args: unknown[]) => void): this {
      this.events.on(event, listener)
      return this
    }
    setWindowOpenHandler(handler: (details: E.HandlerDetails) => E.WindowOpenHandlerResponse): void {
      record('webContents.setWindowOpenHandler', handler)
    }
    async printToPDF(_options: E.PrintToPDFOptions): Promise<Buffer> {
      return Buffer.from('%PDF-')
    }
  }

  class FakeBrowserWindow implements Pick<
    E.BrowserWindow,
    | 'loadURL'
    | 'show'
    | 'hide'
    | 'focus'
    | 'close'
    | 'restore'
    | 'minimize'
    | 'maximize'
    | 'isMinimized'
    | 'isMaximized'
    | 'isVisible'
    | 'isDestroyed'
    | 'getNormalBounds'
  > {
    readonly options: E.BrowserWindowConstructorOptions
    readonly webContents = new FakeWebContents()
    readonly events = new EventEmitter()
    url: string | null = null
    visible = false
    minimized = false
    focused = false
    destroyed = false

    constructor(options: E.BrowserWindowConstructorOptions = {}) {
      this.options = options
      record('new BrowserWindow', options)
      windows.push(this)
    }
    on(event: string, listener: (...args: unknown[]) => void): this {
      this.events.on(event, listener)
      return this
    }
    once(event: string, listener: (...args: unknown[]) => void): this {
      this.events.once(event, listener)
      return this
    }
    async loadURL(url: string): Promise<void> {
      this.url = url
      record('window.loadURL', url)
      queueMicrotask(() => this.events.emit('ready-to-show'))
    }
    show(): void {
      this.visible = true
      this.minimized = false
    }
    showInactive(): void {
      this.visible = true
    }
    hide(): void {
      this.visible = false
    }
    focus(): void {
      this.focused = true
    }
    minimize(): void {
      this.minimized = true
    }
    restore(): void {
      this.minimized = false
    }
    maximize(): void {}
    isMinimized(): boolean {
      return this.minimized
    }
    isMaximized(): boolean {
      return false
    }
    isVisible(): boolean {
      return this.visible
    }
    isDestroyed(): boolean {
      return this.destroyed
    }
    getNormalBounds(): E.Rectangle {
      return { x: 10, y: 10, width: 1180, height: 800 }
    }
    /** As Electron: 'close' may be prevented; otherwise the window goes, and with the last one 'window-all-closed' (not while quitting). */
    close(): void {
      if (this.destroyed) return
      const close = preventable()
      this.events.emit('close', close.event)
      if (close.prevented()) return
      this.destroyed = true
      this.visible = false
      windows.splice(windows.indexOf(this), 1)
      this.events.emit('closed')
      if (windows.length === 0 && !quitting) appEvents.emit('window-all-closed')
    }
  }

  // --- notifications and tray ------------------------------------------------
  class FakeNotification implements Pick<E.Notification, 'show' | 'close'> {
    readonly options: E.NotificationConstructorOptions
    readonly events = new EventEmitter()
    shown = false
    static isSupported(): boolean {
      return options.notificationsSupported ?? true
    }
    constructor(notificationOptions: E.NotificationConstructorOptions = {}) {
      this.options = notificationOptions
      notifications.push(this)
    }
    on(event: string, listener: (...args: unknown[]) => void): this {
      this.events.on(event, listener)
      return this
    }
    show(): void {
      this.shown = true
      record('notification.show', this.options.title)
    }
    close(): void {
      this.events.emit('close', {})
    }
  }

  const nativeImage = {
    createFromPath: (path: string): E.NativeImage => {
      record('nativeImage.createFromPath', path)
      return { path, isEmpty: () => !existsSync(path) } satisfies FakeImage as unknown as E.NativeImage
    },
    createEmpty: (): E.NativeImage => ({ path: null, isEmpty: () => true }) satisfies FakeImage as unknown as E.NativeImage
  } satisfies Pick<typeof E.nativeImage, 'createFromPath' | 'createEmpty'>

  class FakeTray implements Pick<E.Tray, 'setToolTip' | 'setContextMenu' | 'destroy' | 'isDestroyed'> {
    readonly image: FakeImage
    readonly events = new EventEmitter()
    tooltip = ''
    menu: E.Menu | null = null
    destroyed = false
    constructor(image: E.NativeImage | string) {
      this.image = (typeof image === 'string' ? { path: image, isEmpty: () => !existsSync(image) } : image) as unknown as FakeImage
      trays.push(this)
      record('new Tray', this.image.path)
    }
    on(event: string, listener: (...args: unknown[]) => void): this {
      this.events.on(event, listener)
      return this
    }
    setToolTip(toolTip: string): void {
      this.tooltip = toolTip
    }
    setContextMenu(menu: E.Menu | null): void {
      this.menu = menu
    }
    destroy(): void {
      this.destroyed = true
      record('tray.destroy')
    }
    isDestroyed(): boolean {
      return this.destroyed
    }
  }

  // --- the rest of the surface the app uses ------------------------------------
  const protocol = {
    registerSchemesAsPrivileged: (schemes: E.CustomScheme[]): void => record('protocol.registerSchemesAsPrivileged', schemes),
    handle: (scheme: string, handler: (request: GlobalRequest) => GlobalResponse | Promise<GlobalResponse>): void => {
      record('protocol.handle', scheme)
      protocolHandlers.set(scheme, handler as ProtocolHandler)
    }
  } satisfies Pick<E.Protocol, 'registerSchemesAsPrivileged' | 'handle'>

  const ipcMain = {
    handle: (channel: string, listener: Parameters<E.IpcMain['handle']>[1]): void => {
      ipcHandlers.set(channel, listener as IpcHandler)
    },
    removeHandler: (channel: string): void => {
      ipcHandlers.delete(channel)
    }
  } satisfies Pick<E.IpcMain, 'handle' | 'removeHandler'>

  const webRequest = {
    onBeforeRequest: (listener: unknown): void => record('webRequest.onBeforeRequest', listener)
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: Parameters<E.Session['setPermissionRequestHandler']>[0]): void =>
        record('session.setPermissionRequestHandler', handler),
      setPermissionCheckHandler: (handler: Parameters<E.Session['setPermissionCheckHandler']>[0]): void =>
        record('session.setPermissionCheckHandler', handler),
      setDevicePermissionHandler: (handler: Parameters<E.Session['setDevicePermissionHandler']>[0]): void =>
        record('session.setDevicePermissionHandler', handler),
      webRequest
    } satisfies Pick<E.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
      webRequest: unknown
    }
  }

  const dialog = {
    showErrorBox: (title: string, content: string): void => record('dialog.showErrorBox', title, content),
    showMessageBox: async (): Promise<E.MessageBoxReturnValue> => ({ response: 1, checkboxChecked: false }),
    showSaveDialog: async (): Promise<E.SaveDialogReturnValue> => ({ canceled: true, filePath: '' })
  } satisfies Pick<typeof E.dialog, 'showErrorBox'> & { showMessageBox: unknown; showSaveDialog: unknown }

  const Menu = {
    buildFromTemplate: (template: Array<E.MenuItemConstructorOptions | E.MenuItem>): E.Menu => ({ template }) as unknown as E.Menu,
    setApplicationMenu: (menu: E.Menu | null): void => record('Menu.setApplicationMenu', menu)
  } satisfies Pick<typeof E.Menu, 'buildFromTemplate' | 'setApplicationMenu'>

  const nativeTheme = { themeSource: 'system' as E.NativeTheme['themeSource'], shouldUseDarkColors: false } satisfies Pick<
    E.NativeTheme,
    'themeSource' | 'shouldUseDarkColors'
  >

  const powerMonitor = new EventEmitter()
  const screen = {
    getAllDisplays: (): E.Display[] => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } } as E.Display]
  } satisfies Pick<E.Screen, 'getAllDisplays'>
  const shell = {
    openExternal: async (url: string): Promise<void> => record('shell.openExternal', url),
    openPath: async (path: string): Promise<string> => {
      record('shell.openPath', path)
      return ''
    }
  } satisfies Pick<E.Shell, 'openExternal' | 'openPath'>

  const clipboardText: string[] = []
  const clipboard = {
    writeText: async (text: string): Promise<void> => {
      clipboardText.push(text)
    }
  } satisfies Pick<E.Clipboard, 'writeText'>
  const crashReporter = {
    start: (crashOptions: E.CrashReporterStartOptions): void => record('crashReporter.start', crashOptions)
  } satisfies Pick<E.CrashReporter, 'start'>

  const parts: Record<string, unknown> = {
    clipboard,
    crashReporter,
    app,
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    Tray: FakeTray,
    nativeImage,
    protocol,
    ipcMain,
    session,
    dialog,
    Menu,
    nativeTheme,
    powerMonitor,
    screen,
    shell
  }
  // Any other export the app reaches for is a gap in this fake: fail loudly.
  const module = new Proxy(parts, {
    get(target, key) {
      if (typeof key === 'symbol' || key === '__esModule' || key === 'then' || key === 'default') return undefined
      if (!(key in target)) throw new Error(`fake electron: the app used electron.${key}, which this fake does not provide`)
      return target[key]
    }
  })

  return {
    module,
    calls,
    windows,
    notifications,
    trays,
    powerMonitor,
    appEvents,
    nativeTheme,
    /** Fires app 'ready' and waits for what the app started on it. */
    async ready(): Promise<void> {
      ready = true
      resolveReady()
      appEvents.emit('ready')
      await new Promise((resolve) => setImmediate(resolve))
    },
    /** A second launch of the app, as the single-instance lock reports it. */
    secondInstance(argv: string[] = []): void {
      appEvents.emit('second-instance', preventable().event, argv, process.cwd())
    },
    quit,
    get exitCode(): number | null {
      return exited
    },
    protocolHandler(scheme: string): ProtocolHandler | undefined {
      return protocolHandlers.get(scheme)
    },
    /** Calls an IPC channel as the app's own page would. */
    async invoke(channel: string, input?: unknown): Promise<unknown> {
      const handler = ipcHandlers.get(channel)
      if (!handler) throw new Error(`no IPC handler for ${channel}`)
      const event = { senderFrame: { url: 'app://stillwell/index.html', parent: null } }
      return await handler(event, input)
    },
    ipcChannels: (): string[] => [...ipcHandlers.keys()],
    clipboardText
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>

function preventable(): { event: { preventDefault(): void }; prevented(): boolean } {
  let prevented = false
  return {
    event: {
      preventDefault: () => {
        prevented = true
      }
    },
    prevented: () => prevented
  }
}

type GlobalRequest = globalThis.Request
type GlobalResponse = globalThis.Response
