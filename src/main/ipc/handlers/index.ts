// The one table of channel → handler, bound both to ipcMain and to the web harness.
// Each domain keeps its handlers in its own file; adding a channel touches the
// contract section, that domain's file here and the service.
import type { Contract } from '../../../shared/contract'
import type { Services } from '../../services'
import { appHandlers } from './app'
import { articlesHandlers } from './articles'
import { dataHandlers } from './data'
import { experimentsHandlers } from './experiments'
import { foodsHandlers } from './foods'
import { insightsHandlers } from './insights'
import { journalHandlers } from './journal'
import { augmentationHandlers, medicationsHandlers } from './medications'
import { plannerHandlers } from './planner'
import { windDownHandlers } from './wind-down'
import { reportHandlers } from './report'
import { settingsHandlers } from './settings'
import { sleepImportHandlers } from './sleep-import'
import type { Handlers } from './types'

export type { Handler, Handlers } from './types'

/** Every channel of the contract with its handler. */
export type HandlerTable = Handlers<Contract>

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never

/** Joins the domains' tables; a channel served twice is a programming error, caught at start-up. */
function mergeDomains<T extends object[]>(...domains: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {}
  for (const domain of domains) {
    for (const [channel, handler] of Object.entries(domain)) {
      if (Object.prototype.hasOwnProperty.call(merged, channel)) throw new Error(`Channel "${channel}" has two handlers.`)
      merged[channel] = handler
    }
  }
  return merged as UnionToIntersection<T[number]>
}

export function createHandlers(services: Services): HandlerTable {
  // Typed as the full table: leaving out a domain (or a channel) is a compile error.
  const table: HandlerTable = mergeDomains(
    appHandlers(services),
    settingsHandlers(services),
    journalHandlers(services),
    insightsHandlers(services),
    articlesHandlers(services),
    foodsHandlers(services),
    plannerHandlers(services),
    windDownHandlers(services),
    dataHandlers(services),
    experimentsHandlers(services),
    reportHandlers(services),
    medicationsHandlers(services),
    augmentationHandlers(services),
    sleepImportHandlers(services)
  )
  return table
}

export { mergeDomains }
