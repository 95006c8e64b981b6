// Builds better-sqlite3 for Electron's ABI into .native/electron/, leaving the
// Node build in node_modules untouched (tests and the web harness use that one).
// The main process loads the Electron build through better-sqlite3's
// `nativeBinding` option; packages ship it as resources/native/.
//
//   node src/build/electron-native.mjs              build if missing or outdated (npm start, dev, dist)
//   node src/build/electron-native.mjs --if-electron   same, but a quiet no-op where Electron's binary is not installed (npm test)
//
// It uses @electron/rebuild on a private copy of the module, which fetches a
// prebuilt binary or Electron's headers: it needs the network the first time.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const outDir = join(root, '.native', 'electron')
const binding = join(outDir, 'better_sqlite3.node')
const stampFile = join(outDir, 'build.json')
const optional = process.argv.includes('--if-electron')

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const sqliteVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version
const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch }

function electronInstalled() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  return existsSync(pathFile) && existsSync(join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()))
}

if (!electronInstalled()) {
  const message = 'Electron is not installed (its binary download was skipped), so better-sqlite3 is not built for it.'
  if (optional) {
    console.log(`stillwell: ${message} Electron tests will be skipped.`)
    process.exit(0)
  }
  console.error(
    `stillwell: ${message}\nRun "npm install" with internet access (without ELECTRON_SKIP_BINARY_DOWNLOAD) to launch the desktop app, or use "npm run web".`
  )
  process.exit(1)
}

if (existsSync(binding) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === JSON.stringify(stamp)) {
  process.exit(0)
}

console.log(`stillwell: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})…`)
const work = mkdtempSync(join(tmpdir(), 'stillwell-native-'))
try {
  // A private copy, so the rebuild never touches the Node build in node_modules.
  const moduleCopy = join(work, 'node_modules', 'better-sqlite3')
  cpSync(join(root, 'node_modules', 'better-sqlite3'), moduleCopy, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`)
  })
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'stillwell-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } })
  )
  const { rebuild } = require('@electron/rebuild')
  await rebuild({ buildPath: work, electronVersion, arch: process.arch, onlyModules: ['better-sqlite3'], force: true })
  mkdirSync(outDir, { recursive: true })
  cpSync(join(moduleCopy, 'build', 'Release', 'better_sqlite3.node'), binding)
  writeFileSync(stampFile, JSON.stringify(stamp))
  console.log(`stillwell: done (${binding}).`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
