import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../support/app'
import { fixedClock } from '../../support/journal'
import { readImport, uploadFile } from '../../support/sleep-import'

/*
 * Real exports people published, kept outside the project (they carry no
 * licence, so they are never committed). Where they are not on this machine,
 * these checks are skipped and say so.
 */
const root = resolve(__dirname, '..', '..', '..')
const samples = [join(root, '..', 'shared', 'data', 'sleep-samples'), join(root, '..', '..', 'shared', 'data', 'sleep-samples')].find((dir) =>
  existsSync(join(dir, 'README.md'))
)

let app: TestApp
afterEach(() => app?.close())

describe.skipIf(!samples)('real sleep exports (skipped: the shared samples folder is not on this machine)', () => {
  const dir = samples ?? ''
  const start = () => (app = startTestApp(undefined, { clock: fixedClock('2030-01-01T12:00:00Z', 'Europe/Paris') }))

  it('reads a real Apple export with its DTD, overlapping sources, fragments and a zero-length record', async () => {
    start()
    const { progress } = await readImport(app, await uploadFile(app, join(dir, 'apple-health', 'bwassim-export-sleep-excerpt.xml')), 'apple', 'Europe/Paris')
    expect(progress.state).toBe('done')
    const preview = progress.preview!
    expect(preview.sources).toEqual(expect.arrayContaining(['Apple Health · Clock', 'Apple Health · Connect', 'Apple Health · iPhone']))
    expect(preview.nights.length).toBeGreaterThan(100)
    expect(preview.skipped).toContainEqual({ reason: 'ended before it started or lasted no time', count: 1 })
    // Garmin nights come in about eleven pieces each; they are merged into one night.
    const garmin = preview.nights.filter((n) => n.device.source === 'Apple Health · Connect')
    expect(garmin.length).toBeGreaterThan(30)
    expect(Math.max(...garmin.map((n) => n.device.fragments))).toBeGreaterThan(5)
    expect(new Set(preview.nights.map((n) => n.device.eveningDate)).size).toBe(preview.nights.length)
  })

  it('reads real Fitbit files, counting the night repeated at a file boundary once', async () => {
    start()
    const files = readdirSync(join(dir, 'fitbit-takeout')).filter((f) => f.endsWith('.json'))
    let total = 0
    for (const file of files) {
      const { progress } = await readImport(app, await uploadFile(app, join(dir, 'fitbit-takeout', file)), 'fitbit', 'Australia/Sydney')
      expect(progress.state).toBe('done')
      total += progress.preview!.nights.length
    }
    expect(total).toBeGreaterThan(60)
  })

  it('reads a real tracker CSV with zone abbreviations and a trip', async () => {
    start()
    const mapping = { start: 'Start', end: 'End', zoneColumn: 'Time Zone', zone: 'America/Chicago', asleepMinutes: null, awakenings: null, nap: null }
    const { progress } = await readImport(app, await uploadFile(app, join(dir, 'csv', 'gmoffatt-sleep.csv')), 'csv', 'America/Chicago', mapping)
    expect(progress.state).toBe('done')
    expect(progress.preview!.nights.length).toBeGreaterThan(1000)
  })
})
