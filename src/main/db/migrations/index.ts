import { migration0001 } from './0001-settings'
import { migration0003 } from './0003-foods'
import type { Migration } from './types'

/**
 * Holds version 2's place on this branch: another feature's migration takes
 * version 2 when the branches are merged, and this entry goes away then.
 */
const reservedVersion2: Migration = { version: 2, name: 'reserved', up: () => undefined }

/** Every migration the app has ever shipped, oldest first. Never edit a shipped one: add a new file. */
export const MIGRATIONS: readonly Migration[] = [migration0001, reservedVersion2, migration0003]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0)

export type { Migration }
