import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Api } from '../shared/contract'

// The contract's channel and event names, written in at build time (electron.vite.config.ts).
declare const __STILLWELL_CHANNELS__: readonly string[]
declare const __STILLWELL_EVENTS__: readonly string[]

const channels: ReadonlySet<string> = new Set(__STILLWELL_CHANNELS__)
const events: ReadonlySet<string> = new Set(__STILLWELL_EVENTS__)

/**
 * The only thing the page can reach: calls to the contract's channels and
 * subscriptions to its events. Anything else is refused here, and the main
 * side checks again (sender frame and input schema).
 */
const api = {
  invoke: (channel: string, ...input: unknown[]) => {
    if (!channels.has(channel)) return Promise.reject(new Error(`Unknown channel: ${channel}`))
    return ipcRenderer.invoke(channel, input[0])
  },
  on: (event: string, listener: (payload: never) => void) => {
    if (!events.has(event)) throw new Error(`Unknown event: ${event}`)
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as never)
    ipcRenderer.on(`event:${event}`, wrapped)
    return () => {
      ipcRenderer.removeListener(`event:${event}`, wrapped)
    }
  }
} satisfies Api

contextBridge.exposeInMainWorld('stillwell', api)
