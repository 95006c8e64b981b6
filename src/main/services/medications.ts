import {
  AppError,
  FUTURE_EPISODE_MESSAGE,
  type AugmentationStatus,
  type DoseChangeInput,
  type Episode,
  type EpisodeInput,
  type IrlsInput,
  type IrlsScore,
  type Medication,
  type MedicationInput,
  type ClinicalReport,
  type LabResult,
  type MedicationList,
  type Timing
} from '../../shared/contract'
import { BASELINE_NIGHTS, RECENT_NIGHTS, watchAugmentation } from '../../shared/domain/augmentation'
import { classifyMedication } from '../../shared/domain/drug-classes'
import { areasSummary, medicationEvents, onsetSummary, weeklyTiming } from '../../shared/domain/symptom-timing'
import { addDays, daysBetween } from '../../shared/domain/journal'
import { nightsBetween, type LoadedNights } from './loaded-nights'
import {
  activeOn,
  CHANGE_OUTSIDE_MESSAGE,
  DOSE_MAX,
  doseOn,
  doseTooLargeMessage,
  FUTURE_START_MESSAGE,
  MEDICATION_RECORDS_MAX,
  OVERLAP_MESSAGE,
  overlappingCourse
} from '../../shared/domain/medications'
import type { JournalStore } from '../db/journal-store'
import type { KeyValueStore } from '../db/key-value-store'
import type { ChangeRow, EpisodeRow, IrlsRow, MedicationRow, MedicationStore, MedicationWrite } from '../db/medication-store'

export interface MedicationService {
  list(): MedicationList
  /** Every course whose dates touch a range, for the doctor report. */
  between(from: string, to: string): Medication[]
  create(input: MedicationInput): Medication
  update(id: number, input: MedicationInput): Medication
  remove(id: number): { id: number }
  changeDose(input: DoseChangeInput): Medication
  removeChange(id: number): Medication
  /** Makes sure every name logged on a night has a record (called by the journal when it saves). */
  ensureRecords(names: readonly string[], eveningDate: string): void
  /** The usual dose in effect on a date for a name, with its unit, for the quick log's default. */
  usualDoses(date: string): { name: string; dose: number | null; unit: Medication['unit']; time: string | null }[]
  episodes(from: string, to: string): Episode[]
  addEpisode(input: EpisodeInput): Episode
  removeEpisode(id: number): { id: number }
  irls(): IrlsScore[]
  addIrls(input: IrlsInput): IrlsScore
  removeIrls(id: number): { id: number }
  augmentation(): AugmentationStatus
  /** Weekly onset and body areas, medication events and daytime episodes in a range (at most about a year and a half). */
  timing(from: string, to: string): Timing
  /**
   * The doctor report's medication history, timing, IRLS totals, latest iron tests and the watch.
   * `loaded`: the journal entries the caller already read (every entry from `loaded.from` to `loaded.to`),
   * so only nights outside them are read again.
   */
  clinical(from: string, to: string, loaded?: LoadedNights): ClinicalReport
  dismissAugmentation(key: string): AugmentationStatus
}

export interface MedicationDeps {
  store: MedicationStore
  journal: JournalStore
  keyValue: KeyValueStore
  today: () => string
  /** The current wall-clock time 'HH:MM' in the user's zone. */
  clockTime: () => string
  now: () => Date
  /** Every lab result, oldest first (the experiments service keeps them). */
  labs?: () => LabResult[]
}

const DISMISSED_KEY = 'augmentation.dismissed'
const DISMISSED_KEPT = 20
const TIMING_MAX_DAYS = 800

