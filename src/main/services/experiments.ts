import {
  AppError,
  type Experiment,
  type ExperimentCreate,
  type ExperimentToday,
  type JournalEntry,
  type LabCreate,
  type LabResult
} from '../../shared/contract'
import {
  dayNumber,
  endDate,
  experimentResult,
  outcomeValue,
  phaseOf,
  totalNights,
  type AdherenceAnswer,
  type ExperimentDesign,
  type ExperimentNight
} from '../../shared/domain/experiment'
import { addDays, EARLIEST_DATE } from '../../shared/domain/journal'
import { labNote, toCanonical } from '../../shared/domain/labs'
import { labInputSchema } from '../../shared/schemas/labs'
import { check } from '../../shared/schemas/messages'
import { mean } from '../../shared/domain/stats'
import type { ExperimentRow, ExperimentStore, LabRow } from '../db/experiment-store'
import type { JournalStore } from '../db/journal-store'
import { nightsBetween, type LoadedNights } from './loaded-nights'

export interface ExperimentService {
  list(): Experiment[]
  /** Experiments whose nights overlap a range, for the doctor report (which passes the range's nights it has read). */
  between(from: string, to: string, loaded?: LoadedNights): Experiment[]
  create(input: ExperimentCreate): Experiment
  stop(id: number): Experiment
  remove(id: number): { id: number }
  today(): ExperimentToday
  checkin(id: number, eveningDate: string, answer: AdherenceAnswer): ExperimentToday
  labs(): LabResult[]
  labsBetween(from: string, to: string): LabResult[]
  addLab(input: LabCreate): LabResult
  removeLab(id: number): { id: number }
}

export interface ExperimentDeps {
  store: ExperimentStore
  journal: JournalStore
  /** The user's calendar date now. */
  today: () => string
  now: () => Date
}

/** How far ahead an experiment may be planned. */
const PLAN_AHEAD_DAYS = 60

function designOf(row: ExperimentRow): ExperimentDesign {
  return { startDate: row.start_date, baselineNights: row.baseline_nights, trialNights: row.trial_nights, blockNights: row.block_nights }
}

/** The last night that counts: the planned end, or the night before the experiment was stopped. */
function effectiveEnd(row: ExperimentRow): string {
  const end = endDate(designOf(row))
  if (row.stopped_on === null) return end
  const stoppedNight = addDays(row.stopped_on, -1)
  return stoppedNight < end ? stoppedNight : end
}

function toNight(entry: JournalEntry): ExperimentNight {
  return {
    date: entry.eveningDate,
    severity: entry.severity,
    sleepEfficiency: entry.metrics.sleepEfficiency,
    quality: entry.sleep.quality,
    factors: entry.factors
  }
}

function toLab(row: LabRow): LabResult {
  return {
    id: row.id,
    takenOn: row.taken_on,
    analyte: row.analyte,
    value: row.value,
    enteredValue: row.entered_value,
    enteredUnit: row.entered_unit,
    note: row.note,
    morningDraw: row.morning_draw === null ? null : row.morning_draw === 1,
    ironPaused: row.iron_paused === null ? null : row.iron_paused === 1,
    guidance: labNote(row.analyte, row.value)
  }
}

function isRealDate(date: string): boolean {
  return addDays(date, 0) === date
}

