import { type z } from 'zod'
import { AppError, contract, type AppErrorShape, type Channel, type Result } from '../../shared/contract'
import { fieldMessages } from '../../shared/schemas/messages'
import type { HandlerTable } from './handlers'

export interface HandleOptions {
  /** Where unexpected failures are reported; their details never reach the renderer. */
  log?: (message: string, error: unknown) => void
}

const MAX_MESSAGE_FIELDS = 20

function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value)
}

/**
 * The single entry point for every call from the renderer, whichever the
 * transport. It never throws: unknown channels, malformed input and service
 * failures all come back as `{ ok: false, error }`. Input is parsed before the
 * handler runs, so a malformed payload cannot write anything.
 */
export async function handle(
  table: HandlerTable,
  channel: unknown,
  rawInput: unknown,
  options: HandleOptions = {}
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    // Only a string is quoted back: anything else is named by its type, so no object's own toString ever runs.
    const name = typeof channel === 'string' ? JSON.stringify(channel.slice(0, 80)) : `of type ${channel === null ? 'null' : typeof channel}`
    return fail({ code: 'unknown-channel', message: `There is no channel called ${name}.` })
  }
  const parsed = contract[channel].input.safeParse(rawInput)
  if (!parsed.success) return fail(invalidInput(parsed.error))

  try {
    const handler = table[channel] as (input: unknown) => unknown
    const value = await handler(parsed.data)
    return { ok: true, value }
  } catch (error) {
    if (error instanceof AppError) return fail(error.toShape())
    const storage = storageProblem(error)
    if (storage) {
      options.log?.(`Channel ${channel} could not write`, error)
      return fail({ code: 'unavailable', message: storage })
    }
    options.log?.(`Channel ${channel} failed`, error)
    return fail({ code: 'internal', message: 'Something went wrong on our side. Nothing you entered was lost; please try again.' })
  }
}

/**
 * SQLite failures the user can do something about, in words they can act on.
 * The transaction was rolled back, so nothing saved earlier is affected.
 */
function storageProblem(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null
  if (code === 'SQLITE_FULL') {
    return 'Your disk is full, so this could not be saved. Free some space and try again; everything saved before is safe.'
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM') {
    return 'Stillwell cannot write to its data folder right now. Check that the folder exists and that you may write to it; everything saved before is safe.'
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY')) {
    return 'The data file could not be written just now. Please try again; everything saved before is safe.'
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return 'The data file looks damaged. Restart Stillwell: it will set the damaged file aside and tell you how to restore a backup.'
  }
  return null
}

function fail(error: AppErrorShape): Result<never> {
  return { ok: false, error }
}

function invalidInput(error: z.ZodError): AppErrorShape {
  return { code: 'invalid-input', message: 'Some of what was entered is not valid.', fields: fieldMessages(error, MAX_MESSAGE_FIELDS) }
}
