import type { Database } from 'better-sqlite3'
import type { IsoDate } from '../../../shared/domain/schedule-types'

export interface StoredItem {
  id: number
  label: string
  position: number
}

export interface StoredNight {
  eveningDate: IsoDate
  labels: string[]
}

/** The routine checklist and the ticks of each evening. */
export interface RoutineStore {
  items(): StoredItem[]
  item(id: number): StoredItem | undefined
  /** Whether any step was ever created (removed ones included). */
  everHadItems(): boolean
  append(labels: string[], createdAt: string): void
  rename(id: number, label: string): boolean
  /** Removes a step from the list; its past ticks stay. */
  remove(id: number, removedAt: string): boolean
  move(id: number, toIndex: number): boolean
  ticked(eveningDate: IsoDate): Set<number>
  setTicked(eveningDate: IsoDate, itemId: number, done: boolean, at: string): void
  nights(from: IsoDate, to: IsoDate): StoredNight[]
}

export function createRoutineStore(db: Database): RoutineStore {
  const selectItems = db.prepare<[], StoredItem>(
    'SELECT id, label, position FROM routine_items WHERE removed_at IS NULL ORDER BY position, id'
  )
  const selectItem = db.prepare<[number], StoredItem>('SELECT id, label, position FROM routine_items WHERE id = ? AND removed_at IS NULL')
  const selectAny = db.prepare<[], { found: number }>('SELECT EXISTS (SELECT 1 FROM routine_items) AS found')
  const selectMaxPosition = db.prepare<[], { top: number | null }>(
    'SELECT max(position) AS top FROM routine_items WHERE removed_at IS NULL'
  )
  const insertItem = db.prepare<[string, number, string]>('INSERT INTO routine_items (label, position, created_at) VALUES (?, ?, ?)')
  const updateLabel = db.prepare<[string, number]>('UPDATE routine_items SET label = ? WHERE id = ? AND removed_at IS NULL')
  const markRemoved = db.prepare<[string, number]>('UPDATE routine_items SET removed_at = ? WHERE id = ? AND removed_at IS NULL')
  const updatePosition = db.prepare<[number, number]>('UPDATE routine_items SET position = ? WHERE id = ?')
  const selectTicks = db.prepare<[IsoDate], { item_id: number }>('SELECT item_id FROM routine_ticks WHERE evening_date = ?')
  const insertTick = db.prepare<[IsoDate, number, string]>(
    'INSERT INTO routine_ticks (evening_date, item_id, ticked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'
  )
  const deleteTick = db.prepare<[IsoDate, number]>('DELETE FROM routine_ticks WHERE evening_date = ? AND item_id = ?')
  const selectNights = db.prepare<[IsoDate, IsoDate], { evening_date: IsoDate; labels: string }>(`
    SELECT t.evening_date, json_group_array(i.label) AS labels
    FROM (SELECT evening_date, item_id FROM routine_ticks WHERE evening_date BETWEEN ? AND ? ORDER BY evening_date, item_id) AS t
    JOIN routine_items AS i ON i.id = t.item_id
    GROUP BY t.evening_date
    ORDER BY t.evening_date
  `)

  /** Rewrites positions 0…n−1 in the given order, so gaps and ties never accumulate. */
  function renumber(ids: number[]): void {
    ids.forEach((id, index) => updatePosition.run(index, id))
  }

  const appendAll = db.transaction((labels: string[], createdAt: string) => {
    let position = (selectMaxPosition.get()?.top ?? -1) + 1
    for (const label of labels) insertItem.run(label, position++, createdAt)
  })
  const removeOne = db.transaction((id: number, removedAt: string): boolean => {
    if (markRemoved.run(removedAt, id).changes === 0) return false
    renumber(selectItems.all().map((item) => item.id))
    return true
  })
  const moveOne = db.transaction((id: number, toIndex: number): boolean => {
    const ids = selectItems.all().map((item) => item.id)
    const from = ids.indexOf(id)
    if (from < 0) return false
    ids.splice(from, 1)
    ids.splice(Math.min(Math.max(0, toIndex), ids.length), 0, id)
    renumber(ids)
    return true
  })

  return {
    items: () => selectItems.all(),
    item: (id) => selectItem.get(id),
    everHadItems: () => selectAny.get()?.found === 1,
    append: (labels, createdAt) => appendAll(labels, createdAt),
    rename: (id, label) => updateLabel.run(label, id).changes === 1,
    remove: (id, removedAt) => removeOne(id, removedAt),
    move: (id, toIndex) => moveOne(id, toIndex),
    ticked: (eveningDate) => new Set(selectTicks.all(eveningDate).map((row) => row.item_id)),
    setTicked(eveningDate, itemId, done, at) {
      if (done) insertTick.run(eveningDate, itemId, at)
      else deleteTick.run(eveningDate, itemId)
    },
    nights: (from, to) =>
      selectNights.all(from, to).map((row) => ({ eveningDate: row.evening_date, labels: JSON.parse(row.labels) as string[] }))
  }
}
