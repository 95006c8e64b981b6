import type { z } from 'zod'
import type { Channel, Contract, Output } from '../../shared/contract'
import type { Services } from '../services'

/** A handler receives input already checked against the contract. */
export type HandlerTable = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => Output<C> | Promise<Output<C>>
}

/** The one table of channel → handler, bound both to ipcMain and to the web harness. */
export function createHandlers(services: Services): HandlerTable {
  return {
    'app.info': () => services.appInfo.info(),
    'app.dismissNotice': ({ id }) => services.appInfo.dismissNotice(id),
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => services.settings.update(patch),
    'settings.completeOnboarding': (input) => services.settings.completeOnboarding(input),
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
  }
}
