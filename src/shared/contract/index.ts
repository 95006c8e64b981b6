import type { z } from 'zod'
import { appChannels, appEvents } from './app'
import { augmentationChannels } from './augmentation'
import { medicationsChannels } from './medications'
import { articlesChannels } from './articles'
import { dataChannels } from './data'
import { experimentsChannels } from './experiments'
import { foodsChannels } from './foods'
import { plannerChannels } from './planner'
import type { Result } from './result'
import { insightsChannels } from './insights'
import { journalChannels } from './journal'
import { remindersChannels } from './wind-down'
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
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

/**
 * The channel and event names, derived from the contract. The sandboxed preload
 * must not bundle zod, so it receives the same two lists at build time
 * (electron.vite.config.ts defines them from these).
 */
export const CHANNELS = Object.keys(contract) as Channel[]
export const EVENTS = Object.keys(events) as EventName[]

/**
 * What the preload exposes as `window.stillwell`: one function per channel,
 * plus a subscription for pushed events. Channels without input take none.
 */
export type Api = {
  invoke: <C extends Channel>(channel: C, ...input: Input<C> extends undefined ? [] : [Input<C>]) => Promise<Result<Output<C>>>
  on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void
}

export * from './app'
export * from './augmentation'
export * from './medications'
export * from './articles'
export * from './insights'
export * from './journal'
export * from './data'
export * from './experiments'
export * from './foods'
export * from './planner'
export * from './wind-down'
export * from './report'
export * from './result'
export * from './settings'
export * from './sleep-import'
