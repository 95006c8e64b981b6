import type { AppInfo, NotificationEvent } from '../../shared/contract'
import type { Notifier } from './ports'

/**
 * Help for when something goes wrong: a test reminder (Settings → Evening
 * reminders) and the diagnostic text of Settings → About. The text holds
 * versions, where the data is, the schema version and the last log lines;
 * never anything from the database (tests/unit/services/support.test.ts).
 */
export interface SupportService {
  testReminder(): { shown: boolean }
  diagnostics(): Promise<{ text: string; copied: boolean }>
}

export interface RuntimeVersions {
  electron?: string
  chrome?: string
  node: string
  /** e.g. "linux 6.8.0 (x64)". */
  os: string
}

export interface SupportDeps {
  app: () => Omit<AppInfo, 'notices'>
  versions: RuntimeVersions
  notifier?: Notifier
  now: () => Date
  /** The last lines of the app's log file, oldest first. */
  logTail?: (count: number) => string[]
  /** Where crash reports stay (they are never uploaded). */
  crashDumpsDir?: string
  /** Puts text on the system clipboard (Electron); false where the shell cannot (the page copies instead). */
  copy?: (text: string) => Promise<boolean>
}

export const DIAGNOSTIC_LOG_LINES = 30

export function diagnosticText(deps: Omit<SupportDeps, 'notifier' | 'copy'>): string {
  const app = deps.app()
  const v = deps.versions
  const runtime = [v.electron ? `Electron ${v.electron}` : null, v.chrome ? `Chrome ${v.chrome}` : null, `Node ${v.node}`]
  const log = deps.logTail?.(DIAGNOSTIC_LOG_LINES) ?? []
  return [
    `${app.name} ${app.version}${app.buildDate ? ` (built ${app.buildDate})` : ''}, ${app.shell === 'electron' ? 'desktop app' : 'web harness'}`,
    runtime.filter((part) => part !== null).join(', '),
    `System: ${v.os}`,
    `Data folder: ${app.dataDir}`,
    `Database schema version: ${app.schemaVersion}`,
    ...(deps.crashDumpsDir ? [`Crash reports (kept on this computer, never sent): ${deps.crashDumpsDir}`] : []),
    ...(app.trayAvailable === false ? ['Tray: no tray host found on this desktop'] : []),
    `Generated: ${deps.now().toISOString()}`,
    '',
    log.length > 0 ? `Last ${log.length} log lines:` : 'The log is empty.',
    ...log.map((line) => `  ${line}`)
  ].join('\n')
}

export function createSupportService(deps: SupportDeps): SupportService {
  return {
    testReminder() {
      const at = deps.now()
      const event: NotificationEvent = {
        id: `test-${at.getTime()}`,
        kind: 'test',
        title: 'Stillwell test reminder',
        body: 'This is how your evening reminders will appear.',
        route: '/settings/wind-down',
        at: at.toISOString(),
        silent: false
      }
      const shown = deps.notifier?.show(event)
      return { shown: shown !== false && deps.notifier !== undefined }
    },
    async diagnostics() {
      const text = diagnosticText(deps)
      let copied = false
      try {
        copied = (await deps.copy?.(text)) ?? false
      } catch {
        copied = false
      }
      return { text, copied }
    }
  }
}
