import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  applyAutostart,
  AUTOSTART_FILE,
  autostartDir,
  autostartState,
  desktopEntry,
  quoteExecArgument,
  type AutostartEntry
} from '../../../src/main/shell/xdg-autostart'
import { makeTempDir } from '../../support/temp-dir'

let temp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  temp = makeTempDir('stillwell-autostart-')
})
afterEach(() => temp.cleanup())

const entry: AutostartEntry = {
  name: 'Stillwell',
  comment: 'Evening wind-down reminders',
  command: ['/opt/Stillwell/stillwell', '--background']
}

describe('the XDG autostart folder', () => {
  it('is $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when unset or relative', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/custom/config' }, '/home/ana')).toBe('/custom/config/autostart')
    expect(autostartDir({}, '/home/ana')).toBe('/home/ana/.config/autostart')
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative/path' }, '/home/ana')).toBe('/home/ana/.config/autostart')
    expect(autostartDir({ XDG_CONFIG_HOME: '' }, '/home/ana')).toBe('/home/ana/.config/autostart')
  })
})

describe('the desktop entry', () => {
  it('starts the app in the background at login', () => {
    expect(desktopEntry(entry)).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Stillwell',
        'Comment=Evening wind-down reminders',
        'Exec=/opt/Stillwell/stillwell --background',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        ''
      ].join('\n')
    )
  })

  it('quotes arguments as the Desktop Entry Specification asks', () => {
    expect(quoteExecArgument('/home/ana/Apps/Stillwell.AppImage')).toBe('/home/ana/Apps/Stillwell.AppImage')
    expect(quoteExecArgument('/home/ana/My Apps/Stillwell.AppImage')).toBe('"/home/ana/My Apps/Stillwell.AppImage"')
    expect(quoteExecArgument('/tmp/it\'s "$HOME"')).toBe('"/tmp/it\'s \\"\\$HOME\\""')
    expect(quoteExecArgument('100%')).toBe('100%%')
    expect(quoteExecArgument('')).toBe('""')
    // In the file, the string escape doubles backslashes once more.
    const line = desktopEntry({ ...entry, command: ['/a b/c\\d'] })
      .split('\n')
      .find((l) => l.startsWith('Exec='))
    expect(line).toBe('Exec="/a b/c\\\\\\\\d"')
  })

  it('cannot be broken by a line break in a value', () => {
    const text = desktopEntry({ ...entry, name: 'Still\nwell', command: ['/x', 'a\nHidden=true'] })
    expect(text.split('\n').filter((l) => l.startsWith('Hidden='))).toEqual([])
    expect(text).toContain('Name=Still well')
  })
})

describe('applying the setting', () => {
  const dir = (): string => join(temp.dir, 'config', 'autostart')

  it('writes the entry (creating the folder) when switched on, and removes it when switched off', () => {
    expect(applyAutostart(dir(), true, entry)).toBe('written')
    expect(readFileSync(join(dir(), AUTOSTART_FILE), 'utf8')).toBe(desktopEntry(entry))
    expect(autostartState(dir(), entry)).toBe('current')
    expect(applyAutostart(dir(), true, entry)).toBe('unchanged')
    expect(applyAutostart(dir(), false, entry)).toBe('removed')
    expect(existsSync(join(dir(), AUTOSTART_FILE))).toBe(false)
    expect(applyAutostart(dir(), false, entry)).toBe('unchanged')
  })

  it('rewrites an entry that points at an old location (a moved AppImage)', () => {
    applyAutostart(dir(), true, { ...entry, command: ['/old/Stillwell.AppImage', '--background'] })
    expect(autostartState(dir(), entry)).toBe('stale')
    expect(applyAutostart(dir(), true, entry)).toBe('written')
    expect(readFileSync(join(dir(), AUTOSTART_FILE), 'utf8')).toContain('Exec=/opt/Stillwell/stillwell --background')
  })

  it('leaves other programs’ entries alone and leaves no temporary files behind', () => {
    mkdirSync(dir(), { recursive: true })
    writeFileSync(join(dir(), 'other.desktop'), '[Desktop Entry]\nName=Other\n')
    applyAutostart(dir(), true, entry)
    applyAutostart(dir(), false, entry)
    expect(readdirSync(dir())).toEqual(['other.desktop'])
  })
})
