import type { AppErrorShape, Channel, ErrorCode, EventName, EventPayload, Input, Output } from '../../../shared/contract'
import { detectTransport, type Transport } from './transport'

/** A failed call, carrying the main side's typed error (and per-field messages for forms). */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly fields: Record<string, string>

  constructor(error: AppErrorShape) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.fields = error.fields ?? {}
  }
}

let transport: Transport | null = null

/** Tests hand in their own transport (the real handler table, in process). */
export function useTransport(next: Transport): void {
  transport = next
}

function current(): Transport {
  transport ??= detectTransport()
  return transport
}

/** Calls a channel and returns its value, or throws an ApiError with the typed error. */
export async function call<C extends Channel>(channel: C, ...input: Input<C> extends undefined ? [] : [Input<C>]): Promise<Output<C>> {
  const result = await current().invoke(channel, ...input)
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return current().on(event, listener)
}
