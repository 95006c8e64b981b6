import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ALREADY_LOGGED_MESSAGE } from '../../../src/shared/domain/journal'
import { startTestApp, type TestApp } from '../../support/app'
import { fixedClock, night } from '../../support/journal'

let app: TestApp
const clock = fixedClock('2026-11-24T08:00:00Z') // 09:00 in Berlin: "last night" began on 2026-11-23

beforeEach(() => {
  clock.set('2026-11-24T08:00:00Z')
  app = startTestApp(undefined, { clock })
})
afterEach(() => app.close())

function rowCount(): number {
  return app.opened.db.prepare('SELECT count(*) FROM journal_entries').pluck().get() as number
}

async function create(entry = night('2026-11-23')) {
  const result = await app.invoke('journal.create', entry)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe('journal service — saving nights', () => {
  it('stores what was entered, with the zone at entry time, and derives the sleep figures', async () => {
    const saved = await create()
    expect(saved).toMatchObject({ eveningDate: '2026-11-23', zone: 'Europe/Berlin', severity: 4 })
    // 22:30 → 07:00 = 510 min in bed; 23:00 → 06:45 = 465, minus 20 and 35 = 410 asleep; 80.4 %
    expect(saved.metrics).toEqual({ timeInBedMinutes: 510, totalSleepMinutes: 410, sleepEfficiency: 80.4 })
    const again = await app.invoke('journal.get', { eveningDate: '2026-11-23' })
    expect(again).toEqual({ ok: true, value: saved })
  })

  it('a bedtime after midnight belongs to the evening before', async () => {
    const saved = await create(
      night('2026-11-23', {
        sleep: { inBed: '00:30', triedToSleep: '00:45', finalWake: '07:15', outOfBed: '07:30', latencyMinutes: 10, wasoMinutes: 20 }
      })
    )
    // 00:30 → 07:30 = 420; 00:45 → 07:15 = 390 − 30 = 360; 85.7 %
    expect(saved.metrics).toEqual({ timeInBedMinutes: 420, totalSleepMinutes: 360, sleepEfficiency: 85.7 })
  })

  it('a night across the autumn clock change is an hour longer, in the zone it was logged in', async () => {
    clock.set('2026-10-26T08:00:00Z')
    const before = await create(night('2026-10-17'))
    const autumn = await create(night('2026-10-24'))
    expect(autumn.metrics.timeInBedMinutes).toBe(before.metrics.timeInBedMinutes + 60)
    // Edited later from another zone, the night keeps the zone it was logged in.
    const travelling = fixedClock('2026-11-24T08:00:00Z', 'America/New_York')
    app.close()
    app = startTestApp(undefined, { clock: travelling })
    const again = await create(night('2026-10-24'))
    expect(again.zone).toBe('America/New_York')
    const input = night('2026-10-24') // no zone: the stored one is kept
    const edited = await app.invoke('journal.update', { id: again.id, entry: input })
    expect(edited.ok && edited.value.zone).toBe('America/New_York')
  })

  it('a night across the spring change in New York is an hour shorter', async () => {
    const ny = fixedClock('2026-03-10T12:00:00Z', 'America/New_York')
    app.close()
    app = startTestApp(undefined, { clock: ny })
    const spring = await create(night('2026-03-07'))
    const before = await create(night('2026-02-28'))
    expect(spring.metrics.timeInBedMinutes).toBe(before.metrics.timeInBedMinutes - 60)
  })

  it('a second entry for the same night is a conflict with the message the form shows, and writes nothing', async () => {
    await create()
    const result = await app.invoke('journal.create', night('2026-11-23', { severity: 9 }))
    expect(result).toEqual({
      ok: false,
      error: { code: 'conflict', message: ALREADY_LOGGED_MESSAGE, fields: { eveningDate: ALREADY_LOGGED_MESSAGE } }
    })
    expect(rowCount()).toBe(1)
    const kept = await app.invoke('journal.get', { eveningDate: '2026-11-23' })
    expect(kept.ok && kept.value?.severity).toBe(4)
  })

  it.each([
    [
      'wake time before sleep time without crossing midnight',
      { sleep: { inBed: '21:00', triedToSleep: '21:30', finalWake: '21:15', outOfBed: '21:20' } },
      'sleep.finalWake',
      'Final wake time is before the time you tried to sleep.'
    ],
    [
      'latency longer than time in bed',
      { sleep: { latencyMinutes: 600 } },
      'sleep.latencyMinutes',
      'Minutes to fall asleep (600) is longer than the 465 minutes between trying to sleep and your final wake time.'
    ],
    [
      'caffeine without a time',
      { factors: { caffeineDrinks: 2 } },
      'factors.caffeineLast',
      'When was your last caffeinated drink? It tells Insights whether it was after 14:00.'
    ]
  ] as const)('refuses %s with a message on the field, writing nothing', async (_label, overrides, field, message) => {
    const result = await app.invoke('journal.create', night('2026-11-23', overrides))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input')
      expect(result.error.fields?.[field]).toBe(message)
    }
    expect(rowCount()).toBe(0)
  })

  it.each([
    ['severity 11', night('2026-11-23', { severity: 11 }), 'severity', 'Severity must be between 0 and 10.'],
    ['a malformed date', night('23/11/2026'), 'eveningDate', 'Enter the date as YYYY-MM-DD, for example 2026-03-28.'],
    ['a date that does not exist', night('2026-02-30'), 'eveningDate', 'Enter the date as YYYY-MM-DD, for example 2026-03-28.'],
    ['a night in the future', night('2026-11-25'), 'eveningDate', 'That night has not happened yet. Choose last night or an earlier one.'],
    [
      'a malformed time',
      night('2026-11-23', { sleep: { inBed: '7pm' } }),
      'sleep.inBed',
      'Time into bed: enter a 24-hour time as HH:MM, for example 23:15.'
    ],
    [
      'too many awakenings',
      night('2026-11-23', { sleep: { awakenings: 51 } }),
      'sleep.awakenings',
      'The number of awakenings must be between 0 and 50.'
    ],
    [
      'a fractional minute',
      night('2026-11-23', { sleep: { wasoMinutes: 2.5 } }),
      'sleep.wasoMinutes',
      'Enter minutes awake during the night as a whole number from 0 to 720.'
    ]
  ])('refuses %s (contract or service) with the same per-field message', async (_label, input, field, message) => {
    const result = await app.invoke('journal.create', input)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    if (!result.ok) expect(result.error.fields?.[field]).toBe(message)
    expect(rowCount()).toBe(0)
  })

  it('editing can move an entry to a free night, but not onto a logged one', async () => {
    const a = await create(night('2026-11-22'))
    await create(night('2026-11-23'))
    const onto = await app.invoke('journal.update', { id: a.id, entry: night('2026-11-23', { severity: 1 }) })
    expect(onto).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const moved = await app.invoke('journal.update', { id: a.id, entry: night('2026-11-20', { severity: 1 }) })
    expect(moved).toMatchObject({ ok: true, value: { id: a.id, eveningDate: '2026-11-20', severity: 1 } })
  })

  it('an edit that fails validation leaves the saved entry as it was', async () => {
    const saved = await create()
    const result = await app.invoke('journal.update', { id: saved.id, entry: night('2026-11-23', { sleep: { outOfBed: '06:00' } }) })
    expect(result).toMatchObject({ ok: false, error: { fields: { 'sleep.outOfBed': 'Time out of bed is before your final wake time.' } } })
    expect((await app.invoke('journal.get', { eveningDate: '2026-11-23' })).ok && saved).toEqual(saved)
  })
})

