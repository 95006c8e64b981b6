/**
 * The desktop shell's life, driven through the built main process with a
 * recording fake of Electron (see load-main.ts): what no browser test reaches.
 * Assertions are on what the app asked Electron to do and on real files.
 */
import Database from 'better-sqlite3'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { Script } from 'node:vm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import { CHANNELS } from '../../src/shared/contract'
import { launchMain, outDir, type LaunchedApp } from './load-main'

const launched: LaunchedApp[] = []
function launch(options: Parameters<typeof launchMain>[0] = {}): LaunchedApp {
  const app = launchMain(options)
  launched.push(app)
  return app
}

/** A fixed Wednesday evening in the machine's own zone, far from any DST change. */
const at = (hour: number, minute: number): Date => new Date(2026, 5, 10, hour, minute)

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at(20, 0))
})
afterEach(() => {
  for (const app of launched.splice(0)) app.cleanup()
  vi.useRealTimers()
})

/**
 * Fires 'ready' and waits for the first daily backup the app starts with, as
 * a user's session would. Quitting earlier is safe (the shell waits for the
 * backup before closing the database, tested below), but the quit then ends a
 * moment later; waiting here lets the other tests check the exit right away.
 */
async function ready(app: LaunchedApp): Promise<void> {
  await app.electron.ready()
  const backups = join(app.dataDir, 'backups')
  await vi.waitFor(() => expect(existsSync(backups) && readdirSync(backups).some((f) => /^stillwell-daily-.*\.db$/.test(f))).toBe(true), {
    timeout: 20_000
  })
}

const EVERY_EVENING = Array.from({ length: 7 }, () => ({ on: true, bedtime: '22:30' }))

async function setUpReminders(app: LaunchedApp): Promise<void> {
  const onboarded = await app.electron.invoke('settings.completeOnboarding', {
    profile: { name: '', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:30' },
    disclaimerAccepted: true
  })
  expect(onboarded).toMatchObject({ ok: true })
  const updated = await app.electron.invoke('reminders.update', {
    enabled: true,
    sameEveryEvening: true,
    evenings: EVERY_EVENING,
    leadMinutes: 60,
    lightsOut: true
  })
  expect(updated).toMatchObject({ ok: true })
}

describe('before ready', () => {
  it('takes the single-instance lock and registers app: as a privileged scheme before the app is ready', () => {
    const { electron } = launch()
    const lock = electron.calls.find((c) => c.what === 'app.requestSingleInstanceLock')
    expect(lock?.afterReady).toBe(false)
    const scheme = electron.calls.find((c) => c.what === 'protocol.registerSchemesAsPrivileged')
    expect(scheme?.afterReady).toBe(false)
    expect(scheme?.args[0]).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) }
    ])
    // Nothing is opened until Electron is ready.
    expect(electron.windows).toHaveLength(0)
    expect(electron.ipcChannels()).toEqual([])
  })

  it('keeps crash dumps local: the crash reporter starts with uploads off, before ready', () => {
    const { electron } = launch()
    const start = electron.calls.find((c) => c.what === 'crashReporter.start')
    expect(start?.afterReady).toBe(false)
    expect(start?.args[0]).toMatchObject({ uploadToServer: false })
  })

  it('a second copy, refused the lock, quits without opening the data or a window', async () => {
    const { electron, dataDir } = launch({ gotLock: false })
    expect(electron.calls.map((c) => c.what)).toContain('app.quit')
    await electron.ready() // no backup to wait for: nothing may start
    expect(electron.windows).toHaveLength(0)
    expect(existsSync(join(dataDir, 'stillwell.db'))).toBe(false)
  })
})

