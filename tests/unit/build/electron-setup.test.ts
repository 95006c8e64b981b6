import { describe, expect, it } from 'vitest'
import { firstErrorLine, oneLine, prepareElectron, retryCommand, type SetupInput } from '../../../src/build/electron-setup.mjs'

/**
 * A machine as the launcher sees it: whether Electron's binary is installed,
 * what a fetch does (installs it, or fails like an offline machine), and
 * whether the Electron build of better-sqlite3 is current.
 */
function machine(options: {
  binary: boolean
  fetch?: 'installs' | Error
  nativeCurrent?: boolean
  build?: 'ok' | Error
  env?: Record<string, string>
}) {
  let installed = options.binary
  let nativeOk = options.nativeCurrent ?? true
  const calls: string[] = []
  const input: SetupInput = {
    env: { npm_lifecycle_event: 'start', ...options.env },
    electronVersion: '44.11.5',
    binary: { present: () => installed },
    fetchBinary: async () => {
      calls.push('fetch')
      if (options.fetch instanceof Error) throw options.fetch
      if (options.fetch === 'installs') installed = true
    },
    native: { current: () => nativeOk },
    buildNative: async () => {
      calls.push('build')
      if (options.build instanceof Error) throw options.build
      nativeOk = true
    }
  }
  return { input, calls }
}

