import type { AppErrorShape, Channel, ErrorCode, EventName, EventPayload, Input, Output } from '../../../shared/contract'
import { takeStartAnswer } from './start-answers'
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

let inFlight = 0

/** How many calls are on their way to the main side and not answered yet. */
export function callsInFlight(): number {
  return inFlight
}

/** Calls a channel and returns its value, or throws an ApiError with the typed error. */
export async function call<C extends Channel>(channel: C, ...input: Input<C> extends undefined ? [] : [Input<C>]): Promise<Output<C>> {
  // The first screen's settings came with the page (start-answers.ts): no round trip before it can show.
  const early = takeStartAnswer(channel)
  if (early) return early.value
  inFlight++
  let result
  try {
    result = await current().invoke(channel, ...input)
  } finally {
    inFlight--
  }
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}

/** Calls a channel that changes something, then reloads what the change affects (`refresh`), and returns the answer. */
export async function callThen<C extends Channel>(
  refresh: () => Promise<unknown>,
  channel: C,
  ...input: Input<C> extends undefined ? [] : [Input<C>]
): Promise<Output<C>> {
  const result = await call(channel, ...input)
  await refresh()
  return result
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return current().on(event, listener)
}

// ---------------------------------------------------------------------------
// Turning a failed call into words: the one place forms and views do this.

/** The main side's message for a failed call, or `fallback` for anything else (a bug, a lost connection). */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback
}

/** The first per-field message of a failed call (a single-field form), else its message, else `fallback`. */
export function firstFieldMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? (Object.values(error.fields)[0] ?? error.message) : fallback
}

/** Per-field messages plus `form` for the whole form's message, as the forms show them. */
export function formErrors(error: unknown, fallback: string): Record<string, string> {
  return error instanceof ApiError ? { form: error.message, ...error.fields } : { form: fallback }
}
