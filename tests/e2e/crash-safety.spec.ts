import Database from 'better-sqlite3'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { DateTime } from 'luxon'
import { expect, test } from './fixtures'

/**
 * The harness (the real services on a real SQLite file) is killed with
 * SIGKILL at random moments while it saves journal nights and meal-plan
 * items. After every kill the database must open, pass integrity_check, and
 * hold every night and item whose save was acknowledged to the caller. Each
 * round waits for its first acknowledged night and item before the kill is
 * timed, so every round kills a harness in the middle of real writes,
 * however slow the machine. What is checked is durability, never how many
 * saves fit in a round.
 */
const KILLS = 50
const HARNESS = join(__dirname, '..', '..', 'out', 'main', 'harness.js')

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function start(dataDir: string, now: Date): Promise<{ child: ChildProcessWithoutNullStreams; url: string; token: string }> {
  const child = spawn(process.execPath, [HARNESS, '--port', '0', '--data-dir', dataDir, '--now', now.toISOString()], { stdio: 'pipe' })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The harness did not start in time.')), 45_000)
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^Stillwell web harness: (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}`)))
  })
  const html = await (await fetch(url)).text()
  const token = /name="stillwell-bridge" content="([^"]+)"/.exec(html)![1]!
  return { child, url, token }
}

test('every acknowledged save survives SIGKILL at random moments, 50 times over', async ({ clock }) => {
  test.setTimeout(600_000)
  const random = mulberry32(20261124)
  const dataDir = mkdtempSync(join(tmpdir(), 'stillwell-crash-'))
  const acknowledged: string[] = []
  const acknowledgedItems: number[] = []
  // Nights from last night backwards, on the tests' clock: never a future night, whatever the day.
  let night = DateTime.fromISO(clock.daysAgo(1))
  let kills = 0
  try {
    for (; kills < KILLS; kills++) {
      const { child, url, token } = await start(dataDir, clock.now())
      const invoke = async (channel: string, input?: unknown) => {
        const response = await fetch(`${url}/bridge/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: url, 'x-stillwell-token': token },
          body: JSON.stringify({ channel, input })
        })
        return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
      }
      const defaults = (await invoke('journal.defaults')) as { value: { draft: Record<string, unknown> } }
      const draft = defaults.value.draft

      let alive = true
      let roundNights = 0
      let roundItems = 0
      let firstAcknowledged = (): void => undefined
      const writing = new Promise<void>((resolve) => (firstAcknowledged = resolve))
      // The kill is timed from this round's first acknowledged night and plan item, never from the start.
      const killer = writing.then(
        () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              alive = false
              child.once('exit', () => resolve())
              child.kill('SIGKILL')
            }, random() * 300)
          )
      )
      const writer = (async () => {
        while (alive) {
          const eveningDate = night.toISODate()!
          night = night.minus({ days: 1 })
          try {
            const result = await invoke('journal.create', {
              ...draft,
              eveningDate,
              severity: Math.floor(random() * 11),
              notes: `night ${eveningDate}`
            })
            if (result.ok) {
              acknowledged.push(eveningDate)
              roundNights++
            } else throw new Error(result.error?.message)
            // And a meal plan item for the same day (pumpkin seeds, USDA 12014).
            const item = await invoke('planner.addItem', {
              day: eveningDate,
              meal: 'snacks',
              foodId: '12014',
              amount: 10 + Math.floor(random() * 40),
              unit: { kind: 'g' }
            })
            if (item.ok) {
              acknowledgedItems.push((item.value as { id: number }).id)
              roundItems++
              firstAcknowledged()
            } else throw new Error(item.error?.message)
          } catch (error) {
            if (alive) throw error // a refused save while the harness is alive is a real failure
            return // the connection died with the harness: this save was never acknowledged
          }
        }
      })()
      try {
        await Promise.all([killer, writer])
      } finally {
        // A writer that failed for real leaves the harness running: stop it before the test reports.
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      }
      // Every round wrote something before it was killed.
      expect(roundNights, `nights acknowledged in round ${kills + 1}`).toBeGreaterThan(0)
      expect(roundItems, `plan items acknowledged in round ${kills + 1}`).toBeGreaterThan(0)

      const db = new Database(join(dataDir, 'stillwell.db'))
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        const stored = new Set(db.prepare('SELECT evening_date FROM journal_entries WHERE deleted_at IS NULL').pluck().all() as string[])
        const lost = acknowledged.filter((date) => !stored.has(date))
        expect(lost, `after kill ${kills + 1}`).toEqual([])
        const items = new Set(db.prepare('SELECT id FROM plan_items').pluck().all() as number[])
        expect(
          acknowledgedItems.filter((id) => !items.has(id)),
          `plan items after kill ${kills + 1}`
        ).toEqual([])
      } finally {
        db.close()
      }
    }
  } finally {
    console.log(
      `crash safety: ${kills} kills survived; ${acknowledged.length} journal nights and ${acknowledgedItems.length} plan items acknowledged, all present`
    )
    rmSync(dataDir, { recursive: true, force: true })
  }
  expect(kills).toBe(KILLS)
})