describe('preparing Electron before the desktop app starts', () => {
  it('uses an installed binary and a current native build without fetching or building', async () => {
    const { input, calls } = machine({ binary: true, nativeCurrent: true })
    expect(await prepareElectron(input)).toEqual({ status: 'ready', fetched: false, built: false })
    expect(calls).toEqual([])
  })

  it('fetches a missing binary, then builds the native module, in that order', async () => {
    const { input, calls } = machine({ binary: false, fetch: 'installs', nativeCurrent: false })
    expect(await prepareElectron(input)).toEqual({ status: 'ready', fetched: true, built: true })
    expect(calls).toEqual(['fetch', 'build'])
  })

  it('rebuilds a stale native module (another Electron or better-sqlite3) even when the binary is there', async () => {
    const { input, calls } = machine({ binary: true, nativeCurrent: false })
    expect(await prepareElectron(input)).toEqual({ status: 'ready', fetched: false, built: true })
    expect(calls).toEqual(['build'])
  })

  it('offline: one short message with the download error on one line, how to retry and npm run web; nothing built', async () => {
    const offline = new TypeError('fetch failed (getaddrinfo ENOTFOUND github.com)\n    at node:internal/deps/undici:1:1')
    const { input, calls } = machine({ binary: false, fetch: offline, nativeCurrent: false })
    const result = await prepareElectron(input)
    expect(calls).toEqual(['fetch'])
    expect(result.status).toBe('failed')
    const message = result.status === 'failed' ? result.message : ''
    const lines = message.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toBe('stillwell: Could not download Electron 44.11.5: fetch failed (getaddrinfo ENOTFOUND github.com).')
    expect(lines[1]).toContain('run "npm start" again')
    expect(lines[2]).toContain('npm run web')
    expect(message).not.toMatch(/\bat node:/)
  })

  it('names the mirror it tried when ELECTRON_MIRROR is set', async () => {
    const { input } = machine({
      binary: false,
      fetch: new Error('HTTPError: Response code 404 (Not Found)'),
      env: { ELECTRON_MIRROR: 'https://mirror.example/electron/' }
    })
    const result = await prepareElectron(input)
    expect(result.status === 'failed' && result.message).toContain(
      'from https://mirror.example/electron/: HTTPError: Response code 404 (Not Found).'
    )
  })

  it('does not fetch when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says which variable to unset', async () => {
    const { input, calls } = machine({
      binary: false,
      fetch: 'installs',
      env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', npm_lifecycle_event: 'dev' }
    })
    const result = await prepareElectron(input)
    expect(calls).toEqual([])
    expect(result.status === 'failed' && result.message).toMatch(
      /ELECTRON_SKIP_BINARY_DOWNLOAD is set.*\n.*Unset ELECTRON_SKIP_BINARY_DOWNLOAD and run "npm run dev" again/
    )
  })

  it('fetches when ELECTRON_SKIP_BINARY_DOWNLOAD is set to 0 or false', async () => {
    for (const value of ['0', 'false']) {
      const { input, calls } = machine({ binary: false, fetch: 'installs', env: { ELECTRON_SKIP_BINARY_DOWNLOAD: value } })
      expect((await prepareElectron(input)).status).toBe('ready')
      expect(calls).toEqual(['fetch'])
    }
  })

  it('does not download over an ELECTRON_OVERRIDE_DIST_PATH that holds no binary', async () => {
    const { input, calls } = machine({ binary: false, fetch: 'installs', env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' } })
    const result = await prepareElectron(input)
    expect(calls).toEqual([])
    expect(result.status === 'failed' && result.message).toContain('ELECTRON_OVERRIDE_DIST_PATH is set to /opt/electron')
  })

  it('reports a fetch that "succeeded" but left no binary', async () => {
    const { input } = machine({ binary: false, fetch: new Error('unused') })
    input.fetchBinary = async () => {}
    const result = await prepareElectron(input)
    expect(result.status === 'failed' && result.message).toContain('downloaded but its binary is still missing')
  })

  it('a failed native build says what it needs (network, or a C++ toolchain) in one message', async () => {
    const { input } = machine({ binary: true, nativeCurrent: false, build: new Error('gyp ERR! find Python\nstack trace here') })
    const result = await prepareElectron(input)
    expect(result.status).toBe('failed')
    const message = result.status === 'failed' ? result.message : ''
    expect(message.split('\n')[0]).toBe(
      'stillwell: Could not build the database module (better-sqlite3) for Electron 44.11.5: gyp ERR! find Python.'
    )
    expect(message).toContain('C++ toolchain')
    expect(message).not.toContain('stack trace here')
  })

  it('under npm test it never fetches: a missing binary means the Electron tests are skipped', async () => {
    const { input, calls } = machine({ binary: false, fetch: 'installs' })
    expect(await prepareElectron({ ...input, onlyIfPresent: true })).toMatchObject({ status: 'skipped' })
    expect(calls).toEqual([])
    const present = machine({ binary: true, nativeCurrent: false })
    expect(await prepareElectron({ ...present.input, onlyIfPresent: true })).toEqual({ status: 'ready', fetched: false, built: true })
  })

  it('suggests the command the user ran', () => {
    expect(retryCommand('start')).toBe('npm start')
    expect(retryCommand('dev')).toBe('npm run dev')
    expect(retryCommand('dist')).toBe('npm run dist')
    expect(retryCommand(undefined)).toBe('npm run native:electron')
  })

  it('reduces any error to its first line', () => {
    expect(oneLine('\n  TypeError: fetch failed\n    at x (y.js:1:1)\n')).toBe('TypeError: fetch failed')
    expect(oneLine(undefined)).toBe('unknown error')
  })

  it('finds the first error in a failed rebuild’s output and joins its wrapped lines, without the stack', () => {
    const offline = [
      '',
      'Error: This is most likely not a problem with node-gyp or the package itself and',
      'is related to network connectivity.',
      '    at go (/x/node_modules/node-gyp/lib/install.js:244:21)',
      ''
    ].join('\n')
    expect(firstErrorLine(offline)).toBe(
      'Error: This is most likely not a problem with node-gyp or the package itself and is related to network connectivity.'
    )
    const noPython = 'gyp info it worked\ngyp ERR! find Python\ngyp ERR! stack Error: Could not find any Python installation\n'
    expect(firstErrorLine(noPython)).toBe('find Python')
    expect(firstErrorLine('all fine\n')).toBeNull()
  })
})
