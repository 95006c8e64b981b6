// Everything the bench starts (harness processes, servers, browsers, temp
// folders) registers a way to undo it here, so nothing outlives the run —
// also when a measure throws or the user presses Ctrl+C.
import { rmSync } from 'node:fs'

const tasks = [] // { name, run: async () => void }, newest last
const children = new Set() // child processes, killed synchronously on a hard exit
const folders = new Set() // temporary folders, also removed on a hard exit
let installed = false
let stopping = false

/** True once a signal asked the bench to stop: measures should not start new work. */
export function isStopping() {
  return stopping
}

/** Registers an async clean-up step; returns a function that runs it early (once). */
export function onCleanup(name, run) {
  const task = { name, run, promise: null }
  tasks.push(task)
  return () => runTask(task)
}

/** Tracks a child process so even an abrupt exit kills it. */
export function trackChild(child) {
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

/** Removes a folder when the bench ends. */
export function removeOnCleanup(dir) {
  folders.add(dir)
  return onCleanup(`remove ${dir}`, () => {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 })
    folders.delete(dir) // only once gone: otherwise the exit hook tries again
  })
}

function runTask(task) {
  task.promise ??= (async () => {
    const index = tasks.indexOf(task)
    if (index >= 0) tasks.splice(index, 1)
    try {
      await withTimeout(task.run(), 10_000, `clean-up "${task.name}" timed out`)
    } catch (error) {
      console.error(`bench: clean-up "${task.name}" failed:`, error instanceof Error ? error.message : error)
    }
  })()
  return task.promise // a second caller waits for the same clean-up
}

/** Undoes everything still registered, newest first. */
export async function cleanupAll() {
  while (tasks.length > 0) await runTask(tasks[tasks.length - 1])
  hardCleanup()
}

/** The synchronous last resort, also run from process.on('exit'): kill children, remove folders. */
function hardCleanup() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  children.clear()
  for (const dir of folders) {
    try {
      rmSync(dir, { recursive: true, force: true })
    } catch {
      // nothing more can be done while exiting
    }
  }
  folders.clear()
}

/**
 * Ctrl+C, SIGTERM and hard exits still clean up. (Playwright has its own
 * SIGINT handler that closes its browsers and may exit first; the exit hook
 * then still kills the harness and removes the temporary folders.)
 */
export function installExitHandlers() {
  if (installed) return
  installed = true
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129]
  ]) {
    process.once(signal, () => {
      stopping = true
      console.error(`bench: ${signal}, cleaning up`)
      cleanupAll().finally(() => process.exit(code))
    })
  }
  process.on('exit', hardCleanup)
}

export function withTimeout(promise, ms, message) {
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
  })
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer))
}