describe('journal service — reading a range', () => {
  it('gives each night exactly as reading it alone does, every field, with medicines, doses and custom values', async () => {
    // A range is read as plain arrays and named again in JS (journal-store.ts); a night read alone is a keyed row.
    const factor = await app.invoke('journal.factors.create', { label: 'Late dinner', kind: 'yesno' })
    if (!factor.ok) throw new Error('create failed')
    await create(
      night('2026-11-20', {
        severity: 7,
        symptomStart: '20:15',
        bodyAreas: ['legs', 'arms', 'other'],
        relievedByMoving: 'yes',
        sleepDisturbance: 3,
        notes: 'Restless after the long drive',
        sleep: { inBed: '23:10', triedToSleep: '23:40', latencyMinutes: 45, awakenings: 3, wasoMinutes: 50, quality: 2, rested: 1 },
        factors: {
          caffeineDrinks: 2,
          caffeineLast: '15:30',
          alcoholDrinks: 1,
          alcoholLast: '20:00',
          exerciseMinutes: 40,
          exerciseEvening: true,
          stress: 4,
          magnesiumMg: 300,
          magnesiumForm: 'citrate',
          ironMg: 65,
          medications: ['Pramipexole', 'Gabapentin'],
          doses: [{ name: 'Pramipexole', amount: 0.125 }]
        },
        custom: [{ factorId: factor.value.id, value: 1 }]
      })
    )
    await create(night('2026-11-21', { severity: 0, bodyAreas: [], relievedByMoving: null, sleepDisturbance: null, symptomStart: null }))
    await create(night('2026-11-23'))
    const range = await app.invoke('journal.list', { from: '2026-11-19', to: '2026-11-23' })
    if (!range.ok) throw new Error('list failed')
    expect(range.value.map((e) => e.eveningDate)).toEqual(['2026-11-20', '2026-11-21', '2026-11-23'])
    for (const entry of range.value) {
      expect(await app.invoke('journal.get', { eveningDate: entry.eveningDate })).toEqual({ ok: true, value: entry })
    }
    expect(range.value[0]).toMatchObject({ bodyAreas: ['legs', 'arms', 'other'], factors: { magnesiumForm: 'citrate', exerciseEvening: true } })
  })
})

