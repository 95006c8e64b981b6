import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handle } from '../../../src/main/ipc/handle'
import { CHANNELS, contract, ERROR_CODES, type Channel } from '../../../src/shared/contract'
import { startTestApp, type TestApp } from '../../support/app'

/**
 * Hostile and boundary payloads against every channel of the contract. New
 * channels are covered automatically: the list comes from the contract itself.
 */
const TOTAL_PAYLOADS = 10_000
const perChannel = Math.ceil(TOTAL_PAYLOADS / CHANNELS.length)

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uFFFF',
    '\uD800',
    '=HYPERLINK("http://x")',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '9999-99-99',
    '25:61'
  ),
  fc.string({ minLength: 10_000, maxLength: 20_000 })
)
const hostileNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_SAFE_INTEGER + 2, -1, 1e308, 0.1 + 0.2)
)
const pollutionKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty')

/** Deeply nested objects and arrays (hundreds of levels), built directly rather than by recursion in the arbitrary. */
const deeplyNested: fc.Arbitrary<unknown> = fc.tuple(fc.integer({ min: 20, max: 400 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = {}
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value }
  return value
})

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt().map(String)
)
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4, withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), pollutionKey), tie('value'), { maxKeys: 5 }),
    deeplyNested
  )
})).value

/** Objects shaped like real inputs (the schema's own keys) with hostile values and extra keys. */
function nearMiss(channel: Channel): fc.Arbitrary<unknown> {
  const schema = contract[channel].input as { shape?: Record<string, unknown> }
  const keys = schema.shape ? Object.keys(schema.shape) : []
  if (keys.length === 0) return hostileValue
  return fc
    .record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] })
    .chain((base) => fc.tuple(fc.constant(base), fc.option(fc.tuple(pollutionKey, hostileValue))))
    .map(([base, extra]) => (extra ? JSON.parse(JSON.stringify({ ...base, [extra[0]]: extra[1] }) ?? '{}') : base))
}

let app: TestApp
let totalChanges: () => number
let tried = 0

beforeAll(() => {
  app = startTestApp()
  const stmt = app.opened.db.prepare('SELECT total_changes() AS n')
  totalChanges = () => (stmt.get() as { n: number }).n
})
afterAll(() => {
  app.close()
  console.log(`ipc fuzz: ${tried} payloads across ${CHANNELS.length} channels`)
})

describe('every channel, hostile payloads', () => {
  it.each(CHANNELS.map((c) => [c]))(
    '%s answers a typed error or a valid result, never throws, and a rejected call writes nothing',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileValue, nearMiss(channel)), async (payload) => {
          tried++
          const before = totalChanges()
          const result = await handle(app.handlers, channel, payload)
          if (result.ok) {
            expect(contract[channel].output.safeParse(result.value).success).toBe(true)
          } else {
            expect(ERROR_CODES).toContain(result.error.code)
            expect(typeof result.error.message).toBe('string')
            expect(result.error.code).not.toBe('internal')
            expect(totalChanges()).toBe(before)
          }
        }),
        { numRuns: perChannel, seed: 20261124 }
      )
    },
    120_000
  )

  it('leaves no trace of prototype pollution', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('onboarded')
  })
})
