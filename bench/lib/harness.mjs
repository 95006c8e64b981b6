// Starts the built web harness (out/main/harness.js) on a data folder and
// talks to its bridge the way the page does: token from index.html, the
// page's own Origin, POST /bridge/invoke.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { onCleanup, trackChild, withTimeout } from './cleanup.mjs'
import { HARNESS_ENTRY, REPO_DIR } from './paths.mjs'

const READY = /^Stillwell web harness: (http:\/\/127\.0\.0\.1:\d+)\s*$/

/**
 * @param {{ dataDir: string }} options
 * @returns {Promise<{ url: string, invoke: (channel: string, input?: unknown) => Promise<unknown>, stop: () => Promise<void> }>}
 */
export async function startHarness({ dataDir }) {
  if (!existsSync(HARNESS_ENTRY)) throw new Error(`${HARNESS_ENTRY} is missing: run \`npm run build\` first.`)
  const child = trackChild(
    spawn(process.execPath, [HARNESS_ENTRY, '--port', '0', '--data-dir', dataDir], {
      cwd: REPO_DIR,
      stdio: ['ignore', 'pipe', 'pipe']
    })
  )
  const stderr = []
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderr.push(line)
    console.error(`harness: ${line}`)
  })
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))

  const stop = onCleanup('stop harness', async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    try {
      await withTimeout(exited, 5_000, 'harness did not stop')
    } catch {
      child.kill('SIGKILL')
      await exited
    }
  })

  const url = await withTimeout(
    new Promise((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const match = READY.exec(line)
        if (match) resolve(match[1])
      })
      exited.then(({ code, signal }) =>
        reject(new Error(`harness exited (${signal ?? `code ${code}`}) before it was ready:\n${stderr.join('\n')}`))
      )
    }),
    20_000,
    'harness did not print its address within 20 s'
  ).catch(async (error) => {
    await stop()
    throw error
  })

  let token
  async function invoke(channel, input) {
    token ??= await readToken(url)
    const response = await fetch(`${url}/bridge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-stillwell-token': token, origin: url },
      body: JSON.stringify({ channel, input })
    })
    const result = await response.json()
    if (!result || result.ok !== true) {
      throw new Error(`bridge call ${channel} failed (HTTP ${response.status}): ${JSON.stringify(result?.error ?? result)}`)
    }
    return result.value
  }

  return { url, invoke, stop }
}

async function readToken(url) {
  const response = await fetch(`${url}/`)
  const html = await response.text()
  const match = /<meta\s+name="stillwell-bridge"\s+content="([^"]+)"/.exec(html)
  if (!match) throw new Error(`no bridge token in ${url}/ (HTTP ${response.status})`)
  return match[1]
}
