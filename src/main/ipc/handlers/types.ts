import type { z } from 'zod'
import type { ChannelSpec } from '../../../shared/contract'

/** A handler receives input already checked against the contract and answers with the declared result. */
export type Handler<S extends ChannelSpec> = (input: z.output<S['input']>) => z.output<S['output']> | Promise<z.output<S['output']>>

/** One domain's handlers: exactly the channels of its contract section. */
export type Handlers<Section extends Record<string, ChannelSpec>> = { [C in keyof Section]: Handler<Section[C]> }
