/**
 * The journal as CSV: a header row, then one row per night, oldest first.
 * Dates are ISO 8601 (YYYY-MM-DD, times HH:MM, timestamps with offset).
 *
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or a
 * carriage return, which some strip first) as a formula. Any text cell that
 * starts that way gets a leading apostrophe, so a note such as
 * "=HYPERLINK(…)" stays text. Numbers are written as numbers.
 */
import Papa from 'papaparse'
import type { NightEntry } from '../schemas/journal'
import type { CustomFactorKind } from './journal'

/** A saved night as the CSV writes it: what was entered, with its zone, figures and timestamps. */
export type CsvEntry = Omit<NightEntry, 'zone'> & {
  zone: string
  metrics: { timeInBedMinutes: number; totalSleepMinutes: number; sleepEfficiency: number }
  createdAt: string
  updatedAt: string
}

export interface CsvFactor {
  id: number
  label: string
  kind: CustomFactorKind
}

type Cell = string | number

const FORMULA_START = /^[=+\-@\t\r]/

/** Makes a text cell safe to open in a spreadsheet (see the module comment). */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

const BASE_COLUMNS: readonly [string, (e: CsvEntry) => Cell | null][] = [
  ['evening_date', (e) => e.eveningDate],
  ['time_zone', (e) => e.zone],
  ['severity_0_10', (e) => e.severity],
  ['symptoms_started', (e) => e.symptomStart],
  ['body_areas', (e) => e.bodyAreas.join(';')],
  ['relieved_by_moving', (e) => e.relievedByMoving],
  ['sleep_disturbed_0_4', (e) => e.sleepDisturbance],
  ['in_bed', (e) => e.sleep.inBed],
  ['tried_to_sleep', (e) => e.sleep.triedToSleep],
  ['minutes_to_fall_asleep', (e) => e.sleep.latencyMinutes],
  ['awakenings', (e) => e.sleep.awakenings],
  ['minutes_awake_after_sleep_onset', (e) => e.sleep.wasoMinutes],
  ['final_wake', (e) => e.sleep.finalWake],
  ['out_of_bed', (e) => e.sleep.outOfBed],
  ['sleep_quality_1_5', (e) => e.sleep.quality],
  ['rested_1_5', (e) => e.sleep.rested],
  ['naps', (e) => e.sleep.napCount],
  ['nap_minutes', (e) => e.sleep.napMinutes],
  ['time_in_bed_minutes', (e) => e.metrics.timeInBedMinutes],
  ['total_sleep_minutes', (e) => e.metrics.totalSleepMinutes],
  ['sleep_efficiency_percent', (e) => e.metrics.sleepEfficiency],
  ['caffeine_drinks', (e) => e.factors.caffeineDrinks],
  ['caffeine_last', (e) => e.factors.caffeineLast],
  ['alcohol_drinks', (e) => e.factors.alcoholDrinks],
  ['alcohol_last', (e) => e.factors.alcoholLast],
  ['exercise_minutes', (e) => e.factors.exerciseMinutes],
  ['exercise_in_evening', (e) => (e.factors.exerciseEvening ? 'yes' : 'no')],
  ['stress_1_5', (e) => e.factors.stress],
  ['magnesium_supplement_mg', (e) => e.factors.magnesiumMg],
  ['magnesium_form', (e) => e.factors.magnesiumForm],
  ['iron_supplement_mg', (e) => e.factors.ironMg],
  ['medications', (e) => e.factors.medications.join('; ')],
  // The amount taken of each medicine, in its record's unit; "as logged" where no amount was recorded.
  [
    'medication_doses',
    (e) =>
      e.factors.medications
        .map((name) => {
          const dose = e.factors.doses.find((d) => d.name.toLocaleLowerCase() === name.toLocaleLowerCase())
          return `${name}: ${dose ? dose.amount : 'as logged'}`
        })
        .join('; ')
  ],
  ['notes', (e) => e.notes],
  ['created_at', (e) => e.createdAt],
  ['updated_at', (e) => e.updatedAt]
]

/** A column name for a custom factor: "custom: Late dinner (0-4)". */
function customColumn(factor: CsvFactor): string {
  return `custom: ${factor.label}${factor.kind === 'scale' ? ' (0-4)' : ' (yes/no)'}`
}

function customCell(factor: CsvFactor, entry: CsvEntry): Cell | null {
  const value = entry.custom.find((c) => c.factorId === factor.id)?.value
  if (value === undefined) return null
  if (factor.kind === 'yesno') return value >= 1 ? 'yes' : 'no'
  return value
}

/** The whole journal as CSV text (CRLF line ends, as RFC 4180 and spreadsheets expect). */
export function journalToCsv(entries: readonly CsvEntry[], factors: readonly CsvFactor[]): string {
  const sorted = [...entries].sort((a, b) => (a.eveningDate < b.eveningDate ? -1 : a.eveningDate > b.eveningDate ? 1 : 0))
  const header = [...BASE_COLUMNS.map(([name]) => name), ...factors.map(customColumn)]
  const rows = sorted.map((entry) =>
    [...BASE_COLUMNS.map(([, read]) => read(entry)), ...factors.map((f) => customCell(f, entry))].map((cell) =>
      typeof cell === 'string' ? defuseFormula(cell) : (cell ?? '')
    )
  )
  return Papa.unparse({ fields: header.map(defuseFormula), data: rows }, { newline: '\r\n', quotes: false })
}
