// What `npm start`, `npm run dev` and `npm run dist` do before Electron runs,
// as one decision with its effects passed in (tests/unit/build/electron-setup.test.ts
// drives it with a fake fetcher and a fake builder):
//
//   1. Electron's binary: present → use it. Missing → fetch it through Electron's
//      own installer (its `install-electron` bin, which honours ELECTRON_MIRROR,
//      electron_config_cache and the other @electron/get variables), unless
//      ELECTRON_SKIP_BINARY_DOWNLOAD is set or ELECTRON_OVERRIDE_DIST_PATH names
//      a folder without one. A failed fetch ends in one short message.
//   2. better-sqlite3 for Electron's ABI: built and current → nothing to do;
//      missing or built for another Electron/better-sqlite3 → build it.
//
// No Electron and no file system in here.

/** The command to suggest for a retry, by npm script name. */
export function retryCommand(lifecycleEvent) {
  if (lifecycleEvent === 'start') return 'npm start'
  if (lifecycleEvent === 'dev' || lifecycleEvent === 'dist') return `npm run ${lifecycleEvent}`
  return 'npm run native:electron'
}

/** The first meaningful line of an error (or of an installer's output): never a stack. */
export function oneLine(error) {
  const text = error instanceof Error ? error.message : String(error ?? '')
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('at '))
  return (line ?? 'unknown error').replace(/\.$/, '')
}

/** The first error a failed rebuild printed, its wrapped lines joined, without the stack. */
export function firstErrorLine(output) {
  const lines = output.split(/\r?\n/)
  const start = lines.findIndex((line) => /(^|\s)(\w*Error:|ERR!)/.test(line))
  if (start === -1) return null
  const taken = []
  for (const line of lines.slice(start)) {
    if (line.trim() === '' || /^\s+at /.test(line) || (taken.length > 0 && /ERR!|Error:/.test(line))) break
    taken.push(line.trim())
  }
  const text = taken.join(' ').replace(/^gyp ERR! /, '')
  return text.length > 240 ? `${text.slice(0, 239)}…` : text
}

const WEB_HINT = 'Meanwhile, "npm run web" opens Stillwell in your browser (same data, no desktop shell).'

const truthy = (value) => value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'

/**
 * @param {import('./electron-setup.d.mts').SetupInput} input
 * @returns {Promise<import('./electron-setup.d.mts').SetupResult>}
 */
export async function prepareElectron(input) {
  const { env, electronVersion, binary, fetchBinary, native, buildNative } = input
  const retry = retryCommand(env.npm_lifecycle_event)
  const log = input.log ?? (() => {})
  let fetched = false

  if (!binary.present()) {
    const override = env.ELECTRON_OVERRIDE_DIST_PATH
    if (input.onlyIfPresent) return { status: 'skipped', reason: 'Electron’s binary is not installed' }
    if (override) {
      return failed(
        `ELECTRON_OVERRIDE_DIST_PATH is set to ${override}, which holds no Electron binary.`,
        `Point it at an unpacked Electron ${electronVersion}, or unset it, and run "${retry}" again.`
      )
    }
    if (truthy(env.ELECTRON_SKIP_BINARY_DOWNLOAD)) {
      return failed(
        `Electron ${electronVersion} is not installed, and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded.`,
        `Unset ELECTRON_SKIP_BINARY_DOWNLOAD and run "${retry}" again.`
      )
    }
    log(`stillwell: downloading Electron ${electronVersion} (first start only)…`)
    try {
      await fetchBinary()
    } catch (error) {
      const mirror = env.ELECTRON_MIRROR ? ` from ${env.ELECTRON_MIRROR}` : ''
      return failed(
        `Could not download Electron ${electronVersion}${mirror}: ${oneLine(error)}.`,
        `Check the internet connection (or set ELECTRON_MIRROR to a reachable mirror) and run "${retry}" again.`
      )
    }
    if (!binary.present()) {
      return failed(
        `Electron ${electronVersion} was downloaded but its binary is still missing.`,
        `Delete node_modules/electron/dist and run "${retry}" again.`
      )
    }
    fetched = true
  }

  if (native.current()) return { status: 'ready', fetched, built: false }
  log(`stillwell: building better-sqlite3 for Electron ${electronVersion} (first start only)…`)
  try {
    await buildNative()
  } catch (error) {
    return failed(
      `Could not build the database module (better-sqlite3) for Electron ${electronVersion}: ${oneLine(error)}.`,
      `It downloads a prebuilt binary, or Electron's headers and compiles (which needs a C++ toolchain) if none matches. Fix that and run "${retry}" again.`
    )
  }
  return { status: 'ready', fetched, built: true }
}

function failed(what, retry) {
  return { status: 'failed', message: `stillwell: ${what}\n  ${retry}\n  ${WEB_HINT}` }
}
