// A lab result as entered: the single source of its rules, messages and type.
// The contract checks IPC input with LabCreateSchema; the lab service and the
// labs form check with labInputSchema(today), which also refuses a future date.
import { z } from 'zod'
import { isoDate } from './fields'
import { isIsoDate } from '../domain/calendar'
import { ANALYTE_INFO, ANALYTES, LAB_UNITS, toCanonical } from '../domain/labs'

/** The earliest blood test the app takes. */
export const LAB_EARLIEST_DATE = '1950-01-01'
const valueMessage = 'Enter the number from your lab report, for example 48.'

export const LabCreateSchema = z
  .object({
    takenOn: isoDate,
    analyte: z.enum(ANALYTES, { error: 'Choose which test this is.' }),
    /** As printed on the report, in `unit`; stored converted to the test's canonical unit too. */
    value: z.number({ error: valueMessage }).finite(valueMessage).min(0, valueMessage).max(100000, valueMessage),
    unit: z.enum(LAB_UNITS, { error: 'Choose the unit printed on your report.' }),
    note: z.string().max(200, 'Keep the note under 200 characters.').default(''),
    /** Blood taken in the morning; iron supplements paused for 24 h before (null: not recorded). */
    morningDraw: z.boolean().nullable().default(null),
    ironPaused: z.boolean().nullable().default(null)
  })
  .strict()
  .superRefine((lab, ctx) => {
    if (!isIsoDate(lab.takenOn)) ctx.addIssue({ code: 'custom', path: ['takenOn'], message: 'That date does not exist.' })
    else if (lab.takenOn < LAB_EARLIEST_DATE) ctx.addIssue({ code: 'custom', path: ['takenOn'], message: 'Choose a date from 1950 on.' })
    const info = ANALYTE_INFO[lab.analyte]
    if (!info.units.includes(lab.unit)) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `${info.label} is reported in ${info.units.join(' or ')}.` })
    } else if (toCanonical(lab.analyte, lab.value, lab.unit) > info.max) {
      const message = `That is far above any real ${info.label.toLowerCase()} result. Check the number and unit.`
      ctx.addIssue({ code: 'custom', path: ['value'], message })
    }
  })

/** A lab result as the service saves it and the form checks it: also taken no later than `today`. */
export function labInputSchema({ today }: { today: string }) {
  return LabCreateSchema.superRefine((lab, ctx) => {
    if (lab.takenOn > today && isIsoDate(lab.takenOn)) {
      ctx.addIssue({ code: 'custom', path: ['takenOn'], message: 'That date is in the future. Enter the day the blood was taken.' })
    }
  })
}

export type LabCreate = z.input<typeof LabCreateSchema>
/** A lab result once checked: note and draw conditions filled in. */
export type LabInput = z.output<typeof LabCreateSchema>
