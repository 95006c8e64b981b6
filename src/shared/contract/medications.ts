import { z } from 'zod'
import { DRUG_CLASSES } from '../domain/drug-classes'
import { DOSE_UNITS } from '../domain/medications'
import { DoseChangeInputSchema, MedicationInputSchema } from '../schemas/medications'

export { DoseChangeInputSchema, MedicationInputSchema }

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export const DoseChangeSchema = z.object({ id, changedOn: z.string(), dose: z.number(), note: z.string() })

export const MedicationSchema = z.object({
  id,
  name: z.string(),
  strength: z.number().nullable(),
  unit: z.enum(DOSE_UNITS),
  usualDose: z.number().nullable(),
  usualTime: z.string().nullable(),
  startDate: z.string(),
  stopDate: z.string().nullable(),
  purpose: z.string(),
  prescriberNote: z.string(),
  /** The class recognised from the name, or null for a name not on the bundled list. */
  drugClass: z.enum(DRUG_CLASSES).nullable(),
  /** Dated dose changes, oldest first. */
  changes: z.array(DoseChangeSchema),
  /** The usual dose in effect today (the latest change, else the usual dose). */
  currentDose: z.number().nullable(),
  /** Running today. */
  active: z.boolean()
})

export const MedicationListSchema = z.object({ today: z.string(), medications: z.array(MedicationSchema) })

export type MedicationInput = z.infer<typeof MedicationInputSchema>
export type DoseChangeInput = z.infer<typeof DoseChangeInputSchema>
export type Medication = z.infer<typeof MedicationSchema>
export type MedicationList = z.infer<typeof MedicationListSchema>

export const medicationsChannels = {
  'medications.list': { input: z.undefined(), output: MedicationListSchema },
  'medications.create': { input: MedicationInputSchema, output: MedicationSchema },
  'medications.update': { input: z.object({ id, medication: MedicationInputSchema }).strict(), output: MedicationSchema },
  'medications.delete': { input: z.object({ id }).strict(), output: z.object({ id }) },
  'medications.changeDose': { input: DoseChangeInputSchema, output: MedicationSchema },
  'medications.removeChange': { input: z.object({ id }).strict(), output: MedicationSchema }
} as const
