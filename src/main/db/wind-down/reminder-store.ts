import type { Database } from 'better-sqlite3'
import type { NotificationEvent } from '../../../shared/contract'
import type { IsoDate, ReminderKind } from '../../../shared/domain/schedule-types'

export type Outcome = 'fired' | 'missed'

export interface LogEntry {
  kind: ReminderKind
  eveningDate: IsoDate
  outcome: Outcome
  dueMs: number
  handledMs: number
  snoozes: number
}

export interface Snooze {
  kind: ReminderKind
  eveningDate: IsoDate
  dueMs: number
}

export interface NewEntry {
  kind: ReminderKind
  eveningDate: IsoDate
  outcome: Outcome
  dueMs: number
}

/** Storage for the reminder scheduler: what was handled, snoozes, undelivered notifications. */
export interface ReminderStore {
  lastCheckedMs(): number | null
  setLastCheckedMs(ms: number): void
  /** Keys ('kind:date') of every reminder handled for evenings in [from, to]. */
  handledKeys(from: IsoDate, to: IsoDate): Set<string>
  /**
   * Records reminders as handled and moves lastChecked, in one transaction.
   * Returns only the entries that were new: a key already in the log is left
   * alone, so two checks racing over the same file still fire once.
   */
  record(entries: NewEntry[], handledMs: number, lastCheckedMs: number): NewEntry[]
  entry(kind: ReminderKind, eveningDate: IsoDate): LogEntry | undefined
  /** The latest fired reminder handled at or after sinceMs. */
  latestFired(sinceMs: number): LogEntry | undefined
  snoozes(): Snooze[]
  /** Schedules a snooze (replacing a pending one) and counts the round; returns the round number. */
  snooze(kind: ReminderKind, eveningDate: IsoDate, dueMs: number): number
  dropSnooze(kind: ReminderKind, eveningDate: IsoDate): void
  dropSnoozesOfEvening(eveningDate: IsoDate): void
  dropAllSnoozes(): void
  inbox(): NotificationEvent[]
  keepInInbox(event: NotificationEvent, createdMs: number): void
  dropFromInbox(id: string): void
}

interface LogRow {
  kind: ReminderKind
  evening_date: IsoDate
  outcome: Outcome
  due_ms: number
  handled_ms: number
  snoozes: number
}

const INBOX_LIMIT = 20

function toEntry(row: LogRow): LogEntry {
  return {
    kind: row.kind,
    eveningDate: row.evening_date,
    outcome: row.outcome,
    dueMs: row.due_ms,
    handledMs: row.handled_ms,
    snoozes: row.snoozes
  }
}