describe('journal service — delete and undo', () => {
  it('a deleted entry disappears and comes back exactly as it was', async () => {
    const saved = await create(night('2026-11-23', { factors: { medications: ['Gabapentin'] }, notes: 'Long walk' }))
    expect(await app.invoke('journal.delete', { id: saved.id })).toEqual({ ok: true, value: { id: saved.id, eveningDate: '2026-11-23' } })
    expect(await app.invoke('journal.get', { eveningDate: '2026-11-23' })).toEqual({ ok: true, value: null })
    const restored = await app.invoke('journal.restore', { id: saved.id })
    expect(restored.ok && { ...restored.value, updatedAt: saved.updatedAt }).toEqual(saved)
  })

  it('the night is free while deleted; a new entry then blocks restoring the old one, and nothing is lost', async () => {
    const old = await create()
    await app.invoke('journal.delete', { id: old.id })
    const fresh = await create(night('2026-11-23', { severity: 7 }))
    const result = await app.invoke('journal.restore', { id: old.id })
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const kept = await app.invoke('journal.get', { eveningDate: '2026-11-23' })
    expect(kept.ok && kept.value?.id).toBe(fresh.id)
  })

  it('deleted entries are purged after 30 days', async () => {
    const saved = await create()
    await app.invoke('journal.delete', { id: saved.id })
    expect(rowCount()).toBe(1)
    clock.set('2026-12-25T08:00:00Z')
    const dir = app.dataDir
    app.opened.db.close()
    const reopened = startTestApp(dir, { clock })
    expect(reopened.opened.db.prepare('SELECT count(*) FROM journal_entries').pluck().get()).toBe(0)
    reopened.opened.db.close()
  })
})

describe('journal service — quick log defaults and suggestions', () => {
  it('without entries, offers last night with times around the usual bedtime and no severity', async () => {
    app.services.settings.update({ profile: { bedtime: '23:00' } })
    const result = await app.invoke('journal.defaults')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value).toMatchObject({
      suggestedDate: '2026-11-23',
      today: '2026-11-24',
      zone: 'Europe/Berlin',
      existing: null,
      fromPrevious: false
    })
    expect(result.value.draft.severity).toBeNull()
    expect(result.value.draft.sleep).toMatchObject({ inBed: '23:00', triedToSleep: '23:15', finalWake: '07:15', outOfBed: '07:30' })
  })

  it('starts from the previous entry (not its notes), and remembers medication names, most recent first', async () => {
    await create(night('2026-11-20', { factors: { medications: ['Iron bisglycinate'] } }))
    await create(
      night('2026-11-21', {
        severity: 6,
        notes: 'Bad night',
        sleep: { inBed: '22:50' },
        factors: { medications: ['Pregabalin', 'pregabalin '] }
      })
    )
    const result = await app.invoke('journal.defaults')
    if (!result.ok) throw new Error('defaults failed')
    expect(result.value.fromPrevious).toBe(true)
    expect(result.value.draft).toMatchObject({ eveningDate: '2026-11-23', severity: 6, notes: '', sleep: { inBed: '22:50' } })
    expect(result.value.draft.factors.medications).toEqual(['Pregabalin'])
    expect(result.value.medicationSuggestions).toEqual(['Pregabalin', 'Iron bisglycinate'])
    expect(result.value.openDate).toBe('2026-11-23')
    await create(night('2026-11-23'))
    await create(night('2026-11-22'))
    const after = await app.invoke('journal.defaults')
    // Last night and the one before are logged, 11-21 too: the latest gap is 11-19.
    expect(after.ok && after.value.openDate).toBe('2026-11-19')
  })

  it('glance: last night at a glance and 14 nights with gaps as null, never zero', async () => {
    await create(night('2026-11-23', { severity: 2 }))
    await create(night('2026-11-20', { severity: 0 }))
    const result = await app.invoke('journal.glance')
    if (!result.ok) throw new Error('glance failed')
    expect(result.value.isLastNight).toBe(true)
    expect(result.value.lastNight?.severity).toBe(2)
    expect(result.value.trend).toHaveLength(14)
    expect(result.value.trend.at(-1)).toEqual({ date: '2026-11-23', severity: 2 })
    expect(result.value.trend.at(-4)).toEqual({ date: '2026-11-20', severity: 0 })
    expect(result.value.trend.at(-2)).toEqual({ date: '2026-11-22', severity: null })
    expect(result.value.trend[0]!.date).toBe('2026-11-10')
  })
})

