import type { NightEntry } from '../../../../shared/contract'

/** The form's own copy of a night: severity may still be unchosen. */
export type NightDraft = Omit<NightEntry, 'severity' | 'zone'> & { severity: number | null }

/** A number field's value as a number; an empty or typed-over field becomes NaN so validation names it. */
export function asNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN
}

/** An optional answer: empty stays null, anything else is read as a number. */
export function asNullable(value: unknown): number | null {
  return value === null || value === '' || value === undefined ? null : asNumber(value)
}
