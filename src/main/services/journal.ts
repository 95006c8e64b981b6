import { DateTime } from 'luxon'
import {
  AppError,
  type CsvExport,
  type CustomFactor,
  type CustomFactorCreate,
  type CustomFactorUpdate,
  type DateRange,
  type Glance,
  type JournalEntry,
  type NightEntry,
  type QuickLogDefaults
} from '../../shared/contract'
import {
  addDays,
  ALREADY_LOGGED_MESSAGE,
  cleanMedications,
  CUSTOM_FACTORS_MAX,
  daysBetween,
  enteredPart
} from '../../shared/domain/journal'
import { journalToCsv } from '../../shared/domain/journal-csv'
import type { ProfileValues } from '../../shared/domain/profile'
import { nightEntrySchema, nightSleepMetrics } from '../../shared/schemas/journal'
import { check } from '../../shared/schemas/messages'
import type { JournalStore } from '../db/journal-store'
import type { Clock } from './ports'

export interface JournalService {
  defaults(): QuickLogDefaults
  list(range: DateRange): JournalEntry[]
  get(eveningDate: string): JournalEntry | null
  create(input: NightEntry): JournalEntry
  update(id: number, input: NightEntry): JournalEntry
  remove(id: number): { id: number; eveningDate: string }
  restore(id: number): JournalEntry
  glance(): Glance
  exportCsv(): CsvExport
  factors(): CustomFactor[]
  createFactor(input: CustomFactorCreate): CustomFactor
  updateFactor(input: CustomFactorUpdate): CustomFactor
  /** The user's calendar date now, in their zone. */
  today(): string
}

export interface JournalDeps {
  repo: JournalStore
  clock: Clock
  /** The usual bedtime, for the very first entry's starting values. */
  profile: () => Pick<ProfileValues, 'bedtime'>
  /** The medicine list: every name saved on a night gets a record, and the quick log offers the usual doses. */
  medications?: {
    ensureRecords(names: readonly string[], eveningDate: string): void
    usualDoses(date: string): QuickLogDefaults['usualDoses']
  }
}

/** Deleted entries stay restorable this long, then they are removed for good. */
export const KEEP_DELETED_DAYS = 30
/** The longest span one list call may ask for (a year and a bit): the journal pages by month. */
export const LIST_MAX_DAYS = 400
const TREND_NIGHTS = 14
const OPEN_DATE_SEARCH_DAYS = 60

