import type { Database } from 'better-sqlite3'
import type { DoseUnit } from '../../shared/domain/medications'

export interface MedicationRow {
  id: number
  name: string
  strength: number | null
  unit: DoseUnit
  usual_dose: number | null
  usual_time: string | null
  start_date: string
  stop_date: string | null
  purpose: string
  prescriber_note: string
}

export interface ChangeRow {
  id: number
  medication_id: number
  changed_on: string
  dose: number
  note: string
}

export interface EpisodeRow {
  id: number
  episode_on: string
  at_time: string
  severity: number
  helped: string
}

export interface IrlsRow {
  id: number
  scored_on: string
  total: number
  note: string
}

export type MedicationWrite = Omit<MedicationRow, 'id'>

/** Medication courses, their dose changes, daytime episodes and clinician-scored IRLS totals. */
export interface MedicationStore {
  transaction<T>(fn: () => T): T
  all(): MedicationRow[]
  byId(id: number): MedicationRow | null
  insert(row: MedicationWrite, now: string): number
  update(id: number, row: MedicationWrite): void
  /** Renames the medicine on every night that logged it under the old name (any case). */
  renameOnNights(from: string, to: string): void
  remove(id: number): boolean
  changes(): ChangeRow[]
  changeById(id: number): ChangeRow | null
  insertChange(row: Omit<ChangeRow, 'id'>, now: string): number
  removeChange(id: number): boolean
  episodesBetween(from: string, to: string): EpisodeRow[]
  insertEpisode(row: Omit<EpisodeRow, 'id'>, now: string): number
  removeEpisode(id: number): boolean
  irls(): IrlsRow[]
  insertIrls(row: Omit<IrlsRow, 'id'>, now: string): number
  removeIrls(id: number): boolean
}

export function createMedicationStore(db: Database): MedicationStore {
  const columns = 'id, name, strength, unit, usual_dose, usual_time, start_date, stop_date, purpose, prescriber_note'
  const selectAll = db.prepare<[], MedicationRow>(
    `SELECT ${columns} FROM medications ORDER BY stop_date IS NOT NULL, name COLLATE NOCASE, start_date`
  )
  const selectOne = db.prepare<[number], MedicationRow>(`SELECT ${columns} FROM medications WHERE id = ?`)
  const insert = db.prepare<MedicationWrite & { created_at: string }>(
    `INSERT INTO medications (name, strength, unit, usual_dose, usual_time, start_date, stop_date, purpose, prescriber_note, created_at)
     VALUES (@name, @strength, @unit, @usual_dose, @usual_time, @start_date, @stop_date, @purpose, @prescriber_note, @created_at)`
  )
  const update = db.prepare<MedicationWrite & { id: number }>(
    `UPDATE medications SET name = @name, strength = @strength, unit = @unit, usual_dose = @usual_dose, usual_time = @usual_time,
     start_date = @start_date, stop_date = @stop_date, purpose = @purpose, prescriber_note = @prescriber_note WHERE id = @id`
  )
  const rename = db.prepare<[string, string]>('UPDATE journal_medications SET name = ? WHERE name = ? COLLATE NOCASE')
  const remove = db.prepare<[number]>('DELETE FROM medications WHERE id = ?')
  const selectChanges = db.prepare<[], ChangeRow>(
    'SELECT id, medication_id, changed_on, dose, note FROM medication_changes ORDER BY medication_id, changed_on, id'
  )
  const selectChange = db.prepare<[number], ChangeRow>(
    'SELECT id, medication_id, changed_on, dose, note FROM medication_changes WHERE id = ?'
  )
  const insertChange = db.prepare<Omit<ChangeRow, 'id'> & { created_at: string }>(
    `INSERT INTO medication_changes (medication_id, changed_on, dose, note, created_at) VALUES (@medication_id, @changed_on, @dose, @note, @created_at)`
  )
  const removeChange = db.prepare<[number]>('DELETE FROM medication_changes WHERE id = ?')
  const selectEpisodes = db.prepare<[string, string], EpisodeRow>(
    'SELECT id, episode_on, at_time, severity, helped FROM daytime_episodes WHERE episode_on BETWEEN ? AND ? ORDER BY episode_on, at_time, id'
  )
  const insertEpisode = db.prepare<Omit<EpisodeRow, 'id'> & { created_at: string }>(
    `INSERT INTO daytime_episodes (episode_on, at_time, severity, helped, created_at) VALUES (@episode_on, @at_time, @severity, @helped, @created_at)`
  )
  const removeEpisode = db.prepare<[number]>('DELETE FROM daytime_episodes WHERE id = ?')
  const selectIrls = db.prepare<[], IrlsRow>('SELECT id, scored_on, total, note FROM irls_scores ORDER BY scored_on, id')
  const insertIrls = db.prepare<Omit<IrlsRow, 'id'> & { created_at: string }>(
    'INSERT INTO irls_scores (scored_on, total, note, created_at) VALUES (@scored_on, @total, @note, @created_at)'
  )
  const removeIrls = db.prepare<[number]>('DELETE FROM irls_scores WHERE id = ?')

  return {
    transaction: (fn) => db.transaction(fn)(),
    all: () => selectAll.all(),
    byId: (id) => selectOne.get(id) ?? null,
    insert: (row, now) => Number(insert.run({ ...row, created_at: now }).lastInsertRowid),
    update: (id, row) => void update.run({ ...row, id }),
    renameOnNights: (from, to) => void rename.run(to, from),
    remove: (id) => remove.run(id).changes > 0,
    changes: () => selectChanges.all(),
    changeById: (id) => selectChange.get(id) ?? null,
    insertChange: (row, now) => Number(insertChange.run({ ...row, created_at: now }).lastInsertRowid),
    removeChange: (id) => removeChange.run(id).changes > 0,
    episodesBetween: (from, to) => selectEpisodes.all(from, to),
    insertEpisode: (row, now) => Number(insertEpisode.run({ ...row, created_at: now }).lastInsertRowid),
    removeEpisode: (id) => removeEpisode.run(id).changes > 0,
    irls: () => selectIrls.all(),
    insertIrls: (row, now) => Number(insertIrls.run({ ...row, created_at: now }).lastInsertRowid),
    removeIrls: (id) => removeIrls.run(id).changes > 0
  }
}
