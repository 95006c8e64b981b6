/**
 * The input schemas of medication records, dose changes, the doses taken on a
 * night, daytime episodes and clinician-scored IRLS totals: one schema per
 * entity, with its cross-field rules, and the single source of their rules,
 * messages and types. The IPC contract checks input with them and the forms
 * check with them through `check()` (./messages.ts) before saving, so the
 * same words appear beside the same fields (an issue's path is the field's name).
 */
import { z } from 'zod'
import { clock, isoDate, requiredText } from './fields'
import { MEDICATION_NAME_MAX } from '../domain/journal'
import {
  DOSE_CHANGE_NOTE_MAX,
  DOSE_MAX,
  DOSE_MESSAGE,
  DOSE_UNITS,
  MEDICATION_NOTE_MAX,
  MEDICATION_PURPOSE_MAX,
  STOP_BEFORE_START_MESSAGE,
  doseTooLargeMessage
} from '../domain/medications'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
/** A dose in the record's unit: above 0; the unit-specific ceiling is checked with the unit (below). */
const amount = z.number({ error: DOSE_MESSAGE }).positive(DOSE_MESSAGE).max(50000, DOSE_MESSAGE)

export const MedicationInputSchema = z
  .object({
    name: requiredText('Enter the medicine’s name.', MEDICATION_NAME_MAX, `Keep the name under ${MEDICATION_NAME_MAX} characters.`),
    strength: amount.nullable(),
    unit: z.enum(DOSE_UNITS, { error: 'Choose a unit.' }),
    usualDose: amount.nullable(),
    usualTime: clock.nullable(),
    startDate: isoDate,
    stopDate: isoDate.nullable(),
    purpose: z.string().trim().max(MEDICATION_PURPOSE_MAX, `Keep this under ${MEDICATION_PURPOSE_MAX} characters.`),
    prescriberNote: z.string().trim().max(MEDICATION_NOTE_MAX, `Keep the note under ${MEDICATION_NOTE_MAX} characters.`)
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const field of ['strength', 'usualDose'] as const) {
      const value = m[field]
      if (value !== null && value > DOSE_MAX[m.unit]) ctx.addIssue({ code: 'custom', path: [field], message: doseTooLargeMessage(m.unit) })
    }
    if (m.stopDate !== null && m.stopDate < m.startDate)
      ctx.addIssue({ code: 'custom', path: ['stopDate'], message: STOP_BEFORE_START_MESSAGE })
  })

export const DoseChangeInputSchema = z
  .object({
    medicationId: id,
    changedOn: isoDate,
    dose: amount,
    note: z.string().trim().max(DOSE_CHANGE_NOTE_MAX, `Keep the note under ${DOSE_CHANGE_NOTE_MAX} characters.`)
  })
  .strict()

/** One medicine's amount on one night, in its record's unit. */
export const NightDoseSchema = z
  .object({
    name: z.string().min(1).max(MEDICATION_NAME_MAX),
    amount
  })
  .strict()

const SEVERITY_MESSAGE = 'Choose how bad it was, from 0 (none) to 10.'
export const IRLS_MESSAGE = 'Enter the total your clinician scored: a whole number from 0 to 40.'

export const EpisodeInputSchema = z
  .object({
    date: isoDate,
    time: clock,
    severity: z.number({ error: SEVERITY_MESSAGE }).int(SEVERITY_MESSAGE).min(0, SEVERITY_MESSAGE).max(10, SEVERITY_MESSAGE),
    helped: z.string().trim().max(200, 'Keep this under 200 characters.')
  })
  .strict()

export const IrlsInputSchema = z
  .object({
    scoredOn: isoDate,
    total: z.number({ error: IRLS_MESSAGE }).int(IRLS_MESSAGE).min(0, IRLS_MESSAGE).max(40, IRLS_MESSAGE),
    note: z.string().trim().max(200, 'Keep the note under 200 characters.')
  })
  .strict()