describe('journal service — custom factors', () => {
  it('are added, renamed and archived; names stay unique among active ones; values are kept', async () => {
    const made = await app.invoke('journal.factors.create', { label: 'Late dinner', kind: 'yesno' })
    if (!made.ok) throw new Error('create failed')
    expect(await app.invoke('journal.factors.create', { label: 'late DINNER', kind: 'scale' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: { label: 'You already track “Late dinner”.' } }
    })
    const saved = await create(night('2026-11-23', { custom: [{ factorId: made.value.id, value: 1 }] }))
    expect(saved.custom).toEqual([{ factorId: made.value.id, value: 1 }])
    expect(await app.invoke('journal.factors.update', { id: made.value.id, label: 'Big late dinner' })).toMatchObject({
      ok: true,
      value: { label: 'Big late dinner' }
    })
    expect(await app.invoke('journal.factors.update', { id: made.value.id, archived: true })).toMatchObject({
      ok: true,
      value: { archived: true }
    })
    // Archived: the old entry keeps its answer and can still be edited with it.
    const edit = await app.invoke('journal.update', {
      id: saved.id,
      entry: night('2026-11-23', { custom: [{ factorId: made.value.id, value: 1 }] })
    })
    expect(edit.ok).toBe(true)
  })

  it('refuses values for factors that do not exist, and 2 for a yes/no factor', async () => {
    const made = await app.invoke('journal.factors.create', { label: 'Sugar', kind: 'yesno' })
    if (!made.ok) throw new Error('create failed')
    expect(await app.invoke('journal.create', night('2026-11-23', { custom: [{ factorId: 999, value: 1 }] }))).toMatchObject({
      ok: false,
      error: { fields: { 'custom.0.value': 'This factor no longer exists. Reload the journal and try again.' } }
    })
    expect(await app.invoke('journal.create', night('2026-11-23', { custom: [{ factorId: made.value.id, value: 2 }] }))).toMatchObject({
      ok: false,
      error: { fields: { 'custom.0.value': 'Answer yes (1) or no (0).' } }
    })
    expect(rowCount()).toBe(0)
  })
})

describe('journal service — CSV export', () => {
  it('exports a header and one row per night, oldest first, with ISO dates and defused formulas', async () => {
    const factor = await app.invoke('journal.factors.create', { label: 'Pain', kind: 'scale' })
    if (!factor.ok) throw new Error('factor failed')
    await create(night('2026-11-23', { notes: '=HYPERLINK("http://x")', custom: [{ factorId: factor.value.id, value: 3 }] }))
    await create(night('2026-11-21', { factors: { medications: ['+Ropinirole', 'Iron'] } }))
    const result = await app.invoke('journal.exportCsv')
    if (!result.ok) throw new Error('export failed')
    expect(result.value.fileName).toBe('stillwell-journal-2026-11-24.csv')
    expect(result.value.rows).toBe(2)
    const lines = result.value.csv.split('\r\n')
    expect(lines).toHaveLength(3)
    const header = lines[0]!.split(',')
    expect(header[0]).toBe('evening_date')
    expect(header.at(-1)).toBe('custom: Pain (0-4)')
    expect(
      lines[1]!.startsWith('2026-11-21,Europe/Berlin,4,21:00,legs,partly,2,22:30,23:00,20,2,35,06:45,07:00,3,3,0,0,510,410,80.4,')
    ).toBe(true)
    expect(lines[1]).toContain(",'+Ropinirole; Iron,")
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"")"`)
    expect(lines[2]!.endsWith(',3')).toBe(true)
  })
})
