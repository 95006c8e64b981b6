/**
 * Whether this desktop shows tray icons. Electron's Linux tray is a
 * StatusNotifierItem, which only appears where a host has registered the
 * D-Bus name org.kde.StatusNotifierWatcher (KDE, Xfce, Cinnamon, GNOME with
 * the AppIndicator extension; stock GNOME has none). An app that hides into an
 * invisible tray is lost to its user, so the shell asks the session bus first.
 *
 * No D-Bus library: the question is one call, asked through the bus tools
 * every desktop ships (dbus-send, else gdbus). Plain Node, unit-tested with a
 * fake runner.
 */
import { execFile } from 'node:child_process'

export const WATCHER_NAME = 'org.kde.StatusNotifierWatcher'

export type TrayHost = 'present' | 'absent' | 'unknown'

/** Runs a program and resolves with its stdout; rejects if it cannot run or fails. */
export type Runner = (file: string, args: string[]) => Promise<string>

const QUERIES: Array<[string, string[]]> = [
  [
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--reply-timeout=2000',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${WATCHER_NAME}`
    ]
  ],
  [
    'gdbus',
    [
      'call',
      '--session',
      '--timeout=2',
      '--dest',
      'org.freedesktop.DBus',
      '--object-path',
      '/org/freedesktop/DBus',
      '--method',
      'org.freedesktop.DBus.NameHasOwner',
      WATCHER_NAME
    ]
  ]
]

/** Reads NameHasOwner's answer as dbus-send ("boolean true") or gdbus ("(true,)") prints it. */
export function parseNameHasOwner(output: string): boolean | null {
  const match = /\bboolean\s+(true|false)\b/.exec(output) ?? /^\s*\(\s*(true|false)\s*,?\s*\)\s*$/m.exec(output)
  return match ? match[1] === 'true' : null
}

const execRunner: Runner = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 3000, encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(stdout)))
  })

/**
 * 'present' off Linux (Windows and macOS always have a tray or menu bar), and
 * on Linux when the watcher name has an owner; 'absent' when the bus says it
 * has none; 'unknown' when no tool could ask (the shell then assumes a tray,
 * as before this check existed).
 */
export async function detectTrayHost(platform: NodeJS.Platform = process.platform, run: Runner = execRunner): Promise<TrayHost> {
  if (platform !== 'linux') return 'present'
  for (const [file, args] of QUERIES) {
    try {
      const answer = parseNameHasOwner(await run(file, args))
      if (answer !== null) return answer ? 'present' : 'absent'
    } catch {
      // Tool missing or no session bus: try the next one.
    }
  }
  return 'unknown'
}
