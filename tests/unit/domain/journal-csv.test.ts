import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { defuseFormula, journalToCsv, type CsvEntry } from '../../../src/shared/domain/journal-csv'
import { night } from '../../support/journal'

function entry(date: string, overrides: Partial<CsvEntry> = {}): CsvEntry {
  return {
    ...night(date),
    zone: 'Europe/Berlin',
    metrics: { timeInBedMinutes: 510, totalSleepMinutes: 410, sleepEfficiency: 80.4 },
    createdAt: `${date}T07:00:00.000Z`,
    updatedAt: `${date}T07:00:00.000Z`,
    ...overrides
  }
}

function parse(csv: string): string[][] {
  return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data
}

describe('defuseFormula', () => {
  it.each(['=1+2', '+44 123', '-cmd', '@SUM(A1)', '\tTab', '\rReturn', '=line one\nline two'])('prefixes %j with an apostrophe', (text) => {
    expect(defuseFormula(text)).toBe(`'${text}`)
  })

  it.each(['Gabapentin', '', ' =not at the start', '3 drinks', 'a-b'])('leaves %j alone', (text) => {
    expect(defuseFormula(text)).toBe(text)
  })
})

describe('journalToCsv', () => {
  it('writes a header and one row per night, oldest first, with ISO dates and times', () => {
    const rows = parse(journalToCsv([entry('2026-11-23'), entry('2026-03-01'), entry('2026-11-02')], []))
    expect(rows).toHaveLength(4)
    expect(rows[0]!.slice(0, 4)).toEqual(['evening_date', 'time_zone', 'severity_0_10', 'symptoms_started'])
    expect(rows.slice(1).map((r) => r[0])).toEqual(['2026-03-01', '2026-11-02', '2026-11-23'])
    const header = rows[0]!
    const row = rows[1]!
    const col = (name: string) => row[header.indexOf(name)]
    expect(col('in_bed')).toBe('22:30')
    expect(col('minutes_awake_after_sleep_onset')).toBe('35')
    expect(col('sleep_efficiency_percent')).toBe('80.4')
    expect(col('created_at')).toBe('2026-03-01T07:00:00.000Z')
    expect(col('exercise_in_evening')).toBe('no')
    expect(col('stress_1_5')).toBe('')
  })

  it('defuses formulas in every text cell (notes, medications, custom labels) and keeps quotes and line breaks intact', () => {
    const csv = journalToCsv(
      [
        entry('2026-11-23', {
          notes: '=HYPERLINK("http://evil","click")\nsecond line, with a comma',
          factors: { ...night('2026-11-23').factors, medications: ['@pill', 'Iron'], doses: [{ name: 'iron', amount: 65 }] },
          custom: [{ factorId: 7, value: 1 }]
        })
      ],
      [{ id: 7, label: '-Late dinner', kind: 'yesno' }]
    )
    const [header, row] = parse(csv)
    expect(header!.at(-1)).toBe('custom: -Late dinner (yes/no)') // "custom: …" already starts safely
    expect(row![header!.indexOf('notes')]).toBe(`'=HYPERLINK("http://evil","click")\nsecond line, with a comma`)
    expect(row![header!.indexOf('medications')]).toBe(`'@pill; Iron`)
    // The amount taken of each medicine, "as logged" where none was recorded.
    expect(row![header!.indexOf('medication_doses')]).toBe(`'@pill: as logged; Iron: 65`)
    expect(row!.at(-1)).toBe('yes')
    expect(csv.split('\r\n')[0]!.startsWith('evening_date,')).toBe(true)
  })

  it('leaves custom cells empty for nights logged before the factor existed; scale factors keep their number', () => {
    const factors = [{ id: 1, label: 'Pain', kind: 'scale' as const }]
    const rows = parse(journalToCsv([entry('2026-11-01'), entry('2026-11-02', { custom: [{ factorId: 1, value: 0 }] })], factors))
    expect(rows[1]!.at(-1)).toBe('')
    expect(rows[2]!.at(-1)).toBe('0')
  })

  it('an empty journal is just the header', () => {
    expect(parse(journalToCsv([], []))).toHaveLength(1)
  })
})
