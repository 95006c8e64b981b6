import type { Channel, Output } from '../../../shared/contract'
import { START_ANSWERS_ID, START_CHANNELS } from '../../../shared/start-answers'

/**
 * The answers that came inside the page's HTML (shared/start-answers.ts), each handed out once: the first
 * call on such a channel gets it without a round trip, and any later call asks the main side afresh.
 * Read, then removed from the document, the first time a call asks; a missing or unreadable block (the
 * dev server's page, a component test) means every call asks as usual.
 */
let held: Map<string, unknown> | null = null

function read(): Map<string, unknown> {
  const answers = new Map<string, unknown>()
  const element = typeof document === 'undefined' ? null : document.getElementById(START_ANSWERS_ID)
  if (!element) return answers
  element.remove()
  try {
    const parsed: unknown = JSON.parse(element.textContent ?? '')
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return answers
    for (const channel of START_CHANNELS)
      if (Object.hasOwn(parsed, channel)) answers.set(channel, (parsed as Record<string, unknown>)[channel])
  } catch {
    // Unreadable: the calls go to the main side instead.
  }
  return answers
}

/** The answer for `channel` that came with the page, once; undefined when there is none (left). */
export function takeStartAnswer<C extends Channel>(channel: C): { value: Output<C> } | undefined {
  held ??= read()
  if (!held.has(channel)) return undefined
  const value = held.get(channel) as Output<C>
  held.delete(channel)
  return { value }
}
