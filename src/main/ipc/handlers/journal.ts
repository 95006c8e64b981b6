import type { Services } from '../../services'
import type { journalChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** The sleep journal and its factors. */
export const journalHandlers = (services: Services): Handlers<typeof journalChannels> => ({
  'journal.defaults': () => services.journal.defaults(),
  'journal.list': (range) => services.journal.list(range),
  'journal.get': ({ eveningDate }) => services.journal.get(eveningDate),
  'journal.create': (entry) => services.journal.create(entry),
  'journal.update': ({ id, entry }) => services.journal.update(id, entry),
  'journal.delete': ({ id }) => services.journal.remove(id),
  'journal.restore': ({ id }) => services.journal.restore(id),
  'journal.glance': () => services.journal.glance(),
  'journal.exportCsv': () => services.journal.exportCsv(),
  'journal.factors.list': () => services.journal.factors(),
  'journal.factors.create': (input) => services.journal.createFactor(input),
  'journal.factors.update': (input) => services.journal.updateFactor(input)
})
