import type { Api, Channel, EventName, EventPayload, Input, Output, Result } from '../../../shared/contract'
import { MAX_CALLS_PER_REQUEST } from '../../../shared/harness-bridge'

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

/** Calls whose message is larger than this (an import's file, say) travel alone rather than with others. */
const BATCH_BODY_LIMIT = 256 * 1024

interface QueuedCall {
  body: string
  resolve: (result: Result<unknown>) => void
  reject: (error: unknown) => void
}

function httpTransport(token: string): Transport {
  let source: EventSource | null = null
  // Calls made in the same task (the first screen's tiles each ask for their own data while mounting) go
  // out together in one request when that task ends: each fetch costs the page a few milliseconds of its
  // main thread, where Electron's IPC costs next to nothing. The server answers each call on its own.
  let queue: QueuedCall[] = []

  function post(body: string): Promise<unknown> {
    return fetch('/bridge/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-stillwell-token': token },
      body
    }).then((response) => response.json())
  }

  function send(calls: QueuedCall[]): void {
    if (calls.length === 1) {
      const [only] = calls as [QueuedCall]
      post(only.body).then((result) => only.resolve(result as Result<unknown>), only.reject)
      return
    }
    post(`[${calls.map((c) => c.body).join(',')}]`).then(
      (results) => {
        if (!Array.isArray(results) || results.length !== calls.length) {
          // A refusal of the whole request (too large, wrong token) comes back as one result: each call gets it.
          calls.forEach((c) => c.resolve(results as Result<unknown>))
          return
        }
        calls.forEach((c, i) => c.resolve(results[i] as Result<unknown>))
      },
      (error: unknown) => calls.forEach((c) => c.reject(error))
    )
  }

  function flush(): void {
    const calls = queue
    queue = []
    const small = calls.filter((c) => c.body.length <= BATCH_BODY_LIMIT)
    for (let i = 0; i < small.length; i += MAX_CALLS_PER_REQUEST) send(small.slice(i, i + MAX_CALLS_PER_REQUEST))
    for (const large of calls.filter((c) => c.body.length > BATCH_BODY_LIMIT)) send([large])
  }

  return {
    invoke<C extends Channel>(channel: C, ...input: Input<C> extends undefined ? [] : [Input<C>]): Promise<Result<Output<C>>> {
      return new Promise((resolve, reject) => {
        if (queue.length === 0) queueMicrotask(flush)
        queue.push({ body: JSON.stringify({ channel, input: input[0] }), resolve: resolve as QueuedCall['resolve'], reject })
      })
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      source ??= new EventSource(`/bridge/events?token=${encodeURIComponent(token)}`)
      const handler = (message: MessageEvent<string>): void => listener(JSON.parse(message.data) as EventPayload<E>)
      source.addEventListener(event, handler)
      return () => source?.removeEventListener(event, handler)
    }
  }
}
