// A new experiment: the single source of its rules and messages. The contract
// checks IPC input with this schema, the type is inferred from it, and the
// experiment form shows its messages before saving.
import { z } from 'zod'
import { isoDate, requiredText } from './fields'
import {
  BLOCK_NIGHTS_MAX,
  BLOCK_NIGHTS_MIN,
  EXPERIMENT_NOTES_MAX,
  EXPERIMENT_TITLE_MAX,
  OUTCOMES,
  PERIOD_NIGHTS_MAX,
  PERIOD_NIGHTS_MIN
} from '../domain/experiment'

const periodNights = (what: string) => {
  const message = `Choose ${PERIOD_NIGHTS_MIN} to ${PERIOD_NIGHTS_MAX} ${what} nights.`
  return z.number({ error: message }).int(message).min(PERIOD_NIGHTS_MIN, message).max(PERIOD_NIGHTS_MAX, message)
}
const blockMessage = `Choose blocks of ${BLOCK_NIGHTS_MIN} to ${BLOCK_NIGHTS_MAX} nights.`

export const ExperimentCreateSchema = z
  .object({
    change: requiredText(
      'Describe the change you want to test.',
      EXPERIMENT_TITLE_MAX,
      `Keep the change under ${EXPERIMENT_TITLE_MAX} characters.`
    ),
    notes: z.string().max(EXPERIMENT_NOTES_MAX, `Keep notes under ${EXPERIMENT_NOTES_MAX} characters.`).default(''),
    outcome: z.enum(OUTCOMES, { error: 'Choose the outcome that matters to you.' }),
    startDate: isoDate,
    baselineNights: periodNights('baseline'),
    trialNights: periodNights('trial'),
    blockNights: z
      .number({ error: blockMessage })
      .int(blockMessage)
      .min(BLOCK_NIGHTS_MIN, blockMessage)
      .max(BLOCK_NIGHTS_MAX, blockMessage)
      .nullable()
  })
  .strict()

export type ExperimentCreate = z.input<typeof ExperimentCreateSchema>
