import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogFile, formatLogLine, LOG_FILE } from '../../../src/main/shell/log-file'
import { makeTempDir } from '../../support/temp-dir'

const temps: Array<() => void> = []
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()))
function folder(): string {
  const { dir, cleanup } = makeTempDir('stillwell-log-')
  temps.push(cleanup)
  return join(dir, 'logs')
}

const at = new Date('2026-03-29T01:30:00Z')

describe('the log file', () => {
  it('writes one line per entry with the time and the first line of the error, never a stack', () => {
    const dir = folder()
    const log = createLogFile(dir, { now: () => at })
    const error = new Error('database is locked')
    log.write('Reminder check (timer) failed', error)
    log.write('Stillwell started')
    const text = readFileSync(join(dir, LOG_FILE), 'utf8')
    expect(text).toBe(
      '2026-03-29T01:30:00.000Z Reminder check (timer) failed (Error: database is locked)\n2026-03-29T01:30:00.000Z Stillwell started\n'
    )
    expect(text).not.toContain('    at ')
  })

  it('keeps each entry on one line and cuts very long ones', () => {
    const line = formatLogLine(at, 'first\nsecond\r\nthird', 'x'.repeat(1000))
    expect(line).not.toMatch(/[\r\n]/)
    expect(line).toContain('first second third')
    expect(line.length).toBeLessThan(450)
    expect(line.endsWith('…')).toBe(true)
  })

  it('rotates past its size: the old lines move to stillwell.log.1 and at most two files exist', () => {
    const dir = folder()
    const log = createLogFile(dir, { maxBytes: 2_000, now: () => at })
    for (let i = 0; i < 200; i++) log.write(`entry ${i}`)
    expect(statSync(join(dir, LOG_FILE)).size).toBeLessThanOrEqual(2_000)
    expect(statSync(join(dir, `${LOG_FILE}.1`)).size).toBeLessThanOrEqual(2_000)
    expect(existsSync(join(dir, `${LOG_FILE}.2`))).toBe(false)
    expect(log.tail(1)).toEqual([`${at.toISOString()} entry 199`])
  })

  it('tail reaches into the rotated file when the current one is short, oldest first', () => {
    const dir = folder()
    const log = createLogFile(dir, { maxBytes: 200, now: () => at })
    for (let i = 0; i < 8; i++) log.write(`entry ${i}`)
    const tail = log.tail(5)
    expect(tail).toHaveLength(5)
    expect(tail.map((l) => l.split(' ').pop())).toEqual(['3', '4', '5', '6', '7'])
    expect(log.tail(0)).toEqual([])
  })

  it('never throws, even when the folder cannot be created', () => {
    const dir = folder()
    createLogFile(dir).write('make the folder')
    // The log file itself where a folder should be: every write fails.
    const log = createLogFile(join(dir, LOG_FILE, 'inside'))
    expect(() => log.write('nowhere to go')).not.toThrow()
    expect(log.tail(3)).toEqual([])
  })
})
