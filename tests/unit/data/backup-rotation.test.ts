import { describe, expect, it } from 'vitest'
import {
  backupsToKeep,
  dailyBackupDue,
  fileStamp,
  parseFileStamp,
  spreadsheetSafe,
  tableToCsv,
  type BackupStamp
} from '../../../src/shared/domain/data'

const DAY = 24 * 60 * 60 * 1000

function dailies(from: string, days: number): BackupStamp[] {
  const start = Date.parse(from)
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(start + i * DAY)
    return { id: `d-${at.toISOString().slice(0, 10)}`, kind: 'daily' as const, takenAt: at }
  })
}

describe('backup rotation', () => {
  it('keeps everything while there are 7 days or fewer', () => {
    const backups = dailies('2026-11-18T08:00:00Z', 7)
    expect(backupsToKeep(backups).size).toBe(7)
  })

  it('keeps the last 7 days plus the newest backup of each of the last 12 months', () => {
    // Two years of one backup a day, ending 2026-11-24.
    const backups = dailies('2024-11-25T08:00:00Z', 730)
    const kept = [...backupsToKeep(backups)].sort()
    const lastSeven = ['d-2026-11-18', 'd-2026-11-19', 'd-2026-11-20', 'd-2026-11-21', 'd-2026-11-22', 'd-2026-11-23', 'd-2026-11-24']
    const monthEnds = ['d-2025-12-31', 'd-2026-01-31', 'd-2026-02-28', 'd-2026-03-31', 'd-2026-04-30', 'd-2026-05-31']
    const moreMonthEnds = ['d-2026-06-30', 'd-2026-07-31', 'd-2026-08-31', 'd-2026-09-30', 'd-2026-10-31']
    // November 2026 is represented by its newest backup, already one of the seven.
    expect(kept).toEqual([...monthEnds, ...moreMonthEnds, ...lastSeven].sort())
    expect(kept).not.toContain('d-2025-11-30')
  })

  it('keeps one per day when a day has several, and only the newest of it', () => {
    const backups: BackupStamp[] = [
      { id: 'morning', kind: 'daily', takenAt: new Date('2026-11-24T08:00:00Z') },
      { id: 'evening', kind: 'daily', takenAt: new Date('2026-11-24T20:00:00Z') }
    ]
    expect([...backupsToKeep(backups)]).toEqual(['evening'])
  })

  it('never removes backups the user asked for, and keeps the newest 5 safety backups', () => {
    const manual: BackupStamp[] = Array.from({ length: 20 }, (_, i) => ({
      id: `m${i}`,
      kind: 'manual',
      takenAt: new Date(Date.UTC(2020, 0, i + 1))
    }))
    const safety: BackupStamp[] = Array.from({ length: 8 }, (_, i) => ({
      id: `s${i}`,
      kind: 'safety',
      takenAt: new Date(Date.UTC(2026, 0, i + 1))
    }))
    const kept = backupsToKeep([...manual, ...safety])
    for (const m of manual) expect(kept.has(m.id)).toBe(true)
    expect([...kept].filter((id) => id.startsWith('s')).sort()).toEqual(['s3', 's4', 's5', 's6', 's7'])
  })

  it('says a daily backup is due when there is none or the newest is from an earlier day', () => {
    const now = new Date('2026-11-24T09:00:00Z')
    expect(dailyBackupDue(null, now)).toBe(true)
    expect(dailyBackupDue(new Date('2026-11-23T23:59:00Z'), now)).toBe(true)
    expect(dailyBackupDue(new Date('2026-11-24T00:01:00Z'), now)).toBe(false)
  })

  it('writes and reads file stamps', () => {
    const at = new Date('2026-11-24T07:05:09.123Z')
    expect(fileStamp(at)).toBe('20261124T070509Z')
    expect(parseFileStamp('20261124T070509Z')?.toISOString()).toBe('2026-11-24T07:05:09.000Z')
    expect(parseFileStamp('nonsense')).toBeNull()
  })
})

describe('spreadsheet-safe CSV', () => {
  it('puts an apostrophe before cells a spreadsheet would run, and nowhere else', () => {
    expect(['=1+1', '+x', '-x', '@x', '\tx', '\rx', 'plain', ''].map(spreadsheetSafe)).toEqual([
      "'=1+1",
      "'+x",
      "'-x",
      "'@x",
      "'\tx",
      "'\rx",
      'plain',
      ''
    ])
    expect(spreadsheetSafe(-3)).toBe(-3)
    expect(spreadsheetSafe(null)).toBe('')
    expect(tableToCsv(['a', 'b'], [{ a: 'x, "y"', b: null }])).toBe('a,b\r\n"x, ""y""",')
  })
})
