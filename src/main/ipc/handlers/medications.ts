import type { Services } from '../../services'
import type { augmentationChannels, medicationsChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** Medication records and their dose changes. */
export const medicationsHandlers = (services: Services): Handlers<typeof medicationsChannels> => ({
  'medications.list': () => services.medications.list(),
  'medications.create': (input) => services.medications.create(input),
  'medications.update': ({ id, medication }) => services.medications.update(id, medication),
  'medications.delete': ({ id }) => services.medications.remove(id),
  'medications.changeDose': (input) => services.medications.changeDose(input),
  'medications.removeChange': ({ id }) => services.medications.removeChange(id)
})

/** Daytime episodes, clinician-scored IRLS totals, symptom timing, and the augmentation watch (the report's clinical part comes with report.get). */
export const augmentationHandlers = (services: Services): Handlers<typeof augmentationChannels> => ({
  'episodes.list': ({ from, to }) => services.medications.episodes(from, to),
  'episodes.create': (input) => services.medications.addEpisode(input),
  'episodes.delete': ({ id }) => services.medications.removeEpisode(id),
  'irls.list': () => services.medications.irls(),
  'irls.create': (input) => services.medications.addIrls(input),
  'irls.delete': ({ id }) => services.medications.removeIrls(id),
  'augmentation.get': () => services.medications.augmentation(),
  'timing.get': ({ from, to }) => services.medications.timing(from, to),
  'augmentation.dismiss': ({ key }) => services.medications.dismissAugmentation(key)
})
