import type { Api, Channel, EventName, EventPayload, Input, Output, Result } from '../../../shared/contract'

/**
 * How calls reach the main side. Inside the desktop app the preload exposes
 * `window.stillwell` (Electron IPC); in the web harness the page finds a
 * bridge token in its own HTML and talks HTTP to the same handler table.
 * Nothing outside this folder knows which one is in use.
 */
export type Transport = Api

export function detectTransport(): Transport {
  if (window.stillwell) return window.stillwell
  const token = document.querySelector<HTMLMetaElement>('meta[name="stillwell-bridge"]')?.content
  if (token) return httpTransport(token)
  throw new Error('Stillwell could not reach its data: no bridge is available.')
}

function httpTransport(token: string): Transport {
  let source: EventSource | null = null
  return {
    async invoke<C extends Channel>(channel: C, ...input: Input<C> extends undefined ? [] : [Input<C>]): Promise<Result<Output<C>>> {
      const response = await fetch('/bridge/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-stillwell-token': token },
        body: JSON.stringify({ channel, input: input[0] })
      })
      return (await response.json()) as Result<Output<C>>
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      source ??= new EventSource(`/bridge/events?token=${encodeURIComponent(token)}`)
      const handler = (message: MessageEvent<string>): void => listener(JSON.parse(message.data) as EventPayload<E>)
      source.addEventListener(event, handler)
      return () => source?.removeEventListener(event, handler)
    }
  }
}
