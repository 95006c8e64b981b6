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
    'settings.completeOnboarding': (input) => services.settings.completeOnboarding(input)
  }
}