export function createReminderStore(db: Database): ReminderStore {
  const selectState = db.prepare<[], { last_checked_ms: number }>('SELECT last_checked_ms FROM reminder_state WHERE id = 1')
  const upsertState = db.prepare<[number]>(
    'INSERT INTO reminder_state (id, last_checked_ms) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET last_checked_ms = excluded.last_checked_ms'
  )
  const selectKeys = db.prepare<[IsoDate, IsoDate], { kind: string; evening_date: string }>(
    'SELECT kind, evening_date FROM reminder_log WHERE evening_date BETWEEN ? AND ?'
  )
  const insertEntry = db.prepare<[ReminderKind, IsoDate, Outcome, number, number]>(
    'INSERT INTO reminder_log (kind, evening_date, outcome, due_ms, handled_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'
  )
  const selectEntry = db.prepare<[ReminderKind, IsoDate], LogRow>('SELECT * FROM reminder_log WHERE kind = ? AND evening_date = ?')
  const selectLatestFired = db.prepare<[number], LogRow>(
    "SELECT * FROM reminder_log WHERE outcome = 'fired' AND handled_ms >= ? ORDER BY handled_ms DESC LIMIT 1"
  )
  const selectSnoozes = db.prepare<[], { kind: ReminderKind; evening_date: IsoDate; due_ms: number }>(
    'SELECT kind, evening_date, due_ms FROM reminder_snoozes ORDER BY due_ms'
  )
  const upsertSnooze = db.prepare<[ReminderKind, IsoDate, number]>(
    'INSERT INTO reminder_snoozes (kind, evening_date, due_ms) VALUES (?, ?, ?) ON CONFLICT(kind, evening_date) DO UPDATE SET due_ms = excluded.due_ms'
  )
  const countSnooze = db.prepare<[ReminderKind, IsoDate], { snoozes: number }>(
    'UPDATE reminder_log SET snoozes = min(snoozes + 1, 999) WHERE kind = ? AND evening_date = ? RETURNING snoozes'
  )
  const deleteSnooze = db.prepare<[ReminderKind, IsoDate]>('DELETE FROM reminder_snoozes WHERE kind = ? AND evening_date = ?')
  const deleteEveningSnoozes = db.prepare<[IsoDate]>('DELETE FROM reminder_snoozes WHERE evening_date = ?')
  const deleteAllSnoozes = db.prepare('DELETE FROM reminder_snoozes')
  const selectInbox = db.prepare<[number], { event: string }>('SELECT event FROM reminder_inbox ORDER BY created_ms DESC, id LIMIT ?')
  const insertInbox = db.prepare<[string, string, number]>(
    'INSERT INTO reminder_inbox (id, event, created_ms) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET event = excluded.event, created_ms = excluded.created_ms'
  )
  const trimInbox = db.prepare<[number]>(
    'DELETE FROM reminder_inbox WHERE id NOT IN (SELECT id FROM reminder_inbox ORDER BY created_ms DESC, id LIMIT ?)'
  )
  const deleteInbox = db.prepare<[string]>('DELETE FROM reminder_inbox WHERE id = ?')

  const recordAll = db.transaction((entries: NewEntry[], handledMs: number, lastCheckedMs: number): NewEntry[] => {
    const added = entries.filter((e) => insertEntry.run(e.kind, e.eveningDate, e.outcome, e.dueMs, handledMs).changes === 1)
    upsertState.run(lastCheckedMs)
    return added
  })
  const snoozeOnce = db.transaction((kind: ReminderKind, eveningDate: IsoDate, dueMs: number): number => {
    const counted = countSnooze.get(kind, eveningDate)
    if (!counted) throw new Error(`No reminder ${kind}:${eveningDate} to snooze`)
    upsertSnooze.run(kind, eveningDate, dueMs)
    return counted.snoozes
  })
  const keep = db.transaction((event: NotificationEvent, createdMs: number) => {
    insertInbox.run(event.id, JSON.stringify(event), createdMs)
    trimInbox.run(INBOX_LIMIT)
  })

  return {
    lastCheckedMs: () => selectState.get()?.last_checked_ms ?? null,
    setLastCheckedMs: (ms) => void upsertState.run(Math.max(0, Math.round(ms))),
    handledKeys(from, to) {
      return new Set(selectKeys.all(from, to).map((row) => `${row.kind}:${row.evening_date}`))
    },
    record: (entries, handledMs, lastCheckedMs) => recordAll(entries, handledMs, Math.max(0, Math.round(lastCheckedMs))),
    entry(kind, eveningDate) {
      const row = selectEntry.get(kind, eveningDate)
      return row ? toEntry(row) : undefined
    },
    latestFired(sinceMs) {
      const row = selectLatestFired.get(sinceMs)
      return row ? toEntry(row) : undefined
    },
    snoozes: () => selectSnoozes.all().map((row) => ({ kind: row.kind, eveningDate: row.evening_date, dueMs: row.due_ms })),
    snooze: (kind, eveningDate, dueMs) => snoozeOnce(kind, eveningDate, dueMs),
    dropSnooze: (kind, eveningDate) => void deleteSnooze.run(kind, eveningDate),
    dropSnoozesOfEvening: (eveningDate) => void deleteEveningSnoozes.run(eveningDate),
    dropAllSnoozes: () => void deleteAllSnoozes.run(),
    inbox() {
      const events: NotificationEvent[] = []
      for (const row of selectInbox.all(INBOX_LIMIT)) {
        try {
          events.push(JSON.parse(row.event) as NotificationEvent)
        } catch {
          // json_valid() guards the column; a row that still fails to parse is skipped, not fatal.
        }
      }
      return events
    },
    keepInInbox: (event, createdMs) => keep(event, createdMs),
    dropFromInbox: (id) => void deleteInbox.run(id)
  }
}
