/**
 * Loads the BUILT main process (out/main/index.js, what the package runs) in
 * plain Node with `electron` resolved to a recording fake. The app folder it
 * sees is a temporary one holding the real resources/ and, where Electron's
 * build of better-sqlite3 would be (.native/electron/), the Node build — the
 * runtime here is Node.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createFakeElectron, type FakeElectron, type FakeOptions } from './fake-electron'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const outDir = join(root, 'out')
const FAKE_ID = join(root, 'tests', 'shell', '<fake electron>')

export interface LaunchedApp {
  electron: FakeElectron
  appPath: string
  dataDir: string
  cleanup(): void
}

const nodeSqliteBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')

export function launchMain(options: Partial<FakeOptions> = {}): LaunchedApp {
  if (!existsSync(join(outDir, 'main', 'index.js'))) throw new Error('Build the app first (npm run build): out/main/index.js is missing.')
  const base = mkdtempSync(join(tmpdir(), 'stillwell-shell-'))
  const appPath = join(base, 'app')
  const dataDir = join(base, 'data')
  mkdirSync(join(appPath, '.native', 'electron'), { recursive: true })
  mkdirSync(dataDir)
  symlinkSync(join(root, 'resources'), join(appPath, 'resources'))
  symlinkSync(nodeSqliteBuild, join(appPath, '.native', 'electron', 'better_sqlite3.node'))

  const electron = createFakeElectron({ appPath, userData: dataDir, ...options })
  const require = createRequire(import.meta.url)
  // A fresh copy of the bundle for every launch: its module state is the app's state.
  for (const key of Object.keys(require.cache)) if (key.startsWith(outDir)) delete require.cache[key]
  const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string }
  const resolveFilename = loader._resolveFilename
  loader._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? FAKE_ID : resolveFilename.call(this, request, ...rest)
  }
  const fakeModule = new Module(FAKE_ID)
  fakeModule.exports = electron.module
  fakeModule.loaded = true
  require.cache[FAKE_ID] = fakeModule
  try {
    require(join(outDir, 'main', 'index.js'))
  } finally {
    loader._resolveFilename = resolveFilename
    delete require.cache[FAKE_ID]
  }
  return {
    electron,
    appPath,
    dataDir,
    cleanup() {
      if (electron.exitCode === null) electron.quit()
      rmSync(base, { recursive: true, force: true })
    }
  }
}
