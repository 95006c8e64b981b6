import type { JournalEntry } from '../../shared/contract'
import { addDays } from '../../shared/domain/journal'
import type { JournalStore } from '../db/journal-store'

/** Every (not deleted) journal entry from one night to another, oldest first, as the journal store returns them. */
export interface LoadedNights {
  from: string
  to: string
  entries: readonly JournalEntry[]
}

/**
 * The entries from `from` to `to`, taken from nights a caller already read (the doctor report reads its period once)
 * where they cover the range, and read from the journal only for the part outside them.
 */
export function nightsBetween(
  journal: Pick<JournalStore, 'between'>,
  from: string,
  to: string,
  loaded?: LoadedNights
): readonly JournalEntry[] {
  if (!loaded || to < loaded.from || from > loaded.to) return journal.between(from, to)
  const inside = loaded.entries.filter((e) => e.eveningDate >= from && e.eveningDate <= to)
  const before = from < loaded.from ? journal.between(from, addDays(loaded.from, -1)) : []
  const after = to > loaded.to ? journal.between(addDays(loaded.to, 1), to) : []
  return before.length === 0 && after.length === 0 ? inside : [...before, ...inside, ...after]
}
