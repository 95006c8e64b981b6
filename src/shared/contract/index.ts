import type { z } from 'zod'
import { appChannels, appEvents } from './app'
import { augmentationChannels } from './augmentation'
import { medicationsChannels } from './medications'
import { articlesChannels } from './articles'
import type { ChannelName, EventName } from './channels'
import { dataChannels } from './data'
import { experimentsChannels } from './experiments'
import { foodsChannels } from './foods'
import { plannerChannels } from './planner'
import type { Result } from './result'
import { insightsChannels } from './insights'
import { journalChannels } from './journal'
import { remindersChannels } from './reminders'
import { reportChannels } from './report'
import { settingsChannels } from './settings'
import { sleepImportChannels } from './sleep-import'

export interface ChannelSpec {
  input: z.ZodType
  output: z.ZodType
}

function merge<T extends Record<string, ChannelSpec>[]>(...sections: T): UnionToIntersection<T[number]> {
  const merged: Record<string, ChannelSpec> = {}
  for (const section of sections) {
    for (const [name, spec] of Object.entries(section)) {
      if (name in merged) throw new Error(`Channel "${name}" is declared twice in the contract.`)
      merged[name] = spec
    }
  }
  return merged as UnionToIntersection<T[number]>
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never

/** Every IPC channel: its input schema and its result schema. */
export const contract = merge(
  appChannels,
  settingsChannels,
  journalChannels,
  insightsChannels,
  articlesChannels,
  foodsChannels,
  plannerChannels,
  remindersChannels,
  dataChannels,
  experimentsChannels,
  reportChannels,
  sleepImportChannels,
  medicationsChannels,
  augmentationChannels
)

export const events = { ...appEvents }

export type Contract = typeof contract
export type Channel = keyof Contract
export type Input<C extends Channel> = z.input<Contract[C]['input']>
export type Output<C extends Channel> = z.output<Contract[C]['output']>
export type EventPayload<E extends keyof typeof events> = z.output<(typeof events)[E]>

/**
 * What the preload exposes as `window.stillwell`: one function per channel,
 * plus a subscription for pushed events. Channels without input take none.
 */
export type Api = {
  invoke: <C extends Channel>(channel: C, ...input: Input<C> extends undefined ? [] : [Input<C>]) => Promise<Result<Output<C>>>
  on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void
}

// Compile-time check that the runtime channel list names exactly the contract's channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const channelListMatches: Same<Channel, ChannelName> = true
const eventListMatches: Same<keyof typeof events, EventName> = true
void channelListMatches
void eventListMatches

export * from './app'
export * from './augmentation'
export * from './medications'
export * from './articles'
export * from './insights'
export * from './journal'
export * from './channels'
export * from './data'
export * from './experiments'
export * from './foods'
export * from './planner'
export * from './reminders'
export * from './report'
export * from './result'
export * from './settings'
export * from './sleep-import'
