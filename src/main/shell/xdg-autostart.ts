/**
 * "Launch at login" on Linux: an XDG autostart entry, a `.desktop` file in
 * `$XDG_CONFIG_HOME/autostart` (by default `~/.config/autostart`), which
 * GNOME, KDE, Xfce and most other desktops start at login. Plain Node (no
 * Electron) so it is tested on a temporary folder.
 *
 * Quoting follows the Desktop Entry Specification: an Exec argument holding a
 * reserved character is put in double quotes, inside which `"`, `` ` ``, `$`
 * and `\` get a backslash; `%` is doubled (it starts field codes); then the
 * whole value is escaped as a desktop-file string, which doubles backslashes
 * again.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'

export const AUTOSTART_FILE = 'stillwell.desktop'

export interface AutostartEntry {
  name: string
  comment: string
  /** The program and its arguments, unquoted. */
  command: string[]
  icon?: string
}

/** The autostart folder: $XDG_CONFIG_HOME/autostart when set to an absolute path, else ~/.config/autostart. */
export function autostartDir(env: Record<string, string | undefined>, home: string): string {
  const configHome = env['XDG_CONFIG_HOME']
  // The spec says a relative value is invalid and must be ignored.
  const base = configHome && isAbsolute(configHome) ? configHome : join(home, '.config')
  return join(base, 'autostart')
}

const RESERVED = /[\s"'\\><~|&;$*?#()`]/

/** One Exec argument, quoted only when it needs to be. */
export function quoteExecArgument(argument: string): string {
  const fieldCodesEscaped = argument.replace(/%/g, '%%')
  if (fieldCodesEscaped !== '' && !RESERVED.test(fieldCodesEscaped)) return fieldCodesEscaped
  return `"${fieldCodesEscaped.replace(/["`$\\]/g, (c) => `\\${c}`)}"`
}

/** A desktop-file string value: backslashes, newlines, tabs and carriage returns escaped. */
function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')
}

/** The single-line form every other key uses: no line breaks may sneak into the file. */
function singleLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ')
}

export function desktopEntry(entry: AutostartEntry): string {
  if (entry.command.length === 0) throw new Error('An autostart entry needs a command.')
  const lines = [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${escapeValue(singleLine(entry.name))}`,
    `Comment=${escapeValue(singleLine(entry.comment))}`,
    `Exec=${escapeValue(entry.command.map(quoteExecArgument).join(' '))}`,
    ...(entry.icon ? [`Icon=${escapeValue(singleLine(entry.icon))}`] : []),
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    ''
  ]
  return lines.join('\n')
}

/** Writes (or rewrites) the entry. Written beside and renamed, so a crash never leaves half a file. */
export function enableAutostart(dir: string, entry: AutostartEntry): string {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, AUTOSTART_FILE)
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, desktopEntry(entry), { mode: 0o644 })
  renameSync(temporary, path)
  return path
}

/** Removes Stillwell's entry (and nothing else). */
export function disableAutostart(dir: string): void {
  rmSync(join(dir, AUTOSTART_FILE), { force: true })
}

/**
 * Whether the entry exists and still starts this command (an AppImage that
 * moved, or an older version's entry, is rewritten by the caller).
 */
export function autostartState(dir: string, entry: AutostartEntry): 'absent' | 'current' | 'stale' {
  const path = join(dir, AUTOSTART_FILE)
  if (!existsSync(path)) return 'absent'
  try {
    return readFileSync(path, 'utf8') === desktopEntry(entry) ? 'current' : 'stale'
  } catch {
    return 'stale'
  }
}

/** Brings the autostart folder in line with the setting; returns what it did. */
export function applyAutostart(dir: string, enabled: boolean, entry: AutostartEntry): 'written' | 'removed' | 'unchanged' {
  const state = autostartState(dir, entry)
  if (!enabled) {
    if (state === 'absent') return 'unchanged'
    disableAutostart(dir)
    return 'removed'
  }
  if (state === 'current') return 'unchanged'
  enableAutostart(dir, entry)
  return 'written'
}