export function createJournalService({ repo, clock, profile, medications }: JournalDeps): JournalService {
  const nowIso = (): string => clock.now().toISOString()
  const today = (): string => DateTime.fromJSDate(clock.now(), { zone: clock.zone() }).toISODate() ?? ''

  repo.purgeDeletedBefore(new Date(clock.now().getTime() - KEEP_DELETED_DAYS * 86_400_000).toISOString())

  /** Checks with the schema the form uses; throws invalid-input with per-field messages. */
  function prepare(input: NightEntry, zone: string) {
    const customKinds = new Map(repo.factors().map((f) => [f.id, f.kind]))
    const checked = check(nightEntrySchema({ today: today(), zone, customKinds }), input)
    if (!checked.ok) throw new AppError('invalid-input', 'Some answers need another look.', checked.fields)
    const sleep = nightSleepMetrics(checked.value, zone)
    if (!sleep.ok) throw new AppError('invalid-input', 'Some answers need another look.') // the schema has refused these already
    const { metrics } = sleep
    const factors = input.factors
    // Times that only make sense with their amount are dropped when the amount is zero.
    const entry: NightEntry & { zone: string } = {
      ...input,
      zone,
      bodyAreas: [...new Set(input.bodyAreas)],
      factors: {
        ...factors,
        caffeineLast: factors.caffeineDrinks > 0 ? factors.caffeineLast : null,
        alcoholLast: factors.alcoholDrinks > 0 ? factors.alcoholLast : null,
        exerciseEvening: factors.exerciseMinutes > 0 && factors.exerciseEvening,
        magnesiumForm: factors.magnesiumMg > 0 ? factors.magnesiumForm : null,
        medications: cleanMedications(factors.medications),
        doses: factors.doses.map((d) => ({ name: d.name.trim().replace(/\s+/g, ' '), amount: d.amount }))
      }
    }
    return {
      entry,
      derived: {
        timeInBedMinutes: metrics.timeInBedMinutes,
        totalSleepMinutes: metrics.totalSleepMinutes,
        sleepEfficiency: metrics.sleepEfficiency,
        shiftedByDst: metrics.shiftedByDst
      }
    }
  }

  /** The night is taken: the form offers to edit the saved entry (found again by its date). */
  function conflict(): AppError {
    return new AppError('conflict', ALREADY_LOGGED_MESSAGE, { eveningDate: ALREADY_LOGGED_MESSAGE })
  }

  /** A unique-index race (two windows saving the same night) is a conflict too, never a crash. */
  function isUniqueViolation(error: unknown): boolean {
    return (error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE'
  }

  function mustGet(id: number): JournalEntry {
    const entry = repo.byId(id)
    if (!entry) throw new AppError('not-found', 'That entry no longer exists. It may have been deleted in another window.')
    return entry
  }

  function draftFrom(previous: JournalEntry | null, eveningDate: string): Pick<QuickLogDefaults, 'draft' | 'fromPrevious'> {
    if (previous) {
      return { draft: { ...enteredPart(previous), eveningDate, notes: '' }, fromPrevious: true }
    }
    const bedtime = profile().bedtime
    const shift = (minutes: number): string => {
      const [h, m] = bedtime.split(':').map(Number) as [number, number]
      const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440
      return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
    }
    return {
      fromPrevious: false,
      draft: {
        eveningDate,
        severity: null,
        symptomStart: null,
        bodyAreas: ['legs'],
        relievedByMoving: null,
        sleepDisturbance: null,
        sleep: {
          inBed: bedtime,
          triedToSleep: shift(15),
          latencyMinutes: 20,
          awakenings: 1,
          wasoMinutes: 20,
          finalWake: shift(8 * 60 + 15),
          outOfBed: shift(8 * 60 + 30),
          quality: null,
          rested: null,
          napCount: 0,
          napMinutes: 0
        },
        factors: {
          caffeineDrinks: 0,
          caffeineLast: null,
          alcoholDrinks: 0,
          alcoholLast: null,
          exerciseMinutes: 0,
          exerciseEvening: false,
          stress: null,
          magnesiumMg: 0,
          magnesiumForm: null,
          ironMg: 0,
          medications: [],
          doses: []
        },
        custom: [],
        notes: ''
      }
    }
  }

  return {
    today,

    defaults() {
      const now = today()
      const suggestedDate = addDays(now, -1)
      const previous = repo.latestOnOrBefore(now)
      // "Log another night" starts at the latest gap in the last two months.
      const horizon = addDays(suggestedDate, -OPEN_DATE_SEARCH_DAYS)
      const logged = new Set(repo.insightNights(horizon, suggestedDate).map((n) => n.date))
      let openDate = suggestedDate
      while (logged.has(openDate) && openDate > horizon) openDate = addDays(openDate, -1)
      // Medicines running that night with a usual dose in the list start as taken at that dose; the
      // person changes what differs. (Names only ever typed on a night have no usual dose and are not added.)
      const usualDoses = medications?.usualDoses(suggestedDate) ?? []
      const start = draftFrom(previous, suggestedDate)
      const names = cleanMedications([...start.draft.factors.medications, ...usualDoses.filter((u) => u.dose !== null).map((u) => u.name)])
      const doses = names.flatMap((name) => {
        const usual = usualDoses.find((u) => u.name.toLocaleLowerCase() === name.toLocaleLowerCase())
        return usual?.dose ? [{ name, amount: usual.dose }] : []
      })
      return {
        suggestedDate,
        openDate,
        today: now,
        zone: clock.zone(),
        existing: repo.byDate(suggestedDate),
        ...start,
        draft: { ...start.draft, factors: { ...start.draft.factors, medications: names, doses } },
        medicationSuggestions: repo.recentMedications(50),
        usualDoses,
        factors: repo.factors(),
        firstDate: repo.firstDate(),
        lastDate: repo.lastDate()
      }
    },

    list({ from, to }) {
      if (daysBetween(from, to) > LIST_MAX_DAYS) {
        throw new AppError('invalid-input', `Ask for at most ${LIST_MAX_DAYS} nights at a time.`, {
          to: `At most ${LIST_MAX_DAYS} nights.`
        })
      }
      return repo.between(from, to)
    },

    get: (eveningDate) => repo.byDate(eveningDate),

    create(input) {
      const write = prepare(input, input.zone ?? clock.zone())
      return repo.transaction(() => {
        if (repo.hasDate(write.entry.eveningDate)) throw conflict()
        medications?.ensureRecords(write.entry.factors.medications, write.entry.eveningDate)
        try {
          return mustGet(repo.insert(write, nowIso()))
        } catch (error) {
          if (isUniqueViolation(error)) throw conflict()
          throw error
        }
      })
    },

    update(id, input) {
      const current = mustGet(id)
      const write = prepare(input, input.zone ?? current.zone)
      return repo.transaction(() => {
        const other = repo.idForDate(write.entry.eveningDate)
        if (other !== null && other !== id) throw conflict()
        medications?.ensureRecords(write.entry.factors.medications, write.entry.eveningDate)
        repo.update(id, write, nowIso())
        return mustGet(id)
      })
    },

    remove(id) {
      const entry = mustGet(id)
      repo.markDeleted(id, nowIso())
      return { id, eveningDate: entry.eveningDate }
    },

    restore(id) {
      return repo.transaction(() => {
        const deleted = repo.deletedById(id)
        if (!deleted) {
          if (repo.byId(id)) return mustGet(id) // already back: Undo pressed twice
          throw new AppError('not-found', 'That entry can no longer be restored.')
        }
        if (repo.hasDate(deleted.eveningDate)) {
          throw new AppError(
            'conflict',
            'A new entry for this night was saved after the old one was deleted, so the old one was not brought back.',
            { eveningDate: 'This night already has an entry.' }
          )
        }
        repo.restore(id, nowIso())
        return mustGet(id)
      })
    },

    glance() {
      const now = today()
      const lastNightDate = addDays(now, -1)
      const latest = repo.latestOnOrBefore(now)
      const end = latest && latest.eveningDate > lastNightDate ? latest.eveningDate : lastNightDate
      const start = addDays(end, -(TREND_NIGHTS - 1))
      const byDate = new Map(repo.insightNights(start, end).map((n) => [n.date, n.severity]))
      const trend = Array.from({ length: TREND_NIGHTS }, (_, i) => {
        const date = addDays(start, i)
        return { date, severity: byDate.get(date) ?? null }
      })
      return { lastNight: latest, isLastNight: latest !== null && latest.eveningDate >= lastNightDate, trend }
    },

    exportCsv() {
      const entries = repo.between('0000-01-01', '9999-12-31')
      const csv = journalToCsv(entries, repo.factors())
      return { fileName: `stillwell-journal-${today()}.csv`, csv, rows: entries.length }
    },

    factors: () => repo.factors(),

    createFactor({ label, kind }) {
      return repo.transaction(() => {
        const clash = repo.activeFactorByLabel(label)
        if (clash) {
          throw new AppError('invalid-input', 'That factor already exists.', { label: `You already track “${clash.label}”.` })
        }
        if (repo.factors().filter((f) => !f.archived).length >= CUSTOM_FACTORS_MAX) {
          throw new AppError('invalid-input', 'Too many factors.', {
            label: `You can track up to ${CUSTOM_FACTORS_MAX} factors of your own. Archive one you no longer need first.`
          })
        }
        return repo.factorById(repo.insertFactor(label, kind, nowIso()))!
      })
    },

    updateFactor({ id, label, archived }) {
      return repo.transaction(() => {
        const factor = repo.factorById(id)
        if (!factor) throw new AppError('not-found', 'That factor no longer exists.')
        const newLabel = label ?? factor.label
        const willBeActive = archived === undefined ? !factor.archived : !archived
        const clash = willBeActive ? repo.activeFactorByLabel(newLabel) : null
        if (clash && clash.id !== id) {
          throw new AppError('invalid-input', 'That name is taken.', { label: `You already track “${clash.label}”.` })
        }
        if (label !== undefined) repo.renameFactor(id, label)
        if (archived !== undefined && archived !== factor.archived) repo.setFactorArchived(id, archived ? nowIso() : null)
        return repo.factorById(id)!
      })
    }
  }
}