describe('on ready', () => {
  it('opens the database in the data folder and binds every IPC channel', async () => {
    const app = launch()
    const { electron, dataDir } = app
    await ready(app)
    expect(statSync(join(dataDir, 'stillwell.db')).size).toBeGreaterThan(0)
    expect(electron.ipcChannels().sort()).toEqual([...CHANNELS].sort())
    expect(await electron.invoke('settings.get')).toMatchObject({ ok: true, value: { onboarded: false } })
  })

  it('creates the window isolated, sandboxed, without Node and with web security, on the app: page', async () => {
    const app = launch()
    const { electron } = app
    await ready(app)
    expect(electron.windows).toHaveLength(1)
    const [window] = electron.windows
    const prefs = window!.options.webPreferences!
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(window!.url).toBe('app://stillwell/index.html')
    await vi.waitFor(() => expect(window!.isVisible()).toBe(true))
  })

  it('names a preload that exists under out/ and is one CommonJS file (a sandboxed preload cannot import)', async () => {
    const app = launch()
    const { electron } = app
    await ready(app)
    const preload = electron.windows[0]!.options.webPreferences!.preload!
    expect(relative(outDir, preload).startsWith('..')).toBe(false)
    expect(existsSync(preload)).toBe(true)
    const code = readFileSync(preload, 'utf8')
    // Compiles as the body of a CommonJS wrapper: an import or export statement would be a syntax error here.
    expect(() => new Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`)).not.toThrow()
    expect(code).toMatch(/require\(["']electron["']\)/)
  })

  it('serves out/renderer over app:// with the CSP header, and refuses paths outside it', async () => {
    const app = launch()
    const { electron } = app
    await ready(app)
    const handler = electron.protocolHandler('app')!
    expect(handler).toBeDefined()
    const get = (url: string) => Promise.resolve(handler(new Request(url)))

    const page = await get('app://stillwell/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toContain(CONTENT_SECURITY_POLICY)
    // The built page, with the first screen's settings from the real handler table at the end of its head.
    const html = await page.text()
    const block = / {2}<script type="application\/json" id="stillwell-start">([^<]*)<\/script>\n {2}(?=<\/head>)/.exec(html)
    expect(block).not.toBeNull()
    expect(JSON.parse(block![1]!)).toEqual({ 'settings.get': expect.objectContaining({ onboarded: false, theme: 'system' }) })
    expect(html.replace(block![0], '')).toBe(readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8'))
    expect((await get('app://stillwell/')).status).toBe(200)

    for (const outside of [
      'app://stillwell/%2e%2e/%2e%2e/package.json',
      'app://stillwell/..%2f..%2fpackage.json',
      'app://stillwell/%2e%2e/main/index.js',
      'app://elsewhere/index.html',
      'app://stillwell/no-such-file.js'
    ]) {
      expect((await get(outside)).status, outside).toBe(404)
    }
  })

  it('builds the tray from an icon file that exists', async () => {
    const app = launch()
    const { electron } = app
    await ready(app)
    expect(electron.trays).toHaveLength(1)
    const [tray] = electron.trays
    expect(tray!.image.path).toBeTruthy()
    expect(existsSync(tray!.image.path!)).toBe(true)
    expect(tray!.image.isEmpty()).toBe(false)
    expect(tray!.tooltip).toMatch(/^Stillwell · /)
  })
})

describe('reminders', () => {
  it('a due wind-down becomes a notification when the computer resumes; clicking it shows the window on /wind-down', async () => {
    const app = launch()
    await ready(app)
    await setUpReminders(app)
    const window = app.electron.windows[0]!
    window.close() // kept in the tray (the default): hidden, not destroyed
    expect(window.isDestroyed()).toBe(false)
    expect(window.isVisible()).toBe(false)
    expect(app.electron.notifications).toHaveLength(0)

    // The computer slept through 21:30 (timers do not run while asleep) and wakes at 21:31.
    vi.setSystemTime(at(21, 31))
    expect(app.electron.notifications).toHaveLength(0)
    app.electron.powerMonitor.emit('resume')
    expect(app.electron.notifications).toHaveLength(1)
    const [notification] = app.electron.notifications
    expect(notification!.shown).toBe(true)
    expect(notification!.options.title).toBe('Time to wind down')
    expect(notification!.options.body).toMatch(/^Bedtime is at 22:30\. /)
    expect(existsSync(String(notification!.options.icon))).toBe(true)

    notification!.events.emit('click')
    expect(window.isVisible()).toBe(true)
    expect(window.webContents.sent).toContainEqual({ channel: 'event:navigate', args: [{ route: '/wind-down' }] })
  })

  it('unlocking the screen also makes the reminder service look at the clock', async () => {
    const app = launch()
    await ready(app)
    await setUpReminders(app)
    vi.setSystemTime(at(22, 31))
    app.electron.powerMonitor.emit('unlock-screen')
    const titles = app.electron.notifications.map((n) => n.options.title)
    // The wind-down, an hour late by now, is recorded as missed rather than shown.
    expect(titles).toEqual(['Time for lights out'])
  })
})

describe('windows and quitting', () => {
  it('a second launch brings the existing window back instead of opening another', async () => {
    const app = launch()
    const { electron } = app
    await ready(app)
    const window = electron.windows[0]!
    window.minimize()
    electron.secondInstance(['stillwell'])
    expect(electron.windows).toHaveLength(1)
    expect(window.isMinimized()).toBe(false)
    expect(window.isVisible()).toBe(true)
    expect(window.focused).toBe(true)
  })

  it('with "keep running in the tray" on, closing the window keeps the app running', async () => {
    const app = launch()
    const { electron } = app
    await ready(app)
    electron.windows[0]!.close()
    expect(electron.windows).toHaveLength(1)
    expect(electron.calls.map((c) => c.what)).not.toContain('app.quit')
    expect(electron.exitCode).toBeNull()
  })

  it('with it off, closing the window quits, and the database is closed cleanly (no -wal left)', async () => {
    const app = launch()
    const { electron, dataDir } = app
    await ready(app)
    expect(await electron.invoke('settings.update', { keepRunningInTray: false })).toMatchObject({ ok: true })
    electron.windows[0]!.close()
    if (process.platform === 'darwin') return // macOS apps stay in the Dock
    expect(electron.exitCode).toBe(0)
    expect(electron.calls.map((c) => c.what)).toContain('tray.destroy')
    expect(existsSync(join(dataDir, 'stillwell.db-wal'))).toBe(false)
    const db = new Database(join(dataDir, 'stillwell.db'), { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      db.close()
    }
  })

  it('quitting while the first daily backup is being written waits for it: a whole backup, no partial file, no error logged', async () => {
    const app = launch()
    await app.electron.ready()
    app.electron.quit()
    // The quit is held while the backup is written, then goes ahead by itself.
    await vi.waitFor(() => expect(app.electron.exitCode).toBe(0), { timeout: 20_000 })
    expect(app.electron.windows).toHaveLength(0)
    const backups = readdirSync(join(app.dataDir, 'backups'))
    expect(backups).toEqual([expect.stringMatching(/^stillwell-daily-.*\.db$/)])
    const copy = new Database(join(app.dataDir, 'backups', backups[0]!), { readonly: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      copy.close()
    }
    expect(existsSync(join(app.dataDir, 'stillwell.db-wal'))).toBe(false)
    expect(readFileSync(join(app.dataDir, 'logs', 'stillwell.log'), 'utf8')).not.toMatch(/could not be written|connection is not open/)
  })

  it('quitting from the tray closes the window and the database, keeping what was saved', async () => {
    const app = launch()
    await ready(app)
    await setUpReminders(app)
    app.electron.quit()
    expect(app.electron.exitCode).toBe(0)
    expect(app.electron.windows).toHaveLength(0)
    expect(existsSync(join(app.dataDir, 'stillwell.db-wal'))).toBe(false)
    const db = new Database(join(app.dataDir, 'stillwell.db'), { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    } finally {
      db.close()
    }
    // The next start finds the onboarding done.
    const again = launch({ userData: app.dataDir })
    await again.electron.ready()
    expect(await again.electron.invoke('settings.get')).toMatchObject({ ok: true, value: { onboarded: true } })
  })
})

/** A session bus that says no StatusNotifier host is registered (stock GNOME), through a dbus-send on PATH. */
function withoutTrayHost(): () => void {
  const bin = mkdtempSync(join(tmpdir(), 'stillwell-dbus-'))
  writeFileSync(join(bin, 'dbus-send'), '#!/bin/sh\necho "method return time=1 sender=org.freedesktop.DBus"\necho "   boolean false"\n')
  chmodSync(join(bin, 'dbus-send'), 0o755)
  const path = process.env['PATH']
  process.env['PATH'] = `${bin}:${path}`
  return () => {
    process.env['PATH'] = path
    rmSync(bin, { recursive: true, force: true })
  }
}

describe.runIf(process.platform === 'linux')('a Linux desktop without a tray', () => {
  it('closing the window minimises it instead of hiding it, and Settings learns why', async () => {
    const restore = withoutTrayHost()
    try {
      const app = launch()
      await ready(app)
      await vi.waitFor(async () => expect(await app.electron.invoke('app.info')).toMatchObject({ value: { trayAvailable: false } }))
      const window = app.electron.windows[0]!
      await vi.waitFor(() => expect(window.isVisible()).toBe(true))
      window.close()
      expect(window.isDestroyed()).toBe(false)
      expect(window.isMinimized()).toBe(true)
      expect(window.isVisible()).toBe(true)
      expect(readFileSync(join(app.dataDir, 'logs', 'stillwell.log'), 'utf8')).toContain('No tray host on this desktop')
    } finally {
      restore()
    }
  })

  it('a start at login opens the window minimised rather than hidden in a tray nobody sees', async () => {
    const restore = withoutTrayHost()
    process.argv.push('--background')
    try {
      const app = launch()
      await ready(app)
      await vi.waitFor(() => expect(app.electron.windows).toHaveLength(1))
      const window = app.electron.windows[0]!
      await vi.waitFor(() => expect(window.isMinimized()).toBe(true))
      expect(window.focused).toBe(false)
    } finally {
      process.argv.splice(process.argv.indexOf('--background'), 1)
      restore()
    }
  })

  it('with a tray host, a start at login stays in the tray', async () => {
    process.argv.push('--background')
    try {
      const app = launch()
      await ready(app)
      expect(app.electron.windows).toHaveLength(0)
      expect(app.electron.trays).toHaveLength(1)
    } finally {
      process.argv.splice(process.argv.indexOf('--background'), 1)
    }
  })
})

describe('when something goes wrong', () => {
  it('writes a log in the data folder and copies diagnostic info with versions, the data folder and the log, no health data', async () => {
    const app = launch()
    await ready(app)
    await setUpReminders(app)
    const note = 'Legs crawling after the red wine, took 300 mg magnesium'
    const defaults = (await app.electron.invoke('journal.defaults')) as { value: { draft: Record<string, unknown> } }
    const saved = await app.electron.invoke('journal.create', {
      ...defaults.value.draft,
      eveningDate: '2026-06-09',
      severity: 7,
      notes: note
    })
    expect(saved).toMatchObject({ ok: true })

    const log = readFileSync(join(app.dataDir, 'logs', 'stillwell.log'), 'utf8')
    expect(log).toMatch(/^\d{4}-\d\d-\d\dT.* Stillwell 0\.0\.0-shell-test started/m)

    const result = (await app.electron.invoke('app.diagnostics')) as { ok: true; value: { text: string; copied: boolean } }
    expect(result.value.copied).toBe(true)
    expect(app.electron.clipboardText).toEqual([result.value.text])
    const text = result.value.text
    expect(text).toMatch(/^Stillwell 0\.0\.0-shell-test \(built \d{4}-\d\d-\d\d\), desktop app$/m)
    expect(text).toContain(`Node ${process.versions.node}`)
    expect(text).toContain(`Data folder: ${app.dataDir}`)
    expect(text).toMatch(/^Database schema version: \d+$/m)
    expect(text).toContain('Crash reports (kept on this computer, never sent)')
    expect(text).toContain('Stillwell 0.0.0-shell-test started')
    for (const privateText of [note, 'red wine', '300 mg', '22:30']) expect(text).not.toContain(privateText)
  })

  it('"Send a test reminder" shows a notification the way evening reminders arrive', async () => {
    const app = launch()
    await ready(app)
    expect(await app.electron.invoke('app.testReminder')).toEqual({ ok: true, value: { shown: true } })
    expect(app.electron.notifications).toHaveLength(1)
    expect(app.electron.notifications[0]!.options).toMatchObject({ title: 'Stillwell test reminder' })
    expect(app.electron.notifications[0]!.shown).toBe(true)
  })
})
