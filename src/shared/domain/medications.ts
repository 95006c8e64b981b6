/**
 * Medication records: vocabulary, limits and the date rules every layer
 * shares. A record is one course of a medicine (a name, its strength, the
 * usual dose and time, from a start date to an optional stop date); dose
 * changes are dated events inside it. Pure: today is passed in.
 */
export const DOSE_UNITS = ['mg', 'µg', 'mL', 'tablet', 'capsule', 'patch', 'drop'] as const
export type DoseUnit = (typeof DOSE_UNITS)[number]

/**
 * The largest single dose accepted in each unit: far above any RLS dose (the
 * highest, gabapentin, stays under 3,600 mg a day), so only a slip of the
 * keyboard is refused.
 */
export const DOSE_MAX: Record<DoseUnit, number> = {
  mg: 5000,
  µg: 50000,
  mL: 100,
  tablet: 20,
  capsule: 20,
  patch: 4,
  drop: 100
}

export const MEDICATION_PURPOSE_MAX = 120
export const MEDICATION_NOTE_MAX = 500
export const MEDICATION_RECORDS_MAX = 200
export const DOSE_CHANGE_NOTE_MAX = 200

export const DOSE_MESSAGE = 'Enter a dose above 0, for example 0.25.'
export const doseTooLargeMessage = (unit: DoseUnit): string =>
  `That is more than ${DOSE_MAX[unit].toLocaleString('en')} ${unit} at once. Check the dose and the unit.`
export const STOP_BEFORE_START_MESSAGE = 'The stop date must be on or after the start date.'
export const OVERLAP_MESSAGE = (name: string, from: string, to: string | null): string =>
  `You already have ${name} from ${from}${to ? ` to ${to}` : ' with no stop date'}. Stop that one first or change these dates.`
export const FUTURE_START_MESSAGE = 'Enter a start date up to today.'
export const CHANGE_OUTSIDE_MESSAGE = 'Choose a date between the start and the stop date of this medicine.'

export interface Course {
  id: number
  name: string
  startDate: string
  stopDate: string | null
}

/** Whether two courses' dates share at least one day (an open stop date runs on). */
export function periodsOverlap(a: Pick<Course, 'startDate' | 'stopDate'>, b: Pick<Course, 'startDate' | 'stopDate'>): boolean {
  const aEnd = a.stopDate ?? '9999-12-31'
  const bEnd = b.stopDate ?? '9999-12-31'
  return a.startDate <= bEnd && b.startDate <= aEnd
}

/** The first other course of the same medicine (case-insensitive name) whose dates overlap, if any. */
export function overlappingCourse<T extends Course>(candidate: Omit<Course, 'id'> & { id?: number }, others: readonly T[]): T | null {
  const key = candidate.name.trim().toLocaleLowerCase()
  return others.find((o) => o.id !== candidate.id && o.name.trim().toLocaleLowerCase() === key && periodsOverlap(candidate, o)) ?? null
}

/** Whether a course is running on a date. */
export function activeOn(course: Pick<Course, 'startDate' | 'stopDate'>, date: string): boolean {
  return course.startDate <= date && (course.stopDate === null || course.stopDate >= date)
}

export interface DoseChange {
  changedOn: string
  dose: number
}

/** The usual dose in effect on a date: the latest change on or before it, else the starting dose. */
export function doseOn(startDose: number | null, changes: readonly DoseChange[], date: string): number | null {
  let dose = startDose
  let latest = ''
  for (const change of changes) {
    if (change.changedOn <= date && change.changedOn >= latest) {
      latest = change.changedOn
      dose = change.dose
    }
  }
  return dose
}

/** "0.25 mg", "1 tablet", "2 tablets"; plain numbers without trailing zeros. */
export function formatDose(amount: number | null, unit: DoseUnit | null): string {
  if (amount === null) return 'as logged'
  const number = Number(amount.toFixed(3)).toLocaleString('en', { maximumFractionDigits: 3 })
  if (!unit) return number
  const countable = unit === 'tablet' || unit === 'capsule' || unit === 'patch' || unit === 'drop'
  return `${number} ${countable && amount !== 1 ? `${unit}s` : unit}`
}

/** "Ropinirole 0.5 mg, Iron": the medicines of a night with the amount taken, in the unit from the list where known. */
export function medicationsWithDoses(
  names: readonly string[],
  doses: readonly { name: string; amount: number }[],
  units: readonly { name: string; unit: DoseUnit }[]
): string {
  const key = (name: string): string => name.trim().toLocaleLowerCase()
  return names
    .map((name) => {
      const dose = doses.find((d) => key(d.name) === key(name))
      if (!dose || !Number.isFinite(dose.amount)) return name
      return `${name} ${formatDose(dose.amount, units.find((u) => key(u.name) === key(name))?.unit ?? null)}`
    })
    .join(', ')
}
