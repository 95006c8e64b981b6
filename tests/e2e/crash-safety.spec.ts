import Database from 'better-sqlite3'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { DateTime } from 'luxon'
import { expect, test } from '@playwright/test'

/**
 * The harness (the real services on a real SQLite file) is killed with
 * SIGKILL at random moments while it saves journal nights. After every kill
 * the database must open, pass integrity_check, and hold every night and
 * meal-plan item whose save was acknowledged to the caller.
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

async function start(dataDir: string): Promise<{ child: ChildProcessWithoutNullStreams; url: string; token: string }> {
  const child = spawn(process.execPath, [HARNESS, '--port', '0', '--data-dir', dataDir], { stdio: 'pipe' })
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^Stillwell web harness: (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}`)))
  })
  const html = await (await fetch(url)).text()
  const token = /name="stillwell-bridge" content="([^"]+)"/.exec(html)![1]!
  return { child, url, token }
}

test('every acknowledged save survives SIGKILL at random moments, 50 times over', async () => {
  test.setTimeout(240_000)
  const random = mulberry32(20261124)
  const dataDir = mkdtempSync(join(tmpdir(), 'stillwell-crash-'))
  const acknowledged: string[] = []
  const acknowledgedItems: number[] = []
  let night = DateTime.fromISO('2026-11-20')
  let kills = 0
  try {
    for (; kills < KILLS; kills++) {
      const { child, url, token } = await start(dataDir)
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
      const killAfter = 30 + random() * 300
      const killer = new Promise<void>((resolve) =>
        setTimeout(() => {
          alive = false
          child.kill('SIGKILL')
          child.once('exit', () => resolve())
        }, killAfter)
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
            if (result.ok) acknowledged.push(eveningDate)
            else throw new Error(result.error?.message)
            // And a meal plan item for the same day (pumpkin seeds, USDA 12014).
            const item = await invoke('planner.addItem', {
              day: eveningDate,
              meal: 'snacks',
              foodId: '12014',
              amount: 10 + Math.floor(random() * 40),
              unit: { kind: 'g' }
            })
            if (item.ok) acknowledgedItems.push((item.value as { id: number }).id)
            else throw new Error(item.error?.message)
          } catch (error) {
            if (alive) throw error // a refused save while the harness is alive is a real failure
            return // the connection died with the harness: this save was never acknowledged
          }
        }
      })()
      await Promise.all([killer, writer])

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
  expect(acknowledged.length).toBeGreaterThan(KILLS)
})