export function createExperimentService({ store, journal, today, now }: ExperimentDeps): ExperimentService {
  function view(row: ExperimentRow, loaded?: LoadedNights): Experiment {
    const design = designOf(row)
    const todayDate = today()
    const lastNight = addDays(todayDate, -1)
    const end = effectiveEnd(row)
    const entries = nightsBetween(journal, row.start_date, end < lastNight ? end : lastNight, loaded).map(toNight)
    const prior = nightsBetween(journal, addDays(row.start_date, -30), addDays(row.start_date, -1), loaded)
      .map((e) => outcomeValue(toNight(e), row.outcome))
      .filter((v): v is number => v !== null)
    const result = experimentResult({
      design,
      outcome: row.outcome,
      change: row.change_text,
      nights: entries,
      adherence: store.checkins(row.id).map((c) => ({ date: c.evening_date, answer: c.answer })),
      lastNight: end < lastNight ? end : lastNight,
      stopped: row.stopped_on !== null,
      priorMean: prior.length >= 7 ? mean(prior) : null
    })
    const status: Experiment['status'] =
      row.stopped_on !== null ? 'stopped' : row.start_date > todayDate ? 'planned' : todayDate > end ? 'finished' : 'running'
    return {
      id: row.id,
      change: row.change_text,
      notes: row.notes,
      outcome: row.outcome,
      startDate: row.start_date,
      endDate: endDate(design),
      baselineNights: row.baseline_nights,
      trialNights: row.trial_nights,
      blockNights: row.block_nights,
      stoppedOn: row.stopped_on,
      status,
      dayNumber: status === 'running' ? dayNumber(design, todayDate) : null,
      nights: entries.flatMap((night) => {
        const phase = phaseOf(design, night.date)
        const value = outcomeValue(night, row.outcome)
        return phase && value !== null ? [{ date: night.date, phase, value }] : []
      }),
      result
    }
  }

  function mustGet(id: number): ExperimentRow {
    const row = store.byId(id)
    if (!row) throw new AppError('not-found', 'That experiment no longer exists.')
    return row
  }

  function todayView(): ExperimentToday {
    const todayDate = today()
    const lastNight = addDays(todayDate, -1)
    // The one unfinished experiment that covers tonight, or whose last night was last night (the final question).
    const row = store.all().find((r) => r.stopped_on === null && r.start_date <= todayDate && effectiveEnd(r) >= lastNight)
    if (!row) return null
    const design = designOf(row)
    const lastPhase = phaseOf(design, lastNight)
    const answer = lastPhase ? (store.checkins(row.id).find((c) => c.evening_date === lastNight)?.answer ?? null) : null
    return {
      id: row.id,
      change: row.change_text,
      dayNumber: dayNumber(design, todayDate) ?? totalNights(design),
      totalNights: totalNights(design),
      tonightPhase: phaseOf(design, todayDate),
      question: lastPhase
        ? {
            eveningDate: lastNight,
            phase: lastPhase,
            text:
              lastPhase === 'trial'
                ? `Last night was a trial night. Did you stick to “${row.change_text}”?`
                : `Last night was a baseline night. Did you go without “${row.change_text}”, as usual?`,
            answer
          }
        : null
    }
  }

  return {
    list: () => store.all().map((row) => view(row)),
    between: (from, to, loaded) =>
      store
        .all()
        .filter((r) => r.start_date <= to && effectiveEnd(r) >= from)
        .map((row) => view(row, loaded)),
    create(input) {
      const todayDate = today()
      const fields: Record<string, string> = {}
      if (!isRealDate(input.startDate)) fields['startDate'] = 'That date does not exist.'
      else if (input.startDate < EARLIEST_DATE) fields['startDate'] = `Choose a night from ${EARLIEST_DATE} on.`
      else if (input.startDate > addDays(todayDate, PLAN_AHEAD_DAYS)) fields['startDate'] = `Start within the next ${PLAN_AHEAD_DAYS} days.`
      if (input.blockNights !== null && input.blockNights >= Math.max(input.baselineNights, input.trialNights)) {
        fields['blockNights'] = 'Make the blocks shorter than the periods, or turn alternating blocks off.'
      }
      if (Object.keys(fields).length > 0) throw new AppError('invalid-input', 'The experiment needs another look.', fields)
      const design: ExperimentDesign = {
        startDate: input.startDate,
        baselineNights: input.baselineNights,
        trialNights: input.trialNights,
        blockNights: input.blockNights
      }
      const end = endDate(design)
      const clash = store.all().find((r) => r.start_date <= end && effectiveEnd(r) >= input.startDate)
      if (clash) {
        throw new AppError(
          'conflict',
          `These nights overlap “${clash.change_text}”. Run one experiment at a time, so each night belongs to one of them.`,
          { startDate: 'Choose a start after the other experiment ends, or stop it first.' }
        )
      }
      const id = store.insert({
        change_text: input.change.trim(),
        notes: input.notes ?? '',
        outcome: input.outcome,
        start_date: input.startDate,
        baseline_nights: input.baselineNights,
        trial_nights: input.trialNights,
        block_nights: input.blockNights,
        created_at: now().toISOString()
      })
      return view(mustGet(id))
    },
    stop(id) {
      const row = mustGet(id)
      if (row.stopped_on !== null) return view(row)
      const todayDate = today()
      if (todayDate > endDate(designOf(row))) return view(row)
      store.stop(id, todayDate < row.start_date ? row.start_date : todayDate)
      return view(mustGet(id))
    },
    remove(id) {
      if (!store.remove(id)) throw new AppError('not-found', 'That experiment no longer exists.')
      return { id }
    },
    today: todayView,
    checkin(id, eveningDate, answer) {
      const row = mustGet(id)
      const lastNight = addDays(today(), -1)
      if (!phaseOf(designOf(row), eveningDate) || eveningDate > effectiveEnd(row)) {
        throw new AppError('invalid-input', 'That night is not part of this experiment.', {
          eveningDate: 'Choose a night of the experiment.'
        })
      }
      if (eveningDate > lastNight) {
        throw new AppError('invalid-input', 'That night has not finished yet: answer tomorrow morning.', {
          eveningDate: 'Choose last night or earlier.'
        })
      }
      store.setCheckin(id, eveningDate, answer, now().toISOString())
      return todayView()
    },
    labs: () => store.labs().map(toLab),
    labsBetween: (from, to) => store.labsBetween(from, to).map(toLab),
    addLab(input) {
      const checked = check(labInputSchema({ today: today() }), input)
      if (!checked.ok) throw new AppError('invalid-input', 'The lab result needs another look.', checked.fields)
      const lab = checked.value
      const value = toCanonical(lab.analyte, lab.value, lab.unit)
      const id = store.insertLab(
        {
          taken_on: lab.takenOn,
          analyte: lab.analyte,
          value,
          entered_value: lab.value,
          entered_unit: lab.unit,
          note: lab.note.trim(),
          morning_draw: lab.morningDraw === null ? null : Number(lab.morningDraw),
          iron_paused: lab.ironPaused === null ? null : Number(lab.ironPaused)
        },
        now().toISOString()
      )
      return toLab(store.labById(id)!)
    },
    removeLab(id) {
      if (!store.removeLab(id)) throw new AppError('not-found', 'That lab result no longer exists.')
      return { id }
    }
  }
}
