import { START_ANSWERS_ID, START_CHANNELS } from '../shared/start-answers'
import { handle, type HandleOptions } from './ipc/handle'
import type { HandlerTable } from './ipc/handlers'

/**
 * The start answers (shared/start-answers.ts) as the element to put in index.html's head: each channel
 * through the same handler table as any call. A channel that fails is left out, so the page asks for it
 * itself and shows that call's error the usual way; with nothing to carry, this is ''.
 */
export async function startAnswersElement(handlers: HandlerTable, options: HandleOptions = {}): Promise<string> {
  const answers: Record<string, unknown> = {}
  for (const channel of START_CHANNELS) {
    const result = await handle(handlers, channel, undefined, options)
    if (result.ok) answers[channel] = result.value
  }
  if (Object.keys(answers).length === 0) return ''
  // Inside <script>, only "</script" or "<!--" could end the block early; no "<" is left to start either.
  // U+2028 and U+2029 are escaped too, so the text stays valid JavaScript as well as JSON.
  const json = JSON.stringify(answers)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
  return `<script type="application/json" id="${START_ANSWERS_ID}">${json}</script>`
}

/** index.html with `element` (from startAnswersElement) at the end of its head. */
export function withHeadElement(html: string, element: string): string {
  return element ? html.replace('</head>', `  ${element}\n  </head>`) : html
}
