import type { Migration } from './types'

/**
 * Version 7 is taken by the medications journal on its own line of work; this
 * empty step only keeps the numbering whole here until the two meet, when it
 * is replaced by that migration. It changes nothing.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'reserved',
  up() {}
}
