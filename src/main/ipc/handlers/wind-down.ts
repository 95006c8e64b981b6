import type { Services } from '../../services'
import type { remindersChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** Wind-down: evening reminders and the bedtime routine. */
export const windDownHandlers = (services: Services): Handlers<typeof remindersChannels> => ({
  'reminders.get': () => services.reminders.status(),
  'reminders.update': (patch) => services.reminders.update(patch),
  'reminders.skip': ({ eveningDate, skip }) => services.reminders.setSkip(eveningDate, skip),
  'reminders.snooze': ({ id }) => services.reminders.snooze(id),
  'reminders.pending': () => services.reminders.pending(),
  'reminders.dismissPending': ({ id }) => services.reminders.dismissPending(id),
  'routine.get': () => services.routine.get(),
  'routine.tick': ({ eveningDate, itemId, done }) => services.routine.tick(eveningDate, itemId, done),
  'routine.addItem': ({ label }) => services.routine.addItem(label),
  'routine.renameItem': ({ id, label }) => services.routine.renameItem(id, label),
  'routine.removeItem': ({ id }) => services.routine.removeItem(id),
  'routine.moveItem': ({ id, toIndex }) => services.routine.moveItem(id, toIndex),
  'routine.restoreSuggestions': () => services.routine.restoreSuggestions(),
  'routine.history': ({ from, to }) => services.routine.nights(from, to)
})
