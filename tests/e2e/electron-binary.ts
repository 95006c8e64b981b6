import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '..', '..')

/** Where the Electron binary is, or why there is none (offline installs skip its download). */
export function findElectron(): { path: string } | { missing: string } {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  if (override) {
    const candidates = ['electron', 'Electron.app/Contents/MacOS/Electron', 'electron.exe'].map((name) => join(override, name))
    const found = candidates.find((p) => existsSync(p))
    return found ? { path: found } : { missing: `ELECTRON_OVERRIDE_DIST_PATH (${override}) holds no Electron binary` }
  }
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) {
    return { missing: 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set or the download failed)' }
  }
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary is missing at ${binary}` }
}

export function electronSqliteBuilt(): boolean {
  return existsSync(join(root, '.native', 'electron', 'better_sqlite3.node'))
}
