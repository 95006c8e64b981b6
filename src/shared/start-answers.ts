import type { Channel, Input } from './contract'

/**
 * Answers the page gets with its HTML instead of asking for them once its script has run: what the first
 * screen cannot be chosen without (first run or not, the theme). Whoever serves index.html (the app://
 * protocol in the desktop app, the web harness) runs these calls through the handler table and writes the
 * answers into the page as a JSON data block; the renderer's first call on each of these channels is
 * answered from it, later calls ask as usual. A JSON block is data, never executed, so the CSP is unchanged.
 */
export const START_CHANNELS = ['settings.get'] as const satisfies readonly NoInputChannel[]

export type StartChannel = (typeof START_CHANNELS)[number]

/** The id of the `<script type="application/json">` element that carries them. */
export const START_ANSWERS_ID = 'stillwell-start'

type NoInputChannel = { [C in Channel]: Input<C> extends undefined ? C : never }[Channel]
