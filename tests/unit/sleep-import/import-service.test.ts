import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import yazl from 'yazl'
import type { PreviewNight } from '../../../src/shared/contract'
import { startTestApp, type TestApp } from '../../support/app'
import { fixedClock, night } from '../../support/journal'
import { readImport, SLEEP_FIXTURES, unwrap, uploadBytes, uploadFile } from '../../support/sleep-import'

let app: TestApp
afterEach(() => app?.close())

// The app's clock stands in 2024 so "the future" is defined without today's date.
function start(): TestApp {
  app = startTestApp(undefined, { clock: fixedClock('2024-04-10T08:00:00Z', 'Europe/Berlin') })
  return app
}

function byEvening(nights: readonly PreviewNight[]): Record<string, PreviewNight> {
  return Object.fromEntries(nights.map((n) => [n.device.eveningDate, n]))
}

function zipOf(entries: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name)
  zip.end()
  const parts: Buffer[] = []
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (part: Buffer) => parts.push(part))
    zip.outputStream.on('end', () => resolve(Buffer.concat(parts)))
    zip.outputStream.on('error', reject)
  })
}

function rowCount(table: string): number {
  return (app.opened.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

describe('Apple Health export', () => {
  it('reads stages, a DST night, a trip and a source without a zone, skipping what cannot be right', async () => {
    start()
    const fileId = await uploadFile(app, join(SLEEP_FIXTURES, 'apple-export.xml'))
    const { progress } = await readImport(app, fileId, 'apple', 'Europe/Berlin')
    expect(progress.state).toBe('done')
    const preview = progress.preview!
    const nights = byEvening(preview.nights)
    expect(Object.keys(nights)).toEqual(['2024-03-29', '2024-03-30', '2024-03-31', '2024-04-05'])
    expect(nights['2024-03-29']!.device).toMatchObject({
      source: 'Apple Health · Apple Watch',
      otherSources: ['Apple Health · iPhone'],
      inBed: '22:50',
      fellAsleep: '23:10',
      finalWake: '06:20',
      outOfBed: '06:40',
      awakenings: 1,
      wasoMinutes: 15,
      totalSleepMinutes: 415
    })
    // Written as +0100, read in Berlin summer time after the clocks changed.
    expect(nights['2024-03-30']!.device).toMatchObject({ inBed: '23:00', finalWake: '06:45', outOfBed: '07:00', totalSleepMinutes: 385, timeInBedMinutes: 420 })
    expect(nights['2024-03-31']!.device).toMatchObject({
      zone: 'America/New_York',
      inBed: '22:30',
      fellAsleep: '22:50',
      finalWake: '06:10',
      awakenings: 2,
      wasoMinutes: 60,
      totalSleepMinutes: 380,
      napCount: 1,
      napMinutes: 40
    })
    expect(nights['2024-04-05']!.device).toMatchObject({
      source: 'Apple Health · Connect',
      zone: 'Europe/Berlin',
      inBed: '23:00',
      outOfBed: '06:00',
      awakenings: 2,
      wasoMinutes: 50,
      totalSleepMinutes: 370,
      fragments: 3
    })
    expect(preview.skipped).toEqual(
      expect.arrayContaining([
        { reason: 'sleep records of a kind Stillwell does not know', count: 1 },
        { reason: 'ended before it started or lasted no time', count: 2 },
        { reason: 'dated in the future', count: 1 }
      ])
    )
    expect(preview.counts).toEqual({ added: 4, fills: 0, conflict: 0, unchanged: 0 })
    // The manual "Health" record lasted no time and was skipped, so that source is not named.
    expect(preview.sources).toEqual(['Apple Health · Apple Watch', 'Apple Health · Connect', 'Apple Health · iPhone'])
  })

  it('reads export.xml inside export.zip', async () => {
    start()
    const zip = await zipOf({ 'apple_health_export/export.xml': readFileSync(join(SLEEP_FIXTURES, 'apple-export.xml')), 'apple_health_export/export_cda.xml': '<x/>' })
    const { progress } = await readImport(app, await uploadBytes(app, 'export.zip', zip), 'apple', 'Europe/Berlin')
    expect(progress.preview?.nights).toHaveLength(4)
  })
})

describe('Fitbit from Google Takeout', () => {
  it('reads the sleep files of a Takeout folder once each, across the end of DST in Sydney', async () => {
    start()
    const zip = await zipOf({
      'Takeout/Fitbit/Global Export Data/sleep-2024-03-08.json': readFileSync(join(SLEEP_FIXTURES, 'fitbit', 'sleep-2024-03-08.json')),
      'Takeout/Fitbit/Global Export Data/sleep-2024-04-01.json': readFileSync(join(SLEEP_FIXTURES, 'fitbit', 'sleep-2024-04-01.json')),
      'Takeout/Fitbit/Global Export Data/steps-2024-04-01.json': '[]'
    })
    const { progress } = await readImport(app, await uploadBytes(app, 'takeout.zip', zip), 'fitbit', 'Australia/Sydney')
    const nights = byEvening(progress.preview!.nights)
    expect(Object.keys(nights)).toEqual(['2024-03-31', '2024-04-06'])
    expect(nights['2024-03-31']!.device).toMatchObject({ fellAsleep: '23:10', finalWake: '07:00', awakenings: 1, wasoMinutes: 5, totalSleepMinutes: 465 })
    expect(nights['2024-04-06']!.device).toMatchObject({
      inBed: '22:40',
      fellAsleep: '22:50',
      finalWake: '06:20',
      outOfBed: '06:30',
      awakenings: 1,
      wasoMinutes: 20,
      totalSleepMinutes: 490,
      timeInBedMinutes: 530,
      napCount: 1,
      napMinutes: 45
    })
    expect(progress.preview!.skipped).toContainEqual({ reason: 'sleep logs that appeared in two files (read once)', count: 1 })
  })
})

describe('CSV with a column mapping', () => {
  const mapping = { start: 'Start', end: 'End', zoneColumn: 'Time Zone', zone: 'America/Chicago', asleepMinutes: 'Minutes Asleep', awakenings: 'Awakenings', nap: 'Nap' }

  it('reads each row in its own zone, merges an overlapping piece and remembers the mapping', async () => {
    start()
    const fileId = await uploadFile(app, join(SLEEP_FIXTURES, 'sleep-app.csv'))
    const columns = unwrap(await app.invoke('sleepImport.csvColumns', { fileId }))
    expect(columns.headers).toEqual(['Start', 'End', 'Time Zone', 'Minutes Asleep', 'Awakenings', 'Nap'])
    expect(columns.remembered).toBeNull()
    const { progress } = await readImport(app, fileId, 'csv', 'America/Chicago', mapping)
    const nights = byEvening(progress.preview!.nights)
    expect(Object.keys(nights)).toEqual(['2024-03-09', '2024-03-10', '2024-03-11', '2024-03-13'])
    expect(nights['2024-03-09']!.device).toMatchObject({ inBed: '22:30', outOfBed: '06:45', timeInBedMinutes: 435, totalSleepMinutes: 420, awakenings: 2 })
    expect(nights['2024-03-11']!.device).toMatchObject({ fragments: 2, totalSleepMinutes: 430, awakenings: 3, napCount: 1, napMinutes: 35 })
    expect(nights['2024-03-13']!.device).toMatchObject({ zone: 'America/Los_Angeles', inBed: '23:30', outOfBed: '07:00' })
    expect(progress.preview!.skipped).toContainEqual({ reason: 'ended before it started or lasted no time', count: 1 })

    const again = await uploadFile(app, join(SLEEP_FIXTURES, 'sleep-app.csv'))
    expect(unwrap(await app.invoke('sleepImport.csvColumns', { fileId: again })).remembered).toEqual(mapping)
  })

  it('refuses a mapping that makes no sense and writes nothing', async () => {
    start()
    const fileId = await uploadFile(app, join(SLEEP_FIXTURES, 'sleep-app.csv'))
    const same = await readImport(app, fileId, 'csv', 'UTC', { ...mapping, end: 'Start' })
    expect(same.progress).toMatchObject({ state: 'failed', message: expect.stringContaining('same column') })
    const numbers = await readImport(app, fileId, 'csv', 'UTC', { ...mapping, start: 'Minutes Asleep', end: 'Awakenings' })
    expect(numbers.progress).toMatchObject({ state: 'failed', message: expect.stringContaining('no date Stillwell can read') })
    const missing = await readImport(app, fileId, 'csv', 'UTC', { ...mapping, start: 'Bedtime' })
    expect(missing.progress.message).toContain('no column named “Bedtime”')
    const refused = await app.invoke('sleepImport.apply', { jobId: same.jobId, useDevice: [] })
    expect(refused.ok).toBe(false)
    expect(rowCount('device_nights')).toBe(0)
    expect(rowCount('sleep_imports')).toBe(0)
  })
})

describe('preview, apply, repeat and undo', () => {
  it('keeps what was typed, fills beside it, changes a conflict only when chosen, and undoes as a whole', async () => {
    start()
    // Two nights typed by hand: one agrees with the watch, one does not.
    unwrap(await app.invoke('journal.create', night('2024-03-29', { sleep: { inBed: '22:45', triedToSleep: '23:00', latencyMinutes: 10, awakenings: 1, wasoMinutes: 10, finalWake: '06:25', outOfBed: '06:40' } })))
    const typed = night('2024-03-30', { sleep: { inBed: '21:30', triedToSleep: '21:45', latencyMinutes: 45, awakenings: 4, wasoMinutes: 60, finalWake: '05:30', outOfBed: '06:00' } })
    unwrap(await app.invoke('journal.create', typed))

    const fileId = await uploadFile(app, join(SLEEP_FIXTURES, 'apple-export.xml'))
    const { jobId, progress } = await readImport(app, fileId, 'apple', 'Europe/Berlin')
    const nights = byEvening(progress.preview!.nights)
    expect(progress.preview!.counts).toEqual({ added: 2, fills: 1, conflict: 1, unchanged: 0 })
    expect(nights['2024-03-29']!.status).toBe('fills')
    expect(nights['2024-03-30']!.status).toBe('conflict')
    expect(nights['2024-03-30']!.comparison!.find((c) => c.field === 'inBed')).toMatchObject({ diary: '21:30', device: '23:00', agrees: false })

    // Default: the conflict stays as typed.
    const first = unwrap(await app.invoke('sleepImport.apply', { jobId, useDevice: [] }))
    // The private copy of the file is gone once imported.
    expect((await app.invoke('sleepImport.csvColumns', { fileId })).ok).toBe(false)
    expect(first).toMatchObject({ nightsAdded: 4, diaryNightsChanged: 0 })
    expect(unwrap(await app.invoke('journal.get', { eveningDate: '2024-03-30' }))!.sleep.inBed).toBe('21:30')
    expect(unwrap(await app.invoke('sleepImport.night', { eveningDate: '2024-03-31' }))).toMatchObject({ fellAsleep: '22:50' })

    // The same file again changes nothing.
    const again = await readImport(app, await uploadFile(app, join(SLEEP_FIXTURES, 'apple-export.xml')), 'apple', 'Europe/Berlin')
    expect(again.progress.preview!.counts).toEqual({ added: 0, fills: 0, conflict: 0, unchanged: 4 })
    const repeat = unwrap(await app.invoke('sleepImport.apply', { jobId: again.jobId, useDevice: ['2024-03-30'] }))
    expect(repeat).toMatchObject({ id: 0, nightsAdded: 0 })
    expect(rowCount('device_nights')).toBe(4)
    expect(rowCount('sleep_imports')).toBe(1)

    // Comparison for Insights: diary and device side by side.
    const compare = unwrap(await app.invoke('sleepImport.compare', { from: '2024-03-29', to: '2024-03-30' }))
    expect(compare).toEqual([
      { eveningDate: '2024-03-29', diaryMinutes: expect.any(Number), deviceMinutes: 415, source: 'Apple Health · Apple Watch' },
      { eveningDate: '2024-03-30', diaryMinutes: 405 - 60 - 45 + 0, deviceMinutes: 385, source: 'Apple Health · Apple Watch' }
    ])

    // The doctor report sums the same device nights in SQL: the figures the night-by-night comparison gives.
    const period = { from: '2024-03-20', to: '2024-04-10' }
    const rows = unwrap(await app.invoke('sleepImport.compare', period)).filter((r) => r.deviceMinutes !== null)
    const both = rows.filter((r) => r.diaryMinutes !== null)
    const average = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length
    expect(rows).toHaveLength(4)
    expect(both).toHaveLength(2)
    expect(unwrap(await app.invoke('report.get', period)).deviceSleep).toEqual({
      nights: 4,
      sources: ['Apple Health · Apple Watch', 'Apple Health · Connect'],
      meanMinutes: average(rows.map((r) => r.deviceMinutes!)),
      bothNights: 2,
      bothDiaryMeanMinutes: average(both.map((r) => r.diaryMinutes!)),
      bothDeviceMeanMinutes: average(both.map((r) => r.deviceMinutes!))
    })

    // Undo the whole import: the device nights go, the typed nights are as they were.
    unwrap(await app.invoke('sleepImport.undo', { importId: first.id }))
    expect(rowCount('device_nights')).toBe(0)
    expect(unwrap(await app.invoke('sleepImport.status')).imports[0]).toMatchObject({ id: first.id, undone: true })
  })

  it('replaces a conflicting night’s times only when chosen, and undo puts back what was typed', async () => {
    start()
    const typed = night('2024-03-30', { sleep: { inBed: '21:30', triedToSleep: '21:45', latencyMinutes: 45, awakenings: 4, wasoMinutes: 60, finalWake: '05:30', outOfBed: '06:00' } })
    const created = unwrap(await app.invoke('journal.create', typed))
    // Typed at home in Berlin; the watch recorded this night in New York.
    const travelled = unwrap(await app.invoke('journal.create', night('2024-03-31', { sleep: { inBed: '23:30', triedToSleep: '23:30', finalWake: '07:30', outOfBed: '07:45' } })))
    expect(travelled.zone).toBe('Europe/Berlin')
    const { jobId } = await readImport(app, await uploadFile(app, join(SLEEP_FIXTURES, 'apple-export.xml')), 'apple', 'Europe/Berlin')
    const applied = unwrap(await app.invoke('sleepImport.apply', { jobId, useDevice: ['2024-03-30', '2024-03-31'] }))
    expect(applied.diaryNightsChanged).toBe(2)
    const moved = unwrap(await app.invoke('journal.get', { eveningDate: '2024-03-31' }))!
    expect(moved).toMatchObject({ zone: 'America/New_York', sleep: { inBed: '22:30', finalWake: '06:10' } })
    expect(moved.metrics.totalSleepMinutes).toBe(380)
    const changed = unwrap(await app.invoke('journal.get', { eveningDate: '2024-03-30' }))!
    expect(changed.sleep).toMatchObject({ inBed: '23:00', triedToSleep: '23:00', latencyMinutes: 20, finalWake: '06:45', outOfBed: '07:00', quality: 3 })
    expect(changed.severity).toBe(created.severity)

    const undone = unwrap(await app.invoke('sleepImport.undo', { importId: applied.id }))
    expect(undone).toEqual({ undone: true, diaryNightsRestored: 2, diaryNightsKept: 0 })
    expect(unwrap(await app.invoke('journal.get', { eveningDate: '2024-03-30' }))!.sleep).toEqual(created.sleep)
    expect(unwrap(await app.invoke('journal.get', { eveningDate: '2024-03-31' }))).toMatchObject({ zone: 'Europe/Berlin', sleep: travelled.sleep })
  })
})

describe('bad files', () => {
  it('refuses a ZIP bomb before unpacking it', async () => {
    start()
    const zip = await zipOf({ 'apple_health_export/export.xml': Buffer.alloc(60 * 1024 ** 2, 0x20) })
    const { progress } = await readImport(app, await uploadBytes(app, 'export.zip', zip, 1024 * 1024), 'apple', 'Europe/Berlin')
    expect(progress).toMatchObject({ state: 'failed', message: expect.stringContaining('would expand') })
    expect(progress.bytesRead).toBe(0)
  })

  it('refuses a ZIP whose entry claims to be small but inflates to far more, stopping at the claimed size', async () => {
    start()
    const zip = await zipOf({ 'apple_health_export/export.xml': Buffer.alloc(60 * 1024 ** 2, 0x20) })
    // Rewrite the sizes the archive declares (local header and central directory) to a harmless-looking 1,000 bytes.
    zip.writeUInt32LE(1000, 22)
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    zip.writeUInt32LE(1000, central + 24)
    const { progress } = await readImport(app, await uploadBytes(app, 'export.zip', zip, 1024 * 1024), 'apple', 'Europe/Berlin')
    expect(progress.state).toBe('failed')
    expect(progress.message).toMatch(/could not be read to its end.*Nothing was changed/)
    expect(progress.bytesRead).toBeLessThanOrEqual(1000)
    expect(rowCount('device_nights')).toBe(0)
  })

  it('refuses a truncated export, a file that is not XML and XML that is not an export, writing nothing', async () => {
    start()
    const whole = readFileSync(join(SLEEP_FIXTURES, 'apple-export.xml'))
    const cut = await readImport(app, await uploadBytes(app, 'export.xml', whole.subarray(0, Math.floor(whole.length * 0.7))), 'apple', 'Europe/Berlin')
    expect(cut.progress).toMatchObject({ state: 'failed', message: expect.stringContaining('not complete, well-formed XML') })
    const notXml = await readImport(app, await uploadBytes(app, 'export.xml', Buffer.from('{"this": "is json"}')), 'apple', 'Europe/Berlin')
    expect(notXml.progress.state).toBe('failed')
    const other = await readImport(app, await uploadBytes(app, 'export.xml', Buffer.from('<?xml version="1.0"?><gpx><trk/></gpx>')), 'apple', 'Europe/Berlin')
    expect(other.progress.message).toContain('not an Apple Health export')
    expect(rowCount('device_nights') + rowCount('sleep_imports')).toBe(0)
  })

  it('reads an export from a newer version with a note, skipping sleep values it does not know', async () => {
    start()
    const newer = readFileSync(join(SLEEP_FIXTURES, 'apple-export.xml'), 'utf8').replace('Export Version: 12', 'Export Version: 99')
    const { progress } = await readImport(app, await uploadBytes(app, 'export.xml', Buffer.from(newer)), 'apple', 'Europe/Berlin')
    expect(progress.preview!.notes[0]).toContain('version 99')
    expect(progress.preview!.skipped).toContainEqual({ reason: 'sleep records of a kind Stillwell does not know', count: 1 })
  })

  it('refuses a Fitbit file cut short', async () => {
    start()
    const text = readFileSync(join(SLEEP_FIXTURES, 'fitbit', 'sleep-2024-04-01.json'))
    const { progress } = await readImport(app, await uploadBytes(app, 'sleep-2024-04-01.json', text.subarray(0, 500)), 'fitbit', 'Australia/Sydney')
    expect(progress).toMatchObject({ state: 'failed', message: expect.stringContaining('not complete JSON') })
  })

  it('cancels a read in progress and keeps nothing', async () => {
    start()
    const big = Buffer.from(
      readFileSync(join(SLEEP_FIXTURES, 'apple-export.xml'), 'utf8').replace(
        '</HealthData>',
        ' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone" unit="count" startDate="2024-04-09 08:00:00 +0100" endDate="2024-04-09 08:10:00 +0100" value="420"/>\n'.repeat(60_000) + '</HealthData>'
      )
    )
    const fileId = await uploadBytes(app, 'export.xml', big, 1024 * 1024)
    const { jobId } = unwrap(await app.invoke('sleepImport.start', { fileId, format: 'apple', zone: 'Europe/Berlin' }))
    expect(unwrap(await app.invoke('sleepImport.cancel', { jobId }))).toEqual({ cancelled: true })
    const done = await app.services.sleepImport.finished(jobId)
    expect(done).toMatchObject({ state: 'cancelled', preview: null })
    expect((await app.invoke('sleepImport.apply', { jobId, useDevice: [] })).ok).toBe(false)
  })

  it('refuses pieces of an upload that arrive out of order or beyond the size given', async () => {
    start()
    const { fileId } = unwrap(await app.invoke('sleepImport.uploadBegin', { name: 'x.csv', size: 4 }))
    expect((await app.invoke('sleepImport.uploadChunk', { fileId, offset: 2, base64: 'AAA=' })).ok).toBe(false)
    expect((await app.invoke('sleepImport.uploadChunk', { fileId, offset: 0, base64: Buffer.alloc(8).toString('base64') })).ok).toBe(false)
  })
})

describe('the desktop open dialog', () => {
  it('reads the file the dialog chose by path, handing the page only a token, and nothing when the dialog is closed', async () => {
    start()
    const { createSleepImportService } = await import('../../../src/main/services/sleep-import')
    const { createSleepImportStore } = await import('../../../src/main/db/sleep-import-store')
    let answer: string | null = join(SLEEP_FIXTURES, 'apple-export.xml')
    const service = createSleepImportService({
      store: createSleepImportStore(app.opened.db),
      keyValue: app.services.keyValue,
      clock: fixedClock('2024-04-10T08:00:00Z', 'Europe/Berlin'),
      journal: app.services.journal,
      picker: () => Promise.resolve(answer)
    })
    try {
      expect(service.status().canPickFile).toBe(true)
      const { file } = await service.pickFile('apple')
      expect(file).toEqual({ fileId: expect.stringMatching(/^[a-f0-9-]{36}$/), name: 'apple-export.xml', size: expect.any(Number) })
      expect(JSON.stringify(file)).not.toContain(SLEEP_FIXTURES)
      const { jobId } = service.start(file!.fileId, 'apple', 'Europe/Berlin')
      expect((await service.finished(jobId)).preview?.nights).toHaveLength(4)
      answer = null
      expect(await service.pickFile('apple')).toEqual({ file: null })
    } finally {
      service.dispose()
    }
    // Without a dialog (the harness), the channel says so and the page offers its file input.
    expect(await app.invoke('sleepImport.pickFile', { format: 'apple' })).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })
})
