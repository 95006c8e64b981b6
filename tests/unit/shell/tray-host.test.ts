import { describe, expect, it } from 'vitest'
import { detectTrayHost, parseNameHasOwner, WATCHER_NAME, type Runner } from '../../../src/main/shell/tray-host'

describe('finding a tray host on the session bus', () => {
  it('reads both tools’ answers', () => {
    expect(parseNameHasOwner('method return time=1.2 sender=org.freedesktop.DBus -> destination=:1.9 serial=3\n   boolean true\n')).toBe(
      true
    )
    expect(parseNameHasOwner('   boolean false\n')).toBe(false)
    expect(parseNameHasOwner('(true,)\n')).toBe(true)
    expect(parseNameHasOwner('(false,)\n')).toBe(false)
    expect(parseNameHasOwner('Error: no such name')).toBeNull()
  })

  it('asks for org.kde.StatusNotifierWatcher and says absent when it has no owner (stock GNOME)', async () => {
    const asked: string[][] = []
    const run: Runner = async (file, args) => {
      asked.push([file, ...args])
      return '   boolean false\n'
    }
    expect(await detectTrayHost('linux', run)).toBe('absent')
    expect(asked[0]![0]).toBe('dbus-send')
    expect(asked[0]).toContain(`string:${WATCHER_NAME}`)
  })

  it('falls back to gdbus when dbus-send is missing', async () => {
    const run: Runner = async (file) => {
      if (file === 'dbus-send') throw Object.assign(new Error('spawn dbus-send ENOENT'), { code: 'ENOENT' })
      return '(true,)\n'
    }
    expect(await detectTrayHost('linux', run)).toBe('present')
  })

  it('is unknown (and the shell keeps assuming a tray) when no tool can ask', async () => {
    const run: Runner = async () => {
      throw new Error('no session bus')
    }
    expect(await detectTrayHost('linux', run)).toBe('unknown')
  })

  it('does not ask on Windows or macOS, which always have a tray or menu bar', async () => {
    const run: Runner = async () => {
      throw new Error('must not run')
    }
    expect(await detectTrayHost('win32', run)).toBe('present')
    expect(await detectTrayHost('darwin', run)).toBe('present')
  })
})
