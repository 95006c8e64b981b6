/**
 * A small rotating log in the data folder (logs/stillwell.log), so a user can
 * tell someone what went wrong. Plain Node, unit-tested on a temporary folder.
 *
 * - One line per entry: an ISO time, the message, and the error's first line.
 *   Stack traces, line breaks and very long texts are cut: a log line is a
 *   pointer, not a dump.
 * - When the file passes maxBytes it becomes stillwell.log.1 (replacing the
 *   previous one) and a new file starts: at most about twice maxBytes on disk.
 * - Writing never throws: a full or read-only disk must not break the app.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const LOG_FILE = 'stillwell.log'
const MAX_LINE = 400

export interface LogFile {
  readonly path: string
  write(message: string, error?: unknown): void
  /** The last `count` lines, oldest first (reaching into the rotated file when the current one is short). */
  tail(count: number): string[]
}

export interface LogFileOptions {
  maxBytes?: number
  now?: () => Date
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return text.split(/\r?\n/)[0] ?? ''
}

export function formatLogLine(time: Date, message: string, error?: unknown): string {
  const detail = error === undefined || error === '' ? '' : ` (${firstLine(error)})`
  const text = `${message}${detail}`.replace(/\s+/g, ' ').trim()
  return `${time.toISOString()} ${text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 1)}…` : text}`
}

export function createLogFile(dir: string, options: LogFileOptions = {}): LogFile {
  const maxBytes = options.maxBytes ?? 256 * 1024
  const now = options.now ?? (() => new Date())
  const path = join(dir, LOG_FILE)
  const previous = `${path}.1`
  let size: number | null = null

  const currentSize = (): number => {
    if (size === null) size = existsSync(path) ? statSync(path).size : 0
    return size
  }

  const readLines = (file: string): string[] => {
    try {
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
    } catch {
      return []
    }
  }

  return {
    path,
    write(message, error) {
      try {
        const line = `${formatLogLine(now(), message, error)}\n`
        mkdirSync(dir, { recursive: true })
        if (currentSize() > 0 && currentSize() + Buffer.byteLength(line) > maxBytes) {
          renameSync(path, previous)
          size = 0
        }
        appendFileSync(path, line)
        size = currentSize() + Buffer.byteLength(line)
      } catch {
        size = null
      }
    },
    tail(count) {
      if (count <= 0) return []
      const current = readLines(path)
      const lines = current.length >= count ? current : [...readLines(previous), ...current]
      return lines.slice(-count)
    }
  }
}
