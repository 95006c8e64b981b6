/**
 * What every IPC call answers. The main side never throws across the bridge:
 * a failure is a value the renderer can show.
 */
export const ERROR_CODES = ['invalid-input', 'unknown-channel', 'forbidden', 'not-found', 'conflict', 'unavailable', 'internal'] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppErrorShape {
  code: ErrorCode
  message: string
  /** Per-field messages for forms, keyed by a dotted path such as `profile.ageBand`. */
  fields?: Record<string, string>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

/** An error a service throws on purpose: its message is written for the user. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields: Record<string, string> | undefined

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = fields
  }

  toShape(): AppErrorShape {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }
}