export function createMedicationService({ store, journal, keyValue, today, clockTime, now, labs }: MedicationDeps): MedicationService {
  const stamp = (): string => now().toISOString()

  function toMedication(row: MedicationRow, changes: readonly ChangeRow[], on: string): Medication {
    const own = changes.filter((c) => c.medication_id === row.id)
    const mapped = own.map((c) => ({ id: c.id, changedOn: c.changed_on, dose: c.dose, note: c.note }))
    return {
      id: row.id,
      name: row.name,
      strength: row.strength,
      unit: row.unit,
      usualDose: row.usual_dose,
      usualTime: row.usual_time,
      startDate: row.start_date,
      stopDate: row.stop_date,
      purpose: row.purpose,
      prescriberNote: row.prescriber_note,
      drugClass: classifyMedication(row.name),
      changes: mapped,
      currentDose: doseOn(row.usual_dose, mapped, on),
      active: activeOn({ startDate: row.start_date, stopDate: row.stop_date }, on)
    }
  }

  function all(): Medication[] {
    const changes = store.changes()
    const on = today()
    return store.all().map((row) => toMedication(row, changes, on))
  }

  function mustGet(id: number): MedicationRow {
    const row = store.byId(id)
    if (!row) throw new AppError('not-found', 'That medicine is no longer in your list. It may have been removed in another window.')
    return row
  }

  function one(id: number): Medication {
    return toMedication(mustGet(id), store.changes(), today())
  }

  function toWrite(input: MedicationInput): MedicationWrite {
    return {
      name: input.name.replace(/\s+/g, ' '),
      strength: input.strength,
      unit: input.unit,
      usual_dose: input.usualDose,
      usual_time: input.usualTime,
      start_date: input.startDate,
      stop_date: input.stopDate,
      purpose: input.purpose,
      prescriber_note: input.prescriberNote
    }
  }

  /** Checks what the schema cannot: dates against today and against the other courses of the same medicine. */
  function check(input: MedicationInput, id?: number): void {
    if (input.startDate > today()) throw new AppError('invalid-input', FUTURE_START_MESSAGE, { startDate: FUTURE_START_MESSAGE })
    const others = store.all().map((r) => ({ id: r.id, name: r.name, startDate: r.start_date, stopDate: r.stop_date }))
    const clash = overlappingCourse({ ...input, ...(id === undefined ? {} : { id }) }, others)
    if (clash) {
      const message = OVERLAP_MESSAGE(clash.name, clash.startDate, clash.stopDate)
      throw new AppError('invalid-input', message, { startDate: message })
    }
    const ownChanges = id === undefined ? [] : store.changes().filter((c) => c.medication_id === id)
    const outside = ownChanges.find((c) => c.changed_on < input.startDate || (input.stopDate !== null && c.changed_on > input.stopDate))
    if (outside) {
      const message = `A dose change on ${outside.changed_on} falls outside these dates. Remove it first or keep it inside.`
      throw new AppError('invalid-input', message, { startDate: message })
    }
  }

  function toEpisode(row: EpisodeRow): Episode {
    return { id: row.id, date: row.episode_on, time: row.at_time, severity: row.severity, helped: row.helped }
  }
  function toIrls(row: IrlsRow): IrlsScore {
    return { id: row.id, scoredOn: row.scored_on, total: row.total, note: row.note }
  }

  function dismissedKeys(): string[] {
    const value = keyValue.get(DISMISSED_KEY)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  }

  function augmentation(loaded?: LoadedNights): AugmentationStatus {
    const on = today()
    const from = addDays(on, -(RECENT_NIGHTS + BASELINE_NIGHTS + 1))
    const changes = store.changes()
    const watch = watchAugmentation({
      today: on,
      nights: nightsBetween(journal, from, on, loaded).map((e) => ({
        date: e.eveningDate,
        severity: e.severity,
        symptomStart: e.symptomStart,
        bodyAreas: e.bodyAreas
      })),
      episodeDates: store.episodesBetween(from, on).map((e) => e.episode_on),
      medications: store.all().map((row) => ({
        name: row.name,
        unit: row.unit,
        usualDose: row.usual_dose,
        startDate: row.start_date,
        stopDate: row.stop_date,
        changes: changes.filter((c) => c.medication_id === row.id).map((c) => ({ changedOn: c.changed_on, dose: c.dose }))
      }))
    })
    return { watch, dismissed: watch.status === 'signs' && dismissedKeys().includes(watch.key) }
  }

  function timing(askedFrom: string, to: string, loaded?: LoadedNights): Timing {
    // Weekly onset over a long history (Insights "All" on years of nights) shows its most recent
    // stretch: what a prescriber looks at, at a cost that does not grow with the years kept.
    const clamped = daysBetween(askedFrom, to) > TIMING_MAX_DAYS
    const from = clamped ? addDays(to, -(TIMING_MAX_DAYS - 1)) : askedFrom
    const lead = clamped ? `Over the last ${Math.floor(TIMING_MAX_DAYS / 7)} weeks: ` : ''
    const nights = nightsBetween(journal, from, to, loaded).map((e) => ({
      date: e.eveningDate,
      symptomStart: e.symptomStart,
      bodyAreas: e.bodyAreas
    }))
    const weeks = weeklyTiming(nights, from, to)
    const changes = store.changes()
    const events = medicationEvents(
      store.all().map((row) => ({
        name: row.name,
        unit: row.unit,
        usualDose: row.usual_dose,
        startDate: row.start_date,
        stopDate: row.stop_date,
        changes: changes.filter((c) => c.medication_id === row.id).map((c) => ({ changedOn: c.changed_on, dose: c.dose }))
      })),
      from,
      to
    )
    return {
      from,
      to,
      weeks,
      events,
      onsetSummary: lead + onsetSummary(weeks),
      areasSummary: lead + areasSummary(weeks),
      episodes: store.episodesBetween(from, to).map(toEpisode)
    }
  }

  return {
    list: () => ({ today: today(), medications: all() }),
    between: (from, to) => all().filter((m) => m.startDate <= to && (m.stopDate === null || m.stopDate >= from)),
    create(input) {
      return store.transaction(() => {
        if (store.all().length >= MEDICATION_RECORDS_MAX) {
          throw new AppError('invalid-input', `Your list can hold up to ${MEDICATION_RECORDS_MAX} medicines. Remove old ones first.`)
        }
        // A name only ever typed on a night has a bare record (no dose, strength or notes): adding the
        // medicine properly fills that record in rather than clashing with it.
        const key = input.name.replace(/\s+/g, ' ').toLocaleLowerCase()
        const changes = store.changes()
        const bare = store
          .all()
          .find(
            (r) =>
              r.name.toLocaleLowerCase() === key &&
              r.usual_dose === null &&
              r.strength === null &&
              r.stop_date === null &&
              r.purpose === '' &&
              r.prescriber_note === '' &&
              !changes.some((c) => c.medication_id === r.id)
          )
        if (bare) {
          check(input, bare.id)
          store.update(bare.id, toWrite(input))
          return one(bare.id)
        }
        check(input)
        return one(store.insert(toWrite(input), stamp()))
      })
    },
    update(id, input) {
      return store.transaction(() => {
        const before = mustGet(id)
        check(input, id)
        const write = toWrite(input)
        store.update(id, write)
        // The nights keep pointing at the medicine by name: a renamed record renames its nights too.
        if (before.name.toLocaleLowerCase() !== write.name.toLocaleLowerCase() || before.name !== write.name) {
          const sameNameElsewhere = store.all().some((r) => r.id !== id && r.name.toLocaleLowerCase() === before.name.toLocaleLowerCase())
          if (!sameNameElsewhere) store.renameOnNights(before.name, write.name)
        }
        return one(id)
      })
    },
    remove(id) {
      mustGet(id)
      store.remove(id)
      return { id }
    },
    changeDose(input) {
      return store.transaction(() => {
        const row = mustGet(input.medicationId)
        if (input.changedOn > today()) {
          throw new AppError('invalid-input', 'Enter a date up to today.', { changedOn: 'Enter a date up to today.' })
        }
        if (input.changedOn < row.start_date || (row.stop_date !== null && input.changedOn > row.stop_date)) {
          throw new AppError('invalid-input', CHANGE_OUTSIDE_MESSAGE, { changedOn: CHANGE_OUTSIDE_MESSAGE })
        }
        if (input.dose > DOSE_MAX[row.unit]) {
          throw new AppError('invalid-input', doseTooLargeMessage(row.unit), { dose: doseTooLargeMessage(row.unit) })
        }
        store.insertChange({ medication_id: row.id, changed_on: input.changedOn, dose: input.dose, note: input.note }, stamp())
        return one(row.id)
      })
    },
    removeChange(id) {
      const change = store.changeById(id)
      if (!change) throw new AppError('not-found', 'That dose change is no longer recorded.')
      store.removeChange(id)
      return one(change.medication_id)
    },
    ensureRecords(names, eveningDate) {
      const rows = store.all()
      for (const name of names) {
        const key = name.toLocaleLowerCase()
        if (rows.some((r) => r.name.toLocaleLowerCase() === key)) continue
        store.insert(
          {
            name,
            strength: null,
            unit: 'mg',
            usual_dose: null,
            usual_time: null,
            start_date: eveningDate,
            stop_date: null,
            purpose: '',
            prescriber_note: ''
          },
          stamp()
        )
      }
    },
    usualDoses(date) {
      const changes = store.changes()
      return store
        .all()
        .filter((r) => activeOn({ startDate: r.start_date, stopDate: r.stop_date }, date))
        .map((r) => ({
          name: r.name,
          unit: r.unit,
          time: r.usual_time,
          dose: doseOn(
            r.usual_dose,
            changes.filter((c) => c.medication_id === r.id).map((c) => ({ changedOn: c.changed_on, dose: c.dose })),
            date
          )
        }))
    },
    episodes: (from, to) => store.episodesBetween(from, to).map(toEpisode),
    addEpisode(input) {
      const on = today()
      if (input.date > on)
        throw new AppError('invalid-input', 'Choose today or an earlier day.', { date: 'Choose today or an earlier day.' })
      if (input.date === on && input.time > clockTime()) {
        throw new AppError('invalid-input', FUTURE_EPISODE_MESSAGE, { time: FUTURE_EPISODE_MESSAGE })
      }
      const id = store.insertEpisode(
        { episode_on: input.date, at_time: input.time, severity: input.severity, helped: input.helped },
        stamp()
      )
      return { id, ...input }
    },
    removeEpisode(id) {
      if (!store.removeEpisode(id)) throw new AppError('not-found', 'That episode is no longer recorded.')
      return { id }
    },
    irls: () => store.irls().map(toIrls),
    addIrls(input) {
      if (input.scoredOn > today()) {
        throw new AppError('invalid-input', 'Enter the date it was scored, up to today.', {
          scoredOn: 'Enter the date it was scored, up to today.'
        })
      }
      const id = store.insertIrls({ scored_on: input.scoredOn, total: input.total, note: input.note }, stamp())
      return { id, ...input }
    },
    removeIrls(id) {
      if (!store.removeIrls(id)) throw new AppError('not-found', 'That score is no longer recorded.')
      return { id }
    },
    augmentation: () => augmentation(),
    timing: (from, to) => timing(from, to),
    clinical(from, to, loaded) {
      const results = labs?.() ?? []
      const latest = (analyte: LabResult['analyte']): LabResult | null =>
        results
          .filter((l) => l.analyte === analyte && l.takenOn <= to)
          .sort((a, b) => a.takenOn.localeCompare(b.takenOn))
          .at(-1) ?? null
      return {
        medications: all()
          .filter((m) => m.startDate <= to && (m.stopDate === null || m.stopDate >= from))
          .map((m) => ({ ...m, doseAtEnd: doseOn(m.usualDose, m.changes, to), activeAtEnd: activeOn(m, to) })),
        timing: timing(from, to, loaded),
        irls: store
          .irls()
          .filter((s) => s.scored_on <= to)
          .map(toIrls),
        ferritin: latest('ferritin'),
        tsat: latest('tsat'),
        watch: augmentation(loaded).watch
      }
    },
    dismissAugmentation(key) {
      const keys = dismissedKeys().filter((k) => k !== key)
      keyValue.set({ [DISMISSED_KEY]: [...keys, key].slice(-DISMISSED_KEPT) })
      return augmentation()
    }
  }
}
