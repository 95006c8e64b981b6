import { afterEach, describe, expect, it } from 'vitest'
import type { NotificationEvent } from '../../../src/shared/contract'
import { createSupportService, diagnosticText, DIAGNOSTIC_LOG_LINES } from '../../../src/main/services/support'
import { startTestApp, type TestApp } from '../../support/app'

const apps: TestApp[] = []
afterEach(() => apps.splice(0).forEach((app) => app.close()))

const now = () => new Date('2026-12-01T08:00:00Z')

describe('diagnostic info', () => {
  it('names the app and build, the runtimes, the system, the data folder, the schema version and the last log lines', () => {
    const log = Array.from({ length: 50 }, (_, i) => `2026-12-01T07:${String(i).padStart(2, '0')}:00.000Z line ${i}`)
    const text = diagnosticText({
      app: () => ({
        name: 'Stillwell',
        version: '1.2.3',
        shell: 'electron',
        dataDir: '/home/sam/.config/Stillwell',
        databasePath: '/home/sam/.config/Stillwell/stillwell.db',
        schemaVersion: 6,
        buildDate: '2026-11-30',
        trayAvailable: false
      }),
      versions: { electron: '44.11.5', chrome: '146.0.1', node: '24.11.0', os: 'linux 6.8.0 (x64)' },
      now,
      logTail: (count) => log.slice(-count),
      crashDumpsDir: '/home/sam/.config/Stillwell/Crashpad'
    })
    const lines = text.split('\n')
    expect(lines.slice(0, 5)).toEqual([
      'Stillwell 1.2.3 (built 2026-11-30), desktop app',
      'Electron 44.11.5, Chrome 146.0.1, Node 24.11.0',
      'System: linux 6.8.0 (x64)',
      'Data folder: /home/sam/.config/Stillwell',
      'Database schema version: 6'
    ])
    expect(text).toContain('Crash reports (kept on this computer, never sent): /home/sam/.config/Stillwell/Crashpad')
    expect(text).toContain('Tray: no tray host found on this desktop')
    expect(text).toContain(`Last ${DIAGNOSTIC_LOG_LINES} log lines:`)
    expect(text).toContain('  2026-12-01T07:49:00.000Z line 49')
    expect(text).not.toContain('line 19')
  })

  it('holds nothing from the database: no journal, notes, profile, medications, labs or reminders', async () => {
    const app = startTestApp()
    apps.push(app)
    const onboarded = await app.invoke('settings.completeOnboarding', {
      profile: { name: 'Rosalind Quill', ageBand: '51-70', sex: 'female', lifeStage: 'none', bedtime: '23:10' },
      disclaimerAccepted: true
    })
    expect(onboarded.ok).toBe(true)
    const defaults = await app.invoke('journal.defaults')
    if (!defaults.ok) throw new Error('no defaults')
    const entry = await app.invoke('journal.create', {
      ...defaults.value.draft,
      eveningDate: '2026-11-30',
      severity: 8,
      notes: 'Calves burning at 2am after the pinot noir',
      factors: { ...defaults.value.draft.factors, magnesiumMg: 350, medications: ['pramipexole 0.125 mg'] }
    })
    expect(entry.ok).toBe(true)

    const result = await app.invoke('app.diagnostics')
    if (!result.ok) throw new Error(result.error.message)
    const text = result.value.text
    expect(result.value.copied).toBe(false) // the harness has no clipboard: the page copies
    expect(text).toContain('web harness')
    expect(text).toContain(`Data folder: ${app.dataDir}`)
    for (const secret of ['Rosalind', 'Quill', '23:10', '51-70', 'Calves', 'pinot', 'pramipexole', '350']) {
      expect(text, secret).not.toContain(secret)
    }
  })

  it('reports whether the shell put it on the clipboard, and survives a clipboard that fails', async () => {
    const base = { app: () => startedInfo, versions: { node: '24.0.0', os: 'x' }, now }
    expect((await createSupportService({ ...base, copy: async () => true }).diagnostics()).copied).toBe(true)
    const failing = createSupportService({
      ...base,
      copy: async () => {
        throw new Error('clipboard busy')
      }
    })
    expect(await failing.diagnostics()).toMatchObject({ copied: false, text: expect.stringContaining('Stillwell') })
  })
})

const startedInfo = {
  name: 'Stillwell',
  version: '1.0.0',
  shell: 'electron' as const,
  dataDir: '/d',
  databasePath: '/d/stillwell.db',
  schemaVersion: 6
}

describe('the test reminder', () => {
  it('goes through the same notifier as evening reminders and says whether the system showed it', () => {
    const shown: NotificationEvent[] = []
    const ok = createSupportService({
      app: () => startedInfo,
      versions: { node: '24', os: 'x' },
      now,
      notifier: { show: (e) => void shown.push(e) }
    })
    expect(ok.testReminder()).toEqual({ shown: true })
    expect(shown).toEqual([expect.objectContaining({ title: 'Stillwell test reminder', kind: 'test', route: '/settings/wind-down' })])

    const none = createSupportService({ app: () => startedInfo, versions: { node: '24', os: 'x' }, now, notifier: { show: () => false } })
    expect(none.testReminder()).toEqual({ shown: false })
  })
})
