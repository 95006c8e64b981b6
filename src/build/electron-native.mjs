// Makes the desktop app runnable: fetches Electron's binary if it is missing,
// then builds better-sqlite3 for Electron's ABI into .native/electron/, leaving
// the Node build in node_modules untouched (tests and the web harness use that
// one). The main process loads the Electron build through better-sqlite3's
// `nativeBinding` option; packages ship it as resources/native/.
//
//   node src/build/electron-native.mjs                npm start, npm run dev, npm run dist
//   node src/build/electron-native.mjs --if-electron  npm test: never downloads; a quiet no-op
//                                                     where Electron's binary is not installed
//
// The decisions are in electron-setup.mjs (unit-tested); this file supplies
// the real effects and turns a failure into one short message and exit 1.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { firstErrorLine, oneLine, prepareElectron } from './electron-setup.mjs'

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const electronDir = join(root, 'node_modules', 'electron')
const outDir = join(root, '.native', 'electron')
const binding = join(outDir, 'better_sqlite3.node')
const stampFile = join(outDir, 'build.json')

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'))
const electronVersion = readJson(join(electronDir, 'package.json')).version
const sqliteVersion = readJson(join(root, 'node_modules', 'better-sqlite3', 'package.json')).version
const stamp = JSON.stringify({ electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch })

/** The same test Electron's own index.js makes: path.txt names the executable under dist/ (or the override folder). */
function binaryPresent() {
  const pathFile = join(electronDir, 'path.txt')
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) return existsSync(join(override, executable ?? (process.platform === 'win32' ? 'electron.exe' : 'electron')))
  return executable !== undefined && existsSync(join(electronDir, 'dist', executable))
}

/** Runs Electron's installer (the `install-electron` bin); rejects with its error line. */
function fetchBinary() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('electron/install.js')], { stdio: ['ignore', 'inherit', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', async (code) => {
      if (code === 0) return resolve()
      let reason = oneLine(stderr || `the installer exited with code ${code}`)
      // Node's fetch says only "fetch failed"; its cause (no DNS, refused, proxy…) is what the user can act on.
      if (/fetch failed/i.test(reason)) reason += await networkCause(process.env.ELECTRON_MIRROR || 'https://github.com/')
      reject(new Error(reason))
    })
  })
}

async function networkCause(url) {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(10_000) })
    return ''
  } catch (error) {
    const cause = error?.cause?.message ?? error?.message
    return cause ? ` (${oneLine(cause)})` : ''
  }
}

function nativeCurrent() {
  return existsSync(binding) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp
}

/**
 * The rebuild itself, run in a child process (`--rebuild-worker`): node-gyp and
 * @electron/rebuild print stack traces on failure, and the user should see one
 * line instead (firstErrorLine below).
 */
async function rebuildForElectron() {
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
    writeFileSync(stampFile, stamp)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function buildNative() {
  return new Promise((resolve, reject) => {
    // npm_config_nodedir points node-gyp at Node's headers (CI sets it for the Node build): left in
    // place it would win over Electron's headers and produce a module Electron refuses to load.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'))
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--rebuild-worker'], {
      env,
      stdio: ['ignore', 'inherit', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) {
        console.log(`stillwell: better-sqlite3 ${sqliteVersion} built for Electron ${electronVersion} (${binding}).`)
        return resolve()
      }
      const worker = /^stillwell-native-error: (.*)$/m.exec(stderr)?.[1]
      reject(
        new Error(firstErrorLine(stderr.replace(/^stillwell-native-error: .*$/m, '')) ?? worker ?? `the build exited with code ${code}`)
      )
    })
  })
}

if (process.argv.includes('--rebuild-worker')) {
  try {
    await rebuildForElectron()
    process.exit(0)
  } catch (error) {
    process.stderr.write(`\nstillwell-native-error: ${oneLine(error)}\n`)
    process.exit(1)
  }
}

const result = await prepareElectron({
  env: process.env,
  electronVersion,
  binary: { present: binaryPresent },
  fetchBinary,
  native: { current: nativeCurrent },
  buildNative,
  onlyIfPresent: process.argv.includes('--if-electron'),
  log: (line) => console.log(line)
})
if (result.status === 'skipped') console.log(`stillwell: ${result.reason}; the Electron tests will be skipped.`)
if (result.status === 'failed') {
  console.error(result.message)
  process.exit(1)
}
