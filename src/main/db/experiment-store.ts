import type { Database } from 'better-sqlite3'
import type { AdherenceAnswer, Outcome } from '../../shared/domain/experiment'
import type { Analyte, LabUnit } from '../../shared/domain/labs'

export interface ExperimentRow {
  id: number
  change_text: string
  notes: string
  outcome: Outcome
  start_date: string
  baseline_nights: number
  trial_nights: number
  block_nights: number | null
  stopped_on: string | null
  created_at: string
}

export interface CheckinRow {
  experiment_id: number
  evening_date: string
  answer: AdherenceAnswer
}

export interface LabRow {
  id: number
  taken_on: string
  analyte: Analyte
  value: number
  entered_value: number
  entered_unit: LabUnit
  note: string
  /** 1, 0, or null when not recorded. */
  morning_draw: number | null
  iron_paused: number | null
}

export type ExperimentInsert = Omit<ExperimentRow, 'id' | 'stopped_on'>

export interface ExperimentStore {
  all(): ExperimentRow[]
  byId(id: number): ExperimentRow | null
  insert(row: ExperimentInsert): number
  stop(id: number, stoppedOn: string): void
  remove(id: number): boolean
  checkins(experimentId: number): CheckinRow[]
  setCheckin(experimentId: number, eveningDate: string, answer: AdherenceAnswer, now: string): void
  labs(): LabRow[]
  labsBetween(from: string, to: string): LabRow[]
  labById(id: number): LabRow | null
  insertLab(row: Omit<LabRow, 'id'>, now: string): number
  removeLab(id: number): boolean
}

export function createExperimentStore(db: Database): ExperimentStore {
  const selectAll = db.prepare<[], ExperimentRow>('SELECT * FROM experiments ORDER BY start_date DESC, id DESC')
  const selectOne = db.prepare<[number], ExperimentRow>('SELECT * FROM experiments WHERE id = ?')
  const insert = db.prepare<ExperimentInsert>(
    `INSERT INTO experiments (change_text, notes, outcome, start_date, baseline_nights, trial_nights, block_nights, created_at)
     VALUES (@change_text, @notes, @outcome, @start_date, @baseline_nights, @trial_nights, @block_nights, @created_at)`
  )
  const stop = db.prepare<[string, number]>('UPDATE experiments SET stopped_on = ? WHERE id = ?')
  const remove = db.prepare<[number]>('DELETE FROM experiments WHERE id = ?')
  const selectCheckins = db.prepare<[number], CheckinRow>(
    'SELECT experiment_id, evening_date, answer FROM experiment_checkins WHERE experiment_id = ? ORDER BY evening_date'
  )
  const upsertCheckin = db.prepare<[number, string, AdherenceAnswer, string]>(
    `INSERT INTO experiment_checkins (experiment_id, evening_date, answer, answered_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (experiment_id, evening_date) DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at`
  )
  const labColumns = 'id, taken_on, analyte, value, entered_value, entered_unit, note, morning_draw, iron_paused'
  const selectLabs = db.prepare<[], LabRow>(`SELECT ${labColumns} FROM lab_results ORDER BY taken_on, analyte, id`)
  const selectLabsBetween = db.prepare<[string, string], LabRow>(
    `SELECT ${labColumns} FROM lab_results WHERE taken_on BETWEEN ? AND ? ORDER BY taken_on, analyte, id`
  )
  const selectLab = db.prepare<[number], LabRow>(`SELECT ${labColumns} FROM lab_results WHERE id = ?`)
  const insertLab = db.prepare<Omit<LabRow, 'id'> & { created_at: string }>(
    `INSERT INTO lab_results (taken_on, analyte, value, entered_value, entered_unit, note, morning_draw, iron_paused, created_at)
     VALUES (@taken_on, @analyte, @value, @entered_value, @entered_unit, @note, @morning_draw, @iron_paused, @created_at)`
  )
  const removeLab = db.prepare<[number]>('DELETE FROM lab_results WHERE id = ?')

  return {
    all: () => selectAll.all(),
    byId: (id) => selectOne.get(id) ?? null,
    insert: (row) => Number(insert.run(row).lastInsertRowid),
    stop: (id, stoppedOn) => void stop.run(stoppedOn, id),
    remove: (id) => remove.run(id).changes > 0,
    checkins: (experimentId) => selectCheckins.all(experimentId),
    setCheckin: (experimentId, eveningDate, answer, now) => void upsertCheckin.run(experimentId, eveningDate, answer, now),
    labs: () => selectLabs.all(),
    labsBetween: (from, to) => selectLabsBetween.all(from, to),
    labById: (id) => selectLab.get(id) ?? null,
    insertLab: (row, now) => Number(insertLab.run({ ...row, created_at: now }).lastInsertRowid),
    removeLab: (id) => removeLab.run(id).changes > 0
  }
}
