/**
 * What a user installs: electron-builder packs the app (`--dir`, offline)
 * around a stub Electron distribution this test makes, so only the app's own
 * files are real. Then app.asar is opened with @electron/asar and checked for
 * what must be in it and what must not. Needs `npm run build` first.
 */
import { listPackage } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { onDiskResource } from '../../src/main/paths'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string })
  .version

/** The marker @electron/fuses looks for in an Electron binary, then the wire's version (1) and length. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/** An "Electron" that is a shell script carrying a fuse wire (all fuses on), so electron-builder can flip them. */
function makeStubElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const fuses = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k))).length
  const wire = String.fromCharCode(1, fuses) + '1'.repeat(fuses)
  writeFileSync(join(dir, 'electron'), `#!/bin/sh\n# stub Electron for the package test\n# ${FUSE_SENTINEL}${wire}\nexit 0\n`, 'latin1')
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'version'), electronVersion)
  writeFileSync(join(dir, 'LICENSE'), 'stub')
}

function sizeOf(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.size
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
}

/** A fuse's state in the wire: the characters '0' and '1' (@electron/fuses' FuseState is a const enum, gone at run time). */
const DISABLE = 0x30
const ENABLE = 0x31

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

describe.runIf(process.platform === 'linux')('the package electron-builder makes', () => {
  let work = ''
  let appOut = ''
  let entries: string[] = []
  let stagedNative: string | null = null

  beforeAll(() => {
    if (!existsSync(join(root, 'out', 'main', 'index.js'))) throw new Error('Build the app first (npm run build).')
    work = mkdtempSync(join(tmpdir(), 'stillwell-package-'))
    const stub = join(work, 'electron-dist')
    makeStubElectron(stub)

    // Without Electron's binary there is no Electron build of better-sqlite3 to pack: stand the
    // Node build in for it, with no build stamp, so electron-native.mjs still rebuilds it later.
    const native = join(root, '.native', 'electron', 'better_sqlite3.node')
    if (!existsSync(native)) {
      mkdirSync(dirname(native), { recursive: true })
      copyFileSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), native)
      stagedNative = native
    }

    const output = join(work, 'dist')
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'electron-builder', 'cli.js'),
        '--dir',
        '--linux',
        '--x64',
        `-c.electronDist=${stub}`,
        `-c.electronVersion=${electronVersion}`,
        `-c.directories.output=${output}`
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 240_000 }
    )
    if (result.status !== 0) throw new Error(`electron-builder failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
    appOut = join(output, 'linux-unpacked')
    entries = listPackage(join(appOut, 'resources', 'app.asar'), { isPack: false }).map((e) => e.replace(/\\/g, '/'))

    const asarSize = statSync(join(appOut, 'resources', 'app.asar')).size
    const resources = sizeOf(join(appOut, 'resources'))
    console.log(`package (without Electron itself): app.asar ${mb(asarSize)}, resources/ in all ${mb(resources)}`)
  }, 300_000)

  afterAll(() => {
    if (stagedNative) rmSync(stagedNative, { force: true })
    if (work) rmSync(work, { recursive: true, force: true })
  })

  const has = (path: string): boolean => entries.includes(path)

  it('holds the built app: main, preload, renderer', () => {
    expect(has('/out/main/index.js')).toBe(true)
    expect(has('/out/preload/index.cjs')).toBe(true)
    expect(has('/out/renderer/index.html')).toBe(true)
    expect(entries.some((e) => /^\/out\/renderer\/assets\/.+\.js$/.test(e))).toBe(true)
    expect(has('/package.json')).toBe(true)
  })

  it('holds every article and the food data the app loads at run time', () => {
    for (const article of readdirSync(join(root, 'resources', 'articles'))) {
      expect(has(`/resources/articles/${article}`), article).toBe(true)
    }
    // The food data may be source files or a prebuilt catalogue; whichever resources/food holds is packed.
    const food = readdirSync(join(root, 'resources', 'food')).filter((f) => !/^README/i.test(f))
    expect(food.length).toBeGreaterThan(0)
    for (const file of food) expect(has(`/resources/food/${file}`), file).toBe(true)
  })

  it('leaves out the web harness, tests, bench, sources, screenshots and source maps', () => {
    const leaks = entries.filter(
      (e) =>
        e === '/out/main/harness.js' ||
        /^\/(src|tests|bench|test-results|\.native|dist|\.ci)(\/|$)/.test(e) ||
        e.startsWith('/resources/screenshots') ||
        e === '/resources/icon.svg' ||
        e.endsWith('.map') ||
        /\/(tsconfig[^/]*\.json|electron-builder\.yml|vitest\.config\.ts|playwright\.config\.ts)$/.test(e)
    )
    expect(leaks).toEqual([])
  })

  it('ships the runtime dependencies and no devDependency in node_modules', () => {
    const packed = new Set(
      entries.map((e) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(e)?.[1]).filter((name): name is string => name !== undefined)
    )
    for (const dependency of Object.keys(pkg.dependencies)) expect(packed.has(dependency), dependency).toBe(true)
    const dev = Object.keys(pkg.devDependencies).filter((name) => packed.has(name))
    expect(dev).toEqual([])
    // better-sqlite3's sources and its Node build stay out; the app loads the Electron build from resources/native.
    expect(entries.filter((e) => /^\/node_modules\/better-sqlite3\/(src|deps|build)\//.test(e))).toEqual([])
  })

  it('puts the Electron build of better-sqlite3 in resources/native, outside the archive', () => {
    const native = join(appOut, 'resources', 'native', 'better_sqlite3.node')
    expect(existsSync(native)).toBe(true)
    expect(statSync(native).size).toBeGreaterThan(100_000)
  })

  it('keeps the notification icon as a real file at the path the notifier is given', () => {
    const iconPath = onDiskResource(join(appOut, 'resources', 'app.asar'), 'icon.png')
    expect(iconPath).not.toContain('app.asar/')
    expect(existsSync(iconPath)).toBe(true)
    expect(readFileSync(iconPath).subarray(1, 4).toString('latin1')).toBe('PNG')
  })

  it('flips the Electron fuses: no running as Node, no NODE_OPTIONS or inspector, app only from the checked asar', async () => {
    const wire = await getCurrentFuseWire(join(appOut, 'stillwell'))
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLE)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE)
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLE)
  })
})
